"""leerplicht democode NAAM: the current second-factor code of a demo account (demo only)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.aanmelden.demo import demo_tweede_factor
from leerplicht.portaal.management.commands.demo import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Toont de code van dit moment voor een demo-account (alleen in de demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gebruikersnaam", help="een demo-account, bijvoorbeeld lpa")

    def handle(self, *args, gebruikersnaam: str, **opties) -> None:
        if settings.OMGEVING == "productie":
            raise CommandError("democode werkt niet in productie.")
        namen = [a.gebruikersnaam for a in DEMO_ACCOUNTS]
        if gebruikersnaam not in namen:
            raise CommandError(
                f"{gebruikersnaam!r} is geen demo-account (kies uit: {', '.join(namen)})."
            )
        self.stdout.write(demo_tweede_factor(gebruikersnaam).code_nu())
