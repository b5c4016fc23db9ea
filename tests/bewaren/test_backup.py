"""Backup, wipe, restore: the same rapport and an intact audit chain, on SQLite and PostgreSQL.

Runs on whichever database the test run uses (scripts/testen runs both passes).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.audit.models import Auditregel
from leerplicht.bewaren.backup import MANIFEST, database_is_leeg, rapport_tekst
from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.register.models import Persoon
from portaal.fabrieken import kleine_regio

pytestmark = [pytest.mark.traag, pytest.mark.django_db(transaction=True)]


def _leerplicht(*argumenten: str) -> str:
    uit = io.StringIO()
    call_command(*argumenten, stdout=uit)
    return uit.getvalue()


def _wis_alles() -> None:
    """Drop every table: the database is as new (what a lost server leaves)."""
    with connection.cursor() as cursor:
        tabellen = connection.introspection.table_names(cursor)
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
        for tabel in tabellen:
            cascade = " CASCADE" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(tabel)}{cascade}")
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = ON")
    assert database_is_leeg()


def _verwijder_personen_zonder_dossier() -> None:
    """A change that moves the figures (the population) of the last closed school year."""
    Persoon.objects.filter(
        meldingen__isnull=True,
        werkprocessen__isnull=True,
        vrijstellingen__isnull=True,
        thuiszitperiodes__isnull=True,
        vsv_trajecten__isnull=True,
    ).delete()


@pytest.fixture
def regio_met_audit() -> str:
    kleine_regio()
    registreer("inzien", object_type="persoon", object_id="P0000001")
    return rapport_tekst(laatste_afgesloten_schooljaar(timezone.localdate()))


def test_backup_wissen_herstellen_geeft_hetzelfde_rapport_en_intacte_keten(
    tmp_path: Path, regio_met_audit: str
):
    personen = Persoon.objects.count()
    backup = tmp_path / "backup"
    uit = _leerplicht("backup", str(backup))
    assert "Backup gemaakt" in uit
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["database"] == connection.vendor
    assert (backup / manifest["bestand"]).is_file()
    assert (
        manifest["rapport"]["schooljaar"]
        == laatste_afgesloten_schooljaar(timezone.localdate()).naam
    )
    regels = Auditregel.objects.count()
    assert Auditregel.objects.filter(actie="exporteren", object_type="database").exists()

    _wis_alles()
    uit = _leerplicht("restore", str(backup))
    assert "Controle geslaagd" in uit
    assert "rapport    in orde" in uit and "auditlog   in orde" in uit

    assert Persoon.objects.count() == personen
    schooljaar = laatste_afgesloten_schooljaar(timezone.localdate())
    assert rapport_tekst(schooljaar) == regio_met_audit
    # The restore itself is logged after the check, on top of the restored chain.
    assert Auditregel.objects.count() == regels + 1
    assert "intact" in _leerplicht("audit", "verify")


def test_herstellen_over_een_gevulde_database_alleen_met_overschrijven(
    tmp_path: Path, regio_met_audit: str
):
    backup = tmp_path / "backup"
    _leerplicht("backup", str(backup))
    _verwijder_personen_zonder_dossier()
    with pytest.raises(CommandError, match=r"niet leeg.*--overschrijven"):
        _leerplicht("restore", str(backup))
    uit = _leerplicht("restore", str(backup), "--overschrijven")
    assert "Controle geslaagd" in uit
    schooljaar = laatste_afgesloten_schooljaar(timezone.localdate())
    assert rapport_tekst(schooljaar) == regio_met_audit


def test_controle_ziet_een_ander_rapport(tmp_path: Path, regio_met_audit: str):
    backup = tmp_path / "backup"
    _leerplicht("backup", str(backup))
    _verwijder_personen_zonder_dossier()
    with pytest.raises(CommandError, match="niet geslaagd"):
        _leerplicht("restore", str(backup), "--alleen-controleren")


def test_weigert_beschadigde_of_vreemde_backup(tmp_path: Path, regio_met_audit: str):
    backup = tmp_path / "backup"
    _leerplicht("backup", str(backup))
    with pytest.raises(CommandError, match="geen lege map"):
        _leerplicht("backup", str(backup))
    manifest = json.loads((backup / MANIFEST).read_text())
    bestand = backup / manifest["bestand"]
    inhoud = bytearray(bestand.read_bytes())
    inhoud[-1] ^= 0xFF
    bestand.write_bytes(bytes(inhoud))
    with pytest.raises(CommandError, match="beschadigd"):
        _leerplicht("restore", str(backup), "--overschrijven")

    ander = dict(manifest, database="oracle")
    (backup / MANIFEST).write_text(json.dumps(ander))
    with pytest.raises(CommandError, match="backup is van een oracle-database"):
        _leerplicht("restore", str(backup), "--overschrijven")
    with pytest.raises(CommandError, match="geen backup"):
        _leerplicht("restore", str(tmp_path / "bestaat-niet"))
    assert Persoon.objects.exists()  # nothing was touched
