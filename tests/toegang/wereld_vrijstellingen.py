"""Vrijstellingen and verlof in the toegang world: a Verlofaanvraag per child (the
leerplicht persons), with an id no page shows by chance, so the leak check finds it."""

from __future__ import annotations

from datetime import date

from leerplicht.vrijstellingen.models import Verlofaanvraag

#: First id of the world's verlofaanvragen: long enough never to appear by accident.
EERSTE_ID = 770_001


def breid_uit(wereld) -> None:
    for nummer, sleutel in enumerate(sorted(wereld.personen)):
        wp = wereld.personen[sleutel]
        if not sleutel.endswith("kind"):
            continue
        a = Verlofaanvraag.objects.create(
            id=EERSTE_ID + nummer,
            persoon=wp.persoon,
            gemeente=wp.persoon.gemeente,
            aangevraagd=date(2024, 10, 1),
            van=date(2024, 11, 4),
            tot=date(2024, 11, 22),
            aantal_schooldagen=15,
            reden=f"Gewichtige omstandigheid {wp.persoon.pk}",
        )
        wp.records["verlofaanvraag"] = str(a.pk)
