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


def test_verslag_van_een_vastgesteld_jaar_zonder_nieuwere_sectie():
    """A school year frozen before a section existed (here verzuim_18plus and the vsv ages):
    empty cells and no sentence on it, never an error."""
    from leerplicht.cijfers.tabel import Soort
    from leerplicht.verslagen.jaarverslag import Bron

    def rapport(jaar: str, n: int, met_18plus: bool) -> dict:
        deel = {
            "naam": "Druten",
            "leerlingen": {"leerplichtig": n, "kwalificatieplichtig": 1, "totaal": n + 1},
            "werkprocessen": {"totaal": n, "percentage_leerlingen": 1.0},
            "handhaving": {"waarschuwing": 0, "halt": 0, "halt_positief": 0, "halt_negatief": 0,
                           "proces_verbaal": {"absoluut": 0, "relatief": 0, "luxe": 0, "totaal": 0}},
            "thuiszitters": {"begin": 0, "nieuw": 0, "opgelost": 0, "achttien_of_verhuisd": 0, "einde": 0},
            "vsv": {"nieuw": {"in_behandeling": 0, "monitoring": 0, "afgerond": 0, "totaal": 0},
                    "oud": {"in_behandeling": 0, "monitoring": 0, "afgerond": 0, "totaal": 0},
                    "resultaat_monitoring": {"nieuw": {}, "oud": {}},
                    "resultaat_afgerond": {"nieuw": {}, "oud": {}}},
        }  # fmt: skip
        if met_18plus:
            deel["verzuim_18plus"] = {"meldingen": 3, "unieke_personen": 2, "recidive": 1,
                                      "actie_gewenst": {"ja": 1, "nee": 1, "onbekend": 1}}  # fmt: skip
        return {"schooljaar": jaar, "peildatum": f"{jaar[:4]}-10-01", "gemeenten": {"GM0225": deel}}

    bron = Bron(
        rapporten={
            "2023-2024": rapport("2023-2024", 10, False),
            "2024-2025": rapport("2024-2025", 12, True),
        },
        schooljaren=("2023-2024", "2024-2025"),
        gemeenten=("GM0225",),
    )
    from leerplicht.verslagen import jaarverslag

    hoofdstuk = jaarverslag._h_doorstroompunt(bron)
    tabel = next(o for o in hoofdstuk.onderdelen if getattr(o, "id", "") == "verzuim-18plus")
    meldingen = tabel.rijen[0].cellen
    assert [c.waarde for c in meldingen] == [None, 3, None]
    assert meldingen[2].soort is Soort.VERANDERING
    tekst = next(o for o in hoofdstuk.onderdelen if getattr(o, "id", "") == "doorstroompunt-tekst")
    assert "verzuim 18+" not in tekst.concept and "voortijdig" in tekst.concept
