"""leerplicht audit verify: is the audit log's hash chain intact? Exit code 1 if not."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from leerplicht.audit.database import ontbrekende_triggers
from leerplicht.audit.keten import controleer_keten


class Command(BaseCommand):
    help = "Werk met het auditlog. verify: controleer of de hashketen intact is."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="opdracht", required=True, title="opdrachten")
        sub.add_parser(
            "verify",
            help="controleer de hele keten; afsluitcode 1 als een regel gewijzigd is of ontbreekt",
        )

    def handle(self, *args, opdracht: str, **opties) -> None:
        if opdracht == "verify":
            self._verify()

    def _verify(self) -> None:
        controle = controleer_keten()
        ontbrekend = sorted(ontbrekende_triggers(connection))
        if not controle.intact:
            self.stderr.write(controle.melding)
            self.stderr.write(f"Regels vóór de fout in orde: {controle.aantal}.")
            raise SystemExit(1)
        self.stdout.write(controle.melding)
        self.stdout.write(f"Laatste hash: {controle.laatste_hash}")
        if ontbrekend:
            self.stderr.write(
                "Let op: de database weigert wijzigen en verwijderen van auditregels niet meer; "
                f"deze triggers ontbreken: {', '.join(ontbrekend)}. "
                "Herstel ze met: leerplicht migrate audit 0001 && leerplicht migrate audit."
            )
            raise SystemExit(1)
