"""neutraliseer: no spreadsheet formula survives, nothing else changes, nothing is lost."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.veilige_cel import GEVAARLIJK_BEGIN, neutraliseer

gevaarlijk = st.builds(lambda b, r: b + r, st.sampled_from(GEVAARLIJK_BEGIN), st.text())


@given(st.text())
def test_resultaat_begint_nooit_als_formule(tekst):
    assert not str(neutraliseer(tekst)).startswith(GEVAARLIJK_BEGIN)


@given(gevaarlijk)
def test_formule_krijgt_een_apostrof_en_blijft_leesbaar(tekst):
    uit = neutraliseer(tekst)
    assert uit == "'" + tekst
    assert uit[1:] == tekst  # nothing lost


@given(st.text().filter(lambda t: not t.startswith(GEVAARLIJK_BEGIN)))
def test_gewone_tekst_onveranderd(tekst):
    assert neutraliseer(tekst) is tekst


@given(st.text())
def test_twee_keer_is_een_keer(tekst):
    assert neutraliseer(neutraliseer(tekst)) == neutraliseer(tekst)


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.none(), st.dates(), st.booleans()))
def test_geen_tekst_onveranderd(waarde):
    """Numbers stay numbers (a negative number is no formula in a number cell)."""
    assert neutraliseer(waarde) == waarde
    assert type(neutraliseer(waarde)) is type(waarde)


@pytest.mark.parametrize(
    ("invoer", "uitvoer"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x.test","klik")', '\'=HYPERLINK("http://x.test","klik")'),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("De Bron", "De Bron"),
        ("a=b", "a=b"),
        ("", ""),
        ("'=1", "'=1"),
        (-5, -5),
        (Decimal("-1.5"), Decimal("-1.5")),
        (date(2024, 9, 1), date(2024, 9, 1)),
    ],
)
def test_voorbeelden(invoer, uitvoer):
    assert neutraliseer(invoer) == uitvoer
