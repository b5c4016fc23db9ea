"""leerplicht benchmark-import PAD: percentages published by other regions and the country,
all or nothing (verslagen.benchmark; the layout in docs/gebruikers/jaarverslag.md)."""

from __future__ import annotations

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.schema import zorg_voor_schema
from leerplicht.verslagen.benchmark import OngeldigBenchmarkbestand, importeer


def _wie() -> str:
    """Who ran the command, as the audit log names a system action ("systeem:<user>")."""
    try:
        return f"systeem:{getpass.getuser()}"
    except (KeyError, OSError):
        return "systeem:onbekend"


class Command(BaseCommand):
    help = (
        "Lees benchmarkcijfers in: percentages van de leerlingen die andere regio's en het "
        "land publiceren (alles of niets)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "pad", type=Path, help="CSV-bestand: bron;schooljaar;kengetal;percentage"
        )

    def handle(self, *args, pad: Path, **opties) -> None:
        zorg_voor_schema()
        try:
            resultaat = importeer(pad, door=_wie())
        except OngeldigBenchmarkbestand as fout:
            for regel in fout.regels():
                self.stderr.write(regel)
            raise CommandError(
                f"Benchmarkbestand geweigerd: {getal(fout.fouten.aantal)} fout(en). "
                "Er is niets opgeslagen."
            ) from None
        self.stdout.write(
            f"Benchmarkcijfers ingelezen: {getal(resultaat.nieuw)} nieuw, "
            f"{getal(resultaat.vervangen)} vervangen, "
            f"{getal(resultaat.ongewijzigd)} ongewijzigd."
        )
