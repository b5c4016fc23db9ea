"""leerplicht uitschrijvingen PAD: take in DUO's list of de-registrations without
startkwalificatie, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.doorstroompunt.uitschrijvingen import neem_uitschrijvingen_in
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import duo_koppeling
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import SYSTEEM


class Command(BaseCommand):
    help = "Lees de lijst uitschrijvingen zonder startkwalificatie van DUO in (alles of niets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="het CSV-bestand met uitschrijvingen")
        parser.add_argument(
            "--gemeente",
            help="CBS-code van de gemeente waarvoor de levering is (standaard: de gemeente "
            "van de school, voor een onbekende jongere)",
        )

    def handle(self, *args, pad: Path, gemeente: str | None, **opties) -> None:
        doel = None
        if gemeente:
            doel = Gemeente.objects.filter(code=gemeente).first()
            if doel is None:
                raise CommandError(f"--gemeente: gemeente {gemeente} bestaat niet.")
        try:
            uitschrijvingen = duo_koppeling().lees_uitschrijvingen(pad)
            resultaat = neem_uitschrijvingen_in(uitschrijvingen, gemeente=doel, door=SYSTEEM)
        except OngeldigeLevering as fout:
            for regel in fout.regels():
                self.stderr.write(regel)
            raise CommandError(
                f"Levering geweigerd: {getal(fout.fouten.aantal)} fout(en). Er is niets opgeslagen."
            ) from None
        self.stdout.write(resultaat.samenvatting())
