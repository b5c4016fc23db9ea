"""The jaarverslag as HTML (verslagen/html.py): every number of the report is in the page
as the Dutch text people read and with the path to where it is in `leerplicht rapport
--format json`; real table headers, figures with text, a standalone file that fetches
nothing, and a fragment for the web app."""

from __future__ import annotations

import re

import lxml.html
import pytest
from jaarverslag_testregio import ARTEFACTEN, Proefregio, proefregio

from leerplicht.cijfers.tabel import Cel, Rij, Soort, Tabel
from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.percentage import verandering
from leerplicht.verslagen.document import Grafiek, Grafieksoort, Hoofdstuk, Reeks, Verslag
from leerplicht.verslagen.html import html_document, html_fragment, pad_tekst
from leerplicht.verslagen.opmaak import LEEG, tekst_van

# The test database is only set up for modules that ask for it; the data itself is made
# once by the module fixture below (and rolled back), the tests only read the Verslag.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def regio(django_db_setup, django_db_blocker, tmp_path_factory) -> Proefregio:
    return proefregio(django_db_blocker, tmp_path_factory.mktemp("jaarverslag") / "set")


def _pagina(verslag: Verslag) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html_document(verslag))


def _tekst(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("welk", ["regio", "gemeente"])
def test_elke_cel_staat_in_de_html_met_tekst_en_bron(regio: Proefregio, welk: str) -> None:
    verslag: Verslag = getattr(regio, welk)
    pagina = _pagina(verslag)
    getallen = 0
    for _, tabel in verslag.tabellen():
        (html_tabel,) = pagina.xpath(f'//table[@id="{tabel.id}"]')
        assert _tekst(html_tabel.find("caption")) == tabel.titel
        koppen = html_tabel.xpath("./thead/tr/th")
        assert [k.get("scope") for k in koppen] == ["col"] * (len(tabel.kolommen) + 1)
        assert [_tekst(k) for k in koppen] == [tabel.rijkop, *tabel.kolommen]
        rijen = html_tabel.xpath("./tbody/tr")
        assert len(rijen) == len(tabel.rijen), tabel.id
        for rij, html_rij in zip(tabel.rijen, rijen, strict=True):
            (rijkop,) = html_rij.xpath("./th")
            assert rijkop.get("scope") == "row" and _tekst(rijkop) == rij.kop
            assert ("verslag-totaal" in html_rij.get("class", "")) == rij.totaal
            cellen = html_rij.xpath("./td")
            assert len(cellen) == len(rij.cellen)
            for cel, td in zip(rij.cellen, cellen, strict=True):
                plaats = f"{tabel.id} / {rij.kop}"
                assert _tekst(td) == tekst_van(cel), plaats
                assert td.get("data-bron") == (pad_tekst(cel.bron) if cel.bron else None), plaats
                uit = "|".join(pad_tekst(p) for p in cel.uit) if cel.uit else None
                assert td.get("data-uit") == uit, plaats
                if cel.waarde is None:
                    assert _tekst(td) == LEEG and td.get("aria-label") == "geen waarde", plaats
                else:
                    assert td.get("aria-label") is None
                getallen += 1
    assert getallen > 200
    # Nothing else carries a number of the rapport.
    assert len(pagina.xpath("//td")) == getallen


def test_elk_getal_in_de_html_is_dat_van_rapport_json(regio: Proefregio) -> None:
    """Followed back from the page alone: data-bron/-uit against the command line's JSON."""
    pagina = _pagina(regio.regio)
    bronnen = uits = 0
    for td in pagina.xpath("//td"):
        tekst = _tekst(td)
        if bron := td.get("data-bron"):
            waarde = regio.waarde(tuple(bron.split("/")))
            if waarde is None:
                verwacht = LEEG
            elif bron.rsplit("/", 1)[-1].startswith("percentage"):
                verwacht = procent(waarde)
            else:
                verwacht = getal(waarde)
            assert tekst == verwacht, bron
            bronnen += 1
        elif uit := td.get("data-uit"):
            nieuw, oud = (regio.waarde(tuple(p.split("/"))) for p in uit.split("|"))
            verschil = verandering(nieuw, oud)
            assert tekst == (LEEG if verschil is None else procent(verschil, teken=True)), uit
            uits += 1
        else:
            assert tekst == LEEG  # a change of a percentage: not computed
    assert bronnen > 150 and uits > 50


def test_het_document_staat_op_zichzelf(regio: Proefregio) -> None:
    verslag = regio.regio
    tekst = html_document(verslag)
    pagina = lxml.html.document_fromstring(tekst)
    assert tekst.startswith("<!DOCTYPE html>")
    assert pagina.get("lang") == "nl"
    assert _tekst(pagina.find("head/title")) == f"{verslag.titel} – {verslag.gebied}"
    assert pagina.xpath('//meta[@name="dcterms.created"]/@content') == [verslag.peildatum]
    # Inline CSS, inline SVG: nothing to fetch, from anywhere.
    assert pagina.xpath("//link") == [] and pagina.xpath("//script") == []
    assert pagina.xpath("//*[@src]") == []
    assert not re.search(r"url\((?!#)", tekst), "een url() buiten de eigen svg"
    assert "font-variant-numeric: tabular-nums" in tekst
    assert "thead {\n  display: table-header-group;" in tekst
    # Cover: title, gebied, school year, peildatum in words.
    omslag = _tekst(pagina.xpath('//header[@class="verslag-omslag"]')[0])
    assert pagina.xpath("//h1/text()") == [verslag.titel]
    for deel in (verslag.gebied, verslag.schooljaar, "1 oktober 2024"):
        assert deel in omslag
    # The colophon says where the numbers come from.
    verantwoording = _tekst(pagina.xpath('//*[@id="verslag-verantwoording"]/..')[0])
    for regel in verslag.verantwoording:
        assert " ".join(regel.split()) in verantwoording
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    (ARTEFACTEN / "jaarverslag-regio.html").write_text(tekst, encoding="utf-8")


def test_inhoudsopgave_hoofdstukken_figuren_en_teksten(regio: Proefregio) -> None:
    verslag = regio.regio
    pagina = _pagina(verslag)
    ids = set(pagina.xpath("//@id"))
    assert len(ids) == len(pagina.xpath("//@id")), "dubbele id's"
    links = pagina.xpath('//nav[@aria-labelledby="verslag-inhoud-kop"]//a/@href')
    assert links == [f"#hoofdstuk-{h.id}" for h in verslag.hoofdstukken] + [
        "#verslag-verantwoording"
    ]
    assert all(link[1:] in ids for link in links)
    assert [_tekst(h) for h in pagina.xpath("//section/h2")] == [
        *(h.titel for h in verslag.hoofdstukken),
        "Verantwoording",
    ]
    grafieken = [g for _, g in verslag.grafieken()]
    figuren = pagina.xpath("//figure")
    assert len(figuren) == len(grafieken) > 0
    for grafiek, figuur in zip(grafieken, figuren, strict=True):
        (svg,) = figuur.xpath("./svg")
        assert svg.get("role") == "img"
        _, beschrijving_id = svg.get("aria-labelledby").split()
        assert _tekst(pagina.xpath(f'//*[@id="{beschrijving_id}"]')[0]) == " ".join(
            grafiek.tekstalternatief.split()
        )
        assert _tekst(figuur.find("figcaption")).startswith(grafiek.titel)
        # Colours as attributes, not style: the portal's CSP blocks inline styles.
        assert svg.xpath(".//*[@style]") == [] and svg.xpath(".//style") == []
    for blok in verslag.tekstblokken():
        if blok.tekst:
            (html_blok,) = pagina.xpath(f'//*[@data-tekstblok="{blok.id}"]')
            assert " ".join(blok.tekst.split()) in _tekst(html_blok)


def test_fragment_voor_de_webapp(regio: Proefregio) -> None:
    fragment = html_fragment(regio.gemeente)
    assert "<html" not in fragment and "<h1" not in fragment and "<style" not in fragment
    deel = lxml.html.fragment_fromstring(fragment)
    assert deel.get("class") == "verslag"
    assert deel.xpath("//h2")[0].text_content() == "Inhoud"
    # The gemeente's report: no per-gemeente tables, the comparison over the years.
    ids = set(deel.xpath("//table/@id"))
    assert "werkprocessen-verloop" in ids and "werkprocessen-per-gemeente" not in ids
    # A wide table scrolls in a box reachable with the keyboard.
    for houder in deel.xpath('//div[@class="verslag-tabelhouder"]'):
        assert houder.get("tabindex") == "0" and houder.get("role") == "region"


def test_wijzigingen_zonder_vorig_getal_en_percentages_tonen_een_streepje(
    regio: Proefregio,
) -> None:
    lege = [
        cel
        for _, tabel in regio.regio.tabellen()
        for rij in tabel.rijen
        for cel in rij.cellen
        if cel.waarde is None
    ]
    assert any(c.soort is Soort.VERANDERING for c in lege)
    pagina = _pagina(regio.regio)
    assert len(pagina.xpath('//td[@aria-label="geen waarde"]')) == len(lege)


@pytest.mark.browser
def test_axe_op_het_htmlbestand(regio: Proefregio) -> None:
    """The downloadable file passes axe-core's WCAG 2.1 AA rules in Chromium."""
    from chromium import chromium_dat_kan_stoppen
    from toegankelijkheid import axe_overtredingen

    tekst = html_document(regio.regio)
    browser = chromium_dat_kan_stoppen()
    chromium = next(browser)
    try:
        pagina = chromium.browser.new_page()
        pagina.set_content(tekst, wait_until="load")
        assert axe_overtredingen(pagina) == []
    finally:
        chromium.stop()


def test_namen_uit_de_import_blijven_tekst() -> None:
    """Gemeente names come from an import: in tables and charts they stay text."""
    naam = '<script>alert("x")</script> & Co'
    tabel = Tabel(
        "t",
        "Proef",
        "Soort",
        (naam, "Totaal"),
        (Rij("Iets", (Cel(1, bron=("2024-2025", "GM0001", "x")), Cel(1))),),
    )
    grafiek = Grafiek(
        "g", "Proef", Grafieksoort.STAAF, (naam,), (Reeks("Iets", (1,)),), f"{naam}: 1", "aantal"
    )
    verslag = Verslag(
        titel="Proef",
        gebied=naam,
        gemeenten=("GM0001",),
        schooljaar="2024-2025",
        schooljaren=("2024-2025",),
        peildatum="2024-10-01",
        hoofdstukken=(Hoofdstuk("proef", "Proef", (tabel, grafiek)),),
    )
    tekst = html_document(verslag)
    assert "<script" not in tekst
    pagina = lxml.html.document_fromstring(tekst)
    assert pagina.xpath("//script") == []
    assert naam in _tekst(pagina.xpath("//thead")[0])
    assert any(naam in t for t in pagina.xpath("//*[local-name()='text']/text()"))
