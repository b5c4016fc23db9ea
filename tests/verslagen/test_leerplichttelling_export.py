"""The Leerplichttelling for OCW (issue 6): XLSX in the fixed layout and CSV, every row the
rapport's leerplichttelling of a gemeente or the totaal; groups add up to totaal."""

from __future__ import annotations

import csv
import io
from io import StringIO

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from verslag_testdata import GEMEENTEN, JAAR, importeer, rapport_json

from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.leerplichttelling import (
    BLAD,
    GROEPKOLOMMEN,
    KOLOMMEN,
    TOELICHTING,
    OnverwachteTelling,
    telling_csv,
    telling_xlsx,
)

pytestmark = pytest.mark.django_db

ONDERDELEN = [
    *(f"vrijstelling_{g}" for g in ("3a", "3b", "5a", "5b", "5c", "15")),
    "absoluut_verzuim",
    "relatief_verzuim",
    "langdurig_relatief_verzuim",
    "luxe_verzuim",
    "halt",
    "pv_absoluut",
    "pv_relatief",
    "pv_luxe",
    "thuiszitters_begin",
    "thuiszitters_nieuw",
    "thuiszitters_opgelost",
]


def _controleer(rijen: list[list], rapport: dict) -> None:
    """The rows are exactly rapport["gemeenten"][code]["leerplichttelling"], in fixed order."""
    assert list(rijen[0]) == list(KOLOMMEN)
    gemeenten = rapport["gemeenten"]
    codes = [*sorted(c for c in gemeenten if c != "totaal"), "totaal"]
    verwacht = [(c, o) for c in codes for o in ONDERDELEN]
    assert [(r[1], r[3]) for r in rijen[1:]] == verwacht
    for rij in rijen[1:]:
        schooljaar, code, naam, onderdeel, omschrijving, *getallen = rij
        assert schooljaar == rapport["schooljaar"]
        assert naam == gemeenten[code]["naam"] and omschrijving
        telling = gemeenten[code]["leerplichttelling"][onderdeel]
        assert dict(zip(GROEPKOLOMMEN, getallen, strict=True)) == telling
        assert sum(getallen[:-1]) == getallen[-1]  # groups add up to totaal
    # The totaal rows are the sum of the gemeenten.
    for onderdeel in ONDERDELEN:
        per_gemeente = [r for r in rijen[1:] if r[3] == onderdeel and r[1] != "totaal"]
        totaal = next(r for r in rijen[1:] if r[3] == onderdeel and r[1] == "totaal")
        for k in range(5, len(KOLOMMEN)):
            assert sum(r[k] for r in per_gemeente) == totaal[k]


@pytest.fixture
def rapport(tmp_path) -> dict:
    importeer(tmp_path / "set")
    r = rapport_json(JAAR, [])
    assert set(r["gemeenten"]) == {*GEMEENTEN, "totaal"}
    # The data is not all zeros: the rows are worth checking.
    assert sum(v["totaal"] for v in r["gemeenten"]["totaal"]["leerplichttelling"].values()) > 30
    return r


def test_xlsx_vaste_indeling_met_de_getallen_van_het_rapport(rapport):
    wb = openpyxl.load_workbook(io.BytesIO(telling_xlsx(rapport)))
    assert wb.sheetnames == [BLAD, TOELICHTING]
    blad = wb[BLAD]
    rijen = [list(r) for r in blad.iter_rows(values_only=True)]
    _controleer(rijen, rapport)
    for rij in blad.iter_rows(min_row=2):
        assert all(c.data_type == "n" for c in rij[5:])  # numbers, never text
    assert blad.freeze_panes == "D2"
    assert blad.auto_filter.ref == f"A1:L{len(rijen)}"
    kop = {r[0]: r[1] for r in wb[TOELICHTING].iter_rows(values_only=True) if r[0]}
    assert kop["Schooljaar"] == JAAR.naam and kop["Peildatum"] == rapport["peildatum"]
    assert kop["Gemeenten"] == str(len(GEMEENTEN))
    assert set(KOLOMMEN) <= set(kop)


def test_csv_zelfde_kolommen_en_getallen(rapport):
    tekst = telling_csv(rapport)
    rijen = [
        r[:5] + [int(x) for x in r[5:]] if i else r
        for i, r in enumerate(csv.reader(io.StringIO(tekst), delimiter=";"))
    ]
    _controleer(rijen, rapport)


def test_opdracht_xlsx_en_csv_voor_een_gemeente(rapport, tmp_path):
    xlsx_pad = tmp_path / "uit" / "telling.xlsx"
    fouten = StringIO()
    call_command(
        "leerplichttelling", "--schooljaar", JAAR.naam, "--gemeente", "GM0296",
        "--format", "xlsx", "--uit", str(xlsx_pad), stderr=fouten,
    )  # fmt: skip
    assert "(1 gemeente)" in fouten.getvalue()
    een = rapport_json(JAAR, ["GM0296"])
    rijen = [list(r) for r in openpyxl.load_workbook(xlsx_pad)[BLAD].iter_rows(values_only=True)]
    _controleer(rijen, een)
    assert {r[1] for r in rijen[1:]} == {"GM0296", "totaal"}

    csv_pad = tmp_path / "telling.csv"
    call_command(
        "leerplichttelling", "--schooljaar", JAAR.naam, "--format", "csv", "--uit", str(csv_pad),
        stderr=StringIO(),
    )  # fmt: skip
    inhoud = csv_pad.read_bytes()
    assert inhoud.startswith(b"\xef\xbb\xbf")
    assert inhoud.decode("utf-8-sig") == telling_csv(rapport)


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["--schooljaar", "2024/2025", "--format", "csv"], "ongeldig schooljaar"),
        (["--schooljaar", "2024-2025", "--format", "xlsx"], "--uit"),
        (["--schooljaar", "2024-2025", "--format", "csv", "--gemeente", "GM9999"], "GM9999"),
    ],
)
def test_opdracht_nederlandse_fouten(rapport, argumenten, melding):
    with pytest.raises(CommandError, match=melding):
        call_command("leerplichttelling", *argumenten, stdout=StringIO(), stderr=StringIO())


def test_opdracht_zonder_gemeenten():
    with pytest.raises(CommandError, match="nog geen gemeenten"):
        call_command(
            "leerplichttelling", "--schooljaar", "2024-2025", "--format", "csv", stdout=StringIO()
        )


def test_gemeentenaam_als_formule_wordt_geneutraliseerd_en_rijen_blijven_vast():
    telling = {o: dict.fromkeys(GROEPKOLOMMEN, 0) for o in ONDERDELEN}
    rapport = {
        "schooljaar": "2024-2025",
        "peildatum": "2024-10-01",
        "gemeenten": {
            "GM0001": {"naam": "=HYPERLINK(1)", "leerplichttelling": telling},
            "totaal": {"naam": "Totaal", "leerplichttelling": telling},
        },
    }
    rij = next(csv.reader(io.StringIO(telling_csv(rapport).splitlines()[1]), delimiter=";"))
    assert rij[2] == "'=HYPERLINK(1)"
    blad = openpyxl.load_workbook(io.BytesIO(telling_xlsx(rapport)))[BLAD]
    assert blad.cell(2, 3).value == "'=HYPERLINK(1)"
    # A rapport with another set of rows does not fit the fixed layout: an error, not a guess.
    rapport["gemeenten"]["GM0001"]["leerplichttelling"] = {"nieuw_onderdeel": telling["halt"]}
    with pytest.raises(OnverwachteTelling):
        telling_csv(rapport)


def test_schooljaar_zonder_gebeurtenissen_geeft_nullen(rapport):
    leeg = rapport_json(Schooljaar(2010), [])
    rijen = [
        r[:5] + [int(x) for x in r[5:]] if i else r
        for i, r in enumerate(csv.reader(io.StringIO(telling_csv(leeg)), delimiter=";"))
    ]
    _controleer(rijen, leeg)
    assert all(x == 0 for r in rijen[1:] for x in r[5:])
