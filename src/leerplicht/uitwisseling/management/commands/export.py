"""leerplicht export PAD: write the register in the exchange format (a folder, or a .zip)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from leerplicht.audit.uitwisseling import registreer_export
from leerplicht.domein.formattering import getal
from leerplicht.schema import zorg_voor_schema
from leerplicht.uitwisseling.exporteren import exporteer


class Command(BaseCommand):
    help = "Exporteer het hele register in het uitwisselformaat (map, of .zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="doelmap, of een pad dat eindigt op .zip")

    def handle(self, *args, pad: Path, **opties) -> None:
        zorg_voor_schema()
        resultaat = exporteer(pad)
        registreer_export(resultaat)
        for bestand, aantal in resultaat.aantallen.items():
            self.stdout.write(f"{bestand:<20} {getal(aantal):>10} regels")
        self.stdout.write(f"Export geschreven naar {pad}.")
