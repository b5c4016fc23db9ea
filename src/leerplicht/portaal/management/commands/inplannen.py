"""leerplicht inplannen NAAM: put one periodic job on the background queue (for cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from leerplicht.portaal.periodieke_taken import PERIODIEKE_TAKEN, taak


class Command(BaseCommand):
    help = (
        "Zet een periodieke taak in de wachtrij voor de achtergrondwerker (leerplicht db_worker)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "naam",
            choices=sorted(PERIODIEKE_TAKEN),
            help="; ".join(f"{n}: {uitleg}" for n, (_, uitleg) in PERIODIEKE_TAKEN.items()),
        )

    def handle(self, *args, naam: str, **opties) -> None:
        resultaat = taak(naam).enqueue()
        self.stdout.write(f"Taak {naam} in de wachtrij gezet (status: {resultaat.status}).")
