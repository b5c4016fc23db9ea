"""leerplicht vsv-voorstellen [--peildatum]: the proposals "geen doelgroep meer" brought up
to date for every open vsv-traject (the daily task `vsv-voorstellen`, run directly)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandParser

from leerplicht.commandos import datum_optie
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
        datum = datum_optie(peildatum)
        t = maak_voorstellen(datum)
        self.stdout.write(
            f"Peildatum {date.fromisoformat(t.peildatum):%d-%m-%Y}: {getal(t.nieuw)} nieuwe "
            f"voorstel(len), {getal(t.vervallen)} vervallen, {getal(t.eerder_afgewezen)} "
            f"eerder afgewezen, {getal(t.overgeslagen)} overgeslagen (intussen gewijzigd)."
        )
