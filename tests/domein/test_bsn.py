"""Burgerservicenummer: de elfproef en het testbereik voor nep-personen."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.bsn import TEST_BSN_PREFIX, is_geldig_bsn, is_test_bsn, test_bsn

MAX_VOLGNUMMER = 10**7 - 1


def elfproef_met_de_hand(bsn: str) -> int:
    """9·d1 + 8·d2 + ... + 2·d8 - 1·d9, written out independently of the module."""
    cijfers = [int(c) for c in bsn]
    return sum((9 - i) * c for i, c in enumerate(cijfers[:8])) - cijfers[8]


# Worked by hand:
#   111222333: 9+8+7 + 12+10+8 + 9+6 - 3 = 66 = 6·11            -> valid
#   123456782: 9+16+21+24+25+24+21+16 - 2 = 154 = 14·11          -> valid
#   123456789: 9+16+21+24+25+24+21+16 - 9 = 147 = 13·11 + 4      -> invalid
#   999999990: 9·(9+8+7+6+5+4+3+2) - 0 = 396 = 36·11             -> valid
#   000000000, 010000008 (8 - 8): sum 0                          -> invalid (excluded)
GELDIG = ["111222333", "123456782", "999999990", "900000004"]
ONGELDIG = [
    "123456789",
    "000000000",
    "010000008",
    "111222334",
    "111223233",  # two adjacent digits swapped
    "12345678",  # 8 digits
    "1234567820",  # 10 digits
    "",
    "12345678a",
    "1234-5678",
    " 12345678",
    "12345678 ",
    "１２３４５６７８２",  # full-width digits
    "٠١٢٣٤٥٦٧٨",  # Arabic-Indic digits
]


def test_handberekening():
    assert elfproef_met_de_hand("111222333") == 66
    assert elfproef_met_de_hand("123456782") == 154
    assert elfproef_met_de_hand("123456789") == 147
    assert elfproef_met_de_hand("010000008") == 0  # 8 - 8


@pytest.mark.parametrize("bsn", GELDIG)
def test_geldige_bsns(bsn):
    assert is_geldig_bsn(bsn)


@pytest.mark.parametrize("bsn", ONGELDIG)
def test_ongeldige_bsns(bsn):
    assert not is_geldig_bsn(bsn)


negen_cijfers = st.text(alphabet="0123456789", min_size=9, max_size=9)


@settings(max_examples=250)
@given(negen_cijfers)
def test_elfproef_komt_overeen_met_de_handberekening(bsn):
    som = elfproef_met_de_hand(bsn)
    assert is_geldig_bsn(bsn) == (som % 11 == 0 and som != 0)


@st.composite
def geldige_bsns(draw) -> str:
    basis = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    som = sum((9 - i) * int(c) for i, c in enumerate(basis))
    controle = som % 11
    if controle == 10 or (som == 0):
        basis, controle = "11122233", 3
    return basis + str(controle)


@settings(max_examples=200)
@given(geldige_bsns(), st.integers(0, 8), st.integers(1, 9))
def test_elke_fout_in_een_cijfer_valt_op(bsn, positie, verschil):
    assert is_geldig_bsn(bsn)
    fout = bsn[:positie] + str((int(bsn[positie]) + verschil) % 10) + bsn[positie + 1 :]
    assert not is_geldig_bsn(fout)


@settings(max_examples=200)
@given(geldige_bsns(), st.integers(0, 7))
def test_elke_verwisseling_van_buren_valt_op(bsn, positie):
    verwisseld = bsn[:positie] + bsn[positie + 1] + bsn[positie] + bsn[positie + 2 :]
    assert is_geldig_bsn(verwisseld) == (verwisseld == bsn)


# --- test BSNs --------------------------------------------------------------------------------


def test_test_bsn_voorbeelden():
    assert test_bsn(0) == "900000004"  # 9·9 = 81; 81 - 4 = 77 = 7·11
    assert test_bsn(MAX_VOLGNUMMER) == "999999990"  # 396 = 36·11, check digit 0
    assert test_bsn(1) == "900000016"  # 81 + 1·2 = 83; 83 - 6 = 77
    assert test_bsn(3) is None  # 81 + 3·2 = 87 = 7·11 + 10: no single check digit fits


@settings(max_examples=500)
@given(st.integers(0, MAX_VOLGNUMMER))
def test_test_bsn_is_geldig_met_testprefix_of_none(volgnummer):
    bsn = test_bsn(volgnummer)
    basis = f"{TEST_BSN_PREFIX}{volgnummer:07d}"
    kandidaten = [basis + str(c) for c in range(10) if is_geldig_bsn(basis + str(c))]
    if bsn is None:
        assert kandidaten == []  # no check digit fits: skipping is the only choice
    else:
        assert kandidaten == [bsn]
        assert bsn.startswith(TEST_BSN_PREFIX)
        assert is_test_bsn(bsn)
        assert len(bsn) == 9


def test_test_bsn_uniek_en_ongeveer_een_op_elf_overgeslagen():
    bsns = [test_bsn(v) for v in range(0, 20_000)]
    geldig = [b for b in bsns if b is not None]
    assert len(set(geldig)) == len(geldig)
    assert all(is_test_bsn(b) for b in geldig)
    overgeslagen = len(bsns) - len(geldig)
    assert 1500 < overgeslagen < 2200  # 20000 / 11 ≈ 1818


@pytest.mark.parametrize("volgnummer", [-1, -9_999_999, 10**7, 10**8])
def test_test_bsn_buiten_het_bereik(volgnummer):
    with pytest.raises(ValueError, match="volgnummer buiten het testbereik"):
        test_bsn(volgnummer)


def test_is_test_bsn():
    assert is_test_bsn("999999990")
    assert not is_test_bsn("111222333")  # valid, but not in the test range
    assert not is_test_bsn("999999991")  # test range, but fails the elfproef
    assert not is_test_bsn("9")
    assert not is_test_bsn("")
