"""leerplicht signaleer-vsv [--peildatum]: new vsv'ers from the enrolment feed."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from leerplicht.commandos import datum_optie
from leerplicht.domein.formattering import getal
from leerplicht.doorstroompunt.vsv_signaal import signaleer_vsv, venster_dagen


class Command(BaseCommand):
    help = (
        "Maak een nieuwe vsv-melding (vsv-traject) voor elke jongere van 18 tot de "
        "leeftijdsgrens zonder startkwalificatie wiens inschrijving onlangs eindigde zonder "
        "vervolg (de dagelijkse controle op de inschrijvingen uit de import)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--peildatum", help="JJJJ-MM-DD (standaard: vandaag)")

    def handle(self, *args, peildatum: str | None, **opties) -> None:
        datum = datum_optie(peildatum)
        resultaat = signaleer_vsv(datum)
        self.stdout.write(
            f"Peildatum {resultaat.peildatum:%d-%m-%Y}: {getal(resultaat.aantal)} nieuwe "
            f"vsv-traject(en) uit uitschrijvingen van de laatste {venster_dagen()} dagen."
        )
