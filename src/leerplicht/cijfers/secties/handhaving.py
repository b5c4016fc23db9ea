"""`handhaving`: waarschuwingen, Halt (with outcome) and processen-verbaal dated in the year."""

from __future__ import annotations

from leerplicht.domein.codes import PROCES_VERBAAL_VERZUIM
from leerplicht.werkprocessen.models import Interventie

from ..context import Rapportcontext
from ..tellen import tel, verdeel


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    aantallen = verdeel(
        tel(
            Interventie.objects.filter(
                werkproces__gemeente__in=ctx.gemeenten,
                soort__in=("waarschuwing", "halt", "proces_verbaal"),
                **ctx.in_jaar("datum"),
            ),
            "werkproces__gemeente_id",
            "soort",
            "uitkomst",
            "verzuim",
        ),
        ctx.gemeenten,
    )
    uitkomst = {}
    for gemeente, rijen in aantallen.items():

        def som(soort: str, uitkomst_: str | None = None, verzuim: str | None = None) -> int:
            return sum(
                n
                for (s, u, v), n in rijen.items()  # noqa: B023
                if s == soort
                and (uitkomst_ is None or u == uitkomst_)
                and (verzuim is None or v == verzuim)
            )

        pv = {v: som("proces_verbaal", verzuim=v) for v in PROCES_VERBAAL_VERZUIM}
        pv["totaal"] = sum(pv.values())
        uitkomst[gemeente] = {
            "waarschuwing": som("waarschuwing"),
            "halt": som("halt"),
            "halt_positief": som("halt", "positief"),
            "halt_negatief": som("halt", "negatief"),
            "proces_verbaal": pv,
        }
    return uitkomst
