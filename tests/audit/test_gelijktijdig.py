"""Writers at the same time: the chain has no forks and no gaps.

PostgreSQL: threads with their own connections (advisory lock). SQLite: processes on
one database file (the write lock of BEGIN IMMEDIATE); the in-memory test database
of SQLite has no such lock between threads, so threads there would test nothing real.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from django.core.management import call_command
from django.db import connection

from leerplicht.audit.database import ontbrekende_triggers
from leerplicht.audit.keten import controleer_keten
from leerplicht.audit.logboek import registreer
from leerplicht.audit.models import Auditregel

PER_SCHRIJVER = 25
SCHRIJVERS = 3
LEERPLICHT = [sys.executable, "-m", "leerplicht"]


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_draden_op_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("op SQLite: zie test_gelijktijdige_processen_op_sqlite")
    start = threading.Barrier(SCHRIJVERS)
    fouten: list[BaseException] = []

    def schrijf(nummer: int) -> None:
        try:
            start.wait()
            for i in range(PER_SCHRIJVER):
                registreer("inzien", object_type="persoon", object_id=f"D{nummer}-{i}")
        except BaseException as fout:
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=schrijf, args=(n,)) for n in range(SCHRIJVERS)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert not fouten, fouten
    volgnummers = list(
        Auditregel.objects.order_by("volgnummer").values_list("volgnummer", flat=True)
    )
    assert volgnummers == list(range(1, SCHRIJVERS * PER_SCHRIJVER + 1))
    tijdstippen = list(Auditregel.objects.order_by("volgnummer").values_list("tijdstip", flat=True))
    assert tijdstippen == sorted(tijdstippen)  # taken under the lock: time order = chain order
    controle = controleer_keten()
    assert controle.intact, controle.melding
    assert controle.aantal == SCHRIJVERS * PER_SCHRIJVER


SCHRIJF = """
import os, sys
from leerplicht.audit.logboek import registreer
sys.stdin.readline()  # start together
for i in range({n}):
    registreer("inzien", object_type="persoon", object_id=f"{{os.getpid()}}-{{i}}")
"""


@pytest.mark.traag
def test_gelijktijdige_processen_op_sqlite(tmp_path, settings):
    if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        pytest.skip("op PostgreSQL: zie test_gelijktijdige_draden_op_postgresql")
    omgeving = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'keten.sqlite3'}"}
    subprocess.run([*LEERPLICHT, "migrate", "-v0"], env=omgeving, check=True)
    processen = [
        subprocess.Popen(
            [*LEERPLICHT, "shell", "-c", SCHRIJF.format(n=PER_SCHRIJVER)],
            env=omgeving,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(SCHRIJVERS)
    ]
    for proces in processen:
        proces.stdin.write("start\n")
        proces.stdin.flush()
    for proces in processen:
        _, fout = proces.communicate(timeout=120)
        assert proces.returncode == 0, fout
    controle = subprocess.run(
        [*LEERPLICHT, "audit", "verify"], env=omgeving, capture_output=True, text=True
    )
    assert controle.returncode == 0, controle.stderr
    assert controle.stdout.startswith(f"Auditlog intact: {SCHRIJVERS * PER_SCHRIJVER} regels.")


@pytest.mark.django_db(transaction=True)
def test_flush_leegt_ook_het_auditlog_en_zet_de_triggers_terug():
    """`flush` (between tests, or a deliberate wipe) is the one way to empty the log."""
    registreer("inzien")
    call_command("flush", interactive=False, verbosity=0)
    assert not Auditregel.objects.exists()
    assert ontbrekende_triggers(connection) == set()
    assert registreer("inzien").volgnummer == 1
