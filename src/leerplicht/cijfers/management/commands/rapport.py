"""leerplicht rapport --schooljaar 2024-2025 [--peildatum D] [--gemeente GM..] --format json."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.bewaren.vaststellen import (
    RapportNietBeschikbaar,
    rapport_als_tekst,
    vastgesteld_rapport,
)
from leerplicht.cijfers.rapport import OnbekendeGemeente, maak_rapport
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.schema import zorg_voor_schema

FORMATEN = ("json",)


def _schooljaar(tekst: str) -> Schooljaar:
    try:
        return Schooljaar.van_naam(tekst)
    except ValueError as fout:
        raise CommandError(str(fout)) from None


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"ongeldige peildatum {tekst!r}: verwacht JJJJ-MM-DD") from None


class Command(BaseCommand):
    help = "Bereken de cijfers van een schooljaar (figures.md) en schrijf ze naar standaarduitvoer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schooljaar", required=True, help="bijvoorbeeld 2024-2025")
        parser.add_argument(
            "--peildatum", help="JJJJ-MM-DD (standaard 1 oktober van het schooljaar)"
        )
        parser.add_argument(
            "--gemeente", action="append", dest="gemeenten", help="CBS-code; herhaal voor meer"
        )
        parser.add_argument("--format", default="json", choices=FORMATEN, dest="formaat")

    def handle(self, *args, schooljaar: str, peildatum: str | None, gemeenten, formaat: str, **o):
        jaar = _schooljaar(schooljaar)
        peil = _datum(peildatum) if peildatum else None
        zorg_voor_schema()
        try:
            # A closed school year that was frozen: its stored figures (leerplicht.bewaren).
            tekst = vastgesteld_rapport(jaar, peil, gemeenten)
            if tekst is None:
                tekst = rapport_als_tekst(maak_rapport(jaar, peil, gemeenten))
        except (OnbekendeGemeente, RapportNietBeschikbaar) as fout:
            raise CommandError(str(fout)) from None
        self.stdout.write(tekst)
