"""The jaarverslag in the web app (/verslagen/jaarverslag/) and as files
(/verslagen/jaarverslag/bestand/): the numbers are the rapport's, the region for a
teammanager of two gemeenten, one gemeente for a beleidsmedewerker of one, bad choices
replaced with a message, files only for a valid choice, one audit entry per view.

Expected values are read from the rapport JSON here (rapport_van, `leerplicht rapport`),
never from the view's code.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader
from verslag_webhulp import (
    NAMEN,
    A,
    B,
    C,
    als_tekst,
    bouw,
    bron_cellen,
    client_voor,
    rapporten_van,
    waarde,
)

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.portaal.navigatie import menu_voor
from leerplicht.verslagen.diensten import maak_jaarverslag
from toegang.toegangswereld import maak_gebruiker

pytestmark = pytest.mark.django_db

PAGINA = "/verslagen/jaarverslag/"
BESTAND = "/verslagen/jaarverslag/bestand/"


@pytest.fixture
def jaar(tmp_path) -> Schooljaar:
    """The dashboard's data; its last closed school year (the page's default)."""
    return bouw(tmp_path / "set").jaar


def _jaren(j: Schooljaar) -> list[str]:
    return [j.vorige(2).naam, j.vorige().naam, j.naam]


def _inzien(soort: str = "jaarverslag") -> list[dict]:
    return [
        r.toelichting
        for r in Auditregel.objects.filter(actie="inzien", object_type=soort).order_by("pk")
    ]


# --- the page ----------------------------------------------------------------------------------


def test_teammanager_ziet_het_regioverslag_met_de_getallen_van_het_rapport(jaar):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    antwoord = client.get(PAGINA)
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    # Default: the last closed school year, all of the user's gemeenten.
    assert f"Jaarverslag {settings.LEERPLICHT_REGIO_NAAM} {jaar.naam}</h1>" in pagina
    cellen = bron_cellen(pagina)
    rapporten = rapporten_van([A, B], _jaren(jaar))
    assert len(cellen) > 200
    assert {pad.split("/")[1] for pad, _ in cellen} == {A, B, "totaal"}
    assert {pad.split("/")[0] for pad, _ in cellen} == set(_jaren(jaar))
    for pad, tekst in cellen:
        assert tekst == als_tekst(waarde(rapporten, pad)), pad
    assert any(waarde(rapporten, pad) for pad, _ in cellen)  # not all zeros
    # Another team's gemeente is nowhere, not even as a name.
    assert NAMEN[C] not in pagina and C not in pagina
    # The teammanager writes the texts: a form per block.
    assert pagina.count('<textarea name="tekst"') == len(
        list(maak_jaarverslag(jaar, [A, B]).tekstblokken())
    )
    assert _inzien() == [{"schooljaar": jaar.naam, "gemeenten": f"{A},{B}", "formaat": "pagina"}]


def test_beleidsmedewerker_ziet_alleen_het_verslag_van_de_eigen_gemeente(jaar):
    client = client_voor(Rol.BELEIDSMEDEWERKER, A)
    pagina = client.get(PAGINA).content.decode()
    assert f"Jaarverslag {NAMEN[A]} {jaar.naam}</h1>" in pagina
    assert {pad.split("/")[1] for pad, _ in bron_cellen(pagina)} == {A}
    assert NAMEN[B] not in pagina and NAMEN[C] not in pagina
    assert "<textarea" not in pagina  # reads, does not write
    assert "Al mijn gemeenten" not in pagina  # one gemeente: no region to choose
    rapporten = rapporten_van([A], _jaren(jaar))
    for pad, tekst in bron_cellen(pagina):
        assert tekst == als_tekst(waarde(rapporten, pad)), pad


@pytest.mark.parametrize(
    ("vraag", "melding"),
    [
        ({"gemeente": C}, "Die gemeente hoort niet bij uw gemeenten."),
        ({"gemeente": "GM9999"}, "Die gemeente hoort niet bij uw gemeenten."),
        ({"schooljaar": "1999-2000"}, "Dat schooljaar kunt u hier niet kiezen."),
        ({"schooljaar": "2024-2026\x00"}, "Dat schooljaar kunt u hier niet kiezen."),
    ],
)
def test_een_verkeerde_keuze_geeft_het_standaardverslag_met_een_melding(jaar, vraag, melding):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    antwoord = client.get(PAGINA, vraag)
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert melding in pagina
    assert f"Jaarverslag {settings.LEERPLICHT_REGIO_NAAM} {jaar.naam}</h1>" in pagina
    assert NAMEN[C] not in pagina and "GM9999" not in pagina


def test_een_gemeente_en_een_ander_schooljaar_kiezen(jaar):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    vorig = jaar.vorige()
    pagina = client.get(PAGINA, {"gemeente": B, "schooljaar": vorig.naam}).content.decode()
    assert f"Jaarverslag {NAMEN[B]} {vorig.naam}</h1>" in pagina
    assert {pad.split("/")[1] for pad, _ in bron_cellen(pagina)} == {B}
    assert max(pad.split("/")[0] for pad, _ in bron_cellen(pagina)) == vorig.naam


def test_zonder_gemeenten_geen_verslag_en_geen_fout(db):
    client = client_voor(Rol.BELEIDSMEDEWERKER)
    antwoord = client.get(PAGINA)
    assert antwoord.status_code == 200
    assert "U werkt voor geen enkele gemeente" in antwoord.content.decode()
    assert client.get(BESTAND, {"formaat": "pdf"}).status_code == 400
    assert _inzien() == []


def test_in_het_menu_voor_wie_cijfers_ziet(db):
    def menu(rol: Rol) -> list[str]:
        return [naam for naam, _, _ in menu_voor(maak_gebruiker(rol.value, rol))]

    assert "verslagen:jaarverslag" in menu(Rol.BELEIDSMEDEWERKER)
    assert "verslagen:jaarverslag" in menu(Rol.TEAMMANAGER)
    assert "verslagen:jaarverslag" not in menu(Rol.APPLICATIEBEHEERDER)
    assert "verslagen:jaarverslag" not in menu(Rol.PRIVACY_OFFICER)


# --- the files ---------------------------------------------------------------------------------


def _bestand(client, formaat: str, **vraag: str):
    antwoord = client.get(BESTAND, {"formaat": formaat, **vraag})
    assert antwoord.status_code == 200, antwoord.content[:300]
    return antwoord


def _getal(waarde_) -> Decimal:
    return Decimal(str(round(float(waarde_), 2)))


def test_elk_bestand_heeft_het_juiste_soort_en_dezelfde_getallen(jaar):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    verslag = maak_jaarverslag(jaar, [A, B])
    rapporten = rapporten_van([A, B], _jaren(jaar))
    cellen = [c for _, t in verslag.tabellen() for r in t.rijen for c in r.cellen]
    metbron = [c for c in cellen if c.bron]
    assert len(metbron) > 200

    soorten = {
        "html": "text/html; charset=utf-8",
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
    }
    inhoud = {}
    for formaat, soort in soorten.items():
        antwoord = _bestand(client, formaat)
        assert antwoord["Content-Type"] == soort
        naam = "rapport" if formaat == "json" else "jaarverslag"
        assert antwoord["Content-Disposition"] == (
            f'attachment; filename="{naam}-{jaar.naam}-regio.{formaat}"'
        )
        inhoud[formaat] = antwoord.content

    # JSON: byte for byte what `leerplicht rapport --format json --uit` writes.
    uit = StringIO()
    call_command(
        "rapport", "--schooljaar", jaar.naam, "--format", "json",
        "--gemeente", A, "--gemeente", B, stdout=uit,
    )  # fmt: skip
    assert inhoud["json"].decode() == uit.getvalue()
    assert json.loads(inhoud["json"]) == rapporten[jaar.naam]

    # HTML: every number with its path, as the rapport says.
    html_cellen = bron_cellen(inhoud["html"].decode())
    assert len(html_cellen) == len(metbron)
    for pad, tekst in html_cellen:
        assert tekst == als_tekst(waarde(rapporten, pad)), pad

    # XLSX: the numeric cells are exactly the report's numbers.
    boek = load_workbook(io.BytesIO(inhoud["xlsx"]), data_only=True)
    gevonden: Counter[Decimal] = Counter(
        _getal(w)
        for blad in boek.worksheets[1:]
        for rij in blad.iter_rows(values_only=True)
        for w in rij
        if isinstance(w, int | float) and not isinstance(w, bool)
    )
    verwacht = Counter(_getal(c.waarde) for c in cellen if c.waarde is not None)
    assert gevonden == verwacht
    assert all(c.waarde == waarde(rapporten, "/".join(c.bron)) for c in metbron)

    # CSV: one row per cell, the value and its path.
    rijen = list(csv.DictReader(io.StringIO(inhoud["csv"].decode("utf-8-sig")), delimiter=";"))
    assert len(rijen) == len(cellen)
    for rij in rijen:
        if rij["soort"] in ("aantal", "procent") and rij["bron"]:
            verwacht_ = waarde(rapporten, rij["bron"])
            gelezen = rij["waarde"].replace(",", ".")
            assert (gelezen == "" and verwacht_ is None) or _getal(gelezen) == _getal(verwacht_)

    # PDF: tagged, and the rows' numbers in its text.
    lezer = PdfReader(io.BytesIO(inhoud["pdf"]))
    assert "/StructTreeRoot" in lezer.trailer["/Root"]
    tekst = "".join(p.extract_text() for p in lezer.pages).replace(" ", "").replace("\n", "")
    leerlingen = rapporten[jaar.naam]["gemeenten"]["totaal"]["leerlingen"]["totaal"]
    assert als_tekst(leerlingen) in tekst

    assert [t["formaat"] for t in _inzien()] == list(soorten)
    assert {t["gemeenten"] for t in _inzien()} == {f"{A},{B}"}


def test_bestand_van_een_gemeente_en_de_beleidsmedewerker(jaar):
    client = client_voor(Rol.BELEIDSMEDEWERKER, A)
    antwoord = _bestand(client, "csv")
    assert (
        antwoord["Content-Disposition"] == f'attachment; filename="jaarverslag-{jaar.naam}-{A}.csv"'
    )
    assert NAMEN[B] not in antwoord.content.decode("utf-8-sig")
    antwoord = _bestand(client, "json", schooljaar=jaar.vorige().naam)
    assert set(json.loads(antwoord.content)["gemeenten"]) == {A, "totaal"}


@pytest.mark.parametrize(
    "vraag",
    [
        {"formaat": "docx"},
        {"formaat": ""},
        {"formaat": "pdf", "gemeente": C},
        {"formaat": "pdf", "gemeente": "GM9999"},
        {"formaat": "xlsx", "schooljaar": "2024"},
        {"formaat": "csv\x00"},
    ],
)
def test_een_bestand_alleen_voor_een_geldige_keuze(jaar, vraag):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    antwoord = client.get(BESTAND, vraag)
    assert antwoord.status_code == 400
    pagina = antwoord.content.decode()
    assert "Dit bestand kan niet worden gemaakt" in pagina
    assert NAMEN[C] not in pagina
    assert _inzien() == []


def test_alleen_wie_cijfers_ziet(jaar):
    for rol in (Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER):
        client = client_voor(rol, A, naam=rol.value)
        assert client.get(PAGINA).status_code == 403
        assert client.get(BESTAND, {"formaat": "pdf"}).status_code == 403
    assert Client().get(PAGINA).status_code == 302  # anonymous: to the login page
