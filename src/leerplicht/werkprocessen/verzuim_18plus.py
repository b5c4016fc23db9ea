"""Use cases of the Doorstroompunt's 18+ work on a werkproces: the repeated-melding rule
of verzuim 18+ (`domein.verzuim_18plus`), opening a zorg en preventie 18+ traject, and
recording the outcome of either (`uitkomst_18plus`).

Same conventions as `werkprocessen.diensten`: one transaction, `Werkproces.versie` claimed
first (optimistic locking), `Regelfout` with Dutch messages per form field.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.domein.leeftijd import leeftijd_op
from leerplicht.register.models import Gemeente, Persoon

from .diensten import Regelfout, leg_gebeurtenis_vast, moet_open, nieuw_werkprocesnummer, vergrendel
from .models import Werkproces

#: The werkprocessen of the Doorstroompunt's 18+ work that carry `uitkomst_18plus`.
TYPEN_18PLUS = frozenset({"verzuim_18plus", "zorg_preventie_18plus"})


def leg_uitkomst_vast(
    werkproces: Werkproces, *, uitkomst: str, door: str, versie: int | None
) -> Werkproces:
    """Record the outcome of the consulent's work on a verzuim 18+ or zorg en preventie 18+
    werkproces (the werkproces stays open; closing is its own step)."""
    if werkproces.type not in TYPEN_18PLUS:
        raise Regelfout(
            "Een uitkomst 18+ hoort alleen bij een werkproces verzuim 18+ of zorg en "
            "preventie 18+.",
            "uitkomst_18plus",
        )
    if uitkomst not in codes.VERZUIM_18PLUS_UITKOMSTEN:
        raise Regelfout("Kies een uitkomst uit de lijst.", "uitkomst_18plus")
    with transaction.atomic():
        wp = vergrendel(werkproces, versie)
        moet_open(wp)
        wp.uitkomst_18plus = uitkomst
        wp.save(update_fields=["uitkomst_18plus"])
        leg_gebeurtenis_vast(
            wp,
            "gewijzigd",
            f"Uitkomst vastgelegd: {codes.VERZUIM_18PLUS_UITKOMSTEN[uitkomst]}",
            door,
        )
        return wp


def open_zorg_preventie_traject(
    persoon: Persoon,
    gemeente: Gemeente,
    *,
    reden: str,
    door: str,
    vandaag: date | None = None,
) -> Werkproces:
    """Open a zorg en preventie 18+ traject; the consulent who opens it handles it."""
    if reden not in codes.ZORG_PREVENTIE_18PLUS_REDENEN:
        raise Regelfout("Kies een reden uit de lijst.", "reden_18plus")
    vandaag = vandaag or timezone.localdate()
    if leeftijd_op(persoon.geboortedatum, vandaag) < 18:
        raise Regelfout(
            "Een traject zorg en preventie 18+ is voor jongeren van 18 jaar en ouder; voor "
            "een leerplichtige leerling opent de leerplichtambtenaar zorg en preventie."
        )
    with transaction.atomic():
        werkproces = Werkproces.objects.create(
            id=nieuw_werkprocesnummer(vandaag),
            persoon=persoon,
            gemeente=gemeente,
            type="zorg_preventie_18plus",
            geopend=vandaag,
            behandelaar=door,
            reden_18plus=reden,
        )
        leg_gebeurtenis_vast(
            werkproces,
            "geopend",
            "Traject zorg en preventie 18+ geopend, reden: "
            f"{codes.ZORG_PREVENTIE_18PLUS_REDENEN[reden]}",
            door,
        )
        return werkproces
