"""Median and nearest-rank 90th percentile of lead times (domein.doorlooptijd)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.doorlooptijd import dagen_tekst, mediaan, percentiel, samenvatting

reeksen = st.lists(st.integers(min_value=0, max_value=3650), min_size=1, max_size=200)


def test_voorbeelden():
    assert mediaan([1, 2, 3, 4]) == 2.5
    assert mediaan([5, 1, 3]) == 3
    assert percentiel(range(1, 11), 90) == 9
    assert percentiel(range(1, 101), 90) == 90
    assert percentiel([7], 90) == 7
    assert samenvatting([]).aantal == 0 and samenvatting([]).p90 is None
    assert mediaan([]) is None


@given(reeksen)
def test_p90_is_een_gemeten_waarde_met_minstens_90_procent_eronder(waarden):
    p90 = percentiel(waarden, 90)
    assert p90 in waarden
    assert sum(w <= p90 for w in waarden) >= 0.9 * len(waarden)
    assert sum(w < p90 for w in waarden) < 0.9 * len(waarden)


@given(reeksen)
def test_volgorde_doet_er_niet_toe_en_mediaan_onder_p90(waarden):
    s = samenvatting(waarden)
    assert s == samenvatting(list(reversed(waarden)))
    assert min(waarden) <= s.mediaan <= s.p90 <= max(waarden)


@pytest.mark.parametrize("p", [0, -1, 101])
def test_percentiel_buiten_bereik(p):
    with pytest.raises(ValueError):
        percentiel([1], p)


def test_dagen_tekst():
    assert dagen_tekst(12) == "12"
    assert dagen_tekst(12.5) == "12,5"
    assert dagen_tekst(None) == "-"
    assert dagen_tekst(1500) == "1.500"
