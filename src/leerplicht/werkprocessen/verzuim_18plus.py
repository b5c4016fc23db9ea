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
from leerplicht.domein.verzuim_18plus import Beoordeling, EerdereMelding, beoordeel
from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Persoon

from .diensten import Regelfout, leg_gebeurtenis_vast, moet_open, vergrendel
from .models import Werkproces

#: The werkprocessen of the Doorstroompunt's 18+ work that carry `uitkomst_18plus`.
TYPEN_18PLUS = frozenset({"verzuim_18plus", "zorg_preventie_18plus"})


def beoordeling(melding: Melding) -> Beoordeling | None:
    """The consulent's task for a melding 18+ (None for other meldingen)."""
    if melding.soort != "18plus":
        return None
    eerdere = (
        Melding.objects.filter(
            persoon_id=melding.persoon_id,
            gemeente_id=melding.gemeente_id,
            soort="18plus",
            datum__lte=melding.datum,
        )
        .exclude(pk=melding.pk)
        .exclude(status=Meldingstatus.INGETROKKEN)
        .values_list("datum", "actie_gewenst", "werkproces__gesloten", "werkproces__type")
    )
    return beoordeel(
        melding.datum,
        melding.actie_gewenst,
        [
            EerdereMelding(
                datum=datum,
                actie_gewenst=actie,
                in_lopend_werkproces=type_ in TYPEN_18PLUS and gesloten is None,
            )
            for datum, actie, gesloten, type_ in eerdere
        ],
    )


def markeer_contact_ondanks(melding: Melding, werkproces: Werkproces, *, door: str) -> bool:
    """At the hand-over of a melding 18+: when the repeated-melding rule applies, put it on
    the werkproces timeline. Returns whether it applied. Call inside the hand-over's
    transaction (the melding is already linked to `werkproces`)."""
    uitkomst = beoordeling(melding)
    if uitkomst is None or not uitkomst.contact_ondanks:
        return False
    leg_gebeurtenis_vast(
        werkproces,
        "contact_gevraagd",
        f"Neem contact op: {uitkomst.reden} — melding {melding.meldingsnummer} is melding 18+ "
        f"nummer {uitkomst.recidive + 1}",
        door,
    )
    return True


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
    from leerplicht.meldingen.route import nieuw_werkprocesnummer

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
