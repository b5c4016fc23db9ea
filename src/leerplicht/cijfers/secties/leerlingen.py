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
    # Only the birth dates that can count, and only columns of the index
    # (gemeente, geboortedatum, startkwalificatie): an index range scan, not a
    # read of every person.
    rijen = (
        Persoon.objects.filter(
            gemeente__in=ctx.gemeenten,
            geboortedatum__range=(
                min(volledig[0], kwalificatie[0]),
                max(volledig[1], kwalificatie[1]),
            ),
        )
        .order_by()
        .values("gemeente_id")
        .annotate(
            leerplichtig=Count("geboortedatum", filter=Q(geboortedatum__range=volledig)),
            kwalificatieplichtig=Count(
                "geboortedatum",
                filter=Q(geboortedatum__range=kwalificatie) & zonder_startkwalificatie,
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
