"""The kengetallen of the benchmark (domein.kengetallen): each one count of the rapport as a
share of the leerlingen, rounded as every percentage of the figures."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leerplicht.cijfers.secties.leerplichttelling import RIJEN
from leerplicht.domein.kengetallen import (
    GEHEEL,
    KENGETAL_LABELS,
    KENGETAL_OP_CODE,
    KENGETALLEN,
    aandeel,
    waarde_op,
)
from leerplicht.domein.percentage import percentage


def _cijfers(teller: int, leerlingen: int) -> dict:
    """The figures of one gemeente, every count of a kengetal set to `teller`."""
    return {
        "leerlingen": {"leerplichtig": leerlingen, "kwalificatieplichtig": 0, "totaal": leerlingen},
        "werkprocessen": {"totaal": teller},
        "leerplichttelling": {r: {"vo": teller, "totaal": teller} for r in RIJEN},
        "handhaving": {"halt": teller, "proces_verbaal": {"relatief": teller, "totaal": teller}},
    }


def test_codes_en_labels_uniek_en_in_de_volgorde_van_het_verslag():
    codes = [k.code for k in KENGETALLEN]
    assert len(set(codes)) == len(codes) == 9
    assert len(set(KENGETAL_LABELS.values())) == len(codes)
    assert list(KENGETAL_LABELS) == codes
    assert codes[0] == "werkprocessen"
    assert all(KENGETAL_OP_CODE[c].code == c for c in codes)


def test_elk_kengetal_is_een_enkele_sleutel_van_het_rapport():
    """No sums: every numerator is one cell (the Leerplichttelling rows by their totaal)."""
    paden = {k.code: k.deel for k in KENGETALLEN}
    assert paden["werkprocessen"] == ("werkprocessen", "totaal")
    assert paden["halt"] == ("handhaving", "halt")
    assert paden["proces_verbaal"] == ("handhaving", "proces_verbaal", "totaal")
    for code in (
        "absoluut_verzuim",
        "relatief_verzuim",
        "langdurig_relatief_verzuim",
        "luxe_verzuim",
        "thuiszitters_nieuw",
        "vrijstelling_5a",
    ):
        assert paden[code] == ("leerplichttelling", code, "totaal")
        assert code in RIJEN
    assert GEHEEL == ("leerlingen", "totaal")
    for k in KENGETALLEN:
        assert isinstance(waarde_op(_cijfers(3, 10), k.deel), int), k.code


@given(teller=st.integers(0, 10**6), leerlingen=st.integers(0, 10**7))
def test_aandeel_is_percentage_van_de_leerlingen(teller, leerlingen):
    cijfers = _cijfers(teller, leerlingen)
    for k in KENGETALLEN:
        assert aandeel(cijfers, k) == percentage(teller, leerlingen)


def test_afronding_en_geen_leerlingen():
    werkprocessen = KENGETAL_OP_CODE["werkprocessen"]
    assert aandeel(_cijfers(482, 9099), werkprocessen) == 5.3  # 5.2973... half up
    assert aandeel(_cijfers(1, 8), werkprocessen) == 12.5
    assert aandeel(_cijfers(1, 800), werkprocessen) == 0.13  # 0.125: half up, not to even
    assert aandeel(_cijfers(0, 0), werkprocessen) is None
    assert aandeel(_cijfers(0, 7), werkprocessen) == 0.0
