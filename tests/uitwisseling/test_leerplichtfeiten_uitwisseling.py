"""The facts that end a leerplicht early in personen.csv: optional columns, checked like
on screen, and an exact round trip (issue 13, items 3 and 9)."""

from __future__ import annotations

import filecmp
from datetime import date

import pytest

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.register.models import Persoon
from leerplicht.uitwisseling.exporteren import exporteer
from leerplicht.uitwisseling.importeren import importeer
from leerplicht.uitwisseling.tabellen import DOELTABELLEN
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

FEITEN = (
    "twaalf_schooljaren_voltooid",
    "twaalf_schooljaren_bron",
    "kwalificatieplicht_vervallen",
    "kwalificatieplicht_vervallen_grond",
    "kwalificatieplicht_vervallen_bron",
)


def _set() -> Uitwisselset:
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    s.persoon(
        "2009-11-15",
        twaalf_schooljaren_voltooid="2025-07-31",
        twaalf_schooljaren_bron="opgave school, 12 schooljaren",
    )
    s.persoon(
        "2008-03-01",
        kwalificatieplicht_vervallen="2025-07-04",
        kwalificatieplicht_vervallen_grond="pro",
        kwalificatieplicht_vervallen_bron="getuigschrift; praktijkonderwijs",
    )
    s.persoon("2012-01-01")  # no facts: empty cells
    return s


def test_kolommen_zijn_optioneel_en_achteraan():
    assert formaat.PERSONEN.kolomnamen[-5:] == FEITEN
    assert set(FEITEN) <= set(formaat.PERSONEN.extra_kolommen)
    assert not set(FEITEN) & set(formaat.PERSONEN.verplichte_kopjes)


def test_import_slaat_feiten_op_en_export_import_export_is_gelijk(tmp_path):
    resultaat = _set().importeer(tmp_path / "bron")
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    twaalf, pro, geen = Persoon.objects.order_by("id")
    assert twaalf.twaalf_schooljaren_voltooid == date(2025, 7, 31)
    assert twaalf.twaalf_schooljaren_bron == "opgave school, 12 schooljaren"
    assert (pro.kwalificatieplicht_vervallen, pro.kwalificatieplicht_vervallen_grond) == (
        date(2025, 7, 4),
        "pro",
    )
    assert all(getattr(geen, veld) is None for veld in FEITEN)

    exporteer(tmp_path / "uit1")
    kop = (tmp_path / "uit1" / "personen.csv").read_text(encoding="utf-8").splitlines()[0]
    assert kop.endswith(",".join(FEITEN))
    for doel in reversed(DOELTABELLEN):
        doel.model.objects.all().delete()
    assert importeer(tmp_path / "uit1").opgeslagen
    exporteer(tmp_path / "uit2")
    assert filecmp.cmp(
        tmp_path / "uit1" / "personen.csv", tmp_path / "uit2" / "personen.csv", shallow=False
    )


def test_oud_bestand_zonder_de_kolommen_wordt_gelezen(tmp_path):
    map_ = tmp_path / "oud"
    map_.mkdir()
    (map_ / "gemeenten.csv").write_text("code,naam\nGM0225,Druten\n", encoding="utf-8")
    (map_ / "personen.csv").write_text(
        "id,bsn,geboortedatum,gemeente,startkwalificatie\nX1,,2012-02-03,GM0225,\n",
        encoding="utf-8",
    )
    assert importeer(map_).opgeslagen
    assert Persoon.objects.get().kwalificatieplicht_vervallen is None


@pytest.mark.parametrize(
    ("waarden", "verwacht"),
    [
        (
            {"twaalf_schooljaren_voltooid": "2025-06-30"},
            "personen.csv:2: twaalf_schooljaren_voltooid: twaalf volledige schooljaren",
        ),
        (
            {"kwalificatieplicht_vervallen": "2025-07-04"},
            "personen.csv:2: kwalificatieplicht_vervallen_grond: kies de grond",
        ),
        (
            {"kwalificatieplicht_vervallen_grond": "vso_dagbesteding"},
            "personen.csv:2: kwalificatieplicht_vervallen: vul de datum in",
        ),
        ({"kwalificatieplicht_vervallen_grond": "havo"}, "kwalificatieplicht_vervallen_grond"),
    ],
)
def test_foute_feiten_worden_geweigerd(tmp_path, waarden, verwacht):
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    s.persoon("2008-03-01", **waarden)
    resultaat = importeer(s.schrijf(tmp_path / "set"))
    assert not resultaat.opgeslagen
    assert any(verwacht in regel for regel in resultaat.fouten.regels()), resultaat.fouten.regels()
    assert not Persoon.objects.exists()
