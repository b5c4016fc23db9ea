"""JIKP registrations in the test world: one for every person, in the person's own
gemeente, with a source text that identifies it, so the leak check looks for them."""

from __future__ import annotations

from django.utils import timezone
from toegangswereld import Wereld

from leerplicht.jikp.models import Jikpregistratie


def breid_uit(wereld: Wereld) -> None:
    for wp in wereld.personen.values():
        code = wp.persoon.pk
        rij = Jikpregistratie.objects.create(
            persoon=wp.persoon,
            gemeente=wp.persoon.gemeente,
            peiljaar="2023-2024",
            herkomst="vso",
            situatie_1_jaar="werk",
            bron=f"Jikpbron-{code}",
            bijgewerkt_op=timezone.now(),
        )
        # The text, not the numeric pk: "1" would match any page.
        wp.records |= {"jikp_bron": rij.bron}
