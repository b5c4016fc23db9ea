"""`resultaten`: werkprocessen closed in the year, per resultaat.

A closed werkproces without a resultaat (possible in migrated data) is counted
under `onbekend`, so the keys always add up to `totaal`.
"""

from __future__ import annotations

from leerplicht.domein.codes import WERKPROCES_RESULTATEN
from leerplicht.werkprocessen.models import Werkproces

from ..context import Rapportcontext
from ..tellen import tel, verdeel


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    gesloten = verdeel(
        tel(
            Werkproces.objects.filter(gemeente__in=ctx.gemeenten, **ctx.in_jaar("gesloten")),
            "gemeente_id",
            "resultaat",
        ),
        ctx.gemeenten,
    )
    uitkomst = {}
    for gemeente, rijen in gesloten.items():
        sectie = {r: rijen.get(r, 0) for r in WERKPROCES_RESULTATEN}
        sectie["onbekend"] = rijen.get(None, 0)
        sectie["totaal"] = sum(sectie.values())
        uitkomst[gemeente] = sectie
    return uitkomst
