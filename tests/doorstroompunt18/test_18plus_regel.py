"""The verzuim 18+ rule (domein.verzuim_18plus): who acts, the repeated-melding rule and
which earlier meldingen count."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.verzuim_18plus import CONTACT_ONDANKS, EerdereMelding, beoordeel

DATUM = date(2025, 3, 5)


def test_eerste_melding_met_actie_gewenst_consulent_handelt():
    b = beoordeel(DATUM, True, [])
    assert (b.consulent_handelt, b.contact_ondanks, b.recidive) == (True, False, 0)
    assert b.reden == "actie gewenst"


def test_eerste_melding_zonder_actie_alleen_kennisneming():
    b = beoordeel(DATUM, False, [])
    assert (b.consulent_handelt, b.contact_ondanks, b.reden) == (False, False, None)


def test_tweede_melding_weer_geen_actie_toch_contact():
    b = beoordeel(DATUM, False, [EerdereMelding(date(2024, 10, 1), False)])
    assert (b.consulent_handelt, b.contact_ondanks, b.recidive) == (True, True, 1)
    assert b.reden == CONTACT_ONDANKS


def test_tweede_melding_geen_actie_na_eerdere_met_actie_geen_herhaling():
    b = beoordeel(DATUM, False, [EerdereMelding(date(2024, 10, 1), True)])
    assert (b.consulent_handelt, b.contact_ondanks, b.recidive) == (False, False, 1)


def test_onbekend_actie_gewenst_telt_als_actie():
    assert beoordeel(DATUM, None, []).consulent_handelt


def test_vorig_schooljaar_telt_niet_tenzij_werkproces_nog_loopt():
    vorig = date(2024, 7, 31)  # last day of school year 2023-2024
    assert not beoordeel(DATUM, False, [EerdereMelding(vorig, False)]).contact_ondanks
    lopend = EerdereMelding(vorig, False, in_lopend_werkproces=True)
    assert beoordeel(DATUM, False, [lopend]).contact_ondanks


def test_grens_schooljaar_1_augustus():
    eerste_dag = date(2024, 8, 1)
    assert beoordeel(DATUM, False, [EerdereMelding(eerste_dag, False)]).recidive == 1
    assert beoordeel(DATUM, False, [EerdereMelding(date(2024, 7, 31), False)]).recidive == 0


def test_latere_melding_telt_niet():
    assert beoordeel(DATUM, False, [EerdereMelding(DATUM + timedelta(days=1), False)]).recidive == 0


eerdere_meldingen = st.lists(
    st.builds(
        EerdereMelding,
        datum=st.dates(date(2023, 1, 1), date(2025, 12, 31)),
        actie_gewenst=st.sampled_from([True, False, None]),
        in_lopend_werkproces=st.booleans(),
    ),
    max_size=6,
)


@given(st.sampled_from([True, False, None]), eerdere_meldingen)
def test_consulent_handelt_altijd_bij_actie_of_herhaling(actie, eerdere):
    b = beoordeel(DATUM, actie, eerdere)
    assert b.consulent_handelt == (actie is not False or b.contact_ondanks)
    assert not b.contact_ondanks or (actie is False and b.recidive >= 1)
    assert 0 <= b.recidive <= len(eerdere)
