"""`leerplicht import` and `leerplicht export` each leave one entry: counts, no personal data."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from leerplicht.audit.models import Auditregel
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db


def _set() -> Uitwisselset:
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    s.school("12AB", "bao")
    p = s.persoon("2012-03-04")
    s.persoon("2013-05-06")
    s.inschrijving(p, "12AB00", "2018-08-01")
    s.melding(p, "2024-09-01", "wettelijk")
    return s


def test_import_een_regel_met_aantallen(tmp_path):
    s = _set()
    call_command("import", str(s.schrijf(tmp_path / "set")), stdout=StringIO())
    [regel] = Auditregel.objects.all()
    assert (regel.actie, regel.object_type) == ("importeren", "uitwisselformaat")
    assert regel.toelichting["bestanden"]["personen.csv"] == {
        "regels": 2,
        "nieuw": 2,
        "gewijzigd": 0,
    }
    assert "personen.csv" in regel.velden
    tekst = json.dumps(Auditregel.objects.values().get(pk=regel.pk), default=str)
    for persoon in s.rijen["personen.csv"]:
        assert str(persoon["bsn"]) not in tekst and persoon["geboortedatum"] not in tekst
    assert str(tmp_path) not in tekst


def test_geweigerde_of_gecontroleerde_import_geen_regel(tmp_path):
    map_ = _set().schrijf(tmp_path / "set")
    call_command("import", str(map_), "--controleer", stdout=StringIO())
    (map_ / "gemeenten.csv").write_text("code,naam\nXX,Fout\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import", str(map_), stdout=StringIO(), stderr=StringIO())
    assert not Auditregel.objects.exists()


def test_export_een_regel_met_aantallen(tmp_path):
    call_command("import", str(_set().schrijf(tmp_path / "set")), stdout=StringIO())
    call_command("export", str(tmp_path / "uit.zip"), stdout=StringIO())
    regel = Auditregel.objects.get(actie="exporteren")
    assert regel.toelichting["bestanden"]["personen.csv"] == {"regels": 2}
    assert regel.toelichting["bestanden"]["meldingen.csv"] == {"regels": 1}
    assert str(tmp_path) not in json.dumps(regel.toelichting)


def test_importregel_in_dezelfde_transactie_als_de_gegevens(tmp_path, monkeypatch):
    """If the audit entry cannot be written, the import is not stored either."""
    from leerplicht.register.models import Persoon
    from leerplicht.uitwisseling import importeren

    def weigert(_resultaat):
        raise importeren.DatabaseError("auditlog niet beschikbaar")

    monkeypatch.setattr(importeren, "registreer_import", weigert)
    resultaat = importeren.importeer(_set().schrijf(tmp_path / "set"))
    assert not resultaat.opgeslagen
    assert Persoon.objects.count() == 0 and Auditregel.objects.count() == 0
