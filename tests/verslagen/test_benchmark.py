"""Benchmark (issue 6, item 4): percentages published by other regions and the country, read
in all or nothing with located errors, and shown in the jaarverslag beside the region's own
shares of the leerlingen, which are exactly percentage(deel, geheel) of the rapport JSON."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from io import StringIO
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st
from verslag_testdata import GEMEENTEN, JAAR, JAREN, importeer, rapport_json, waarde_op

from leerplicht.audit.models import Auditregel
from leerplicht.cijfers.tabel import Soort, Tabel
from leerplicht.domein.kengetallen import GEHEEL, KENGETAL_LABELS, KENGETAL_OP_CODE, KENGETALLEN
from leerplicht.domein.percentage import percentage
from leerplicht.verslagen.benchmark import (
    OngeldigBenchmarkbestand,
    benchmark_voor,
    lees_percentage,
)
from leerplicht.verslagen.benchmark import (
    importeer as importeer_benchmark,
)
from leerplicht.verslagen.csv_uitvoer import TOV, csv_tekst, lees_getal
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.document import Grafiek, Grafieksoort, Tekstblok, Verslag
from leerplicht.verslagen.html import html_document
from leerplicht.verslagen.jaarverslag import Bron, _h_benchmark
from leerplicht.verslagen.models import Benchmarkcijfer
from leerplicht.verslagen.opmaak import tekst_van
from leerplicht.verslagen.xlsx import NUMMERFORMAAT, PROCENT, xlsx

KOP = "bron;schooljaar;kengetal;percentage\n"


def _bestand(tmp_path: Path, tekst: str, naam: str = "benchmark.csv", bom: bool = False) -> Path:
    pad = tmp_path / naam
    pad.write_bytes(tekst.encode("utf-8-sig" if bom else "utf-8"))
    return pad


def _opgeslagen() -> dict[tuple[str, str, str], Decimal]:
    return {(c.bron, c.schooljaar, c.kengetal): c.percentage for c in Benchmarkcijfer.objects.all()}


# --- the percentage parser ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("12,17", Decimal("12.17")),
        ("12.17", Decimal("12.17")),
        (" 7 ", Decimal("7")),
        ("0,5", Decimal("0.5")),
        ("100", Decimal("100")),
        ("100,00", Decimal("100")),
        ("12,17%", Decimal("12.17")),
        ("12,17 %", Decimal("12.17")),
    ],
)
def test_percentage_geaccepteerd(tekst, verwacht):
    assert lees_percentage(tekst) == (verwacht, None)


@pytest.mark.parametrize(
    "tekst",
    [
        "1.234,5",  # thousands separator: never a percentage, refused rather than guessed
        "1,234.5",
        "1.234",  # 1234 or 1,234? three decimals: refused
        "12,175",  # would have to be rounded
        "100,01",
        "101",
        "-1",
        "+1",
        ",5",
        "12,",
        "",
        "twaalf",
        "１２",  # full-width digits
        "1e2",
        "12,17%%",
    ],
)
def test_percentage_geweigerd(tekst):
    waarde, melding = lees_percentage(tekst)
    assert waarde is None
    assert melding and ("geen percentage" in melding or "meer dan 100" in melding)


@given(
    honderdsten=st.integers(0, 10_000),
    scheiding=st.sampled_from([",", "."]),
    decimalen=st.sampled_from([0, 1, 2]),
    links=st.sampled_from(["", " ", "  "]),
    rechts=st.sampled_from(["", " ", "%", " %"]),
)
def test_percentage_leest_elke_geldige_schrijfwijze_terug(
    honderdsten, scheiding, decimalen, links, rechts
):
    """Whatever the separator, padding and number of decimals, the value read is the value
    written, as long as nothing has to be rounded."""
    waarde = Decimal(honderdsten) / 100
    if waarde != round(waarde, decimalen):
        decimalen = 2
    heel, _, rest = f"{waarde:.{decimalen}f}".partition(".")
    tekst = links + heel + (scheiding + rest if rest else "") + rechts
    assert lees_percentage(tekst) == (waarde, None)


@given(st.text(max_size=12))
@example("1.234,5")
@example("12,17")
def test_percentage_geaccepteerd_is_altijd_tussen_0_en_100_met_hoogstens_2_decimalen(tekst):
    waarde, melding = lees_percentage(tekst)
    assert (waarde is None) != (melding is None)
    if waarde is not None:
        assert Decimal(0) <= waarde <= Decimal(100)
        assert waarde == waarde.quantize(Decimal("0.01"))
        assert not ("," in tekst and "." in tekst)  # a thousands separator never passes
        assert not any(t in tekst for t in "+-eE")


# --- import -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_puntkomma_decimaalkomma_bom(tmp_path):
    tekst = KOP + (
        "Landelijk;2024-2025;absoluut_verzuim;0,12\n"
        "Landelijk;2024-2025;werkprocessen;4,89\n"
        "Regio Achterhoek;2024-2025;werkprocessen;5.3\n"
        "Regio Achterhoek;2023-2024;halt;0,2\n"
    )
    resultaat = importeer_benchmark(
        _bestand(tmp_path, tekst, bom=True), door="systeem:proef", gemeenten=None
    )
    assert (resultaat.nieuw, resultaat.vervangen, resultaat.ongewijzigd) == (4, 0, 0)
    assert _opgeslagen() == {
        ("Landelijk", "2024-2025", "absoluut_verzuim"): Decimal("0.12"),
        ("Landelijk", "2024-2025", "werkprocessen"): Decimal("4.89"),
        ("Regio Achterhoek", "2024-2025", "werkprocessen"): Decimal("5.30"),
        ("Regio Achterhoek", "2023-2024", "halt"): Decimal("0.20"),
    }
    cijfer = Benchmarkcijfer.objects.get(bron="Landelijk", kengetal="werkprocessen")
    assert cijfer.ingelezen_door == "systeem:proef" and cijfer.ingelezen_op is not None
    regel = Auditregel.objects.get(actie="importeren", object_type="benchmark")
    assert regel.toelichting == {
        "nieuw": 4,
        "vervangen": 0,
        "ongewijzigd": 0,
        "bronnen": ["Landelijk", "Regio Achterhoek"],
        "schooljaren": ["2023-2024", "2024-2025"],
        "gemeenten": "alle",
    }
    # The lookup the jaarverslag uses: only the asked school years, as floats.
    assert benchmark_voor(["2024-2025"], ["GM0001"]) == {
        ("Landelijk", "2024-2025", "absoluut_verzuim"): 0.12,
        ("Landelijk", "2024-2025", "werkprocessen"): 4.89,
        ("Regio Achterhoek", "2024-2025", "werkprocessen"): 5.3,
    }


@pytest.mark.django_db
def test_import_komma_gescheiden_met_punt_en_aanhalingstekens(tmp_path):
    tekst = (
        "bron,schooljaar,kengetal,percentage\r\n"
        "Landelijk,2024-2025,luxe_verzuim,0.07\r\n"
        'Landelijk,2024-2025,halt,"0,15"\r\n'
    )
    importeer_benchmark(_bestand(tmp_path, tekst), door="x", gemeenten=None)
    assert _opgeslagen() == {
        ("Landelijk", "2024-2025", "luxe_verzuim"): Decimal("0.07"),
        ("Landelijk", "2024-2025", "halt"): Decimal("0.15"),
    }


@pytest.mark.django_db
def test_opnieuw_inlezen_vervangt_de_waarde(tmp_path):
    importeer_benchmark(
        _bestand(
            tmp_path,
            KOP + "Landelijk;2024-2025;halt;0,15\nLandelijk;2024-2025;luxe_verzuim;0,07\n",
        ),
        door="a",
        gemeenten=None,
    )
    resultaat = importeer_benchmark(
        _bestand(
            tmp_path,
            KOP
            + "Landelijk;2024-2025;halt;0,16\n"  # corrected publication
            + "Landelijk;2024-2025;luxe_verzuim;0.07\n"  # the same number
            + "Landelijk;2023-2024;halt;0,14\n",  # another year: a new figure
            "benchmark-2.csv",
        ),
        door="b",
        gemeenten=None,
    )
    assert (resultaat.nieuw, resultaat.vervangen, resultaat.ongewijzigd) == (1, 1, 1)
    assert _opgeslagen() == {
        ("Landelijk", "2024-2025", "halt"): Decimal("0.16"),
        ("Landelijk", "2024-2025", "luxe_verzuim"): Decimal("0.07"),
        ("Landelijk", "2023-2024", "halt"): Decimal("0.14"),
    }
    assert set(Benchmarkcijfer.objects.values_list("ingelezen_door", flat=True)) == {"b"}
    assert Auditregel.objects.filter(actie="importeren", object_type="benchmark").count() == 2


@pytest.mark.django_db
def test_elke_fout_met_plaats_en_niets_opgeslagen(tmp_path):
    importeer_benchmark(
        _bestand(tmp_path, KOP + "Landelijk;2024-2025;halt;0,15\n"), door="a", gemeenten=None
    )
    tekst = KOP + (
        "Landelijk;2024-2025;halt;0,99\n"  # 2: good, but the file has errors: not stored
        "Landelijk;2024-2026;halt;0,3\n"  # 3
        "Landelijk;2024-2025;verzuim;1\n"  # 4
        "Landelijk;2024-2025;relatief_verzuim;1.234,5\n"  # 5
        ";2024-2025;luxe_verzuim;1\n"  # 6
        "Landelijk;2024-2025;halt;0,98\n"  # 7: twice in the file
        "Landelijk;2024-2025;absoluut_verzuim\n"  # 8
        "Landelijk;2024-2025;absoluut_verzuim;-0,1\n"  # 9
        "Landelijk;2024-2025;absoluut_verzuim;\n"  # 10
        "Landelijk;2024-2025;vrijstelling_5a;150\n"  # 11
    )
    with pytest.raises(OngeldigBenchmarkbestand) as fout:
        importeer_benchmark(_bestand(tmp_path, tekst, "fout.csv"), door="b", gemeenten=None)
    toegestaan = ", ".join(KENGETAL_LABELS)
    assert fout.value.regels() == [
        "fout.csv:3: schooljaar: ongeldig schooljaar '2024-2026': verwacht bijvoorbeeld 2024-2025",
        f"fout.csv:4: kengetal: onbekende code 'verzuim' (toegestaan: {toegestaan})",
        "fout.csv:5: percentage: '1.234,5' is geen percentage (verwacht bijvoorbeeld 12,17 of "
        "12.17: hoogstens 2 decimalen, zonder duizendtalscheiding of teken)",
        "fout.csv:6: bron: verplicht, maar leeg",
        "fout.csv:7: kengetal: halt van Landelijk voor 2024-2025 staat ook op regel 2",
        "fout.csv:8: -: 3 velden, verwacht 4 (zoals de kopregel)",
        "fout.csv:9: percentage: '-0,1' is geen percentage (verwacht bijvoorbeeld 12,17 of "
        "12.17: hoogstens 2 decimalen, zonder duizendtalscheiding of teken)",
        "fout.csv:10: percentage: verplicht, maar leeg",
        "fout.csv:11: percentage: '150' is meer dan 100 procent",
    ]
    assert _opgeslagen() == {("Landelijk", "2024-2025", "halt"): Decimal("0.15")}
    assert Auditregel.objects.filter(actie="importeren", object_type="benchmark").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        (b"", ["leeg.csv:1: -: leeg bestand: de kopregel ontbreekt"]),
        (KOP.encode(), ["leeg.csv:1: -: het bestand bevat geen cijfers, alleen een kopregel"]),
        (
            b"bron;jaar;kengetal;percentage\nLandelijk;2024-2025;halt;1\n",
            [
                "leeg.csv:1: jaar: onbekende kolom (verwacht: bron, schooljaar, kengetal, "
                "percentage)",
                "leeg.csv:1: schooljaar: kolom ontbreekt",
            ],
        ),
        (
            KOP.encode() + b"Landelijk;2024-2025;halt;\xff1\n",
            ["leeg.csv:2: percentage: ongeldige tekens: het bestand is geen UTF-8"],
        ),
    ],
    ids=["leeg", "alleen-kopregel", "kolommen", "geen-utf8"],
)
def test_bestand_zonder_bruikbare_inhoud(tmp_path, inhoud, verwacht):
    pad = tmp_path / "leeg.csv"
    pad.write_bytes(inhoud)
    with pytest.raises(OngeldigBenchmarkbestand) as fout:
        importeer_benchmark(pad, door="x", gemeenten=None)
    assert fout.value.regels() == verwacht
    assert not Benchmarkcijfer.objects.exists()


@pytest.mark.django_db
def test_opdracht(tmp_path):
    goed = _bestand(tmp_path, KOP + "Landelijk;2024-2025;halt;0,15\n")
    uit = StringIO()
    call_command("benchmark-import", str(goed), stdout=uit)
    assert uit.getvalue().strip() == (
        "Benchmarkcijfers ingelezen: 1 nieuw, 0 vervangen, 0 ongewijzigd (voor alle gemeenten)."
    )
    assert Benchmarkcijfer.objects.get().ingelezen_door.startswith("systeem:")
    fout = _bestand(tmp_path, KOP + "Landelijk;2024-2025;halt;12,345\n", "fout.csv")
    err = StringIO()
    with pytest.raises(CommandError, match=r"1 fout\(en\)\. Er is niets opgeslagen\."):
        call_command("benchmark-import", str(fout), stdout=StringIO(), stderr=err)
    assert err.getvalue().startswith("fout.csv:2: percentage: '12,345' is geen percentage")
    with pytest.raises(CommandError):
        call_command("benchmark-import", str(tmp_path / "er-niet.csv"), stderr=StringIO())


@pytest.mark.django_db
def test_database_weigert_onbekend_kengetal_en_onmogelijk_percentage():
    velden = {
        "bron": "Landelijk",
        "schooljaar": "2024-2025",
        "ingelezen_op": timezone.now(),
        "eigenaars": "*",
    }
    for kengetal, waarde in (("verzuim", Decimal(1)), ("halt", Decimal(101))):
        with pytest.raises(IntegrityError), transaction.atomic():
            Benchmarkcijfer.objects.create(kengetal=kengetal, percentage=waarde, **velden)
    Benchmarkcijfer.objects.create(kengetal="halt", percentage=Decimal(1), **velden)
    with pytest.raises(IntegrityError), transaction.atomic():
        Benchmarkcijfer.objects.create(kengetal="halt", percentage=Decimal(2), **velden)
    # The same figure for other owners is another figure; no owners at all is refused.
    Benchmarkcijfer.objects.create(
        kengetal="halt", percentage=Decimal(2), **{**velden, "eigenaars": "GM0001"}
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Benchmarkcijfer.objects.create(
            kengetal="luxe_verzuim", percentage=Decimal(2), **{**velden, "eigenaars": ""}
        )


# --- the chapter (pure) -------------------------------------------------------------------


def _rapport(leerlingen: int, teller: int) -> dict:
    cijfers = {
        "naam": "Totaal",
        "leerlingen": {"totaal": leerlingen},
        "werkprocessen": {"totaal": teller},
        "leerplichttelling": {
            k.deel[1]: {"totaal": teller} for k in KENGETALLEN if k.deel[0] == "leerplichttelling"
        },
        "handhaving": {"halt": teller, "proces_verbaal": {"totaal": teller}},
    }
    return {"gemeenten": {"totaal": cijfers, "GM0001": {**cijfers, "naam": "Ergens"}}}


def _bron(benchmark: dict) -> Bron:
    return Bron(
        rapporten={"2023-2024": _rapport(0, 0), "2024-2025": _rapport(800, 1)},
        schooljaren=("2023-2024", "2024-2025"),
        gemeenten=("GM0001", "GM0002"),
        benchmark=benchmark,
    )


def test_zonder_benchmark_een_zin_en_geen_tabel():
    # Figures of another year only: for this report there are none.
    hoofdstuk = _h_benchmark(_bron({("Landelijk", "2023-2024", "halt"): 0.2}))
    assert hoofdstuk.titel == "Vergelijking met andere regio's"
    (blok,) = hoofdstuk.onderdelen
    assert isinstance(blok, Tekstblok)
    assert "leerplicht benchmark-import" in blok.tekst and "2024-2025" in blok.tekst
    assert blok.tekst.count(". ") == 0  # one sentence


def test_hoofdstuk_met_benchmark():
    hoofdstuk = _h_benchmark(
        _bron(
            {
                ("Landelijk", "2024-2025", "halt"): 0.2,
                ("landelijk gemiddelde", "2024-2025", "werkprocessen"): 4.89,
                ("Landelijk", "2023-2024", "halt"): 0.3,
            }
        )
    )
    tabel, grafiek = hoofdstuk.onderdelen
    assert isinstance(tabel, Tabel) and isinstance(grafiek, Grafiek)
    assert tabel.kolommen == ("2023-2024", "2024-2025", "Landelijk", "landelijk gemiddelde")
    # Kengetallen with a published figure first (werkprocessen, halt), then the others.
    labels = list(KENGETAL_LABELS.values())
    assert [r.kop for r in tabel.rijen] == [
        "Werkprocessen",
        "Halt-verwijzingen",
        *(k for k in labels if k not in ("Werkprocessen", "Halt-verwijzingen")),
    ]
    halt = next(r for r in tabel.rijen if r.kop == "Halt-verwijzingen")
    assert [c.waarde for c in halt.cellen] == [None, 0.13, 0.2, None]  # 1/800: half up
    assert [c.soort for c in halt.cellen] == [Soort.AANDEEL] * 2 + [Soort.EXTERN_PROCENT] * 2
    assert halt.cellen[1].uit == (
        ("2024-2025", "totaal", "handhaving", "halt"),
        ("2024-2025", "totaal", "leerlingen", "totaal"),
    )
    assert all(c.bron is None for c in halt.cellen)
    assert [tekst_van(c) for c in halt.cellen] == ["–", "0,13%", "0,20%", "–"]
    assert grafiek.soort is Grafieksoort.STAAF and grafiek.eenheid == "procent"
    assert [r.naam for r in grafiek.reeksen] == ["2024-2025", "Landelijk", "landelijk gemiddelde"]
    assert grafiek.categorieen == ("Werkprocessen", "Halt-verwijzingen")
    assert grafiek.reeksen[0].waarden == (0.13, 0.13)
    assert "Halt-verwijzingen: eigen 0,13%, Landelijk 0,20%, landelijk gemiddelde geen" in (
        grafiek.tekstalternatief
    )


# --- the jaarverslag from the register, in every file format ------------------------------


def _benchmarkhoofdstuk(verslag: Verslag):
    (hoofdstuk,) = [h for h in verslag.hoofdstukken if h.id == "benchmark"]
    assert verslag.hoofdstukken[-1] is hoofdstuk
    return hoofdstuk


BENCHMARK = KOP + (
    "Landelijk;2024-2025;werkprocessen;4,89\n"
    "Landelijk;2024-2025;absoluut_verzuim;0,12\n"
    "Landelijk;2024-2025;halt;0,2\n"
    "Regio Achterhoek;2024-2025;werkprocessen;5,31\n"
    "Regio Achterhoek;2023-2024;werkprocessen;5,02\n"  # another year: no column
)
IMPORT = {
    ("Landelijk", "werkprocessen"): 4.89,
    ("Landelijk", "absoluut_verzuim"): 0.12,
    ("Landelijk", "halt"): 0.2,
    ("Regio Achterhoek", "werkprocessen"): 5.31,
}


@pytest.mark.django_db
@pytest.mark.parametrize("gemeenten", [list(GEMEENTEN), ["GM0296"]], ids=["regio", "gemeente"])
def test_eigen_aandelen_zijn_die_van_de_json_en_benchmark_zoals_ingelezen(tmp_path, gemeenten):
    importeer(tmp_path / "set")
    voor = _benchmarkhoofdstuk(maak_jaarverslag(JAAR, gemeenten))
    assert [type(o) for o in voor.onderdelen] == [Tekstblok]  # before the import: a sentence
    importeer_benchmark(_bestand(tmp_path, BENCHMARK), door="x", gemeenten=None)
    verslag = maak_jaarverslag(JAAR, gemeenten)
    rapporten = {j.naam: rapport_json(j, gemeenten) for j in JAREN}
    tabel, grafiek = _benchmarkhoofdstuk(verslag).onderdelen
    jaren = tuple(j.naam for j in JAREN)
    assert tabel.kolommen == (*jaren, "Landelijk", "Regio Achterhoek")
    sleutel = "totaal" if len(gemeenten) > 1 else gemeenten[0]
    eigen = 0
    volgorde = ["werkprocessen", "absoluut_verzuim", "halt"]  # with figures, then the rest
    volgorde += [k.code for k in KENGETALLEN if k.code not in volgorde]
    kengetallen = [KENGETAL_OP_CODE[c] for c in volgorde]
    for kengetal, rij in zip(kengetallen, tabel.rijen, strict=True):
        assert rij.kop == kengetal.label
        for jaar, cel in zip(jaren, rij.cellen, strict=False):
            deel, geheel = cel.uit
            assert deel == (jaar, sleutel, *kengetal.deel)
            assert geheel == (jaar, sleutel, *GEHEEL)
            teller, noemer = waarde_op(rapporten, deel), waarde_op(rapporten, geheel)
            assert isinstance(teller, int) and noemer > 0
            assert cel.soort is Soort.AANDEEL and cel.waarde == percentage(teller, noemer)
            if kengetal.code == "werkprocessen":
                # The rapport's own percentage of the leerlingen, to the hundredth.
                assert cel.waarde == waarde_op(
                    rapporten, (jaar, sleutel, "werkprocessen", "percentage_leerlingen")
                )
            eigen += teller > 0
        for bron, cel in zip(("Landelijk", "Regio Achterhoek"), rij.cellen[3:], strict=True):
            assert cel.soort is Soort.EXTERN_PROCENT and cel.bron is None
            assert cel.waarde == IMPORT.get((bron, kengetal.code)), (bron, kengetal.code)
    assert eigen > 10  # the data has counts for most kengetallen
    # The chart: the report year's column and the benchmark columns of the kengetallen
    # with a published figure, the same numbers as the table.
    assert grafiek.categorieen == tuple(k.label for k in kengetallen[:3])
    for reeks in grafiek.reeksen:
        k = tabel.kolommen.index(reeks.naam)
        assert reeks.waarden == tuple(r.cellen[k].waarde for r in tabel.rijen[:3])
    assert [r.naam for r in grafiek.reeksen] == [JAAR.naam, "Landelijk", "Regio Achterhoek"]

    # CSV: a share names the two numbers it is computed from; a benchmark figure has no bron.
    rijen = [
        r
        for r in csv.DictReader(io.StringIO(csv_tekst(verslag)), delimiter=";")
        if r["tabel"] == tabel.titel
    ]
    assert len(rijen) == len(KENGETALLEN) * len(tabel.kolommen)
    for r in rijen:
        waarde = lees_getal(r["waarde"])
        if r["soort"] == "aandeel":
            deel, geheel = (tuple(p.split("/")) for p in r["bron"].split(TOV))
            assert waarde == percentage(waarde_op(rapporten, deel), waarde_op(rapporten, geheel))
        else:
            assert r["soort"] == "extern_procent" and r["bron"] == ""
            code = next(k.code for k in KENGETALLEN if k.label == r["rij"])
            assert waarde == IMPORT.get((r["kolom"], code))

    # XLSX: numbers as numbers with the percentage format, and a native chart on the table.
    wb = openpyxl.load_workbook(io.BytesIO(xlsx(verslag)))
    blad = wb[wb.sheetnames[-1]]
    assert blad.title == "Vergelijking met andere regio's"
    titelrij = next(r for r in range(1, blad.max_row + 1) if blad.cell(r, 1).value == tabel.titel)
    assert [blad.cell(titelrij + 1, 2 + k).value for k in range(len(tabel.kolommen))] == list(
        tabel.kolommen
    )
    for i, rij in enumerate(tabel.rijen, start=titelrij + 2):
        for k, cel in enumerate(rij.cellen, start=2):
            assert blad.cell(i, k).value == cel.waarde
            assert blad.cell(i, k).number_format == NUMMERFORMAAT[cel.soort] == PROCENT
    assert len(blad._charts) == 1

    # HTML: the imported figures as published, a share with the two numbers it comes from.
    pagina = lxml.html.fromstring(html_document(verslag))
    (tabel_html,) = pagina.xpath(f'//table[caption[contains(., "{tabel.titel}")]]')
    tekst = " ".join(tabel_html.text_content().split())
    assert "4,89%" in tekst and "5,31%" in tekst and "0,12%" in tekst
    uit = [td.get("data-uit") for td in tabel_html.xpath(".//td[@data-uit]")]
    assert len(uit) == len(KENGETALLEN) * len(jaren)
