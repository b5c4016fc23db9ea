"""The teammanager reads in benchmark figures in the web app: all or nothing, the located
errors on the page, the figures in the next jaarverslag."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from leerplicht.domein.rollen import Rol
from leerplicht.verslagen.models import Benchmarkcijfer
from portaal.fabrieken import GemeenteFactory
from toegang.toegangswereld import aangemeld, maak_gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def teammanager():
    return aangemeld(maak_gebruiker("tm", Rol.TEAMMANAGER, [GemeenteFactory(code="GM0225")]))


def _csv(tekst: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("benchmark.csv", tekst.encode("utf-8"), content_type="text/csv")


def test_goed_bestand_wordt_ingelezen(teammanager):
    antwoord = teammanager.post(
        "/verslagen/benchmark/",
        {
            "bestand": _csv(
                "bron;schooljaar;kengetal;percentage\nLandelijk;2024-2025;werkprocessen;6,10\n"
            )
        },
    )
    assert antwoord.status_code == 302
    cijfer = Benchmarkcijfer.objects.get()
    assert (cijfer.bron, cijfer.kengetal, str(cijfer.percentage)) == (
        "Landelijk",
        "werkprocessen",
        "6.10",
    )
    pagina = teammanager.get("/verslagen/benchmark/").content.decode()
    assert "1 nieuw" in pagina and "Landelijk" in pagina


def test_fout_bestand_slaat_niets_op_en_noemt_de_regel(teammanager):
    antwoord = teammanager.post(
        "/verslagen/benchmark/",
        {"bestand": _csv(
            "bron;schooljaar;kengetal;percentage\n"
            "Landelijk;2024-2025;werkprocessen;6,10\n"
            "Landelijk;2024-2025;bestaat_niet;6,10\n"
        )},
    )  # fmt: skip
    assert antwoord.status_code == 400
    assert "benchmark.csv:3: kengetal" in antwoord.content.decode()
    assert not Benchmarkcijfer.objects.exists()


def test_geen_tekstbestand(teammanager):
    bestand = SimpleUploadedFile("b.csv", b"PK\x03\x04rest", content_type="text/csv")
    antwoord = teammanager.post("/verslagen/benchmark/", {"bestand": bestand})
    assert antwoord.status_code == 400 and "geen tekstbestand" in antwoord.content.decode()
