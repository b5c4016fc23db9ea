"""`thuiszitters`: periods running at the start, new, resolved, ended otherwise, running at the end.

"Running on a day" means van on or before it and tot empty or on or after it;
`begin` counts periods that started before 1 August (a period starting on
1 August is `nieuw`), as figures.md says.
"""

from __future__ import annotations

from django.db.models import Count, Q

from leerplicht.thuiszitters.models import Thuiszitter

from ..context import Rapportcontext


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    in_jaar_tot = Q(tot__range=(ctx.begin, ctx.einde))
    rijen = (
        Thuiszitter.objects.filter(gemeente__in=ctx.gemeenten)
        .order_by()
        .values("gemeente_id")
        .annotate(
            begin=Count(
                "id", filter=Q(van__lt=ctx.begin) & (Q(tot__isnull=True) | Q(tot__gte=ctx.begin))
            ),
            nieuw=Count("id", filter=Q(van__range=(ctx.begin, ctx.einde))),
            opgelost=Count("id", filter=in_jaar_tot & Q(reden_einde="opgelost")),
            achttien_of_verhuisd=Count(
                "id", filter=in_jaar_tot & Q(reden_einde__in=("achttien", "verhuisd"))
            ),
            einde=Count(
                "id", filter=Q(van__lte=ctx.einde) & (Q(tot__isnull=True) | Q(tot__gte=ctx.einde))
            ),
        )
    )
    velden = ("begin", "nieuw", "opgelost", "achttien_of_verhuisd", "einde")
    uitkomst = {g: dict.fromkeys(velden, 0) for g in ctx.gemeenten}
    for rij in rijen:
        uitkomst[rij["gemeente_id"]] = {v: rij[v] for v in velden}
    return uitkomst
