"""Nederlandse getalnotatie: 1.209 en 12,17%."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.percentage import percentage, verandering


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1209, "1.209"),
        (2699, "2.699"),
        (1_234_567, "1.234.567"),
        (-1209, "-1.209"),
        (-999, "-999"),
    ],
)
def test_getal(waarde, tekst):
    assert getal(waarde) == tekst


@settings(max_examples=200)
@given(st.integers(-(10**12), 10**12))
def test_getal_groepen_van_drie(waarde):
    tekst = getal(waarde)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", tekst)
    assert int(tekst.replace(".", "")) == waarde


@pytest.mark.parametrize(
    ("waarde", "teken", "tekst"),
    [
        (12.17, False, "12,17%"),
        (4.89, False, "4,89%"),
        (28.16, True, "+28,16%"),
        (28.16, False, "28,16%"),
        (-21.97, True, "-21,97%"),
        (-21.97, False, "-21,97%"),
        (-100.0, True, "-100,00%"),
        (12.5, False, "12,50%"),
        (100, False, "100,00%"),
        (1234.5, False, "1.234,50%"),
        (1234.5, True, "+1.234,50%"),
        (0.0, False, "0,00%"),
        (None, False, ""),
        (None, True, ""),
    ],
)
def test_procent(waarde, teken, tekst):
    assert procent(waarde, teken=teken) == tekst


def test_procent_rondt_half_up_af_zoals_de_cijfers():
    # A float format would give "0,12%" and "2,67%" (half to even on the binary value).
    assert procent(0.125) == "0,13%"
    assert procent(2.675) == "2,68%"
    assert procent(-0.125) == "-0,13%"


def test_procent_nul_zonder_minteken():
    assert procent(-0.0) == "0,00%"
    assert procent(-0.001) == "0,00%"
    assert procent(-0.0, teken=True) == procent(0.0, teken=True) == "+0,00%"


def _terug(tekst: str) -> float:
    return float(tekst.removesuffix("%").replace(".", "").replace(",", "."))


@settings(max_examples=250)
@given(st.integers(0, 10**7), st.integers(1, 10**7), st.booleans())
def test_procent_van_een_percentage_leest_terug(deel, geheel, teken):
    waarde = percentage(deel, geheel)
    tekst = procent(waarde, teken=teken)
    assert re.fullmatch(r"\+?\d{1,3}(\.\d{3})*,\d\d%", tekst)
    assert _terug(tekst) == waarde


@settings(max_examples=250)
@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_procent_van_een_verandering_leest_terug(nieuw, oud):
    waarde = verandering(nieuw, oud)
    tekst = procent(waarde, teken=True)
    assert re.fullmatch(r"[+-]\d{1,3}(\.\d{3})*,\d\d%", tekst)
    assert _terug(tekst) == waarde
    assert tekst.startswith("-") == (waarde < 0)
