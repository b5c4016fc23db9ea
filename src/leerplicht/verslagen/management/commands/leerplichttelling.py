"""leerplicht leerplichttelling --schooljaar 2025-2026 [--gemeente GM..] --format xlsx|csv
[--uit PAD].

The Leerplichttelling for OCW in the fixed layout of verslagen.leerplichttelling, from the
same figures as `leerplicht rapport` (frozen figures of a closed school year when there are).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.bewaren.vaststellen import RapportNietBeschikbaar, rapport_van
from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, OnbekendeGemeente
from leerplicht.commandos import schooljaar_optie, schrijf_heel
from leerplicht.register.models import Gemeente
from leerplicht.schema import zorg_voor_schema
from leerplicht.verslagen.leerplichttelling import (
    OnverwachteTelling,
    telling_csv,
    telling_xlsx,
)

FORMATEN = ("xlsx", "csv")


class Command(BaseCommand):
    help = "Schrijf de Leerplichttelling (OCW) van een schooljaar als XLSX of CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schooljaar", required=True, help="bijvoorbeeld 2025-2026")
        parser.add_argument(
            "--gemeente",
            action="append",
            dest="gemeenten",
            help="CBS-code; herhaal voor meer (standaard: alle gemeenten)",
        )
        parser.add_argument("--format", default="xlsx", choices=FORMATEN, dest="formaat")
        parser.add_argument(
            "--uit", default=None, help="schrijf naar dit bestand (verplicht voor xlsx)"
        )

    def handle(self, *args, schooljaar: str, gemeenten, formaat: str, uit: str | None, **o):
        jaar = schooljaar_optie(schooljaar)
        if formaat == "xlsx" and not uit:
            raise CommandError("--format xlsx: geef met --uit aan waar het bestand komt")
        zorg_voor_schema()
        if not Gemeente.objects.exists():
            raise CommandError("er staan nog geen gemeenten in de registratie")
        try:
            rapport = rapport_van(
                jaar, gemeenten=sorted(set(gemeenten)) if gemeenten else ALLE_GEMEENTEN
            )
            if formaat == "xlsx":
                inhoud = telling_xlsx(rapport)
            else:
                tekst = telling_csv(rapport)
                inhoud = tekst.encode("utf-8-sig")  # with BOM: Excel reads it as UTF-8
        except (OnbekendeGemeente, RapportNietBeschikbaar, OnverwachteTelling) as fout:
            raise CommandError(str(fout)) from None
        if uit:
            schrijf_heel(Path(uit), inhoud)
            aantal = len(rapport["gemeenten"]) - 1
            self.stderr.write(
                f"Leerplichttelling {jaar.naam} ({aantal} gemeente{'' if aantal == 1 else 'n'}) "
                f"geschreven naar {uit}"
            )
        else:
            self.stdout.write(tekst, ending="")
