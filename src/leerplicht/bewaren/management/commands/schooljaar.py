"""leerplicht schooljaar vaststellen 2024-2025: freeze the figures of a closed school year."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.bewaren.vaststellen import NietVastTeStellen, stel_vast
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.schema import zorg_voor_schema


class Command(BaseCommand):
    help = "Werk met schooljaren. vaststellen: leg de cijfers van een afgesloten schooljaar vast."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="opdracht", required=True, title="opdrachten")
        vaststellen = sub.add_parser(
            "vaststellen",
            help="leg het rapport (alle gemeenten, standaard peildatum) van een afgesloten "
            "schooljaar vast; daarna geeft `leerplicht rapport` voor dat jaar precies die cijfers",
        )
        vaststellen.add_argument("schooljaar", help="bijvoorbeeld 2024-2025")

    def handle(self, *args, opdracht: str, schooljaar: str, **opties) -> None:
        try:
            jaar = Schooljaar.van_naam(schooljaar)
        except ValueError as fout:
            raise CommandError(str(fout)) from None
        zorg_voor_schema()
        try:
            vastgesteld = stel_vast(jaar, door="beheer")
        except NietVastTeStellen as fout:
            raise CommandError(str(fout)) from None
        self.stdout.write(
            f"Schooljaar {jaar.naam} vastgesteld (peildatum {vastgesteld.peildatum.isoformat()}, "
            f"sha256 {vastgesteld.sha256})."
        )
