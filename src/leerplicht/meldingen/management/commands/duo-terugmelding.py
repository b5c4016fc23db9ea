"""leerplicht duo-terugmelding: write the statuses changed since the last report."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from leerplicht.domein.formattering import getal
from leerplicht.meldingen.duo_terugmelding import meld_terug


class Command(BaseCommand):
    help = "Meld de gewijzigde status van meldingen terug aan DUO (bestand voor Mijn DUO)."

    def handle(self, *args, **opties) -> None:
        resultaat = meld_terug()
        if resultaat.bestand is None:
            self.stdout.write("Geen gewijzigde statussen: er is niets terug te melden.")
            return
        self.stdout.write(
            f"{getal(resultaat.aantal)} status(sen) teruggemeld in {resultaat.bestand}. "
            "Upload dit bestand in Mijn DUO."
        )
