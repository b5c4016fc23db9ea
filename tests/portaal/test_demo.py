"""leerplicht demo: first start makes a region and accounts, later starts only serve."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

from leerplicht.meldingen.models import Melding
from leerplicht.portaal.management.commands.demo import DEMO_ACCOUNTS
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.werkprocessen.models import Toewijzingsregel

pytestmark = pytest.mark.django_db


def demo(**opties) -> str:
    uit = StringIO()
    call_command("demo", stdout=uit, stderr=StringIO(), **opties)
    return uit.getvalue()


@override_settings(OMGEVING="productie")
def test_weigert_in_productie(monkeypatch):
    monkeypatch.setattr("waitress.serve", lambda *a, **k: pytest.fail("mag niet serveren"))
    with pytest.raises(CommandError, match="niet in productie"):
        demo(zonder_server=True)
    assert not Persoon.objects.exists()


def test_eerste_en_tweede_start(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    uitvoer = demo(gemeenten=2, personen=300, seed=7, zonder_server=True)
    assert "Eerste start" in uitvoer
    assert (tmp_path / "demo" / "personen.csv").exists()
    assert Gemeente.objects.count() == 2
    assert Persoon.objects.count() == 300
    assert "ALLEEN VOOR DE DEMO" in uitvoer
    assert {a.rol for a in DEMO_ACCOUNTS} >= {
        "administratief medewerker",
        "leerplichtambtenaar",
        "consulent Doorstroompunt",
        "teammanager / coördinator",
        "beleidsmedewerker gemeente",
        "applicatiebeheerder",
    }
    for account in DEMO_ACCOUNTS:
        assert f"{account.gebruikersnaam}" in uitvoer
        assert account.wachtwoord in uitvoer
        assert authenticate(username=account.gebruikersnaam, password=account.wachtwoord)

    # Work in the queues: assignment rules per gemeente and one Verzuimloket delivery.
    assert Toewijzingsregel.objects.count() == 4
    assert "Toewijzingsregels gemaakt: 4." in uitvoer
    nieuw = Melding.objects.filter(bron="duo", status="nieuw")
    assert nieuw.count() > 0
    assert f"Verzuimloket-levering ingelezen: {nieuw.count()} nieuwe meldingen." in uitvoer
    assert (tmp_path / "demo" / "duo" / "verzuimloket-demo-1.csv").exists()

    tweede = demo(gemeenten=2, personen=300, seed=7, zonder_server=True)
    assert "overgeslagen" in tweede
    assert "Eerste start" not in tweede
    assert Persoon.objects.count() == 300
    assert "Toewijzingsregels gemaakt" not in tweede and "levering" not in tweede
    assert Toewijzingsregel.objects.count() == 4


def test_gewijzigd_demowachtwoord_wordt_hersteld(tmp_path, settings, django_user_model):
    settings.VAR_DIR = tmp_path
    Persoon.objects.create(
        id="P1",
        geboortedatum="2015-01-01",
        gemeente=Gemeente.objects.create(code="GM9001", naam="Proefdorp"),
    )
    demo(zonder_server=True)
    lpa = django_user_model.objects.get(username="lpa")
    lpa.set_password("iets-anders-gekozen")
    lpa.save()
    demo(zonder_server=True)
    assert authenticate(username="lpa", password="demo-lpa-wachtwoord")


def test_serveert_met_waitress_op_localhost(tmp_path, settings, monkeypatch):
    settings.VAR_DIR = tmp_path
    Persoon.objects.create(
        id="P1",
        geboortedatum="2015-01-01",
        gemeente=Gemeente.objects.create(code="GM9001", naam="Proefdorp"),
    )
    aanroepen = []
    monkeypatch.setattr("waitress.serve", lambda app, **k: aanroepen.append(k))
    monkeypatch.setenv("PORT", "8123")
    uitvoer = demo()
    assert aanroepen and aanroepen[0]["host"] == "127.0.0.1" and aanroepen[0]["port"] == 8123
    assert "http://127.0.0.1:8123/" in uitvoer

    aanroepen.clear()
    demo(poort=8999)
    assert aanroepen[0]["port"] == 8999


def test_werker_voor_achtergrondtaken_alleen_met_de_databasewachtrij(
    tmp_path, settings, monkeypatch
):
    """`make demo` sets the database queue: then a db_worker runs beside the web server and
    stops with it. Without it (the tests) the jobs run at once and no worker starts."""
    settings.VAR_DIR = tmp_path
    Persoon.objects.create(
        id="P1",
        geboortedatum="2015-01-01",
        gemeente=Gemeente.objects.create(code="GM9001", naam="Proefdorp"),
    )
    monkeypatch.setattr("waitress.serve", lambda app, **k: None)
    gestart = []

    class Werker:
        def __init__(self, argumenten, **kwargs):
            gestart.append(argumenten)
            self.gestopt = False

        def terminate(self):
            self.gestopt = True

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr("subprocess.Popen", Werker)
    assert "werker gestart" not in demo()
    assert gestart == []

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "werker gestart" in demo()
    assert gestart[0][-4:] == ["leerplicht", "db_worker", "--interval", "1"]


def test_ongeldige_poort(monkeypatch):
    monkeypatch.setenv("PORT", "achtduizend")
    with pytest.raises(CommandError, match="geen poortnummer"):
        demo(zonder_server=True)
    with pytest.raises(CommandError, match="bestaat niet"):
        demo(poort=70000, zonder_server=True)
