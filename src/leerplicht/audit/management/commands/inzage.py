"""leerplicht inzage PERSOON_ID PAD: write the inzage (AVG art. 15) of one person as a zip."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.audit.inzage import maak_inzage
from leerplicht.register.models import Persoon
from leerplicht.schema import zorg_voor_schema


class Command(BaseCommand):
    help = "Maak een inzage (AVG art. 15) van alles wat over één persoon is opgeslagen (.zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("persoon_id", help="het id van de persoon (geen BSN), bijv. P000001")
        parser.add_argument("pad", type=Path, help="het .zip-bestand dat gemaakt wordt")

    def handle(self, *args, persoon_id: str, pad: Path, **opties) -> None:
        zorg_voor_schema()
        persoon = Persoon.objects.filter(pk=persoon_id).select_related("gemeente").first()
        if persoon is None:
            raise CommandError(f"Er is geen persoon met id {persoon_id}.")
        if pad.suffix.lower() != ".zip":
            raise CommandError("Het pad moet eindigen op .zip.")
        if pad.exists():
            raise CommandError(f"{pad} bestaat al; kies een nieuw bestand.")
        if not pad.parent.is_dir():
            raise CommandError(f"De map {pad.parent} bestaat niet.")
        pad.write_bytes(maak_inzage(persoon))
        self.stdout.write(f"Inzage van persoon {persoon.pk} geschreven naar {pad}.")
