"""The start page: key figures of the last ended school year from maak_rapport, per gemeente."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fabrieken import kleine_regio
from html_tabellen import tabellen

from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.portaal import views
from leerplicht.portaal.kerncijfers import KERNCIJFERS
from paginaregels import zonder_inline_script_of_stijl

pytestmark = pytest.mark.django_db


def test_lege_database_legt_uit_hoe_te_importeren(ingelogd):
    antwoord = ingelogd.get("/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "<title>Leerplicht</title>" in html
    assert '<h1 class="utrecht-heading-1">Leerplicht</h1>' in html
    assert "Er zijn nog geen gegevens" in html
    assert "leerplicht import PAD" in html
    assert "<table" not in html


def test_pagina_opbouw(ingelogd):
    html = ingelogd.get("/").content.decode()
    assert '<html lang="nl"' in html
    assert re.search(r'<a class="utrecht-skip-link[^"]*" href="#inhoud">', html)
    for landmark in ("<header", "<nav", '<main id="inhoud"', "<footer"):
        assert landmark in html
    # Ready for a strict Content-Security-Policy: no inline scripts or styles.
    assert zonder_inline_script_of_stijl(html)
    assert "style=" not in html
    assert "<style" not in html


def test_kerncijfers_per_gemeente(ingelogd):
    jaar = kleine_regio()
    nu, vorig = jaar.naam, jaar.vorige().naam
    html = ingelogd.get("/").content.decode()
    assert "Er zijn nog geen gegevens" not in html
    assert f"Kerncijfers van schooljaar {nu}" in html

    rijen, captions = tabellen(html)
    assert list(rijen) == [k.sleutel for k in KERNCIJFERS]
    assert captions["leerlingen"] == "Leerlingen"
    kop = ["Gemeente", nu, vorig, "Verandering"]

    # Worked out by hand from fabrieken.kleine_regio (Aabeek sorts before Noorddorp).
    verwacht = {
        "leerlingen": [
            ["Aabeek", "4", "3", "+33,33%"],
            ["Noorddorp", "1.209", "1.209", "+0,00%"],
            ["Totaal", "1.213", "1.212", "+0,08%"],
        ],
        "werkprocessen": [
            ["Aabeek", "2", "1", "+100,00%"],
            ["Noorddorp", "1", "0", ""],
            ["Totaal", "3", "1", "+200,00%"],
        ],
        "absoluut-verzuim": [
            ["Aabeek", "1", "0", ""],
            ["Noorddorp", "0", "0", ""],
            ["Totaal", "1", "0", ""],
        ],
        "relatief-verzuim": [
            ["Aabeek", "3", "1", "+200,00%"],
            ["Noorddorp", "0", "0", ""],
            ["Totaal", "3", "1", "+200,00%"],
        ],
        "unieke-leerlingen-relatief-verzuim": [
            ["Aabeek", "2", "1", "+100,00%"],
            ["Noorddorp", "0", "0", ""],
            ["Totaal", "2", "1", "+100,00%"],
        ],
        "processen-verbaal": [
            ["Aabeek", "1", "0", ""],
            ["Noorddorp", "0", "0", ""],
            ["Totaal", "1", "0", ""],
        ],
        "halt": [
            ["Aabeek", "1", "0", ""],
            ["Noorddorp", "0", "0", ""],
            ["Totaal", "1", "0", ""],
        ],
        "thuiszitters-nieuw": [
            ["Aabeek", "0", "0", ""],
            ["Noorddorp", "1", "1", "+0,00%"],
            ["Totaal", "1", "1", "+0,00%"],
        ],
        "vrijstellingen-toegekend": [
            ["Aabeek", "1", "2", "-50,00%"],
            ["Noorddorp", "0", "0", ""],
            ["Totaal", "1", "2", "-50,00%"],
        ],
        "nieuwe-vsvers": [
            ["Aabeek", "0", "0", ""],
            ["Noorddorp", "1", "0", ""],
            ["Totaal", "1", "0", ""],
        ],
    }
    for sleutel, gemeenten in verwacht.items():
        assert rijen[sleutel] == [kop, *gemeenten], sleutel

    # A percentage has no change column.
    assert rijen["werkprocessen-percentage"] == [
        ["Gemeente", nu, vorig],
        ["Aabeek", "50,00%", "33,33%"],
        ["Noorddorp", "0,08%", "0,00%"],
        ["Totaal", "0,25%", "0,08%"],
    ]


def test_tabellen_toegankelijk(ingelogd):
    kleine_regio()
    html = ingelogd.get("/").content.decode()
    tabellen_html = re.findall(r"<table.*?</table>", html, flags=re.S)
    assert len(tabellen_html) == len(KERNCIJFERS)
    for tabel in tabellen_html:
        assert "<caption" in tabel
        assert tabel.count('<th scope="col"') >= 3
        assert tabel.count('<th scope="row"') == 3  # two gemeenten and the total
        for cel in re.findall(r"<td[^>]*>", tabel):
            assert "utrecht-table__cell--numeric-column" in cel  # right-aligned
    # An empty change cell still says something to a screen reader.
    assert "geen percentage" in html


@pytest.mark.parametrize(
    ("vandaag", "nu", "vorig"),
    [
        (date(2025, 7, 31), "2023-2024", "2022-2023"),  # 2024-2025 ends at the end of today
        (date(2025, 8, 1), "2024-2025", "2023-2024"),
    ],
)
def test_laatste_afgesloten_schooljaar(ingelogd, monkeypatch, vandaag, nu, vorig):
    monkeypatch.setattr(views.timezone, "localdate", lambda: vandaag)
    kleine_regio(Schooljaar.van_naam(nu))
    rijen, _ = tabellen(ingelogd.get("/").content.decode())
    assert rijen["leerlingen"][0] == ["Gemeente", nu, vorig, "Verandering"]
    assert rijen["leerlingen"][1] == ["Aabeek", "4", "3", "+33,33%"]
