"""The jaarverslag as XLSX (issue 6): every number cell is the rapport JSON's number, as a
number with a Dutch-looking format; every chart is a native Excel chart on the table's cells."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from xml.etree.ElementTree import Element

import openpyxl
import pytest
from defusedxml import ElementTree
from openpyxl.utils.cell import range_boundaries
from verslag_testdata import GEMEENTEN, JAAR, JAREN, importeer, rapport_json, waarde_op

from leerplicht.cijfers.tabel import Cel, Rij, Soort, Tabel
from leerplicht.domein.percentage import verandering
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.document import Grafiek, Grafieksoort, Hoofdstuk, Reeks, Verslag
from leerplicht.verslagen.xlsx import INHOUD, NUMMERFORMAAT, bladnamen, xlsx

pytestmark = pytest.mark.django_db

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture
def gegevens(tmp_path):
    importeer(tmp_path / "set")


def _rapporten(gemeenten: list[str]) -> dict[str, dict]:
    return {j.naam: rapport_json(j, gemeenten) for j in JAREN}


def _tabelcellen(blad, tabel: Tabel):
    """Find the table by its title in column A; yield (Rij, Cel, openpyxl cell) and check the
    header row on the way."""
    titelrij = next(r for r in range(1, blad.max_row + 1) if blad.cell(r, 1).value == tabel.titel)
    kop = titelrij + 1
    assert blad.cell(kop, 1).value == tabel.rijkop
    for k, naam in enumerate(tabel.kolommen, start=2):
        cel = blad.cell(kop, k)
        assert cel.value == naam
        assert cel.font.b and cel.border.bottom.style == "thin"
    for i, rij in enumerate(tabel.rijen):
        r = kop + 1 + i
        assert blad.cell(r, 1).value == rij.kop
        assert bool(blad.cell(r, 1).font.b) == rij.totaal
        for k, cel in enumerate(rij.cellen, start=2):
            yield rij, cel, blad.cell(r, k)


def _controleer_getallen(wb, verslag: Verslag, rapporten: dict[str, dict]) -> int:
    namen = dict(zip([h.id for h in verslag.hoofdstukken], wb.sheetnames[1:], strict=True))
    aantal = 0
    for hoofdstuk, tabel in verslag.tabellen():
        blad = wb[namen[hoofdstuk.id]]
        for rij, cel, xl in _tabelcellen(blad, tabel):
            if cel.soort is Soort.VERANDERING:
                verwacht = (
                    verandering(waarde_op(rapporten, cel.uit[0]), waarde_op(rapporten, cel.uit[1]))
                    if cel.uit
                    else None
                )
            else:
                verwacht = waarde_op(rapporten, cel.bron)
            assert xl.value == verwacht, (tabel.id, rij.kop, cel)
            if verwacht is None:
                assert xl.data_type in ("n",) and xl.value is None
            else:
                assert xl.data_type == "n" and isinstance(xl.value, int | float)
            assert xl.number_format == NUMMERFORMAAT[cel.soort]
            assert bool(xl.font.b) == rij.totaal
            aantal += 1
    return aantal


def _grafieken(inhoud: bytes) -> dict[str, Element]:
    """Chart XML by chart title."""
    uitkomst = {}
    with zipfile.ZipFile(io.BytesIO(inhoud)) as zf:
        for naam in zf.namelist():
            if re.fullmatch(r"xl/charts/chart\d+\.xml", naam):
                xml = ElementTree.fromstring(zf.read(naam))
                titel = "".join(t.text or "" for t in xml.find(f"{C}chart/{C}title").iter(f"{A}t"))
                uitkomst[titel] = xml
    return uitkomst


def _bereik(wb, formule: str) -> list:
    blad, bereik = formule.rsplit("!", 1)
    blad = blad.strip("'").replace("''", "'")
    k0, r0, k1, r1 = range_boundaries(bereik.replace("$", ""))
    return [wb[blad].cell(r, k).value for r in range(r0, r1 + 1) for k in range(k0, k1 + 1)]


def _controleer_grafieken(wb, inhoud: bytes, verslag: Verslag) -> None:
    grafieken = [g for _, g in verslag.grafieken()]
    xml = _grafieken(inhoud)
    assert len(xml) == len(grafieken) > 0
    for g in grafieken:
        chart = xml[g.titel]
        plot = chart.find(f"{C}chart/{C}plotArea")
        if g.soort is Grafieksoort.LIJN:
            soort = plot.find(f"{C}lineChart")
        else:
            soort = plot.find(f"{C}barChart")
            richting = soort.find(f"{C}barDir").get("val")
            assert richting == ("bar" if g.soort is Grafieksoort.VERDELING else "col")
        reeksen = soort.findall(f"{C}ser")
        assert len(reeksen) == len(g.reeksen)
        for reeks, ser in zip(g.reeksen, reeksen, strict=True):
            naam = ser.find(f"{C}tx/{C}strRef/{C}f").text
            categorieen = ser.find(f"{C}cat//{C}f").text
            waarden = ser.find(f"{C}val/{C}numRef/{C}f").text
            # The series are the table's cells: the values, names and categories there.
            assert _bereik(wb, naam) == [reeks.naam]
            assert tuple(_bereik(wb, categorieen)) == g.categorieen
            assert tuple(_bereik(wb, waarden)) == reeks.waarden
        assert chart.find(f"{C}lang").get("val") == "nl-NL"


def test_regio_xlsx_heeft_de_getallen_van_de_json_en_echte_grafieken(gegevens):
    codes = list(GEMEENTEN)
    verslag = maak_jaarverslag(JAAR, codes)
    rapporten = _rapporten(codes)
    inhoud = xlsx(verslag)
    wb = openpyxl.load_workbook(io.BytesIO(inhoud))

    assert wb.sheetnames[0] == INHOUD
    assert wb.sheetnames[1:] == [h.titel for h in verslag.hoofdstukken]
    assert _controleer_getallen(wb, verslag, rapporten) > 300
    _controleer_grafieken(wb, inhoud, verslag)

    # Edge cases in the data: a change against 0 is an empty cell, rises and falls both.
    veranderingen = [
        c for _, t in verslag.tabellen() for r in t.rijen for c in r.cellen if c.uit is not None
    ]
    assert any(c.waarde is None for c in veranderingen)
    assert any((c.waarde or 0) > 0 for c in veranderingen)
    assert any((c.waarde or 0) < 0 for c in veranderingen)

    inhoudsblad = wb[INHOUD]
    teksten = [c.value for rij in inhoudsblad.iter_rows() for c in rij if c.value is not None]
    assert verslag.titel in teksten and verslag.gebied in teksten and JAAR.naam in teksten
    assert datetime.fromisoformat(verslag.peildatum) in teksten
    assert all(regel in teksten for regel in verslag.verantwoording)
    assert all(naam in teksten for naam in wb.sheetnames[1:])
    assert wb.properties.title.startswith(verslag.titel)
    assert wb.properties.language == "nl-NL"
    assert wb.properties.created == datetime.fromisoformat(verslag.peildatum)
    # The row headers stay in view when scrolling.
    assert wb["Werkprocessen"].freeze_panes == "B1"


def test_gemeenteverslag_en_zelfde_invoer_geeft_dezelfde_bytes(gegevens):
    verslag = maak_jaarverslag(JAAR, ["GM0296"])
    inhoud = xlsx(verslag)
    assert xlsx(verslag) == inhoud
    wb = openpyxl.load_workbook(io.BytesIO(inhoud))
    assert _controleer_getallen(wb, verslag, _rapporten(["GM0296"])) > 100
    _controleer_grafieken(wb, inhoud, verslag)
    # The one-table sheet freezes under its header row.
    assert wb["Leerplichttelling"].freeze_panes == "B5"


def test_opmaak_toont_nederlandse_getallen():
    """The formats: thousands and decimals are Excel's placeholders (shown with the user's
    Dutch separators); a percentage keeps the JSON's number and shows a literal %."""
    assert NUMMERFORMAAT[Soort.AANTAL] == "#,##0"
    assert NUMMERFORMAAT[Soort.PROCENT] == '#,##0.00"%"'
    # A share of the leerlingen and a benchmark figure read like the rapport's percentages.
    assert NUMMERFORMAAT[Soort.AANDEEL] == NUMMERFORMAAT[Soort.EXTERN_PROCENT] == '#,##0.00"%"'
    assert set(NUMMERFORMAAT) == set(Soort)
    assert NUMMERFORMAAT[Soort.VERANDERING] == '+#,##0.00"%";-#,##0.00"%"'


def _klein_verslag(kop: str, kolom: str) -> Verslag:
    tabel = Tabel("t", "Tabel", "Soort", (kolom, "B"), (Rij(kop, (Cel(1), Cel(2))),))
    grafiek = Grafiek(
        "g",
        "Grafiek",
        Grafieksoort.STAAF,
        (kolom, "B"),
        (Reeks(kop, (1, 2)),),
        "alt",
        "aantal",
        "t",
    )
    return Verslag(
        "Jaarverslag",
        "=Gebied",
        ("GM0225",),
        "2024-2025",
        ("2024-2025",),
        "2024-10-01",
        (Hoofdstuk("h", "H/ofd:stuk*", (tabel, grafiek)),),
    )


def test_tekst_die_een_formule_lijkt_wordt_geneutraliseerd():
    wb = openpyxl.load_workbook(io.BytesIO(xlsx(_klein_verslag("=1+1", "@SOM(A1)"))))
    blad = wb[wb.sheetnames[1]]
    waarden = [c.value for rij in blad.iter_rows() for c in rij if isinstance(c.value, str)]
    assert "'=1+1" in waarden and "'@SOM(A1)" in waarden
    assert not any(w.startswith(("=", "@", "+", "-")) for w in waarden)
    assert "'=Gebied" in [c.value for rij in wb[INHOUD].iter_rows() for c in rij]


def test_grafiek_die_niet_bij_de_tabel_past_is_een_fout():
    verslag = _klein_verslag("A", "K")
    tabel = verslag.hoofdstukken[0].onderdelen[0]
    grafiek = Grafiek(
        "g", "Grafiek", Grafieksoort.STAAF, ("K", "B"), (Reeks("A", (1, 3)),), "alt", "aantal", "t"
    )
    fout = Verslag(**{**verslag.__dict__, "hoofdstukken": (Hoofdstuk("h", "H", (tabel, grafiek)),)})
    with pytest.raises(ValueError, match="wijkt af"):
        xlsx(fout)


def test_bladnamen_geldig_en_uniek():
    namen = bladnamen(["Inhoud", "A" * 40, "A" * 40, "x/y:z?", "'"], {"inhoud"})
    assert namen[0] == "Inhoud (2)"
    assert namen[1] == "A" * 31 and namen[2] == "A" * 27 + " (2)"
    assert namen[3] == "x y z" and namen[4] == "Blad"
    assert all(len(n) <= 31 for n in namen)
    assert len({n.lower() for n in namen}) == len(namen)
