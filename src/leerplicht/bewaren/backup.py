"""Backup and restore of the whole database, SQLite or PostgreSQL, with a check afterwards.

A backup is a folder with the database copy and `manifest.json`: the database kind, the
copy's sha256, the applied migrations, and the sha256 of `leerplicht rapport` of the
last closed school year at backup time. After a restore, `controleer_herstel` checks
that migrations are current, that this rapport is byte-identical, and that the audit
chain is intact (when the audit app is installed).

- SQLite: the sqlite3 backup API (a consistent copy of a live database, WAL included).
- PostgreSQL: pg_dump -Fc / pg_restore from /usr/lib/postgresql/*/bin; the connection
  comes from DATABASE_URL and the password goes through the environment (PGPASSWORD),
  never on the command line.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar

from . import auditspoor

MANIFEST = "manifest.json"
BESTANDEN = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
FORMAAT = 1
#: Tries to get a copy during which the rapport did not change (writes during backup).
_POGINGEN = 3


class BackupFout(Exception):
    """A backup or restore that cannot be done; the message (Dutch) says why."""


@dataclass(frozen=True)
class Controle:
    naam: str
    geslaagd: bool
    melding: str


def soort_database() -> str:
    if connection.vendor in BESTANDEN:
        return connection.vendor
    raise BackupFout(f"backup kan alleen van SQLite of PostgreSQL, niet van {connection.vendor}")


def rapport_tekst(schooljaar: Schooljaar) -> str:
    """Exactly what `leerplicht rapport --schooljaar X --format json` prints."""
    uit = io.StringIO()
    call_command("rapport", "--schooljaar", schooljaar.naam, "--format", "json", stdout=uit)
    return uit.getvalue()


def _sha256_bestand(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _sha256(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


# --- PostgreSQL programs ----------------------------------------------------------------


def pg_programma(naam: str) -> str:
    """pg_dump or pg_restore: LEERPLICHT_PG_BIN, else the newest /usr/lib/postgresql/*/bin."""
    mappen = [os.environ["LEERPLICHT_PG_BIN"]] if os.environ.get("LEERPLICHT_PG_BIN") else []
    mappen += sorted(
        (str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")),
        key=lambda m: [int(d) if d.isdigit() else 0 for d in Path(m).parent.name.split(".")],
        reverse=True,
    )
    for map_ in mappen:
        if (Path(map_) / naam).is_file():
            return str(Path(map_) / naam)
    gevonden = shutil.which(naam)
    if gevonden:
        return gevonden
    raise BackupFout(f"{naam} niet gevonden: installeer de PostgreSQL-clientprogramma's")


def _pg_omgeving() -> dict[str, str]:
    """libpq's environment for the current connection (password never on the command line)."""
    instellingen = connection.settings_dict
    omgeving = dict(os.environ)
    for sleutel, waarde in (
        ("PGHOST", instellingen.get("HOST")),
        ("PGPORT", instellingen.get("PORT")),
        ("PGUSER", instellingen.get("USER")),
        ("PGPASSWORD", instellingen.get("PASSWORD")),
        ("PGDATABASE", instellingen.get("NAME")),
        ("PGSSLMODE", (instellingen.get("OPTIONS") or {}).get("sslmode")),
    ):
        if waarde:
            omgeving[sleutel] = str(waarde)
    return omgeving


def _draai(opdracht: list[str]) -> None:
    uitkomst = subprocess.run(  # noqa: S603 - fixed program, list of arguments, no shell
        opdracht, env=_pg_omgeving(), capture_output=True, text=True, check=False
    )
    if uitkomst.returncode != 0:
        naam = Path(opdracht[0]).name
        raise BackupFout(f"{naam} mislukte:\n{uitkomst.stderr.strip()}")


# --- Backup -------------------------------------------------------------------------------


def _kopieer(soort: str, bestand: Path) -> None:
    if soort == "sqlite":
        connection.ensure_connection()
        doel = sqlite3.connect(bestand)
        try:
            # Through Django's own connection: also a database in memory (tests), and one
            # consistent snapshot of a live file in WAL mode.
            connection.connection.backup(doel)
        finally:
            doel.close()
    else:
        _draai([pg_programma("pg_dump"), "--format=custom", "--file", str(bestand)])


def maak_backup(doel: Path, *, vandaag: date | None = None) -> dict:
    """Write a backup folder at `doel` (new or empty) and return its manifest."""
    soort = soort_database()
    if doel.exists() and (not doel.is_dir() or any(doel.iterdir())):
        raise BackupFout(f"{doel} bestaat al en is geen lege map: kies een nieuwe map")
    # The copy holds every dossier: readable by the owner only.
    doel.mkdir(mode=0o700, parents=True, exist_ok=True)
    vandaag = vandaag or timezone.localdate()
    schooljaar = laatste_afgesloten_schooljaar(vandaag)
    # Logged first, so the backup itself holds the entry of its making.
    auditspoor.registreer(
        "exporteren", object_type="database", toelichting={"soort": "backup", "database": soort}
    )
    bestand = doel / BESTANDEN[soort]
    for _ in range(_POGINGEN):
        voor = rapport_tekst(schooljaar)
        _kopieer(soort, bestand)
        if rapport_tekst(schooljaar) == voor:
            break
        bestand.unlink()
    else:
        raise BackupFout("de cijfers veranderden steeds tijdens de backup; probeer het later")
    bestand.chmod(0o600)
    manifest = {
        "formaat": FORMAAT,
        "database": soort,
        "bestand": bestand.name,
        "bestand_sha256": _sha256_bestand(bestand),
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "migraties": sorted(
            f"{app}.{naam}" for app, naam in MigrationRecorder(connection).applied_migrations()
        ),
        "rapport": {"schooljaar": schooljaar.naam, "sha256": _sha256(voor)},
    }
    (doel / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


# --- Restore ------------------------------------------------------------------------------


def lees_manifest(bron: Path) -> dict:
    try:
        manifest = json.loads((bron / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupFout(f"geen backup: {bron / MANIFEST} ontbreekt") from None
    except (OSError, ValueError):
        raise BackupFout(f"{bron / MANIFEST} is niet leesbaar") from None
    if not isinstance(manifest, dict) or manifest.get("formaat") != FORMAAT:
        raise BackupFout(f"{bron / MANIFEST}: onbekend formaat")
    return manifest


def database_is_leeg() -> bool:
    """No tables at all (a new database). A wiped one with empty tables is not empty."""
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _leeg_postgresql() -> None:
    with connection.cursor() as cursor:
        tabellen = connection.introspection.table_names(cursor)
        for tabel in tabellen:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(tabel)} CASCADE")


def herstel(bron: Path, *, overschrijven: bool = False) -> dict:
    """Put the backup at `bron` into the current database; return its manifest."""
    soort = soort_database()
    manifest = lees_manifest(bron)
    if manifest.get("database") != soort:
        raise BackupFout(
            f"deze backup is van een {manifest.get('database')}-database; "
            f"de huidige database is {soort}"
        )
    bestand = bron / str(manifest.get("bestand", ""))
    if not bestand.is_file() or bestand.parent != bron:
        raise BackupFout(f"het databasebestand van de backup ontbreekt in {bron}")
    if _sha256_bestand(bestand) != manifest.get("bestand_sha256"):
        raise BackupFout(f"{bestand.name} is beschadigd: het controlegetal klopt niet")
    if not overschrijven and not database_is_leeg():
        raise BackupFout(
            "de database is niet leeg; herstellen overschrijft alles: gebruik --overschrijven"
        )
    if soort == "sqlite":
        connection.ensure_connection()
        kopie = sqlite3.connect(f"file:{bestand}?mode=ro", uri=True)
        try:
            kopie.backup(connection.connection)
        finally:
            kopie.close()
    else:
        _leeg_postgresql()
        _draai(
            [
                pg_programma("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                connection.settings_dict["NAME"],
                str(bestand),
            ]
        )
    connection.close()
    return manifest


def controleer_herstel(manifest: dict) -> list[Controle]:
    """Checks of a restored database against the manifest of its backup."""
    controles: list[Controle] = []
    executor = MigrationExecutor(connection)
    open_ = executor.migration_plan(executor.loader.graph.leaf_nodes())
    onbekend = sorted(
        f"{app}.{naam}"
        for app, naam in executor.recorder.applied_migrations()
        if (app, naam) not in executor.loader.disk_migrations
    )
    if open_:
        controles.append(
            Controle(
                "migraties",
                False,
                f"{len(open_)} migratie(s) nog niet toegepast: draai `leerplicht migrate` en "
                "daarna `leerplicht restore --alleen-controleren PAD`",
            )
        )
    elif onbekend:
        controles.append(
            Controle(
                "migraties",
                False,
                f"de backup komt van een nieuwere versie ({len(onbekend)} onbekende migratie(s))",
            )
        )
    else:
        controles.append(Controle("migraties", True, "alle migraties zijn toegepast"))

    rapport = manifest.get("rapport") or {}
    if not controles[0].geslaagd:
        controles.append(Controle("rapport", False, "niet gecontroleerd: eerst de migraties"))
    else:
        try:
            schooljaar = Schooljaar.van_naam(str(rapport.get("schooljaar", "")))
        except ValueError:
            raise BackupFout("het manifest noemt geen geldig schooljaar voor het rapport") from None
        gelijk = _sha256(rapport_tekst(schooljaar)) == rapport.get("sha256")
        controles.append(
            Controle(
                "rapport",
                gelijk,
                f"rapport {schooljaar.naam} "
                + ("is gelijk aan" if gelijk else "wijkt af van")
                + " dat bij de backup",
            )
        )

    if not auditspoor.aanwezig():
        controles.append(Controle("auditlog", True, "geen auditlog in deze installatie"))
    elif not controles[0].geslaagd:
        controles.append(Controle("auditlog", False, "niet gecontroleerd: eerst de migraties"))
    else:
        keten = auditspoor.controleer_keten()
        controles.append(Controle("auditlog", bool(keten.intact), str(keten.melding)))
    return controles
