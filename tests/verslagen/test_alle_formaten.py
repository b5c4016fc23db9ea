"""Acceptance (issue 6): `leerplicht rapport --format html|pdf|xlsx|csv` for a demo school
year carry exactly the numbers of `leerplicht rapport --format json`.

A region is generated (`leerplicht genereer`) and read in (`leerplicht import`), then every
format is written by the command line, as a scheduled run would. Each file is read back on
its own terms - the HTML's cells, the PDF's extracted text, the XLSX's numeric cells, the
CSV's rows - and compared with the JSON of the three school years the report shows, found
through the paths (`Cel.bron`) of the one document all formats are laid out from. No
number may be missing, added or different.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from openpyxl import load_workbook
from pypdf import PdfReader

from leerplicht.cijfers.rapport import ALLE_GEMEENTEN
from leerplicht.cijfers.tabel import Cel, Pad, Soort
from leerplicht.domein.percentage import percentage, verandering
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.document import Verslag
from leerplicht.verslagen.opmaak import tekst_van

pytestmark = pytest.mark.django_db

JAAR = Schooljaar(2024)
FORMATEN = ("html", "pdf", "xlsx", "csv")


class Regio:
    def __init__(
        self, verslag: Verslag, json_per_jaar: dict[str, dict], bestanden: dict[str, Path]
    ):
        self.verslag = verslag
        self.json = json_per_jaar
        self.bestanden = bestanden

    def waarde(self, pad: Pad):
        jaar, gemeente, *rest = pad
        knoop = self.json[jaar]["gemeenten"][gemeente]
        for deel in rest:
            knoop = knoop[deel]
        return knoop

    def verwacht(self, cel: Cel) -> int | float | None:
        """The cell's number as the JSON gives it (or computes from it, for a change)."""
        if cel.bron is not None:
            return self.waarde(cel.bron)
        if cel.uit is not None and cel.soort is Soort.VERANDERING:
            return verandering(self.waarde(cel.uit[0]), self.waarde(cel.uit[1]))
        if cel.uit is not None:  # a share of the leerlingen
            return percentage(self.waarde(cel.uit[0]), self.waarde(cel.uit[1]))
        return cel.waarde  # a published benchmark figure: not from the register

    def cellen(self) -> list[tuple[str, Cel]]:
        return [(t.id, c) for _, t in self.verslag.tabellen() for r in t.rijen for c in r.cellen]


@pytest.fixture(scope="module")
def regio(django_db_setup, django_db_blocker, tmp_path_factory) -> Regio:
    map_ = tmp_path_factory.mktemp("alle_formaten")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command(
            "genereer", str(map_ / "set"), gemeenten=4, personen=2_500, schooljaar=JAAR.naam,
            jaren=3, seed=5, processen=1, stdout=StringIO(),
        )  # fmt: skip
        call_command("import", str(map_ / "set"), stdout=StringIO(), stderr=StringIO())
        verslag = maak_jaarverslag(JAAR, ALLE_GEMEENTEN)
        json_per_jaar = {}
        for jaar in verslag.schooljaren:
            uit = StringIO()
            call_command("rapport", "--schooljaar", jaar, "--format", "json", stdout=uit)
            json_per_jaar[jaar] = json.loads(uit.getvalue())
        bestanden = {}
        for formaat in FORMATEN:
            pad = map_ / f"jaarverslag.{formaat}"
            call_command(
                "rapport", "--schooljaar", JAAR.naam, "--format", formaat, "--uit", str(pad)
            )
            bestanden[formaat] = pad
        transaction.set_rollback(True)
    return Regio(verslag, json_per_jaar, bestanden)


def test_het_document_heeft_getallen_van_elke_sectie(regio: Regio) -> None:
    """Guard against a trivially passing comparison: many numbers, from every section."""
    secties = {c.bron[2] for _, c in regio.cellen() if c.bron}
    assert len(regio.cellen()) > 300
    assert {"leerlingen", "werkprocessen", "meldingen", "leerplichttelling", "vrijstellingen",
            "handhaving", "thuiszitters", "resultaten", "vsv", "verzuim_18plus"} <= secties  # fmt: skip
    assert any(regio.verwacht(c) for _, c in regio.cellen())


# --- HTML -----------------------------------------------------------------------------------


class _Getallen(HTMLParser):
    """The numeric cells of the HTML: (data-bron or data-uit, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.cellen: list[tuple[str, str]] = []
        self._open: str | None = None
        self._tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and (
            "data-bron" in a or "data-uit" in a or "verslag-getal" in (a.get("class") or "")
        ):
            self._open = a.get("data-bron") or a.get("data-uit") or ""
            self._tekst = []

    def handle_data(self, data):
        if self._open is not None:
            self._tekst.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self._open is not None:
            self.cellen.append((self._open, "".join(self._tekst).strip()))
            self._open = None


def test_html_heeft_precies_de_getallen_van_json(regio: Regio) -> None:
    lezer = _Getallen()
    lezer.feed(regio.bestanden["html"].read_text(encoding="utf-8"))
    gevonden = Counter(tekst for _, tekst in lezer.cellen)
    verwacht = Counter(tekst_van(Cel(regio.verwacht(c), c.soort)) for _, c in regio.cellen())
    assert gevonden == verwacht
    per_bron = {bron: tekst for bron, tekst in lezer.cellen if bron and "|" not in bron}
    for _, cel in regio.cellen():
        if cel.bron:
            assert per_bron["/".join(cel.bron)] == tekst_van(Cel(regio.waarde(cel.bron), cel.soort))


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_tekst_heeft_elke_rij_met_zijn_getallen_in_volgorde(regio: Regio) -> None:
    lezer = PdfReader(io.BytesIO(regio.bestanden["pdf"].read_bytes()))
    tekst = re.sub(r"\s+", "", "".join(p.extract_text() for p in lezer.pages))
    for _, tabel in regio.verslag.tabellen():
        for rij in tabel.rijen:
            getallen = "".join(tekst_van(Cel(regio.verwacht(c), c.soort)) for c in rij.cellen)
            assert getallen in tekst, (tabel.id, rij.kop, getallen)
    # Every number appears at least as often as the document has it.
    for waarde, aantal in Counter(
        tekst_van(Cel(regio.verwacht(c), c.soort)) for _, c in regio.cellen()
    ).items():
        if waarde != "–" and len(waarde) >= 3:
            assert tekst.count(waarde) >= aantal, waarde


# --- XLSX -----------------------------------------------------------------------------------


def _getal(waarde) -> Decimal:
    return Decimal(str(round(float(waarde), 2)))


def test_xlsx_heeft_precies_de_getallen_van_json(regio: Regio) -> None:
    boek = load_workbook(regio.bestanden["xlsx"], data_only=True)
    gevonden: Counter[Decimal] = Counter()
    for blad in boek.worksheets[1:]:  # the first sheet is the contents
        for rij in blad.iter_rows(values_only=True):
            for waarde in rij:
                if isinstance(waarde, int | float) and not isinstance(waarde, bool):
                    gevonden[_getal(waarde)] += 1
    verwacht = Counter(
        _getal(regio.verwacht(c)) for _, c in regio.cellen() if regio.verwacht(c) is not None
    )
    assert gevonden == verwacht


# --- CSV ------------------------------------------------------------------------------------


def test_csv_heeft_precies_de_getallen_van_json(regio: Regio) -> None:
    tekst = regio.bestanden["csv"].read_text(encoding="utf-8-sig")
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    verwacht = [c for _, c in regio.cellen()]
    assert len(rijen) == len(verwacht)
    for rij, cel in zip(rijen, verwacht, strict=True):
        waarde = regio.verwacht(cel)
        if waarde is None:
            assert rij["waarde"] == ""
        else:
            assert _getal(rij["waarde"].replace(",", ".")) == _getal(waarde), (rij, cel)
        if cel.bron:
            assert rij["bron"] == "/".join(cel.bron)
