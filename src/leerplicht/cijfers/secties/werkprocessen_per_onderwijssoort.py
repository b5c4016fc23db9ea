"""`werkprocessen_per_onderwijssoort`: werkprocessen opened in the year, per type, split by
the onderwijssoort group of the werkproces (an extension of figures.md).

Counts the same rows as `werkprocessen` (`geopend` in the school year, the gemeente on the
row), so for every type `totaal` equals `werkprocessen[type]`. The onderwijssoort of a
werkproces is that of its row; without one, that of the person's inschrijving on the day
it was opened, and `geen` without inschrijving (exchange-format.md, the last section; the
same rule by which the Leerplichttelling groups Halt and processen-verbaal).
"""

from __future__ import annotations

from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.werkprocessen.models import Werkproces

from ..context import Rapportcontext
from ..onderwijssoort_van_gebeurtenis import onderwijssoort_op
from ..tellen import per_groep, tel, verdeel


def werkprocessen_geopend(ctx: Rapportcontext):
    """The werkprocessen this section (and `werkprocessen`) counts, with their onderwijssoort
    as `os`; the dashboard's list of werkprocessen filters the same way."""
    return Werkproces.objects.filter(gemeente__in=ctx.gemeenten, **ctx.in_jaar("geopend")).annotate(
        os=onderwijssoort_op("persoon", "geopend")
    )


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    aantallen = verdeel(tel(werkprocessen_geopend(ctx), "gemeente_id", "type", "os"), ctx.gemeenten)
    return {
        gemeente: {
            soort: per_groep({os: n for (t, os), n in rijen.items() if t == soort})
            for soort in WERKPROCES_TYPEN
        }
        for gemeente, rijen in aantallen.items()
    }
