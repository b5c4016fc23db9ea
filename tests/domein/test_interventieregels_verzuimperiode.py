"""Art. 22 Leerplichtwet judges the verzuim, not the day of the proces-verbaal; and Halt
is for minors (art. 77e Sr). Each row of a table is one case as the law reads it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from datumstrategieen import datums
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.interventieregels import Interventiegegevens, controleer_interventie
from leerplicht.domein.leeftijd import verjaardag

DAG = timedelta(days=1)


def fouten(**kwargs) -> list[str]:
    g = Interventiegegevens(**kwargs)
    return [m for lijst in controleer_interventie(g).values() for m in lijst]


def pv(
    *,
    tegen: str,
    geboren: date,
    op: date,
    van: date | None = None,
    tot: date | None = None,
    startkwalificatie: date | None = None,
) -> list[str]:
    return fouten(
        soort="proces_verbaal",
        datum=op,
        geboortedatum=geboren,
        tegen=tegen,
        verzuim="relatief",
        verzuim_van=van,
        verzuim_tot=tot,
        startkwalificatie=startkwalificatie,
    )


# --- leerplicht: what counts is when the verzuim happened ----------------------------------

ACHTTIEN_OP_10_MEI_2024 = date(2006, 5, 10)

#: (tegen, PV drawn up on, verzuim van, tot, allowed?)
NA_DE_ACHTTIENDE = [
    # The PV after the 18th birthday, about verzuim in March while 17: allowed.
    ("ouders", date(2024, 9, 2), date(2024, 3, 4), date(2024, 3, 29), True),
    ("jongere", date(2024, 9, 2), date(2024, 3, 4), date(2024, 3, 29), True),
    # Verzuim up to the day before the 18th birthday: still during the kwalificatieplicht.
    ("ouders", date(2024, 9, 2), date(2024, 5, 9), None, True),
    # Verzuim only from the 18th birthday on: no leerplicht then, refused.
    ("ouders", date(2024, 9, 2), date(2024, 5, 10), None, False),
    ("jongere", date(2024, 9, 2), date(2024, 5, 10), date(2024, 6, 28), False),
    # A period across the birthday: its days before the 18th birthday count.
    ("jongere", date(2024, 9, 2), date(2024, 5, 1), date(2024, 5, 24), True),
    # No period given: the PV date stands in, as before (refused from 18).
    ("ouders", date(2024, 9, 2), None, None, False),
]


@pytest.mark.parametrize("tegen,op,van,tot,mag", NA_DE_ACHTTIENDE)
def test_proces_verbaal_na_de_achttiende_over_verzuim_van_daarvoor(tegen, op, van, tot, mag):
    meldingen = pv(tegen=tegen, geboren=ACHTTIEN_OP_10_MEI_2024, op=op, van=van, tot=tot)
    assert (meldingen == []) is mag, meldingen


def test_weigering_noemt_de_wet_en_de_leeftijd_tijdens_het_verzuim():
    (melding,) = pv(
        tegen="ouders", geboren=ACHTTIEN_OP_10_MEI_2024, op=date(2024, 9, 2), van=date(2024, 5, 10)
    )
    assert melding == (
        "Een proces-verbaal kan alleen over verzuim uit de tijd dat de leerling leerplichtig "
        "of kwalificatieplichtig was (art. 22 lid 2 en 3 Leerplichtwet); de leerling was op "
        "de laatste dag van het verzuim (10 mei 2024) 18 jaar (niet meer leerplichtig)."
    )


STARTKWALIFICATIE_15_JAN_2024 = date(2024, 1, 15)

#: A pupil of 17 with a startkwalificatie (mbo 2) on 15 January 2024; PV on 1 March 2024.
#: (verzuim van, tot, allowed?)
NA_STARTKWALIFICATIE = [
    (date(2023, 11, 6), date(2023, 12, 15), True),  # before the diploma: allowed
    (date(2024, 1, 14), None, True),  # the day before the diploma
    (date(2024, 1, 15), None, False),  # the day of the diploma: no kwalificatieplicht
    (date(2024, 1, 22), date(2024, 2, 16), False),  # after the diploma
    (None, None, False),  # no period: the PV date, after the diploma
]


@pytest.mark.parametrize("van,tot,mag", NA_STARTKWALIFICATIE)
def test_proces_verbaal_na_startkwalificatie_over_verzuim_van_daarvoor(van, tot, mag):
    meldingen = pv(
        tegen="ouders",
        geboren=date(2006, 9, 1),
        op=date(2024, 3, 1),
        van=van,
        tot=tot,
        startkwalificatie=STARTKWALIFICATIE_15_JAN_2024,
    )
    assert (meldingen == []) is mag, meldingen


# --- the pupil: 12 or older when the verzuim happened (art. 22 lid 3) ------------------------

TWAALF_OP_1_JUNI_2024 = date(2012, 6, 1)

#: (PV drawn up on, verzuim van, tot, allowed?)
JONGERE_TWAALF = [
    # Twelve when the PV is drawn up, but the verzuim was all before: refused.
    (date(2024, 9, 2), date(2024, 5, 6), date(2024, 5, 31), False),
    # The verzuim goes on to the 12th birthday: that day is punishable.
    (date(2024, 9, 2), date(2024, 5, 6), date(2024, 6, 1), True),
    (date(2024, 9, 2), date(2024, 6, 3), date(2024, 6, 28), True),
    # No period: the PV date, as before.
    (date(2024, 9, 2), None, None, True),
    (date(2024, 5, 31), None, None, False),
]


@pytest.mark.parametrize("op,van,tot,mag", JONGERE_TWAALF)
def test_proces_verbaal_tegen_de_jongere_over_verzuim_vanaf_twaalf(op, van, tot, mag):
    meldingen = pv(tegen="jongere", geboren=TWAALF_OP_1_JUNI_2024, op=op, van=van, tot=tot)
    assert (meldingen == []) is mag, meldingen


def test_ouders_ook_voor_verzuim_van_voor_de_twaalfde():
    assert not pv(
        tegen="ouders",
        geboren=TWAALF_OP_1_JUNI_2024,
        op=date(2024, 9, 2),
        van=date(2024, 5, 6),
        tot=date(2024, 5, 31),
    )


def test_weigering_jongere_noemt_de_wet_en_de_laatste_dag_van_het_verzuim():
    assert pv(
        tegen="jongere",
        geboren=TWAALF_OP_1_JUNI_2024,
        op=date(2024, 9, 2),
        van=date(2024, 5, 6),
        tot=date(2024, 5, 31),
    ) == [
        "Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar (art. 22 lid 3 "
        "Leerplichtwet); de leerling was op de laatste dag van het verzuim (31 mei 2024) "
        "11 jaar."
    ]


# --- the period itself ------------------------------------------------------------------------


def test_verzuim_niet_na_het_proces_verbaal_en_niet_achterstevoren():
    geboren = date(2010, 1, 1)
    assert pv(
        tegen="ouders", geboren=geboren, op=date(2024, 3, 1), van=date(2024, 2, 1),
        tot=date(2024, 3, 4),
    ) == [
        "Het verzuim (4 maart 2024) kan niet na het proces-verbaal (1 maart 2024) liggen "
        "(art. 22 Leerplichtwet)."
    ]  # fmt: skip
    assert pv(
        tegen="ouders", geboren=geboren, op=date(2024, 3, 1), van=date(2024, 2, 9),
        tot=date(2024, 2, 1),
    ) == ["Het verzuim kan niet eindigen vóór het begon."]  # fmt: skip
    assert pv(tegen="ouders", geboren=geboren, op=date(2024, 3, 1), van=date(2024, 3, 1)) == []


def test_periode_alleen_bij_proces_verbaal():
    assert fouten(
        soort="gesprek",
        datum=date(2024, 3, 1),
        geboortedatum=date(2010, 1, 1),
        verzuim_van=date(2024, 2, 1),
    ) == ["De periode van het verzuim vult u alleen in bij een proces-verbaal (art. 22)."]


# --- Halt: 12 to 17 (art. 77e Sr) -------------------------------------------------------------

#: (verwijzing on, allowed?) for a pupil born 10 May 2006 (18 on 10 May 2024).
HALT_BOVENGRENS = [
    (date(2024, 5, 9), True),  # 17, the last day
    (date(2024, 5, 10), False),  # the 18th birthday
    (date(2024, 9, 2), False),
]


@pytest.mark.parametrize("op,mag", HALT_BOVENGRENS)
def test_halt_tot_de_achttiende_verjaardag(op, mag):
    meldingen = fouten(soort="halt", datum=op, geboortedatum=ACHTTIEN_OP_10_MEI_2024)
    assert (meldingen == []) is mag, meldingen


def test_halt_weigering_noemt_art_77e():
    assert fouten(soort="halt", datum=date(2024, 5, 10), geboortedatum=ACHTTIEN_OP_10_MEI_2024) == [
        "Een Halt-verwijzing kan alleen tot 18 jaar: Halt is voor minderjarigen van 12 tot en "
        "met 17 jaar (art. 77e Wetboek van Strafrecht); de leerling is op 10 mei 2024 18 jaar."
    ]


@given(st.one_of(datums.filter(lambda d: d.year <= 2010), st.just(date(2008, 2, 29))))
def test_halt_precies_tot_de_achttiende_verjaardag(geboren):
    achttien = verjaardag(geboren, 18)
    assert not fouten(soort="halt", datum=achttien - DAG, geboortedatum=geboren)
    assert fouten(soort="halt", datum=achttien, geboortedatum=geboren)
