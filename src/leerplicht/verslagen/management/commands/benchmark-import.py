"""leerplicht benchmark-import PAD [--gemeente GM....]: percentages published by other
regions and the country, all or nothing (verslagen.benchmark; the layout in
docs/gebruikers/jaarverslag.md). Owned by every gemeente, or by the `--gemeente`s given:
only reports over those gemeenten show them."""

from __future__ import annotations

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.schema import zorg_voor_schema
from leerplicht.verslagen.benchmark import (
    OngeldigBenchmarkbestand,
    OngeldigeEigenaars,
    importeer,
)


def _wie() -> str:
    """Who ran the command, as the audit log names a system action ("systeem:<user>")."""
    try:
        return f"systeem:{getpass.getuser()}"
    except (KeyError, OSError):
        return "systeem:onbekend"


class Command(BaseCommand):
    help = (
        "Lees benchmarkcijfers in: percentages van de leerlingen die andere regio's en het "
        "land publiceren (alles of niets). Zonder --gemeente gelden ze voor alle gemeenten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "pad", type=Path, help="CSV-bestand: bron;schooljaar;kengetal;percentage"
        )
        parser.add_argument(
            "--gemeente",
            action="append",
            dest="gemeenten",
            metavar="GM....",
            help=(
                "alleen verslagen over deze gemeente(n) tonen de cijfers; herhaalbaar "
                "(standaard: alle gemeenten, ook later toegevoegde)"
            ),
        )

    def handle(self, *args, pad: Path, gemeenten: list[str] | None, **opties) -> None:
        zorg_voor_schema()
        try:
            resultaat = importeer(pad, door=_wie(), gemeenten=gemeenten)
        except OngeldigeEigenaars as fout:
            raise CommandError(f"{fout}. Er is niets opgeslagen.") from None
        except OngeldigBenchmarkbestand as fout:
            for regel in fout.regels():
                self.stderr.write(regel)
            raise CommandError(
                f"Benchmarkbestand geweigerd: {getal(fout.fouten.aantal)} fout(en). "
                "Er is niets opgeslagen."
            ) from None
        voor = "alle gemeenten" if gemeenten is None else ", ".join(sorted(set(gemeenten)))
        self.stdout.write(
            f"Benchmarkcijfers ingelezen: {getal(resultaat.nieuw)} nieuw, "
            f"{getal(resultaat.vervangen)} vervangen, "
            f"{getal(resultaat.ongewijzigd)} ongewijzigd (voor {voor})."
        )
