"""`vrijstellingen`: per grond, decided in the year (behandeld), toegekend and afgewezen."""

from __future__ import annotations

from leerplicht.domein.codes import VRIJSTELLING_GRONDEN
from leerplicht.vrijstellingen.models import Vrijstelling

from ..context import Rapportcontext
from ..tellen import tel, verdeel


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    besluiten = verdeel(
        tel(
            Vrijstelling.objects.filter(
                gemeente__in=ctx.gemeenten, **ctx.in_jaar("besluitdatum")
            ).exclude(besluit="open"),
            "gemeente_id",
            "grond",
            "besluit",
        ),
        ctx.gemeenten,
    )
    uitkomst = {}
    for gemeente, rijen in besluiten.items():
        uitkomst[gemeente] = {
            grond: {
                "behandeld": sum(n for (g, _), n in rijen.items() if g == grond),
                "toegekend": rijen.get((grond, "toegekend"), 0),
                "afgewezen": rijen.get((grond, "afgewezen"), 0),
            }
            for grond in VRIJSTELLING_GRONDEN
        }
    return uitkomst
