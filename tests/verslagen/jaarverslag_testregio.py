"""A small generated region (6 gemeenten, three school years) as a team loads it: written
by `leerplicht genereer`, read in by `leerplicht import`; its jaarverslag for the region
and for one gemeente, and the `leerplicht rapport --format json` of each school year.

Shared by the HTML and PDF tests (test_verslag_html.py, test_verslag_pdf.py). Built once
per test process inside a transaction that is rolled back: the `Verslag` is plain data, so
nothing of it stays in the database for other tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from leerplicht.cijfers.rapport import ALLE_GEMEENTEN
from leerplicht.cijfers.tabel import Pad
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.document import Verslag

SCHOOLJAAR = Schooljaar(2024)
GEMEENTEN = 6
PERSONEN = 3_000
#: Where the tests leave what a person should look at (gitignored var/).
ARTEFACTEN = Path(__file__).resolve().parents[2] / "test-artefacten" / "jaarverslag"


@dataclass(frozen=True)
class Proefregio:
    regio: Verslag
    gemeente: Verslag
    #: schooljaar -> `leerplicht rapport --schooljaar ... --format json` (all gemeenten).
    json: dict[str, dict]

    def waarde(self, pad: Pad) -> int | float | None:
        """The number at `pad` in the JSON of the command line."""
        jaar, gemeente, *rest = pad
        knoop = self.json[jaar]["gemeenten"][gemeente]
        for deel in rest:
            knoop = knoop[deel]
        return knoop


_gebouwd: list[Proefregio] = []


def proefregio(django_db_blocker, map_: Path) -> Proefregio:
    if not _gebouwd:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command(
                "genereer",
                str(map_),
                gemeenten=GEMEENTEN,
                personen=PERSONEN,
                schooljaar=SCHOOLJAAR.naam,
                jaren=3,
                seed=11,
                processen=1,
                stdout=StringIO(),
            )
            call_command("import", str(map_), stdout=StringIO(), stderr=StringIO())
            regio = maak_jaarverslag(SCHOOLJAAR, ALLE_GEMEENTEN)
            gemeente = maak_jaarverslag(SCHOOLJAAR, [regio.gemeenten[1]])
            uitvoer = {}
            for jaar in regio.schooljaren:
                uit = StringIO()
                call_command("rapport", "--schooljaar", jaar, "--format", "json", stdout=uit)
                uitvoer[jaar] = json.loads(uit.getvalue())
            transaction.set_rollback(True)
        _gebouwd.append(Proefregio(regio, gemeente, uitvoer))
    return _gebouwd[0]
