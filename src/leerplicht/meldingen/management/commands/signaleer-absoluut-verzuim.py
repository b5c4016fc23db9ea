"""leerplicht signaleer-absoluut-verzuim [--peildatum]: signals from the register."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

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
        datum = None
        if peildatum:
            try:
                datum = date.fromisoformat(peildatum)
            except ValueError:
                raise CommandError(
                    f"--peildatum: {peildatum!r} is geen datum (verwacht JJJJ-MM-DD)."
                ) from None
        resultaat = signaleer(datum)
        self.stdout.write(
            f"Peildatum {resultaat.peildatum:%d-%m-%Y}: {getal(resultaat.aantal)} nieuwe "
            "melding(en) absoluut verzuim."
        )
