"""leerplicht restore PAD [--overschrijven]: put a backup back, then check the database."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.bewaren import auditspoor
from leerplicht.bewaren.backup import BackupFout, controleer_herstel, herstel, lees_manifest


class Command(BaseCommand):
    help = (
        "Zet een backup van `leerplicht backup` terug en controleer daarna: migraties bij, "
        "rapport van het laatste afgesloten schooljaar gelijk, auditlog intact."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="de map van de backup")
        parser.add_argument(
            "--overschrijven",
            action="store_true",
            help="ook als de database niet leeg is (alles wordt vervangen)",
        )
        parser.add_argument(
            "--alleen-controleren",
            action="store_true",
            help="niets terugzetten; alleen de huidige database met de backup vergelijken",
        )

    def handle(self, *args, pad: Path, overschrijven: bool, alleen_controleren: bool, **o):
        try:
            if alleen_controleren:
                manifest = lees_manifest(pad)
            else:
                manifest = herstel(pad, overschrijven=overschrijven)
                self.stdout.write(f"Backup van {manifest.get('gemaakt_op')} teruggezet.")
            controles = controleer_herstel(manifest)
        except BackupFout as fout:
            raise CommandError(str(fout)) from None
        for controle in controles:
            teken = "in orde" if controle.geslaagd else "FOUT"
            self.stdout.write(f"  {controle.naam:<10} {teken}: {controle.melding}")
        geslaagd = all(c.geslaagd for c in controles)
        if not alleen_controleren and controles[0].geslaagd:
            auditspoor.registreer(
                "herstellen",
                object_type="database",
                toelichting={"backup_gemaakt_op": manifest.get("gemaakt_op"), "controle": geslaagd},
            )
        if not geslaagd:
            raise CommandError("de controle na herstel is niet geslaagd (zie hierboven)")
        self.stdout.write("Controle geslaagd.")
