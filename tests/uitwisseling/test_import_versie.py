"""An import raises the `versie` (optimistic locking) of every row it changes.

Forms carry the versie they were opened with (leerplicht.versiebeheer); an import that
changed a row without raising it would let a form opened before the import overwrite
the imported data silently. Unchanged rows keep their versie, so an idempotent re-import
does not spoil forms that are open.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.uitwisseling.importeren import importeer
from leerplicht.uitwisseling.tabellen import DOELTABEL_VAN, DOELTABELLEN
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Werkproces
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

#: Per file with a versie: the model, the column its rows are looked up by, the key prefix.
MET_VERSIE = {
    "werkprocessen.csv": (Werkproces, "id", "W"),
    "meldingen.csv": (Melding, "meldingsnummer", "M"),
    "vrijstellingen.csv": (Vrijstelling, "id", "V"),
    "thuiszitters.csv": (Thuiszitter, "id", "T"),
    "vsv.csv": (Vsv, "id", "S"),
}


def twee_van_elk() -> Uitwisselset:
    """Two rows in every file whose model has a versie, so one can change and one not."""
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    for n in (1, 2):
        p = s.persoon("2012-03-04")
        q = s.persoon("2006-08-01")
        s.voeg_toe("werkprocessen.csv", id=f"W{n}", persoon=p, gemeente="GM0225",
                   type="relatief_verzuim", geopend="2024-09-02", behandelaar="lpa.jansen")  # fmt: skip
        s.voeg_toe("meldingen.csv", meldingsnummer=f"M{n}", persoon=p, gemeente="GM0225",
                   datum="2024-09-01", soort="wettelijk")  # fmt: skip
        s.voeg_toe("vrijstellingen.csv", id=f"V{n}", persoon=p, gemeente="GM0225", grond="5a",
                   aangevraagd="2024-06-01", besluit="open", geldig_van="2024-08-01")  # fmt: skip
        s.voeg_toe("thuiszitters.csv", id=f"T{n}", persoon=p, gemeente="GM0225",
                   van="2024-10-01")  # fmt: skip
        s.voeg_toe("vsv.csv", id=f"S{n}", persoon=q, gemeente="GM0225",
                   uitgeschreven="2024-07-31")  # fmt: skip
    return s


def rij(s: Uitwisselset, bestand: str, sleutel: str) -> dict[str, object]:
    kolom = MET_VERSIE[bestand][1]
    return next(r for r in s.rijen[bestand] if r[kolom] == sleutel)


def versies() -> dict[str, dict[str, int]]:
    return {
        bestand: dict(model.objects.values_list(kolom, "versie"))
        for bestand, (model, kolom, _) in MET_VERSIE.items()
    }


def verwacht(eerste: int, tweede: int) -> dict[str, dict[str, int]]:
    """Row 1 at versie `eerste` and row 2 at `tweede`, in every file."""
    return {b: {f"{v}1": eerste, f"{v}2": tweede} for b, (_, _, v) in MET_VERSIE.items()}


def test_elk_model_met_versie_dat_de_import_schrijft_wordt_verhoogd():
    """Guard: a model with a versie added to the format later is raised too, not forgotten."""
    met_versie = {d.spec.naam for d in DOELTABELLEN if d.versie_kolom is not None}
    # verlofaanvragen.csv has a natural key (no id column to look rows up by here): its
    # versie is tested in test_verlofaanvragen_uitwisseling.py.
    assert met_versie == set(MET_VERSIE) | {"verlofaanvragen.csv"}
    assert all(DOELTABEL_VAN[b].versie_kolom == "versie" for b in MET_VERSIE)
    assert DOELTABEL_VAN["interventies.csv"].ouder_met_versie == (
        "werkproces_id", Werkproces, "versie"
    )  # fmt: skip


def test_gewijzigde_rij_krijgt_een_hogere_versie_ongewijzigde_houdt_de_hare(tmp_path: Path):
    s = twee_van_elk()
    s.importeer(tmp_path / "eerste")
    assert versies() == verwacht(1, 1)

    s.importeer(tmp_path / "nogmaals")  # the same data: nothing changed, nothing raised
    assert versies() == verwacht(1, 1)

    rij(s, "werkprocessen.csv", "W1")["behandelaar"] = "lpa.devries"
    rij(s, "meldingen.csv", "M1")["actie_gewenst"] = True
    rij(s, "vrijstellingen.csv", "V1")["geldig_tot"] = "2025-07-31"
    rij(s, "thuiszitters.csv", "T1")["tot"] = "2024-12-20"
    rij(s, "vsv.csv", "S1")["monitoring_vanaf"] = "2024-10-01"
    resultaat = s.importeer(tmp_path / "gewijzigd")

    assert {
        b.bestand: b.gewijzigd for b in resultaat.bestanden if b.bestand in MET_VERSIE
    } == dict.fromkeys(MET_VERSIE, 1)
    assert versies() == verwacht(2, 1)
    assert Vrijstelling.objects.get(pk="V1").geldig_tot.isoformat() == "2025-07-31"


def test_versie_gaat_op_de_opgeslagen_versie_verder(tmp_path: Path):
    """The raise is versie + 1 on what is stored (a form saved in between counts too)."""
    s = twee_van_elk()
    s.importeer(tmp_path / "eerste")
    Werkproces.objects.filter(pk="W1").update(versie=7)
    rij(s, "werkprocessen.csv", "W1")["behandelaar"] = "lpa.devries"
    s.importeer(tmp_path / "gewijzigd")
    assert Werkproces.objects.get(pk="W1").versie == 8


def test_mislukte_import_verhoogt_niets(tmp_path: Path):
    """All or nothing holds for the versie too: a rejected import raises nothing."""
    s = twee_van_elk()
    s.importeer(tmp_path / "eerste")
    rij(s, "vrijstellingen.csv", "V1")["geldig_tot"] = "2025-07-31"
    s.voeg_toe("meldingen.csv", meldingsnummer="M9", persoon="P-BESTAAT-NIET",
               gemeente="GM0225", datum="2024-09-01", soort="wettelijk")  # fmt: skip
    resultaat = importeer(s.schrijf(tmp_path / "fout"))
    assert not resultaat.opgeslagen and resultaat.fouten
    assert Vrijstelling.objects.get(pk="V1").versie == 1


def test_interventie_verhoogt_de_versie_van_haar_werkproces(tmp_path: Path):
    """The werkproces page records interventies under the werkproces's versie: a new,
    changed or moved interventie raises it (once per import); an unchanged one does not."""
    s = twee_van_elk()
    s.voeg_toe("werkprocessen.csv", id="W3", persoon="P000001", gemeente="GM0225",
               type="relatief_verzuim", geopend="2024-09-02")  # fmt: skip
    s.voeg_toe("interventies.csv", id="I1", werkproces="W1", datum="2024-11-10", soort="halt")
    s.voeg_toe("interventies.csv", id="I2", werkproces="W2", datum="2024-11-10", soort="gesprek")
    s.voeg_toe("interventies.csv", id="I3", werkproces="W2", datum="2024-11-11", soort="gesprek")
    s.importeer(tmp_path / "eerste")
    # A werkproces that is new together with its interventies is raised too (harmless: no
    # form can have been opened on it before the import).
    assert dict(Werkproces.objects.values_list("id", "versie")) == {"W1": 2, "W2": 2, "W3": 1}

    s.importeer(tmp_path / "nogmaals")
    assert dict(Werkproces.objects.values_list("id", "versie")) == {"W1": 2, "W2": 2, "W3": 1}

    next(r for r in s.rijen["interventies.csv"] if r["id"] == "I1")["uitkomst"] = "positief"
    s.importeer(tmp_path / "uitkomst")
    assert dict(Werkproces.objects.values_list("id", "versie")) == {"W1": 3, "W2": 2, "W3": 1}

    # I3 moves from W2 to W3: both pages showed it. I4 is new on W3 (raised once with I3).
    next(r for r in s.rijen["interventies.csv"] if r["id"] == "I3")["werkproces"] = "W3"
    s.voeg_toe("interventies.csv", id="I4", werkproces="W3", datum="2024-11-12", soort="gesprek")
    s.importeer(tmp_path / "verhuisd")
    assert dict(Werkproces.objects.values_list("id", "versie")) == {"W1": 3, "W2": 3, "W3": 2}
