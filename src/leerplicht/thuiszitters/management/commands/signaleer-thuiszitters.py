"""leerplicht signaleer-thuiszitters: which pupils have been away 4 weeks or more.

Prints the number of signals awaiting confirmation per gemeente; with --lijst also the
persoonsnummer, meldingsnummer and begin date of each (no BSN). Confirming is done on
the page Thuiszitters by a medewerker; this command stores nothing.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from leerplicht.domein.formattering import getal
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente
from leerplicht.thuiszitters.signalen import signalen


class Command(BaseCommand):
    help = (
        "Zoekt thuiszitters: leer- of kwalificatieplichtigen zonder vrijstelling die 4 weken "
        "of langer thuis zijn (langdurig relatief verzuim, of absoluut verzuim van 4 weken). "
        "Toont het aantal signalen per gemeente; bevestigen gebeurt op de pagina Thuiszitters."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--lijst", action="store_true", help="toon ook elk signaal (persoonsnummer, melding)"
        )

    def handle(self, *args, lijst: bool, **opties) -> None:
        vandaag = timezone.localdate()
        gevonden = signalen(Melding.objects.all(), vandaag)
        namen = dict(Gemeente.objects.values_list("code", "naam"))
        per_gemeente: dict[str, int] = {}
        for s in gevonden:
            per_gemeente[s.gemeente_id] = per_gemeente.get(s.gemeente_id, 0) + 1
        self.stdout.write(
            f"{getal(len(gevonden))} signalen van thuiszitten op {vandaag:%d-%m-%Y}, "
            "wachtend op bevestiging."
        )
        for code, aantal in sorted(per_gemeente.items()):
            self.stdout.write(f"  {namen.get(code, code)}: {getal(aantal)}")
        if lijst:
            for s in gevonden:
                self.stdout.write(
                    f"  persoon {s.persoon_id}  melding {s.meldingsnummer}  "
                    f"sinds {s.begin:%d-%m-%Y} ({s.duur}; {s.reden.label})"
                )
