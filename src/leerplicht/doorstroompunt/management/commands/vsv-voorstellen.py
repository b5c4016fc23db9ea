"""leerplicht vsv-voorstellen [--peildatum]: the proposals "geen doelgroep meer" brought up
to date for every open vsv-traject (the daily task `vsv-voorstellen`, run directly)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.domein.formattering import getal
from leerplicht.doorstroompunt.voorstellen import maak_voorstellen


class Command(BaseCommand):
    help = (
        "Maak de voorstellen 'geen doelgroep meer' (en meeverhuizen) voor de open "
        "vsv-trajecten; een afgewezen voorstel komt niet terug."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--peildatum", help="JJJJ-MM-DD (standaard: vandaag)")

    def handle(self, *args, peildatum: str | None, **opties) -> None:
        datum = None
        if peildatum:
            try:
                datum = date.fromisoformat(peildatum)
            except ValueError:
                raise CommandError(
                    f"--peildatum: {peildatum!r} is geen datum (verwacht JJJJ-MM-DD)."
                ) from None
        t = maak_voorstellen(datum)
        self.stdout.write(
            f"Peildatum {date.fromisoformat(t.peildatum):%d-%m-%Y}: {getal(t.nieuw)} nieuwe "
            f"voorstel(len), {getal(t.vervallen)} vervallen, {getal(t.eerder_afgewezen)} "
            f"eerder afgewezen, {getal(t.overgeslagen)} overgeslagen (intussen gewijzigd)."
        )
