"""leerplicht verzuimloket PAD: take in a delivery of DUO's Verzuimloket, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import duo_koppeling
from leerplicht.meldingen.intake import neem_in
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import SYSTEEM


class Command(BaseCommand):
    help = "Lees een levering van het Verzuimloket van DUO in (alles of niets)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pad", type=Path, help="het CSV-bestand van het Verzuimloket")
        parser.add_argument(
            "--gemeente",
            help="CBS-code van de gemeente waarvoor de levering is (standaard: de gemeente "
            "van de school)",
        )

    def handle(self, *args, pad: Path, gemeente: str | None, **opties) -> None:
        doel = None
        if gemeente:
            doel = Gemeente.objects.filter(code=gemeente).first()
            if doel is None:
                raise CommandError(f"--gemeente: gemeente {gemeente} bestaat niet.")
        try:
            meldingen = duo_koppeling().lees_verzuimmeldingen(pad)
            resultaat = neem_in(meldingen, gemeente=doel, door=SYSTEEM, bron="duo")
        except OngeldigeLevering as fout:
            for regel in fout.regels():
                self.stderr.write(regel)
            raise CommandError(
                f"Levering geweigerd: {getal(fout.fouten.aantal)} fout(en). Er is niets opgeslagen."
            ) from None
        self.stdout.write(
            f"Levering ingelezen: {getal(resultaat.aantal)} meldingen, "
            f"{getal(resultaat.nieuwe_personen)} nieuwe personen, "
            f"{getal(resultaat.ingetrokken)} ingetrokken (vrijstelling)."
        )
