"""`vrijstellingen`: per grond, decided in the year (behandeld), toegekend and afgewezen.

A year counts the decisions taken in it: a grant withdrawn later (`ingetrokken_per`) still
counts as toegekend in the year of its `besluitdatum`, so `behandeld` stays `toegekend +
afgewezen` and a closed year's figures do not change after they were reported. An
imported "ingetrokken" without `ingetrokken_per` counts as behandeld only, as before.
"""

from __future__ import annotations

from django.db.models import Case, CharField, F, Value, When

from leerplicht.domein.codes import VRIJSTELLING_GRONDEN
from leerplicht.vrijstellingen.models import Vrijstelling, toegekend_in_besluitjaar

from ..context import Rapportcontext
from ..tellen import tel, verdeel


def uitkomst_in_besluitjaar() -> Case:
    """The decision as it was taken on `besluitdatum` (a later withdrawal undone)."""
    return Case(
        When(toegekend_in_besluitjaar(), then=Value("toegekend")),
        default=F("besluit"),
        output_field=CharField(),
    )


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    besluiten = verdeel(
        tel(
            Vrijstelling.objects.filter(gemeente__in=ctx.gemeenten, **ctx.in_jaar("besluitdatum"))
            .exclude(besluit="open")
            .annotate(uitkomst=uitkomst_in_besluitjaar()),
            "gemeente_id",
            "grond",
            "uitkomst",
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
