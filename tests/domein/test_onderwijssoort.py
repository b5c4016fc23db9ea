"""Onderwijssoorten en de groepen van figures.md."""

from __future__ import annotations

import pytest

from leerplicht.domein.onderwijssoort import (
    GEEN,
    GROEP_VAN,
    GROEPEN,
    ONBEKEND,
    ONDERWIJSSOORTEN,
    SCHOOL_ONDERWIJSSOORTEN,
    groep,
)

# figures.md, section `meldingen`: bao_sbo = bao, sbo; so_vso = so, vso; vo = vo, pro, isk;
# mbo = mbo, vavo; and the two without a school type.
FIGURES_GROEPEN = {
    "bao_sbo": {"bao", "sbo"},
    "so_vso": {"so", "vso"},
    "vo": {"vo", "pro", "isk"},
    "mbo": {"mbo", "vavo"},
    "onbekend": {"onbekend"},
    "geen": {"geen"},
}

# domain.md, "School types (onderwijssoort) used in figures"
FIGURES_GROEPNAMEN = {
    "bao_sbo": "(speciaal) basisonderwijs",
    "so_vso": "(voortgezet) speciaal onderwijs",
    "vo": "voortgezet onderwijs",
    "mbo": "middelbaar beroepsonderwijs",
    "onbekend": "onderwijs onbekend",
    "geen": "geen onderwijs",
}

# exchange-format.md: the onderwijssoort code list
CODES = ["bao", "sbo", "so", "vso", "vo", "pro", "isk", "mbo", "vavo", "onbekend", "geen"]


def test_codelijst():
    assert list(ONDERWIJSSOORTEN) == CODES


def test_groepen_zoals_figures_md():
    assert GROEPEN == FIGURES_GROEPNAMEN
    # the order of the columns in the figures
    assert list(GROEPEN) == ["bao_sbo", "so_vso", "vo", "mbo", "onbekend", "geen"]
    gevonden: dict[str, set[str]] = {g: set() for g in GROEPEN}
    for soort in ONDERWIJSSOORTEN:
        gevonden[groep(soort)].add(soort)
    assert gevonden == FIGURES_GROEPEN


@pytest.mark.parametrize("soort", CODES)
def test_elke_code_heeft_een_groep(soort):
    assert groep(soort) in GROEPEN
    assert GROEP_VAN[soort] == groep(soort)


def test_geen_onderwijssoort_is_geen():
    assert groep(None) == GEEN == "geen"
    assert groep("") == "geen"
    assert groep(ONBEKEND) == "onbekend"


def test_onbekende_code_geeft_een_fout():
    with pytest.raises(KeyError):
        groep("havo")


def test_school_onderwijssoorten():
    assert "geen" not in SCHOOL_ONDERWIJSSOORTEN
    assert set(SCHOOL_ONDERWIJSSOORTEN) == set(CODES) - {"geen"}
    assert ONBEKEND in SCHOOL_ONDERWIJSSOORTEN
