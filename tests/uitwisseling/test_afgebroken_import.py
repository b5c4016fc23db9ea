"""A process killed in the middle of an import leaves the database exactly as it was."""

from __future__ import annotations

import filecmp
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from leerplicht.domein.bsn import test_bsn

pytestmark = pytest.mark.traag

LEERPLICHT = [sys.executable, "-m", "leerplicht"]


def schrijf_personen(map_: Path, aantal: int, begin: int = 0) -> None:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "gemeenten.csv").write_text("code,naam\nGM0225,Druten\n", encoding="utf-8")
    with (map_ / "personen.csv").open("w", encoding="utf-8") as uit:
        uit.write("id,bsn,geboortedatum,gemeente,startkwalificatie\n")
        volgnummer, n = begin, 0
        while n < aantal:
            volgnummer += 1
            bsn = test_bsn(volgnummer)
            if bsn:
                n += 1
                uit.write(f"K{volgnummer},{bsn},2011-0{1 + n % 9}-1{n % 9},GM0225,\n")


@pytest.fixture
def eigen_database(tmp_path):
    """A database of its own for the subprocesses: an SQLite file, or a new PostgreSQL database."""
    standaard = settings.DATABASES["default"]
    if standaard["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'afgebroken.sqlite3'}"
        return
    import psycopg

    naam = f"afgebroken_{uuid.uuid4().hex[:8]}"
    verbinding = {
        "host": standaard["HOST"],
        "port": standaard["PORT"] or 5432,
        "user": standaard["USER"],
        "password": standaard["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**verbinding) as c:
        c.execute(f'CREATE DATABASE "{naam}"')
    host = standaard["HOST"] or "localhost"
    yield (
        f"postgres://{standaard['USER']}:{standaard['PASSWORD']}@/{naam}?host={host}"
        f"&port={standaard['PORT'] or 5432}"
    )
    with psycopg.connect(**verbinding) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def leerplicht(database_url: str, *args: str, **kw) -> subprocess.Popen:
    omgeving = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.Popen(
        [*LEERPLICHT, *args], env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw
    )


def klaar(proces: subprocess.Popen) -> str:
    uit, fout = proces.communicate(timeout=300)
    assert proces.returncode == 0, fout.decode()
    return uit.decode()


def test_gedode_import_laat_database_ongemoeid(tmp_path, eigen_database):
    schrijf_personen(tmp_path / "klein", 50)
    schrijf_personen(tmp_path / "groot", 200_000, begin=10_000)
    klaar(leerplicht(eigen_database, "import", str(tmp_path / "klein")))
    klaar(leerplicht(eigen_database, "export", str(tmp_path / "voor")))

    proces = leerplicht(eigen_database, "import", str(tmp_path / "groot"))
    time.sleep(1.5)
    assert proces.poll() is None, "de import was al klaar: de test moet eerder afbreken"
    proces.send_signal(signal.SIGKILL)
    proces.wait(timeout=30)

    klaar(leerplicht(eigen_database, "export", str(tmp_path / "na")))
    namen = sorted(p.name for p in (tmp_path / "voor").iterdir())
    gelijk, verschil, fouten = filecmp.cmpfiles(
        tmp_path / "voor", tmp_path / "na", namen, shallow=False
    )
    assert (sorted(gelijk), verschil, fouten) == (namen, [], [])
    assert (tmp_path / "na" / "personen.csv").read_text().count("\n") == 51

    klaar(leerplicht(eigen_database, "import", str(tmp_path / "groot")))  # the database still works
