"""`werkprocessen`: werkprocessen opened in the school year, per type, and as % of leerlingen."""

from __future__ import annotations

from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.percentage import percentage
from leerplicht.werkprocessen.models import Werkproces

from ..context import Rapportcontext
from ..tellen import tel, verdeel


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    aantallen = verdeel(
        tel(
            Werkproces.objects.filter(gemeente__in=ctx.gemeenten, **ctx.in_jaar("geopend")),
            "gemeente_id",
            "type",
        ),
        ctx.gemeenten,
    )
    uitkomst = {}
    for gemeente, per_type in aantallen.items():
        sectie = {t: per_type.get(t, 0) for t in WERKPROCES_TYPEN}
        sectie["totaal"] = sum(sectie.values())
        sectie["percentage_leerlingen"] = None  # filled in by vul_afgeleide_waarden
        uitkomst[gemeente] = sectie
    return uitkomst


def vul_afgeleide_waarden(cijfers: dict) -> None:
    """percentage_leerlingen = totaal / leerlingen.totaal × 100 (also for the totaal entry)."""
    sectie = cijfers["werkprocessen"]
    sectie["percentage_leerlingen"] = percentage(sectie["totaal"], cijfers["leerlingen"]["totaal"])
