"""Bewaartermijnen: the date arithmetic (29 February, month ends) and the configuration."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from datumstrategieen import datums, geboortedatums, grensdatums
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.bewaartermijn import (
    STANDAARD,
    Handeling,
    Soort,
    bewaartermijnen,
    einde_vrijstelling,
    jaren_later,
    jaren_uit_omgeving,
    laatste_einde_doelgroep,
    omgevingsvariabele,
    verlopen,
    vervaldatum,
)
from leerplicht.domein.doorstroompunt_doelgroep import in_doelgroep_doorstroompunt

jaren = st.integers(0, 30)


def test_elke_soort_heeft_een_termijn_met_grondslag():
    assert set(STANDAARD) == set(Soort)
    for termijn in STANDAARD.values():
        assert termijn.jaren >= 0
        assert termijn.grondslag and termijn.vanaf


def test_jaren_later_29_februari_wordt_1_maart():
    assert jaren_later(date(2016, 2, 29), 5) == date(2021, 3, 1)
    assert jaren_later(date(2016, 2, 29), 4) == date(2020, 2, 29)
    assert jaren_later(date(2096, 2, 29), 4) == date(2100, 3, 1)  # 2100 is no leap year
    assert jaren_later(date(2019, 1, 31), 5) == date(2024, 1, 31)
    assert jaren_later(date(2019, 12, 31), 1) == date(2020, 12, 31)


@given(datums, jaren)
def test_jaren_later_verschuift_alleen_het_jaar(begin: date, n: int):
    uitkomst = jaren_later(begin, n)
    if (begin.month, begin.day) == (2, 29) and not calendar.isleap(begin.year + n):
        assert uitkomst == date(begin.year + n, 3, 1)
    else:
        assert uitkomst == begin.replace(year=begin.year + n)


@given(datums, datums, jaren)
def test_jaren_later_houdt_de_volgorde(a: date, b: date, n: int):
    """A later start never ends earlier (also across 28/29 February and 1 March)."""
    vroeg, laat = sorted((a, b))
    assert jaren_later(vroeg, n) <= jaren_later(laat, n)


@given(grensdatums(), st.integers(1, 30))
def test_termijn_eindigt_nooit_een_dag_te_vroeg(begin: date, n: int):
    """At least n × 365 days and never before the same calendar day n years on."""
    einde = jaren_later(begin, n)
    assert (einde - begin).days >= n * 365
    assert einde >= date(begin.year + n, begin.month, min(begin.day, 28))


@given(grensdatums(), jaren)
def test_laatste_dag_van_de_maand_blijft_in_die_maand_behalve_29_februari(begin: date, n: int):
    einde = jaren_later(begin, n)
    if (begin.month, begin.day) != (2, 29):
        assert (einde.month, einde.day) == (begin.month, begin.day)


def test_vervaldatum_niet_voor_de_19e_verjaardag():
    termijn = STANDAARD[Soort.WERKPROCES]  # 5 years, not before the 19th birthday
    geboren = date(2008, 2, 29)
    assert vervaldatum(date(2015, 6, 1), termijn, geboortedatum=geboren) == date(2027, 3, 1)
    assert vervaldatum(date(2025, 6, 1), termijn, geboortedatum=geboren) == date(2030, 6, 1)
    # Without a birth date only the years count.
    assert vervaldatum(date(2015, 6, 1), termijn) == date(2020, 6, 1)


@given(datums, geboortedatums, datums)
def test_verlopen_precies_vanaf_de_vervaldatum(begin: date, geboren: date, peildatum: date):
    termijn = STANDAARD[Soort.MELDING]
    grens = vervaldatum(begin, termijn, geboortedatum=geboren)
    assert verlopen(begin, termijn, peildatum, geboortedatum=geboren) == (grens <= peildatum)
    assert verlopen(begin, termijn, grens, geboortedatum=geboren)
    assert not verlopen(begin, termijn, grens - timedelta(days=1), geboortedatum=geboren)


def test_zonder_einddatum_nooit_verlopen():
    assert not verlopen(None, STANDAARD[Soort.WERKPROCES], date(2100, 1, 1))


def test_einde_doelgroep_23_voor_2026_en_27_daarna():
    assert laatste_einde_doelgroep(date(1995, 6, 1)) == date(2018, 6, 1)
    assert laatste_einde_doelgroep(date(2003, 6, 1)) == date(2030, 6, 1)
    # Left at 23 in 2024, but under 27 on 1 January 2026: in the doelgroep again.
    assert laatste_einde_doelgroep(date(2001, 3, 1)) == date(2028, 3, 1)
    # 27 on 31 December 2025: the new rule came a day too late.
    assert laatste_einde_doelgroep(date(1998, 12, 31)) == date(2021, 12, 31)
    assert laatste_einde_doelgroep(date(1999, 1, 2)) == date(2026, 1, 2)


@given(geboortedatums, st.integers(0, 4000))
def test_na_het_einde_van_de_doelgroep_nooit_meer_erin(geboren: date, dagen: int):
    einde = laatste_einde_doelgroep(geboren)
    assert not in_doelgroep_doorstroompunt(geboren, einde + timedelta(days=dagen))
    assert in_doelgroep_doorstroompunt(geboren, einde - timedelta(days=1))


def test_einde_vrijstelling():
    geboren = date(2010, 2, 28)
    assert einde_vrijstelling("open", None, None, geboren) is None
    assert einde_vrijstelling("toegekend", date(2020, 1, 1), date(2021, 7, 31), geboren) == date(
        2021, 7, 31
    )
    # Granted without an end: runs from the 18th birthday (end of kwalificatieplicht).
    assert einde_vrijstelling("toegekend", date(2020, 1, 1), None, geboren) == date(2028, 2, 28)
    assert einde_vrijstelling("afgewezen", date(2020, 1, 1), None, geboren) == date(2020, 1, 1)


def test_jaren_uit_omgeving():
    naam = omgevingsvariabele(Soort.WERKPROCES)
    assert naam == "LEERPLICHT_BEWAARTERMIJN_WERKPROCES_JAREN"
    assert jaren_uit_omgeving({naam: "7", "ANDERS": "x"}) == {"werkproces": 7}
    assert jaren_uit_omgeving({naam: " "}) == {}
    termijnen = bewaartermijnen(jaren_uit_omgeving({naam: "7"}))
    assert termijnen[Soort.WERKPROCES].jaren == 7
    assert termijnen[Soort.MELDING].jaren == STANDAARD[Soort.MELDING].jaren
    assert termijnen[Soort.AUDITREGEL].handeling is Handeling.ALLEEN_TELLEN


@pytest.mark.parametrize("waarde", ["-1", "vijf", "2.5", "101", "٣"])
def test_ongeldige_jaren_geven_een_nederlandse_fout(waarde: str):
    with pytest.raises(ValueError, match="LEERPLICHT_BEWAARTERMIJN_VSV_JAREN moet een geheel"):
        jaren_uit_omgeving({"LEERPLICHT_BEWAARTERMIJN_VSV_JAREN": waarde})
