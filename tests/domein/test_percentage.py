"""Percentages en veranderingen: half up op 2 decimalen, None waar geen percentage bestaat."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.percentage import afgerond, percentage, verandering


def half_up(exact: Fraction) -> float:
    """Round to 2 decimals, halves away from zero, from the exact fraction."""
    honderdsten = abs(exact) * 100
    naar_boven = math.floor(honderdsten + Fraction(1, 2))
    return float(Fraction(naar_boven, 100)) * (1 if exact >= 0 else -1) + 0.0


def test_druten():
    """Druten 2020-2021: 132 werkprocessen against 2699 leerlingen, 103 the year before."""
    assert percentage(132, 2699) == 4.89  # 4.8907...
    assert verandering(132, 103) == 28.16  # 28.155...: half up, not 28.15


def test_geen_percentage_zonder_noemer():
    assert percentage(0, 0) is None
    assert percentage(5, 0) is None
    assert verandering(5, 0) is None
    assert verandering(0, 0) is None


@pytest.mark.parametrize(
    ("deel", "geheel", "uitkomst"),
    [
        (1, 8, 12.5),
        (1, 3, 33.33),
        (2, 3, 66.67),
        (1, 800, 0.13),  # 0.125: half up (round() would give 0.12)
        (3, 1600, 0.19),  # 0.1875
        (1, 1600, 0.06),  # 0.0625
        (1, 400, 0.25),
        (0, 7, 0.0),
        (7, 7, 100.0),
        (3, 2, 150.0),
        (1, 200_000, 0.0),  # 0.0005
        (1, 20_000, 0.01),  # 0.005
    ],
)
def test_percentage_voorbeelden(deel, geheel, uitkomst):
    assert percentage(deel, geheel) == uitkomst


@pytest.mark.parametrize(
    ("nieuw", "oud", "uitkomst"),
    [
        (103, 132, -21.97),  # -21.969...
        (0, 5, -100.0),
        (10, 5, 100.0),
        (5, 5, 0.0),
        (801, 800, 0.13),  # +0.125
        (799, 800, -0.13),  # -0.125: symmetric, the same size as a rise
        (7, 8, -12.5),
        (9, 8, 12.5),
    ],
)
def test_verandering_voorbeelden(nieuw, oud, uitkomst):
    assert verandering(nieuw, oud) == uitkomst


def test_kleine_daling_geeft_geen_min_nul():
    # (29999 - 30000) / 30000 × 100 = -0.0033...: rounds to zero, which must not be -0.0
    # (it would show as "-0,00%" and as -0.0 in the JSON).
    uitkomst = verandering(29_999, 30_000)
    assert uitkomst == 0.0
    assert math.copysign(1.0, uitkomst) == 1.0
    assert math.copysign(1.0, afgerond(Decimal("-0.001"))) == 1.0


@settings(max_examples=500)
@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_percentage_is_exact_half_up(deel, geheel):
    uitkomst = percentage(deel, geheel)
    assert isinstance(uitkomst, float)
    assert uitkomst == half_up(Fraction(deel * 100, geheel))


@settings(max_examples=500)
@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_verandering_is_exact_half_up(nieuw, oud):
    uitkomst = verandering(nieuw, oud)
    assert isinstance(uitkomst, float)
    assert uitkomst == half_up(Fraction((nieuw - oud) * 100, oud))
    assert math.copysign(1.0, uitkomst) == (-1.0 if uitkomst < 0 else 1.0)
    assert (uitkomst > 0) <= (nieuw > oud) and (uitkomst < 0) <= (nieuw < oud)


@settings(max_examples=250)
@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_hoogstens_twee_decimalen(deel, geheel):
    uitkomst = percentage(deel, geheel)
    assert Decimal(repr(uitkomst)).as_tuple().exponent >= -2
    assert abs(uitkomst - deel * 100 / geheel) <= 0.005 + 1e-9


@settings(max_examples=200)
@given(st.integers(-(10**6), 10**6), st.integers(1, 10**6))
def test_afgerond_is_symmetrisch(teller, noemer):
    waarde = Decimal(teller) / Decimal(noemer)
    assert afgerond(-waarde) == -afgerond(waarde) + 0.0
