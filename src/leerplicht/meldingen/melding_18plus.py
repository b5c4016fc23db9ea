"""A melding 18+ on its way to the Doorstroompunt: the consulent's task for it (the
repeated-melding rule of `domein.verzuim_18plus`) and, at the hand-over, the note on the
werkproces timeline when that rule applies.

It lives with the meldingen because it reads a melding and the person's earlier ones; the
werkproces it writes to is one layer down (`werkprocessen`).
"""

from __future__ import annotations

from leerplicht.domein.verzuim_18plus import Beoordeling, EerdereMelding, beoordeel
from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.werkprocessen.diensten import leg_gebeurtenis_vast
from leerplicht.werkprocessen.models import Werkproces
from leerplicht.werkprocessen.verzuim_18plus import TYPEN_18PLUS

from .models import Melding


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
