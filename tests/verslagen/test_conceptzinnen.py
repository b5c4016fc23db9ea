"""The draft sentences of the jaarverslag (issue 6): right for a rise, a fall, no change
and a previous year of 0 (no percentage)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.conceptzinnen import GEEN_EENHEID, Eenheid, veranderingszin

MELDINGEN = Eenheid("melding", "meldingen")


def test_stijging_met_percentage():
    zin = veranderingszin("het absoluut verzuim", 362, 434, MELDINGEN)
    assert zin == "Het absoluut verzuim steeg van 362 naar 434 meldingen (+19,89%)."


def test_daling_met_percentage_en_duizendtallen():
    zin = veranderingszin("het aantal leerlingen", 9031, 1209, Eenheid("leerling", "leerlingen"))
    assert zin == "Het aantal leerlingen daalde van 9.031 naar 1.209 leerlingen (-86,61%)."


def test_gelijk():
    assert veranderingszin("het luxe verzuim", 12, 12, MELDINGEN) == (
        "Het luxe verzuim bleef gelijk: 12 meldingen."
    )
    assert veranderingszin(
        "het aantal Halt-verwijzingen", 1, 1, Eenheid("verwijzing", "verwijzingen")
    ) == ("Het aantal Halt-verwijzingen bleef gelijk: 1 verwijzing.")


def test_vorig_jaar_nul_geeft_geen_percentage():
    assert veranderingszin("het aantal processen-verbaal", 0, 5) == (
        "Het aantal processen-verbaal steeg van 0 naar 5."
    )
    assert veranderingszin("het luxe verzuim", 0, 1, MELDINGEN) == (
        "Het luxe verzuim steeg van 0 naar 1 melding."
    )


def test_naar_nul_is_min_honderd_procent():
    assert veranderingszin("het aantal thuiszitters", 4, 0) == (
        "Het aantal thuiszitters daalde van 4 naar 0 (-100,00%)."
    )


@given(oud=st.integers(0, 10**6), nieuw=st.integers(0, 10**6))
def test_werkwoord_en_percentage_volgen_de_getallen(oud, nieuw):
    zin = veranderingszin("het aantal", oud, nieuw, GEEN_EENHEID)
    if nieuw > oud:
        assert " steeg van " in zin
    elif nieuw < oud:
        assert " daalde van " in zin
    else:
        assert "bleef gelijk" in zin
    assert ("%" in zin) == (oud != 0 and nieuw != oud)
    assert zin.endswith(".") and zin[0].isupper()
