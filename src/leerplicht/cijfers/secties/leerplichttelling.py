"""`leerplichttelling`: the rows OCW asks for, each split by onderwijssoort group.

Rows that count persons (verzuim) put each person in the group of their first
such melding in the year (earliest datum, then lowest meldingsnummer), so a
row's groups add up to its totaal. Interventies take the onderwijssoort of
their werkproces (at `geopend`); vrijstellingen at `besluitdatum` (a grant withdrawn
later still counts in its decision year); thuiszitter periods at `van`.
"""

from __future__ import annotations

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from leerplicht.domein.codes import PROCES_VERBAAL_VERZUIM, VRIJSTELLING_GRONDEN
from leerplicht.meldingen.models import Melding
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.vrijstellingen.models import Vrijstelling, toegekend_in_besluitjaar
from leerplicht.werkprocessen.models import Interventie

from ..context import Rapportcontext
from ..onderwijssoort_van_gebeurtenis import onderwijssoort_op
from ..tellen import per_groep, tel, verdeel

#: Person rows: the melding soorten each row counts.
VERZUIM_RIJEN: dict[str, tuple[str, ...]] = {
    "absoluut_verzuim": ("absoluut",),
    "relatief_verzuim": ("wettelijk", "langdurig", "luxe"),
    "langdurig_relatief_verzuim": ("langdurig",),
    "luxe_verzuim": ("luxe",),
}

RIJEN: tuple[str, ...] = (
    *(f"vrijstelling_{g}" for g in VRIJSTELLING_GRONDEN),
    *VERZUIM_RIJEN,
    "halt",
    *(f"pv_{v}" for v in PROCES_VERBAAL_VERZUIM),
    "thuiszitters_begin",
    "thuiszitters_nieuw",
    "thuiszitters_opgelost",
)


def eerste_meldingen(ctx: Rapportcontext, soorten: tuple[str, ...]):
    """Each person's first melding of these soorten in the year, per gemeente.

    ROW_NUMBER over (persoon, gemeente) by datum then meldingsnummer: one pass
    over the year's meldingen on both databases, where a NOT EXISTS per row was
    quadratic in a person's meldingen.
    """
    volgorde = Window(
        RowNumber(),
        partition_by=[F("persoon"), F("gemeente")],
        order_by=[F("datum").asc(), F("meldingsnummer").asc()],
    )
    eerste = (
        Melding.objects.filter(
            gemeente__in=ctx.gemeenten, soort__in=soorten, **ctx.in_jaar("datum")
        )
        .annotate(volgorde=volgorde)
        .filter(volgorde=1)
        .values("meldingsnummer")
    )
    return Melding.objects.filter(meldingsnummer__in=eerste)


def _interventies(ctx: Rapportcontext, soort: str):
    return Interventie.objects.filter(
        werkproces__gemeente__in=ctx.gemeenten, soort=soort, **ctx.in_jaar("datum")
    ).annotate(
        os=onderwijssoort_op(
            "werkproces__persoon", "werkproces__geopend", "werkproces__onderwijssoort"
        )
    )


def _thuiszitters(ctx: Rapportcontext, **filters):
    return Thuiszitter.objects.filter(gemeente__in=ctx.gemeenten, **filters).annotate(
        os=onderwijssoort_op("persoon", "van")
    )


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    tellingen: dict[str, dict[str, dict]] = {}  # rij -> gemeente -> {onderwijssoort: n}

    vrijstellingen = verdeel(
        tel(
            # Granted in the year, also when withdrawn later (figures.md: decisions of Y).
            Vrijstelling.objects.filter(
                toegekend_in_besluitjaar(),
                gemeente__in=ctx.gemeenten,
                **ctx.in_jaar("besluitdatum"),
            ).annotate(os=onderwijssoort_op("persoon", "besluitdatum")),
            "gemeente_id",
            "grond",
            "os",
        ),
        ctx.gemeenten,
    )
    for grond in VRIJSTELLING_GRONDEN:
        tellingen[f"vrijstelling_{grond}"] = {
            g: {os: n for (gr, os), n in rijen.items() if gr == grond}
            for g, rijen in vrijstellingen.items()
        }

    for rij, soorten in VERZUIM_RIJEN.items():
        eerste = eerste_meldingen(ctx, soorten).annotate(os=onderwijssoort_op("persoon", "datum"))
        tellingen[rij] = verdeel(tel(eerste, "gemeente_id", "os"), ctx.gemeenten)

    tellingen["halt"] = verdeel(
        tel(_interventies(ctx, "halt"), "werkproces__gemeente_id", "os"), ctx.gemeenten
    )
    pv = verdeel(
        tel(_interventies(ctx, "proces_verbaal"), "werkproces__gemeente_id", "verzuim", "os"),
        ctx.gemeenten,
    )
    for verzuim in PROCES_VERBAAL_VERZUIM:
        tellingen[f"pv_{verzuim}"] = {
            g: {os: n for (v, os), n in rijen.items() if v == verzuim} for g, rijen in pv.items()
        }

    lopend_bij_begin = Q(tot__isnull=True) | Q(tot__gte=ctx.begin)
    for rij, queryset in (
        ("thuiszitters_begin", _thuiszitters(ctx, van__lt=ctx.begin).filter(lopend_bij_begin)),
        ("thuiszitters_nieuw", _thuiszitters(ctx, **ctx.in_jaar("van"))),
        (
            "thuiszitters_opgelost",
            _thuiszitters(ctx, reden_einde="opgelost", **ctx.in_jaar("tot")),
        ),
    ):
        tellingen[rij] = verdeel(tel(queryset, "gemeente_id", "os"), ctx.gemeenten)

    return {
        gemeente: {rij: per_groep(dict(tellingen[rij][gemeente])) for rij in RIJEN}
        for gemeente in ctx.gemeenten
    }
