"""leerplicht signaleer-absoluut-verzuim [--peildatum]: signals from the register."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from leerplicht.commandos import datum_optie
from leerplicht.domein.formattering import getal
from leerplicht.meldingen.absoluut_verzuim import signaleer


class Command(BaseCommand):
    help = (
        "Maak een melding absoluut verzuim voor elke leer- of kwalificatieplichtige zonder "
        "inschrijving en zonder vrijstelling op de peildatum."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--peildatum", help="JJJJ-MM-DD (standaard: vandaag)")

    def handle(self, *args, peildatum: str | None, **opties) -> None:
        datum = datum_optie(peildatum)
        resultaat = signaleer(datum)
        self.stdout.write(
            f"Peildatum {resultaat.peildatum:%d-%m-%Y}: {getal(resultaat.aantal)} nieuwe "
            "melding(en) absoluut verzuim."
        )
