"""An import counts as a change for a form that is open: saving it afterwards gives the
conflict page (409) and the imported data stays, through the real pages.

A form carries the versie it was loaded with; `leerplicht import` raises the versie of
every row it changes (and of the werkproces of an interventie it changes), so the form's
versie is old by the time it is posted.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Interventie
from toegang.toegangswereld import aangemeld, maak_gebruiker
from uitwisselset import Uitwisselset

pytestmark = [
    pytest.mark.django_db,
    # WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing in tests.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

CONFLICT_WERKPROCES = (
    "Iemand anders heeft dit werkproces intussen gewijzigd. Laad de pagina opnieuw; "
    "uw wijziging is niet opgeslagen."
)


@pytest.fixture(autouse=True)
def duo_map(settings, tmp_path: Path) -> None:
    """Deciding a vrijstelling may talk to DUO: keep it in a folder of this test."""
    settings.LEERPLICHT_DUO_MAP = tmp_path / "duo"
    settings.LEERPLICHT_DUO_KOPPELING = "leerplicht.duo.bestanden.Bestandskoppeling"


def regio() -> Uitwisselset:
    """One child with a werkproces (a Halt-verwijzing without outcome) and a request for
    vrijstelling that is not decided yet."""
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    kind = s.persoon("2012-03-04")
    s.voeg_toe("werkprocessen.csv", id="W1", persoon=kind, gemeente="GM0225",
               type="relatief_verzuim", geopend="2024-09-02", behandelaar="lpa")  # fmt: skip
    s.voeg_toe("interventies.csv", id="H1", werkproces="W1", datum="2024-11-10", soort="halt")
    s.voeg_toe("vrijstellingen.csv", id="V1", persoon=kind, gemeente="GM0225", grond="5a",
               aangevraagd="2024-06-01", besluit="open", geldig_van="2024-08-01",
               geldig_tot="2025-07-31")  # fmt: skip
    return s


def lpa() -> Client:
    gemeente = Gemeente.objects.get(code="GM0225")
    return aangemeld(maak_gebruiker("lpa", Rol.LEERPLICHTAMBTENAAR, [gemeente]))


def versie_in_formulier(pagina: str, veld: str) -> int:
    gevonden = re.search(rf'name="{re.escape(veld)}" value="(\d+)"', pagina)
    assert gevonden, f"geen {veld} in het formulier"
    return int(gevonden.group(1))


def test_vrijstellingsbesluit_na_import_geeft_conflict_en_laat_de_import_staan(tmp_path: Path):
    s = regio()
    s.importeer(tmp_path / "eerste")
    client = lpa()
    pagina = client.get("/vrijstellingen/V1/")
    assert pagina.status_code == 200
    versie = versie_in_formulier(pagina.content.decode(), "besluit-versie")

    # Meanwhile the source system shortens the period; the import brings it in.
    next(r for r in s.rijen["vrijstellingen.csv"] if r["id"] == "V1")["geldig_tot"] = "2025-03-31"
    gewijzigd = {b.bestand: b.gewijzigd for b in s.importeer(tmp_path / "tweede").bestanden}
    assert gewijzigd["vrijstellingen.csv"] == 1

    # The form still holds the period it was opened with.
    besluit = {
        "actie": "besluit", "besluit-versie": str(versie), "besluit-besluit": "afgewezen",
        "besluit-besluitdatum": "2024-08-30", "besluit-geldig_van": "2024-08-01",
        "besluit-geldig_tot": "2025-07-31", "besluit-motivering": "Geen verklaring.",
    }  # fmt: skip
    antwoord = client.post("/vrijstellingen/V1/", besluit)
    assert antwoord.status_code == 409
    assert "intussen gewijzigd" in antwoord.content.decode()
    v = Vrijstelling.objects.get(pk="V1")
    assert (v.besluit, v.geldig_tot) == ("open", date(2025, 3, 31))


def test_halt_uitkomst_na_import_geeft_conflict_en_laat_de_import_staan(tmp_path: Path):
    s = regio()
    s.importeer(tmp_path / "eerste")
    client = lpa()
    pagina = client.get("/werkprocessen/W1/")
    assert pagina.status_code == 200
    versie = versie_in_formulier(pagina.content.decode(), "halt-versie")

    # Halt reported a positive outcome to the source system; the import brings it in.
    next(r for r in s.rijen["interventies.csv"] if r["id"] == "H1")["uitkomst"] = "positief"
    s.importeer(tmp_path / "tweede")

    antwoord = client.post(
        "/werkprocessen/W1/halt-uitkomst/",
        {"halt-versie": str(versie), "halt-interventie": "H1", "halt-uitkomst": "negatief"},
    )
    assert antwoord.status_code == 409
    assert CONFLICT_WERKPROCES in antwoord.content.decode()
    assert Interventie.objects.get(pk="H1").uitkomst == "positief"


def test_ongewijzigde_import_laat_een_open_formulier_opslaan(tmp_path: Path):
    """Re-importing the same data changes nothing, so a form open meanwhile still saves."""
    s = regio()
    s.importeer(tmp_path / "eerste")
    client = lpa()
    versie = versie_in_formulier(client.get("/werkprocessen/W1/").content.decode(), "halt-versie")
    s.importeer(tmp_path / "nogmaals")
    antwoord = client.post(
        "/werkprocessen/W1/halt-uitkomst/",
        {"halt-versie": str(versie), "halt-interventie": "H1", "halt-uitkomst": "negatief"},
    )
    assert antwoord.status_code == 302
    assert Interventie.objects.get(pk="H1").uitkomst == "negatief"
