"""leerplicht bewaartermijn [--uitvoeren] [--peildatum D]: remove what is past its term.

A dry run by default: prints per kind how many rows would be removed or anonymised.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from leerplicht.bewaren.opschonen import (
    OngeldigePeildatum,
    Plan,
    controleer_peildatum,
    maak_plan,
    voer_uit,
)
from leerplicht.commandos import datum_optie
from leerplicht.domein.formattering import getal
from leerplicht.schema import zorg_voor_schema


class Command(BaseCommand):
    help = (
        "Verwijder of anonimiseer persoonsgegevens waarvan de bewaartermijn voorbij is "
        "(docs/beheer/bewaartermijnen.md). Zonder --uitvoeren alleen een proefdraai."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--uitvoeren", action="store_true", help="echt verwijderen (in één transactie)"
        )
        parser.add_argument("--peildatum", help="JJJJ-MM-DD (standaard vandaag)")

    def handle(self, *args, uitvoeren: bool, peildatum: str | None, **opties) -> None:
        vandaag = timezone.localdate()
        peil = datum_optie(peildatum) or vandaag
        try:
            controleer_peildatum(peil, vandaag, uitvoeren=uitvoeren)
        except OngeldigePeildatum as fout:
            raise CommandError(str(fout)) from None
        zorg_voor_schema()
        plan = maak_plan(peil, vandaag=vandaag)
        kop = "Uitgevoerd" if uitvoeren else "Proefdraai (niets gewijzigd; --uitvoeren doet het)"
        self.stdout.write(f"{kop}: bewaartermijnen op peildatum {peil.isoformat()}")
        if uitvoeren:
            vastgesteld = voer_uit(plan, vandaag=vandaag)
            self._schooljaren("Eerst vastgesteld", [j.naam for j in vastgesteld])
        else:
            self._schooljaren("Eerst vast te stellen", [j.naam for j in plan.vast_te_stellen])
        self._aantallen(plan, uitgevoerd=uitvoeren)

    def _schooljaren(self, kop: str, namen: list[str]) -> None:
        self.stdout.write(f"{kop}: {', '.join(namen) if namen else 'geen'}")

    def _aantallen(self, plan: Plan, *, uitgevoerd: bool) -> None:
        werkwoord = {
            "verwijderen": "verwijderd" if uitgevoerd else "te verwijderen",
            "anonimiseren": "geanonimiseerd" if uitgevoerd else "te anonimiseren",
        }
        for soort, aantallen in plan.aantallen().items():
            delen = [f"{getal(n)} {werkwoord[h]}" for h, n in aantallen.items()]
            self.stdout.write(f"  {soort:<34} {', '.join(delen)}")
        if plan.auditregels_verlopen is not None:
            self.stdout.write(
                f"  {'auditregel':<34} {getal(plan.auditregels_verlopen)} voorbij de termijn, "
                "niet verwijderd (het auditlog is alleen aan te vullen)"
            )
