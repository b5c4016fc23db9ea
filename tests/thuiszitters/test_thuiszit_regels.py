"""The thuiszitter rules (domein.thuiszitten): 4 weeks, the Thuiszitterspact's 3 months,
and which melding signals whom."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domein.datumstrategieen import datums
from leerplicht.domein import thuiszitten as t

dagen = st.integers(min_value=0, max_value=2000)
#: A 13-year-old on 1 March 2025: volledig leerplichtig.
KIND = t.Leerling(date(2012, 1, 10))
PEIL = date(2025, 3, 1)


@given(datums)
def test_precies_vier_weken_is_thuiszitter_een_dag_eerder_niet(van):
    assert t.vier_weken_thuis(van, van + timedelta(days=28))
    assert not t.vier_weken_thuis(van, van + timedelta(days=27))


@given(datums, dagen)
def test_vier_weken_is_monotoon(van, extra):
    if t.vier_weken_thuis(van, van + timedelta(days=extra)):
        assert t.vier_weken_thuis(van, van + timedelta(days=extra + 1))


@given(datums)
def test_precies_drie_maanden_is_nog_niet_voorbij_het_pact(van):
    grens = t.pactgrens(van)
    assert not t.langer_dan_drie_maanden(van, None, grens)
    assert t.langer_dan_drie_maanden(van, None, grens + timedelta(days=1))


@given(datums)
def test_pactgrens_ligt_tussen_89_en_92_dagen(van):
    assert 89 <= (t.pactgrens(van) - van).days <= 92


@pytest.mark.parametrize(
    ("van", "grens"),
    [
        (date(2025, 3, 5), date(2025, 6, 5)),
        (date(2024, 11, 30), date(2025, 2, 28)),
        (date(2023, 11, 30), date(2024, 2, 29)),
        (date(2025, 5, 31), date(2025, 8, 31)),
        (date(2025, 10, 31), date(2026, 1, 31)),
    ],
)
def test_pactgrens_voorbeelden(van, grens):
    assert t.pactgrens(van) == grens


@given(datums, dagen)
def test_een_gesloten_periode_loopt_niet_door(van, lengte):
    tot = van + timedelta(days=lengte)
    later = tot + timedelta(days=400)
    assert t.duur_in_dagen(van, tot, later) == lengte
    assert t.langer_dan_drie_maanden(van, tot, later) == (tot > t.pactgrens(van))


def test_duur_tekst():
    assert t.duur_tekst(0) == "0 dagen"
    assert t.duur_tekst(1) == "1 dag"
    assert t.duur_tekst(7) == "1 week"
    assert t.duur_tekst(47) == "6 weken en 5 dagen"


def _feit(soort: str, dagen_geleden: int, onopgelost: bool = True) -> t.Verzuimfeit:
    return t.Verzuimfeit(soort, PEIL - timedelta(days=dagen_geleden), onopgelost)


def test_langdurig_relatief_verzuim_is_altijd_een_signaal():
    assert t.thuiszitreden(_feit("langdurig", 0), KIND, PEIL) is t.Reden.LANGDURIG


@given(st.integers(min_value=0, max_value=400))
def test_absoluut_verzuim_signaleert_vanaf_vier_weken(dagen_geleden):
    reden = t.thuiszitreden(_feit("absoluut", dagen_geleden), KIND, PEIL)
    assert (reden is t.Reden.ABSOLUUT_VIER_WEKEN) == (dagen_geleden >= 28)


@pytest.mark.parametrize("soort", ["wettelijk", "luxe", "overig", "18plus"])
def test_andere_soorten_signaleren_niet(soort):
    assert t.thuiszitreden(_feit(soort, 100), KIND, PEIL) is None


def test_geen_signaal_met_vrijstelling_of_opgelost_of_in_de_toekomst():
    assert (
        t.thuiszitreden(
            _feit("langdurig", 50), t.Leerling(date(2012, 1, 10), vrijgesteld=True), PEIL
        )
        is None
    )
    assert t.thuiszitreden(_feit("langdurig", 50, onopgelost=False), KIND, PEIL) is None
    assert t.thuiszitreden(_feit("langdurig", -1), KIND, PEIL) is None


def test_alleen_leer_of_kwalificatieplichtigen():
    achttien = t.Leerling(date(2006, 1, 10))  # 19 on the peildatum
    vier = t.Leerling(date(2021, 1, 10))
    met_startkwalificatie = t.Leerling(date(2008, 1, 10), startkwalificatie=date(2024, 7, 1))
    zestien = t.Leerling(date(2008, 1, 10))  # kwalificatieplichtig
    assert t.thuiszitreden(_feit("langdurig", 50), achttien, PEIL) is None
    assert t.thuiszitreden(_feit("langdurig", 50), vier, PEIL) is None
    assert t.thuiszitreden(_feit("langdurig", 50), met_startkwalificatie, PEIL) is None
    assert t.thuiszitreden(_feit("langdurig", 50), zestien, PEIL) is t.Reden.LANGDURIG


@pytest.mark.parametrize(
    ("status", "gesloten", "onopgelost"),
    [
        ("nieuw", None, True),
        ("verzuimstaat_opgevraagd", None, True),
        ("compleet", None, True),
        ("overgedragen", False, True),
        ("overgedragen", True, False),
        (None, False, True),  # imported, its werkproces still open
        (None, None, False),  # imported history without a werkproces
        ("ingetrokken", False, False),
        ("ter_kennisneming", None, False),
    ],
)
def test_melding_onopgelost(status, gesloten, onopgelost):
    assert t.melding_onopgelost(status, gesloten) is onopgelost


# --- the register's facts (issue 13): the same status as every other signal ----------------

#: (born, twaalf schooljaren voltooid, kwalificatieplicht vervallen, thuiszitter on PEIL?)
#: PEIL is 1 March 2025.
MET_FEITEN = [
    # 16, kwalificatieplichtig: a thuiszitter.
    (date(2008, 6, 1), None, None, True),
    # 16, pro certificate on 1 July 2024 (art. 4a lid 2): no longer kwalificatieplichtig.
    (date(2008, 6, 1), None, date(2024, 7, 1), False),
    # The certificate after the peildatum: still kwalificatieplichtig today.
    (date(2008, 6, 1), None, date(2025, 3, 2), True),
    # On the day itself the plicht has lapsed.
    (date(2008, 6, 1), None, date(2025, 3, 1), False),
    # Twelve school years (art. 3 lid 1 onder a) end full leerplicht, not the
    # kwalificatieplicht: still a thuiszitter.
    (date(2009, 6, 1), date(2024, 7, 31), None, True),
]


@pytest.mark.parametrize(("geboren", "twaalf", "vervallen", "thuiszitter"), MET_FEITEN)
def test_leerplichtfeiten_tellen_mee(geboren, twaalf, vervallen, thuiszitter):
    leerling = t.Leerling(
        geboren, twaalf_schooljaren_voltooid=twaalf, kwalificatieplicht_vervallen=vervallen
    )
    reden = t.thuiszitreden(_feit("langdurig", 50), leerling, PEIL)
    assert (reden is not None) is thuiszitter
