"""leerplicht vrijstellingen-naar-duo: write the DUO file for decisions not registered yet.

A decision registers itself with DUO at once; when that failed (e.g. the DUO folder was
not writable), the overzicht lists it and this command tries again.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from leerplicht.vrijstellingen.diensten import nog_niet_bij_duo, registreer_bij_duo


class Command(BaseCommand):
    help = (
        "Maak het bestand voor het vrijstellingenregister van DUO voor besluiten die nog "
        "niet zijn geregistreerd (docs/gebruikers/vrijstellingen-en-verlof.md)."
    )

    def handle(self, *args, **opties) -> None:
        open_ = list(nog_niet_bij_duo().select_related("persoon").order_by("pk"))
        if not open_:
            self.stdout.write("Alle besluiten zijn bij DUO geregistreerd.")
            return
        for besluit, handeling in (("toegekend", "registreren"), ("ingetrokken", "intrekken")):
            groep = [v for v in open_ if v.besluit == besluit]
            if not groep:
                continue
            bestand = registreer_bij_duo(groep, handeling)
            if bestand is None:
                self.stderr.write(
                    f"{handeling}: {len(groep)} vrijstelling(en) niet gelukt; zie het log."
                )
            else:
                self.stdout.write(f"{handeling}: {len(groep)} vrijstelling(en) in {bestand}")
