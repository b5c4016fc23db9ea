"""A granted vrijstelling withdraws the open meldingen over its period.

Listens to `vrijstellingen.signalen.vrijstelling_toegekend` (connected in apps.py): the
meldingen app sits above the vrijstellingen, so the decision does not call it directly.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from leerplicht.domein.verzuimmelding_route import OPEN, Meldingstatus, mag_naar
from leerplicht.domein.vrijstellingsregels import VRIJ_VAN_SCHOOLBEZOEK
from leerplicht.vrijstellingen.models import Vrijstelling

from .models import Melding


def ingetrokken_bij_toekenning(
    sender: object, *, vrijstelling: Vrijstelling, **_: object
) -> list[str]:
    """Receiver: withdraw and return the meldingsnummers."""
    return trek_meldingen_in(vrijstelling)


def overlappende_open_meldingen(v: Vrijstelling) -> QuerySet[Melding]:
    """Open meldingen (still the administratie's work) of the person in the same gemeente
    whose verzuim period (or, without one, whose date) overlaps the vrijstelling."""
    qs = Melding.objects.filter(
        persoon_id=v.persoon_id, gemeente_id=v.gemeente_id, status__in=[s.value for s in OPEN]
    )
    # The melding's period: verzuim_van..verzuim_tot, else its datum.
    eindigt_niet_voor = Q(verzuim_tot__gte=v.geldig_van) | Q(
        verzuim_tot__isnull=True, datum__gte=v.geldig_van
    )
    qs = qs.filter(eindigt_niet_voor)
    if v.geldig_tot is not None:
        qs = qs.filter(
            Q(verzuim_van__lte=v.geldig_tot) | Q(verzuim_van__isnull=True, datum__lte=v.geldig_tot)
        )
    return qs


def trek_meldingen_in(v: Vrijstelling) -> list[str]:
    """A melding over a period with a granted vrijstelling is withdrawn (route: any open
    status -> ingetrokken); DUO hears it through the melding's duo_status (reason
    "vrijstelling"), reported by `meldingen.duo_terugmelding`."""
    if v.besluit != "toegekend" or v.grond not in VRIJ_VAN_SCHOOLBEZOEK:
        return []
    ingetrokken = []
    for m in overlappende_open_meldingen(v).select_for_update().order_by("pk"):
        if not mag_naar(m.status, Meldingstatus.INGETROKKEN):
            continue
        m.status = Meldingstatus.INGETROKKEN.value
        m.duo_status = "ingetrokken"
        m.duo_reden = "vrijstelling"
        m.duo_teruggemeld_op = None  # to be reported (meldingen.duo_terugmelding)
        m.versie = m.versie + 1
        m.save(update_fields=["status", "duo_status", "duo_reden", "duo_teruggemeld_op", "versie"])
        ingetrokken.append(m.pk)
    return ingetrokken
