"""leerplicht backup PAD: copy the whole database into a new folder, with a manifest."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.bewaren.backup import BackupFout, maak_backup


class Command(BaseCommand):
    help = (
        "Maak een backup van de hele database (SQLite of PostgreSQL) in een nieuwe map, "
        "met manifest.json voor de controle na herstel (docs/beheer/backup.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="nieuwe (of lege) map voor de backup")

    def handle(self, *args, pad: Path, **opties) -> None:
        try:
            manifest = maak_backup(pad)
        except BackupFout as fout:
            raise CommandError(str(fout)) from None
        except OSError as fout:
            raise CommandError(f"kan niet schrijven naar {pad}: {fout.strerror or fout}") from None
        rapport = manifest["rapport"]
        self.stdout.write(
            f"Backup gemaakt in {pad} ({manifest['database']}, {manifest['bestand']}); "
            f"rapport {rapport['schooljaar']} sha256 {rapport['sha256']}."
        )
