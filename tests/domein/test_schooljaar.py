"""Schooljaar: 1 augustus tot en met 31 juli, genoemd als "2024-2025"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from datumstrategieen import datums, grensdatums
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar

beginjaren = st.integers(1000, 9998)


# --- naam ---------------------------------------------------------------------------


def test_naam_en_str():
    assert Schooljaar(2024).naam == "2024-2025"
    assert str(Schooljaar(2024)) == "2024-2025"
    assert Schooljaar(1999).naam == "1999-2000"


def test_van_naam():
    assert Schooljaar.van_naam("2024-2025") == Schooljaar(2024)
    assert Schooljaar.van_naam("1999-2000") == Schooljaar(1999)
    assert Schooljaar.van_naam(" 2024-2025\n") == Schooljaar(2024)  # surrounding space ignored


@pytest.mark.parametrize(
    "naam",
    [
        "",
        "2024",
        "2024-2024",
        "2024-2026",
        "2025-2024",
        "2024-25",
        "24-25",
        "2024/2025",
        "2024 - 2025",
        "2024–2025",  # en dash
        "2024-2025-2026",
        "schooljaar 2024-2025",
        "abcd-efgh",
        "+2024-2025",
        "２０２４-２０２５",  # full-width digits are not a school year name
        "٢٠٢٤-٢٠٢٥",  # Arabic-Indic digits neither
    ],
)
def test_ongeldige_naam_geeft_nederlandse_foutmelding(naam):
    with pytest.raises(ValueError, match="ongeldig schooljaar") as fout:
        Schooljaar.van_naam(naam)
    assert "verwacht bijvoorbeeld 2024-2025" in str(fout.value)


@given(beginjaren)
def test_naam_heen_en_terug(beginjaar):
    jaar = Schooljaar(beginjaar)
    assert Schooljaar.van_naam(jaar.naam) == jaar


@given(st.integers(1000, 9998), st.integers(1000, 9999))
def test_van_naam_alleen_opeenvolgende_jaren(eerste, tweede):
    naam = f"{eerste}-{tweede}"
    if tweede == eerste + 1:
        assert Schooljaar.van_naam(naam).beginjaar == eerste
    else:
        with pytest.raises(ValueError, match="ongeldig schooljaar"):
            Schooljaar.van_naam(naam)


# --- van_datum, begin, einde ---------------------------------------------------------------


def test_31_juli_oud_jaar_1_augustus_nieuw_jaar():
    assert Schooljaar.van_datum(date(2025, 7, 31)) == Schooljaar(2024)
    assert Schooljaar.van_datum(date(2025, 8, 1)) == Schooljaar(2025)
    assert Schooljaar.van_datum(date(2024, 8, 1)) == Schooljaar(2024)
    assert Schooljaar.van_datum(date(2024, 12, 31)) == Schooljaar(2024)
    assert Schooljaar.van_datum(date(2025, 1, 1)) == Schooljaar(2024)
    assert Schooljaar.van_datum(date(2024, 2, 29)) == Schooljaar(2023)


def test_begin_einde_peildatum():
    jaar = Schooljaar(2024)
    assert jaar.begin == date(2024, 8, 1)
    assert jaar.einde == date(2025, 7, 31)
    assert jaar.standaard_peildatum == date(2024, 10, 1)


@settings(max_examples=250)
@given(datums)
def test_elke_datum_valt_in_precies_het_jaar_van_van_datum(datum):
    jaar = Schooljaar.van_datum(datum)
    assert jaar.begin <= datum <= jaar.einde
    assert jaar.bevat(datum)
    assert not jaar.vorige().bevat(datum)
    assert not jaar.volgende().bevat(datum)
    # 31 July is the last day, 1 August the first
    assert (datum.month, datum.day) != (7, 31) or datum == jaar.einde
    assert (datum.month, datum.day) != (8, 1) or datum == jaar.begin


@settings(max_examples=200)
@given(grensdatums())
def test_dag_na_einde_is_begin_van_volgend_jaar(datum):
    jaar = Schooljaar.van_datum(datum)
    assert Schooljaar.van_datum(jaar.einde + timedelta(days=1)) == jaar.volgende()
    assert Schooljaar.van_datum(jaar.begin - timedelta(days=1)) == jaar.vorige()
    assert jaar.volgende().begin == jaar.einde + timedelta(days=1)


@given(beginjaren)
def test_eigenschappen_van_een_jaar(beginjaar):
    jaar = Schooljaar(beginjaar)
    assert jaar.begin == date(beginjaar, 8, 1)
    assert jaar.einde == date(beginjaar + 1, 7, 31)
    assert jaar.standaard_peildatum == date(beginjaar, 10, 1)
    assert jaar.bevat(jaar.standaard_peildatum)
    assert Schooljaar.van_datum(jaar.begin) == jaar
    assert Schooljaar.van_datum(jaar.einde) == jaar
    assert jaar.dagen() == (jaar.einde - jaar.begin).days + 1


def test_dagen_met_en_zonder_29_februari():
    assert Schooljaar(2023).dagen() == 366  # holds 2024-02-29
    assert Schooljaar(2024).dagen() == 365
    assert Schooljaar(2099).dagen() == 365  # 2100 is no leap year
    assert Schooljaar(1999).dagen() == 366  # 2000 is


# --- vorige / volgende ---------------------------------------------------------------


def test_vorige_en_volgende():
    assert Schooljaar(2024).vorige() == Schooljaar(2023)
    assert Schooljaar(2024).vorige(4) == Schooljaar(2020)
    assert Schooljaar(2024).vorige(0) == Schooljaar(2024)
    assert Schooljaar(2024).volgende() == Schooljaar(2025)
    assert Schooljaar(2024).volgende().naam == "2025-2026"


@given(st.integers(1100, 9000), st.integers(0, 99))
def test_vorige_volgende_zijn_elkaars_omgekeerde(beginjaar, aantal):
    jaar = Schooljaar(beginjaar)
    assert jaar.volgende().vorige() == jaar
    assert jaar.vorige().volgende() == jaar
    terug = jaar.vorige(aantal)
    assert terug.beginjaar == beginjaar - aantal
    for _ in range(aantal):
        terug = terug.volgende()
    assert terug == jaar


def test_ordening():
    jaren = [Schooljaar(2025), Schooljaar(2019), Schooljaar(2024)]
    assert sorted(jaren) == [Schooljaar(2019), Schooljaar(2024), Schooljaar(2025)]
    assert Schooljaar(2024) < Schooljaar(2025)
    assert len({Schooljaar(2024), Schooljaar.van_naam("2024-2025")}) == 1


# --- laatste_afgesloten_schooljaar ------------------------------------------------------


def test_laatste_afgesloten_schooljaar():
    # On 31 July the school year is still running (that day belongs to it).
    assert laatste_afgesloten_schooljaar(date(2025, 7, 31)) == Schooljaar(2023)
    assert laatste_afgesloten_schooljaar(date(2025, 8, 1)) == Schooljaar(2024)
    assert laatste_afgesloten_schooljaar(date(2025, 10, 1)) == Schooljaar(2024)


@settings(max_examples=200)
@given(datums)
def test_laatste_afgesloten_schooljaar_is_afgesloten_en_het_laatste(vandaag):
    jaar = laatste_afgesloten_schooljaar(vandaag)
    assert jaar.einde < vandaag
    assert not jaar.volgende().einde < vandaag
