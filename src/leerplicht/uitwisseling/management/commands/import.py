"""leerplicht import PAD: load a folder or zip in the exchange format, all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from leerplicht.domein.formattering import getal
from leerplicht.schema import zorg_voor_schema
from leerplicht.statistieken import werk_statistieken_bij
from leerplicht.uitwisseling.importeren import importeer


class Command(BaseCommand):
    help = "Importeer een map of zip-bestand in het uitwisselformaat (alles of niets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="map of .zip met de CSV-bestanden")
        parser.add_argument(
            "--controleer", action="store_true", help="alleen controleren, niets opslaan"
        )
        parser.add_argument(
            "--max-fouten", type=int, default=200, help="toon hoogstens zoveel fouten"
        )

    def handle(self, *args, pad: Path, controleer: bool, max_fouten: int, **opties) -> None:
        zorg_voor_schema()
        balk = tqdm(
            total=0,
            unit="B",
            unit_scale=True,
            desc="Inlezen",
            disable=None,
            file=sys.stderr,
            leave=False,
        )

        def voortgang(gelezen: int, totaal: int) -> None:
            balk.total = totaal
            balk.update(gelezen - balk.n)

        try:
            resultaat = importeer(
                pad, alleen_controleren=controleer, max_fouten=max_fouten, voortgang=voortgang
            )
        finally:
            balk.close()
        if resultaat.fouten:
            for regel in resultaat.fouten.regels():
                self.stderr.write(regel)
            raise CommandError(
                f"Import geweigerd: {getal(resultaat.fouten.aantal)} fout(en). "
                "Er is niets opgeslagen."
            )
        for b in resultaat.bestanden:
            self.stdout.write(
                f"{b.bestand:<20} {getal(b.regels):>10} regels: {getal(b.nieuw)} nieuw, "
                f"{getal(b.gewijzigd)} gewijzigd, {getal(b.ongewijzigd)} ongewijzigd"
            )
        snelheid = resultaat.regels / resultaat.seconden if resultaat.seconden else 0
        if controleer:
            self.stdout.write("Controle geslaagd: geen fouten gevonden. Er is niets opgeslagen.")
        else:
            werk_statistieken_bij()
            self.stdout.write(
                f"Import geslaagd: {getal(resultaat.regels)} regels in {resultaat.seconden:.1f} s "
                f"({getal(int(snelheid))} regels/s)."
            )
