"""The jaarverslag as CSV (issue 6): one row per number cell, the value of the rapport JSON at
its `bron`; Dutch Excel reads it (";", decimal comma, BOM in the file)."""

from __future__ import annotations

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command
from verslag_testdata import GEMEENTEN, JAAR, JAREN, importeer, rapport_json, waarde_op

from leerplicht.cijfers.rapport import ALLE_GEMEENTEN
from leerplicht.cijfers.tabel import Cel, Rij, Soort, Tabel
from leerplicht.domein.percentage import verandering
from leerplicht.verslagen.csv_uitvoer import KOLOMMEN, TOV, csv_tekst, getaltekst, lees_getal
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.document import Hoofdstuk, Verslag

pytestmark = pytest.mark.django_db


def _pad(tekst: str) -> tuple[str, ...]:
    return tuple(tekst.split("/"))


def _rijen(tekst: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(tekst), delimiter=";"))


@pytest.mark.parametrize("gemeenten", [list(GEMEENTEN), ["GM0668"]], ids=["regio", "gemeente"])
def test_elke_rij_is_het_getal_uit_de_json(tmp_path, gemeenten):
    importeer(tmp_path / "set")
    verslag = maak_jaarverslag(JAAR, gemeenten)
    rapporten = {j.naam: rapport_json(j, gemeenten) for j in JAREN}
    tekst = csv_tekst(verslag)
    assert tekst.splitlines()[0] == ";".join(KOLOMMEN)
    rijen = _rijen(tekst)
    cellen = [
        (h, t, r, k, c)
        for h, t in verslag.tabellen()
        for r in t.rijen
        for k, c in zip(t.kolommen, r.cellen, strict=True)
    ]
    assert len(rijen) == len(cellen) > 100
    soorten = set()
    for rij, (h, t, r, k, cel) in zip(rijen, cellen, strict=True):
        assert (rij["hoofdstuk"], rij["tabel"], rij["rij"], rij["kolom"]) == (
            h.titel,
            t.titel,
            r.kop,
            k,
        )
        assert rij["soort"] == cel.soort.value
        waarde = lees_getal(rij["waarde"])
        if cel.soort is Soort.VERANDERING:
            if rij["bron"]:
                nieuw, oud = (_pad(p) for p in rij["bron"].split(TOV))
                assert (nieuw, oud) == cel.uit
                verwacht = verandering(waarde_op(rapporten, nieuw), waarde_op(rapporten, oud))
            else:
                verwacht = None  # no change of a percentage
        else:
            verwacht = waarde_op(rapporten, _pad(rij["bron"]))
        assert waarde == verwacht, rij
        assert "." not in rij["waarde"]  # a decimal point would be a date in Dutch Excel
        soorten.add((cel.soort, waarde is None))
    # The data covers counts, percentages, changes and a change against 0 (empty).
    assert {(Soort.AANTAL, False), (Soort.PROCENT, False), (Soort.VERANDERING, True)} <= soorten


def test_getaltekst_voor_nederlandse_excel():
    assert getaltekst(1209) == "1209"
    assert getaltekst(12.17) == "12,17"
    assert getaltekst(-86.61) == "-86,61"
    assert getaltekst(28.1) == "28,10"
    assert getaltekst(-0.0) == "0,00"
    assert getaltekst(None) == ""
    for waarde in (0, 7, 1209, 12.17, -3.5, 100.0):
        assert lees_getal(getaltekst(waarde)) == waarde


def test_tekst_die_een_formule_lijkt_wordt_geneutraliseerd():
    tabel = Tabel("t", "=Tabel", "Soort", ("@kolom",), (Rij("-1+1", (Cel(-5, Soort.AANTAL),)),))
    verslag = Verslag(
        "J", "G", ("GM0225",), "2024-2025", ("2024-2025",), "2024-10-01",
        (Hoofdstuk("h", "+hoofdstuk", (tabel,)),),
    )  # fmt: skip
    rij = _rijen(csv_tekst(verslag))[0]
    assert rij["hoofdstuk"] == "'+hoofdstuk" and rij["tabel"] == "'=Tabel"
    assert rij["rij"] == "'-1+1" and rij["kolom"] == "'@kolom"
    assert rij["waarde"] == "-5"  # a number stays a number


def test_rapport_opdracht_schrijft_csv_met_bom(tmp_path):
    importeer(tmp_path / "set")
    pad = tmp_path / "verslag.csv"
    call_command(
        "rapport", "--schooljaar", JAAR.naam, "--format", "csv", "--uit", str(pad),
        stdout=StringIO(),
    )  # fmt: skip
    inhoud = pad.read_bytes()
    assert inhoud.startswith(b"\xef\xbb\xbf" + ";".join(KOLOMMEN).encode())
    assert inhoud.decode("utf-8-sig") == csv_tekst(maak_jaarverslag(JAAR, ALLE_GEMEENTEN))
