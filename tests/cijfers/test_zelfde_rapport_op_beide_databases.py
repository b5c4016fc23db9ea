"""The demo region gives the same `rapport` JSON on SQLite and on PostgreSQL.

Runs in the PostgreSQL pass of `make test` (scripts/testen): the region is
imported into the PostgreSQL test database in this process and into a fresh
SQLite file by a separate `leerplicht` process, and the JSON text of every
school year of the data is compared. On SQLite alone there is nothing to
compare with, so it is skipped there.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.portaal.management.commands.demo import DEMOREGIO

pytestmark = [pytest.mark.traag, pytest.mark.django_db(transaction=True)]


def _leerplicht_op_sqlite(database: Path, *argumenten: str) -> str:
    omgeving = dict(os.environ, DATABASE_URL=f"sqlite:///{database}")
    uitkomst = subprocess.run(
        [sys.executable, "-m", "leerplicht", *argumenten],
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    return uitkomst.stdout


def _rapport_hier(*argumenten: str) -> str:
    uit = io.StringIO()
    call_command("rapport", *argumenten, stdout=uit)
    return uit.getvalue()


def test_demoregio_geeft_hetzelfde_rapport_op_sqlite_en_postgresql(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("vergelijkt met PostgreSQL: draait in de PostgreSQL-ronde van make test")
    data = tmp_path / "demo"
    call_command("genereer", str(data), **DEMOREGIO, stdout=io.StringIO())
    call_command("import", str(data), stdout=io.StringIO())
    sqlite = tmp_path / "leerplicht.sqlite3"
    _leerplicht_op_sqlite(sqlite, "import", str(data))

    laatste = laatste_afgesloten_schooljaar(timezone.localdate())
    vragen = [("--schooljaar", laatste.vorige(n).naam) for n in range(3)]
    vragen.append(("--schooljaar", laatste.naam, "--peildatum", f"{laatste.einde.year}-03-15"))
    for vraag in vragen:
        op_postgresql = _rapport_hier(*vraag, "--format", "json")
        op_sqlite = _leerplicht_op_sqlite(sqlite, "rapport", *vraag, "--format", "json")
        assert '"meldingen"' in op_postgresql
        assert op_sqlite.strip() == op_postgresql.strip(), f"verschil bij {' '.join(vraag)}"
