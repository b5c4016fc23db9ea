"""leerplicht rapport --schooljaar 2024-2025 [--peildatum D] [--gemeente GM..]
--format json|html|pdf|xlsx|csv [--uit PAD].

`json` is the figures of figures.md; the other formats are the jaarverslag built from the
same figures (leerplicht.verslagen), the same file the web app gives, for scheduled runs.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leerplicht.bewaren.vaststellen import (
    RapportNietBeschikbaar,
    rapport_als_tekst,
    vastgesteld_rapport,
)
from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, OnbekendeGemeente, maak_rapport
from leerplicht.commandos import datum_optie, schooljaar_optie, schrijf_heel
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.schema import zorg_voor_schema

FORMATEN = ("json", "html", "pdf", "xlsx", "csv")
#: Formats that are not text: written to --uit, never to a terminal.
BINAIR = ("pdf", "xlsx")


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
        parser.add_argument(
            "--uit", help="schrijf naar dit bestand (verplicht voor pdf en xlsx)", default=None
        )

    def handle(self, *args, schooljaar: str, peildatum: str | None, gemeenten, formaat: str, **o):
        jaar = schooljaar_optie(schooljaar)
        peil = datum_optie(peildatum)
        uit = o.get("uit")
        if formaat in BINAIR and not uit:
            raise CommandError(f"--format {formaat}: geef met --uit aan waar het bestand komt")
        zorg_voor_schema()
        # No --gemeente: the whole installation, named (the command line is the operator's).
        gemeenten = gemeenten or ALLE_GEMEENTEN
        if formaat != "json":
            self._verslag(jaar, peil, gemeenten, formaat, uit)
            return
        try:
            # A closed school year that was frozen: its stored figures (leerplicht.bewaren).
            tekst = vastgesteld_rapport(jaar, peil, gemeenten)
            if tekst is None:
                tekst = rapport_als_tekst(maak_rapport(jaar, peil, gemeenten=gemeenten))
        except (OnbekendeGemeente, RapportNietBeschikbaar) as fout:
            raise CommandError(str(fout)) from None
        if uit:
            schrijf_heel(Path(uit), (tekst + "\n").encode("utf-8"))
        else:
            self.stdout.write(tekst)

    def _verslag(self, jaar: Schooljaar, peil, gemeenten, formaat: str, uit: str | None) -> None:
        from leerplicht.verslagen.diensten import FORMATEN as VERSLAGFORMATEN
        from leerplicht.verslagen.diensten import OnbekendeGemeenten, maak_jaarverslag

        try:
            verslag = maak_jaarverslag(jaar, gemeenten, peil)
        except (OnbekendeGemeenten, RapportNietBeschikbaar) as fout:
            raise CommandError(str(fout)) from None
        inhoud = VERSLAGFORMATEN[formaat].maak(verslag)
        if uit:
            schrijf_heel(Path(uit), inhoud)
        else:
            self.stdout.write(inhoud.decode("utf-8-sig"), ending="")
