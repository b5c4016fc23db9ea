"""`verzuim_18plus`: meldingen 18plus of the Doorstroompunt (an extension of figures.md).

Over meldingen with soort `18plus` and `datum` in the school year, per gemeente on the row:
- `meldingen`: their number; `unieke_personen`: persons with at least one;
- `recidive`: persons with two or more (in the same gemeente and year);
- `actie_gewenst`: `{"ja", "nee", "onbekend"}` by the melding's actie_gewenst (empty =
  onbekend), adding up to `meldingen`;
- `leeftijd_bij_melding`: age on the melding's date in the classes of
  `domein.leeftijdsklasse.MELDING_18PLUS` (on the 18th birthday: 18), adding up to
  `meldingen`.
"""

from __future__ import annotations

from django.db.models import Count

from leerplicht.domein.leeftijdsklasse import MELDING_18PLUS
from leerplicht.meldingen.models import Melding

from ..context import Rapportcontext
from ..leeftijd_in_sql import leeftijdsklasse, leeftijdsverschil
from ..tellen import tel, tel_groepen_van, verdeel

SOORT = "18plus"


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    meldingen = Melding.objects.filter(
        gemeente__in=ctx.gemeenten, soort=SOORT, **ctx.in_jaar("datum")
    )
    aantal = verdeel(tel(meldingen, "gemeente_id"), ctx.gemeenten)
    uniek = {
        r["gemeente_id"]: r["n"]
        for r in meldingen.order_by()
        .values("gemeente_id")
        .annotate(n=Count("persoon_id", distinct=True))
    }
    recidive = verdeel(
        tel_groepen_van(
            meldingen.order_by()
            .values("gemeente_id", "persoon_id")
            .annotate(n=Count("*"))
            .filter(n__gte=2)
            .values("gemeente_id"),
            "gemeente_id",
        ),
        ctx.gemeenten,
    )
    actie = verdeel(tel(meldingen, "gemeente_id", "actie_gewenst"), ctx.gemeenten)
    leeftijd = verdeel(
        tel(
            meldingen.annotate(
                _verschil=leeftijdsverschil("persoon__geboortedatum", "datum")
            ).annotate(klasse=leeftijdsklasse("_verschil", MELDING_18PLUS)),
            "gemeente_id",
            "klasse",
        ),
        ctx.gemeenten,
    )
    uitkomst = {}
    for gemeente in ctx.gemeenten:
        # The driver gives booleans as 1/0 (SQLite) or True/False (PostgreSQL).
        per_actie = {"ja": 0, "nee": 0, "onbekend": 0}
        for waarde, n in actie[gemeente].items():
            per_actie["onbekend" if waarde is None else "ja" if waarde else "nee"] += n
        uitkomst[gemeente] = {
            "meldingen": sum(aantal[gemeente].values()),
            "unieke_personen": uniek.get(gemeente, 0),
            "recidive": sum(recidive[gemeente].values()),
            "actie_gewenst": per_actie,
            "leeftijd_bij_melding": {k: leeftijd[gemeente].get(k, 0) for k, _ in MELDING_18PLUS},
        }
    return uitkomst
