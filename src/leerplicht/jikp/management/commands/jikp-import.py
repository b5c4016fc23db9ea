"""leerplicht jikp-import PAD --gemeente GM0000: the yearly JIKP list, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.jikp.importeren import OngeldigeJikplijst, importeer
from leerplicht.register.models import Gemeente


class Command(BaseCommand):
    help = "Lees de jaarlijkse lijst jongeren in een kwetsbare positie (JIKP) in (alles of niets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="het CSV-bestand met de JIKP-lijst")
        parser.add_argument(
            "--gemeente", required=True, help="CBS-code van de gemeente van de lijst (GM....)"
        )

    def handle(self, *args, pad: Path, gemeente: str, **opties) -> None:
        doel = Gemeente.objects.filter(code=gemeente).first()
        if doel is None:
            raise CommandError(f"--gemeente: gemeente {gemeente} bestaat niet.")
        try:
            resultaat = importeer(pad, doel)
        except OngeldigeJikplijst as fout:
            for regel in fout.regels():
                self.stderr.write(regel)
            raise CommandError(
                f"JIKP-lijst geweigerd: {getal(fout.fouten.aantal)} fout(en). "
                "Er is niets opgeslagen."
            ) from None
        self.stdout.write(
            f"JIKP-lijst ingelezen: {getal(resultaat.nieuw)} nieuw, "
            f"{getal(resultaat.bijgewerkt)} bijgewerkt."
        )
