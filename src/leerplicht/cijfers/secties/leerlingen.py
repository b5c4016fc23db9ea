"""`leerlingen`: persons of the gemeente volledig leerplichtig / kwalificatieplichtig
on the peildatum.

By age alone (figures.md); the birth-date intervals come from the domain rule
itself (domein.leerplicht), whose tests prove they match `leerplichtstatus`.
"""

from __future__ import annotations

from django.db.models import Count, Q

from leerplicht.domein.leerplicht import (
    geboortedata_kwalificatieplichtig,
    geboortedata_volledig_leerplichtig,
)
from leerplicht.register.models import Persoon

from ..context import Rapportcontext


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    volledig = geboortedata_volledig_leerplichtig(ctx.peildatum)
    kwalificatie = geboortedata_kwalificatieplichtig(ctx.peildatum)
    zonder_startkwalificatie = Q(startkwalificatie__isnull=True) | Q(
        startkwalificatie__gt=ctx.peildatum
    )
    rijen = (
        Persoon.objects.filter(gemeente__in=ctx.gemeenten)
        .order_by()
        .values("gemeente_id")
        .annotate(
            leerplichtig=Count("id", filter=Q(geboortedatum__range=volledig)),
            kwalificatieplichtig=Count(
                "id", filter=Q(geboortedatum__range=kwalificatie) & zonder_startkwalificatie
            ),
        )
    )
    uitkomst = {
        g: {"leerplichtig": 0, "kwalificatieplichtig": 0, "totaal": 0} for g in ctx.gemeenten
    }
    for rij in rijen:
        sectie = uitkomst[rij["gemeente_id"]]
        sectie["leerplichtig"] = rij["leerplichtig"]
        sectie["kwalificatieplichtig"] = rij["kwalificatieplichtig"]
        sectie["totaal"] = rij["leerplichtig"] + rij["kwalificatieplichtig"]
    return uitkomst
