"""`meldingen`: per soort by onderwijssoort group, unique persons, repeats, actie gewenst."""

from __future__ import annotations

from django.db.models import Count

from leerplicht.domein.codes import MELDING_SOORTEN
from leerplicht.meldingen.models import Melding

from ..context import Rapportcontext
from ..onderwijssoort_van_gebeurtenis import onderwijssoort_op
from ..tellen import per_groep, tel, tel_groepen_van, verdeel


def meldingen_in_jaar(ctx: Rapportcontext):
    return Melding.objects.filter(gemeente__in=ctx.gemeenten, **ctx.in_jaar("datum"))


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    in_jaar = meldingen_in_jaar(ctx)
    per_soort = verdeel(
        tel(
            in_jaar.annotate(os=onderwijssoort_op("persoon", "datum")),
            "gemeente_id",
            "soort",
            "os",
        ),
        ctx.gemeenten,
    )
    uniek = verdeel(
        {
            (r["gemeente_id"], r["soort"]): r["n"]
            for r in in_jaar.order_by()
            .values("gemeente_id", "soort")
            .annotate(n=Count("persoon_id", distinct=True))
        },
        ctx.gemeenten,
    )
    herhaald = verdeel(
        tel_groepen_van(
            in_jaar.order_by()
            .values("gemeente_id", "soort", "persoon_id")
            .annotate(n=Count("*"))
            .filter(n__gte=2)
            .values("gemeente_id", "soort"),
            "gemeente_id",
            "soort",
        ),
        ctx.gemeenten,
    )
    actie = verdeel(
        tel(in_jaar.filter(soort="18plus", actie_gewenst=True), "gemeente_id"), ctx.gemeenten
    )
    uitkomst = {}
    for gemeente in ctx.gemeenten:
        sectie: dict = {}
        for soort in MELDING_SOORTEN:
            sectie[soort] = per_groep(
                {os: n for (s, os), n in per_soort[gemeente].items() if s == soort}
            )
        sectie["unieke_personen"] = {s: uniek[gemeente].get(s, 0) for s in MELDING_SOORTEN}
        sectie["herhaald"] = {s: herhaald[gemeente].get(s, 0) for s in MELDING_SOORTEN}
        sectie["actie_gewenst"] = sum(actie[gemeente].values())
        uitkomst[gemeente] = sectie
    return uitkomst
