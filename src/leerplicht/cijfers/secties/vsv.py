"""`vsv`: new and old voortijdig schoolverlaters by status at the end of the year (31 July).

Status on 31 July: `domein.vsv_traject.STATUSREGEL` (afgerond when afgerond_op <= 31 July;
else monitoring when monitoring_vanaf <= 31 July; else in behandeling). `nieuw` are rows with
`uitgeschreven` in the year, `oud` those of the four school years before it.
Result counts have a key for every code; rows without a resultaat count
under `onbekend`, so a status's results add up to its count.

Extension (issue 5 item 8): `leeftijd_31_juli` = per cohort, the trajecten not afgerond
on 31 July (in behandeling or monitoring) by age on 31 July in the classes of
`domein.leeftijdsklasse.VSV_OPEN`, plus `totaal` (= in_behandeling + monitoring).
"""

from __future__ import annotations

from django.db.models import Case, CharField, Q, Value, When

from leerplicht.domein.codes import VSV_RESULTATEN
from leerplicht.domein.leeftijdsklasse import VSV_OPEN
from leerplicht.domein.vsv_traject import STANDAARDSTATUS, STATUSREGEL, Vsvstatus
from leerplicht.doorstroompunt.models import Vsv

from ..context import Rapportcontext
from ..leeftijd_in_sql import leeftijdsklasse, leeftijdsverschil
from ..tellen import tel, verdeel

STATUSSEN = tuple(s.value for s in Vsvstatus)
COHORTEN = ("nieuw", "oud")
OUDE_JAREN = 4


def _resultaten(rijen: dict, cohort: str, filter_: str) -> dict[str, int]:
    telling = dict.fromkeys(VSV_RESULTATEN, 0) | {"onbekend": 0}
    for (c, sleutel, resultaat), n in rijen.items():
        if c == cohort and sleutel == filter_:
            telling[resultaat or "onbekend"] += n
    return telling


def bereken(ctx: Rapportcontext) -> dict[str, dict]:
    eerste_oude_jaar = ctx.schooljaar.vorige(OUDE_JAREN)
    einde = ctx.einde
    trajecten = Vsv.objects.filter(
        gemeente__in=ctx.gemeenten, uitgeschreven__range=(eerste_oude_jaar.begin, einde)
    ).annotate(
        cohort=Case(
            When(uitgeschreven__gte=ctx.begin, then=Value("nieuw")),
            default=Value("oud"),
            output_field=CharField(),
        ),
        status=Case(
            *(When(**{f"{veld}__lte": einde}, then=Value(str(s))) for veld, s in STATUSREGEL),
            default=Value(str(STANDAARDSTATUS)),
            output_field=CharField(),
        ),
        afgerond_in_jaar=Case(
            When(Q(afgerond_op__range=(ctx.begin, einde)), then=Value("ja")),
            default=Value("nee"),
            output_field=CharField(),
        ),
    )
    statussen = verdeel(tel(trajecten, "gemeente_id", "cohort", "status"), ctx.gemeenten)
    monitoring = verdeel(
        tel(trajecten.filter(status="monitoring"), "gemeente_id", "cohort", "status", "resultaat"),
        ctx.gemeenten,
    )
    afgerond = verdeel(
        tel(
            trajecten.filter(afgerond_in_jaar="ja"),
            "gemeente_id",
            "cohort",
            "afgerond_in_jaar",
            "resultaat",
        ),
        ctx.gemeenten,
    )
    leeftijd = verdeel(
        tel(
            trajecten.exclude(status=str(Vsvstatus.AFGEROND))
            .annotate(_verschil=leeftijdsverschil("persoon__geboortedatum", einde))
            .annotate(klasse=leeftijdsklasse("_verschil", VSV_OPEN)),
            "gemeente_id",
            "cohort",
            "klasse",
        ),
        ctx.gemeenten,
    )
    uitkomst = {}
    for gemeente in ctx.gemeenten:
        sectie: dict = {}
        for cohort in COHORTEN:
            telling = {s: statussen[gemeente].get((cohort, s), 0) for s in STATUSSEN}
            telling["totaal"] = sum(telling.values())
            sectie[cohort] = telling
        sectie["resultaat_monitoring"] = {
            c: _resultaten(monitoring[gemeente], c, "monitoring") for c in COHORTEN
        }
        sectie["resultaat_afgerond"] = {
            c: _resultaten(afgerond[gemeente], c, "ja") for c in COHORTEN
        }
        sectie["leeftijd_31_juli"] = {}
        for cohort in COHORTEN:
            klassen = {k: leeftijd[gemeente].get((cohort, k), 0) for k, _ in VSV_OPEN}
            sectie["leeftijd_31_juli"][cohort] = klassen | {"totaal": sum(klassen.values())}
        uitkomst[gemeente] = sectie
    return uitkomst
