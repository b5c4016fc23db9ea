"""`leerplicht brieven standaard [--overschrijven]`: store the default letter templates."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from leerplicht.brieven.diensten import laad_standaardsjablonen


class Command(BaseCommand):
    help = "Briefsjablonen beheren: 'standaard' slaat de standaardsjablonen op."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "actie", choices=["standaard"], help="standaard: standaardsjablonen laden"
        )
        parser.add_argument(
            "--overschrijven",
            action="store_true",
            help="ook sjablonen vervangen die de beheerder al heeft aangepast (nieuwe versie)",
        )

    def handle(self, *args, actie: str, overschrijven: bool, **opties) -> None:
        if actie != "standaard":  # pragma: no cover - argparse refuses other choices
            raise CommandError(f"onbekende actie {actie}")
        opgeslagen = laad_standaardsjablonen(overschrijven=overschrijven, door="systeem")
        if opgeslagen:
            self.stdout.write(f"Standaardsjablonen opgeslagen: {', '.join(opgeslagen)}")
        else:
            self.stdout.write(
                "Alle sjablonen bestonden al; niets veranderd (--overschrijven om te vervangen)."
            )
