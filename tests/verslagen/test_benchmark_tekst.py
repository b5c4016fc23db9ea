"""Security finding 3 of issue 12: a benchmark bron named `Regio $\\undefinedcmd{x}$` made
matplotlib parse mathtext and fail, so every jaarverslag page, its HTML and PDF and
`leerplicht rapport --format pdf` answered 500. Text from data is shown as written in
every format: no mathtext in the charts, no markup or template code in HTML and PDF."""

from __future__ import annotations

import io
import re
from html import unescape

import lxml.html
import pytest
from benchmark_webhulp import (
    JAARVERSLAG,
    A,
    B,
    benchmarkkolommen,
    jaar,
    maak_gemeenten,
    teammanager,
    upload,
)
from django.core.management import call_command
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from leerplicht.verslagen.benchmark import importeer
from leerplicht.verslagen.document import Grafiek, Grafieksoort, Reeks
from leerplicht.verslagen.grafieken import letterlijk, svg

#: The penetration test's bron, with HTML and Django template syntax added.
VIJANDIG = r"Regio $\undefinedcmd{x}$ <script>alert(1)</script> {{ geheim }}"
BESTAND = "/verslagen/jaarverslag/bestand/"


def _teksten(svg_tekst: str) -> list[str]:
    """The text of every <text> element of an SVG, as a reader sees it."""
    return [unescape(t) for t in re.findall(r"<text\b[^>]*>(.*?)</text>", svg_tekst, re.S)]


def _grafiek(soort: Grafieksoort, naam: str, categorie: str) -> Grafiek:
    return Grafiek(
        "proef",
        f"Titel {naam}",
        soort,
        (categorie, "Werkprocessen"),
        (Reeks("2024-2025", (1.0, 2.0)), Reeks(naam, (0.5, None))),
        f"Tekstalternatief {naam}",
        "procent",
        "proef-tabel",
    )


# --- the charts -----------------------------------------------------------------------------


@pytest.mark.parametrize("soort", list(Grafieksoort))
@pytest.mark.parametrize(
    "naam",
    [
        VIJANDIG,
        r"$x$",
        r"al \$ escaped $\frac{1}{2}$",
        "$",
        "_begint met een liggend streepje",
        'id="x" style="fill:red" url(#x) href="#x"',
        "--> <!-- & &amp;",
    ],
)
def test_grafiek_toont_elke_tekst_letterlijk(soort, naam):
    """Series name and category, in every kind of chart: drawn without error, the text as
    written in the SVG's <text> (legend and axis), escaped as XML, never mathtext."""
    uit = svg(_grafiek(soort, naam, f"Categorie {naam}"))
    teksten = _teksten(uit)
    assert naam in teksten  # the legend
    assert f"Categorie {naam}" in teksten  # the axis
    assert "<script" not in uit
    # Title and text alternative: escaped by grafieken.svg itself.
    titel = lxml.html.fromstring(uit).xpath('//*[local-name()="title"]')[0].text_content()
    assert titel == f"Titel {naam}"


def test_letterlijk_escapet_elke_dollar():
    assert letterlijk(r"a $b$ \$c") == r"a \$b\$ \\$c"
    assert letterlijk("geen dollar") == "geen dollar"


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # any script: shown as a box
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    naam=st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("$\\{}^_"),
        min_size=1,
        max_size=30,
    ).filter(lambda t: t.strip() == t and "  " not in t)
)
@example(naam=r"$\undefinedcmd{x}$")
@example(naam=r"$\$")
@example(naam="$a$b$")
def test_grafiek_met_willekeurige_naam_faalt_nooit(naam):
    """Whatever a bron or gemeente is called, the chart is drawn and shows it as written."""
    uit = svg(_grafiek(Grafieksoort.STAAF, naam, naam))
    assert _teksten(uit).count(naam) == 2


# --- the jaarverslag over HTTP, its files, and the command ------------------------------------


@pytest.mark.django_db
def test_vijandige_bronnaam_breekt_geen_jaarverslag_en_staat_er_letterlijk():
    """Fails before the fix (mathtext: ValueError, a 500): the page, the HTML and PDF files
    and the chart's SVG all show the bron exactly as written, markup and all as text."""
    maak_gemeenten()
    tm = teammanager("tm", A, B)
    regels = f"{VIJANDIG};{jaar()};halt;0,20\n{VIJANDIG};{jaar()};werkprocessen;4,89\n"
    assert upload(tm, regels).status_code == 302

    antwoord = tm.get(JAARVERSLAG)
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    kolommen = benchmarkkolommen(pagina)
    assert kolommen[VIJANDIG]["Halt-verwijzingen"] == "0,20%"
    assert "<script>alert(1)</script>" not in pagina
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ geheim }}" in pagina
    # The chart (inline SVG): the bron in its legend, as text.
    (figuur,) = lxml.html.fromstring(pagina).xpath('//figure[@id="benchmark-grafiek"]')
    legenda = [t.text_content() for t in figuur.xpath('.//*[local-name()="text"]')]
    assert VIJANDIG in legenda
    assert not figuur.xpath('.//*[local-name()="script"]')

    html_bestand = tm.get(f"{BESTAND}?schooljaar={jaar()}&formaat=html")
    assert html_bestand.status_code == 200
    html_tekst = html_bestand.content.decode()
    assert benchmarkkolommen(html_tekst)[VIJANDIG]["Werkprocessen"] == "4,89%"
    assert "<script>alert(1)</script>" not in html_tekst

    # The spreadsheet and the list of numbers: text cells, as written.
    csv_bestand = tm.get(f"{BESTAND}?schooljaar={jaar()}&formaat=csv")
    assert csv_bestand.status_code == 200 and VIJANDIG in csv_bestand.content.decode("utf-8-sig")
    assert tm.get(f"{BESTAND}?schooljaar={jaar()}&formaat=xlsx").status_code == 200

    pdf_bestand = tm.get(f"{BESTAND}?schooljaar={jaar()}&formaat=pdf")
    assert pdf_bestand.status_code == 200
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bestand.content)).pages)
    tekst = "".join(tekst.split())
    assert "".join(VIJANDIG.split()) in tekst


@pytest.mark.django_db
def test_rapport_pdf_met_vijandige_bronnaam(tmp_path):
    """`leerplicht rapport --format pdf` with the bron read in for every gemeente."""
    maak_gemeenten()
    pad = tmp_path / "benchmark.csv"
    pad.write_text(f"bron;schooljaar;kengetal;percentage\n{VIJANDIG};{jaar()};halt;0,2\n")
    importeer(pad, door="systeem:proef", gemeenten=None)
    uit = tmp_path / "jaarverslag.pdf"
    call_command("rapport", "--schooljaar", jaar(), "--format", "pdf", "--uit", str(uit))
    tekst = "".join(p.extract_text() for p in PdfReader(uit).pages)
    assert "".join(VIJANDIG.split()) in "".join(tekst.split())
