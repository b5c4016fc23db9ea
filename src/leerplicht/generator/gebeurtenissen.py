"""The events of one person, school year by school year, in a fixed order of draws.

Why a module of its own: this is the one place that decides which kinds of event are drawn
for which age, and in which order (the order of draws is the output: change it only on
purpose). Each kind is made in its own module.

The age per school year is the generator's own approximation (days / 365.2425 on 1 October),
not `domein.leeftijd.leeftijd_op`: the exact age differs around birthdays and would change
the generated data for the same seed.
"""

from __future__ import annotations

from .datums import MAX_LEEFTIJD
from .meldingen import absoluut_verzuim, cluster_18plus, perioden_zonder_school, verzuimcluster
from .persoon import Persoon
from .verhoudingen import CLUSTERKANS, KANS_INFO, KANS_VERLOF, KANS_ZORG, KANS_ZORG_18
from .vrijstellingen import vraag_vrijstelling
from .vsv import kwetsbare_positie, voortijdig_verlaten
from .werkprocessen import los_werkproces


def maak_gebeurtenissen(ps: Persoon) -> None:
    """Write all events of one person: per school year, then vsv and kwetsbare positie."""
    p = ps.p
    r = ps.r
    vernieuw_5a = r() < 0.004  # a 5a from before the period, up for renewal
    gaten = perioden_zonder_school(ps) if ps.lp_begin <= p.einde and ps.lp_einde >= p.begin else []
    for begin, einde in p.jaren:
        leeftijd = int((begin + 61 - ps.geboren) / 365.2425)  # on 1 October
        if ps.lb.aankomst > einde:
            continue  # not in the country yet
        if 5 <= leeftijd <= 17:
            # The vrijstelling first: a child exempted from enrolment has no relatief verzuim.
            vernieuw_5a = vraag_vrijstelling(ps, begin, einde, leeftijd, vernieuw_5a)
            kans = CLUSTERKANS[leeftijd] * ps.risico
            aantal = 0
            while aantal < 4 and r() < kans:
                verzuimcluster(ps, begin, einde, leeftijd)
                aantal += 1
                kans *= 0.45
            if r() < KANS_ZORG:
                los_werkproces(ps, "zorg_preventie", begin, einde)
            if r() < KANS_INFO:
                los_werkproces(ps, "informatie_advies", begin, einde)
            if leeftijd <= 12 and r() < KANS_VERLOF:
                los_werkproces(ps, "extra_verlof", begin, einde)
        elif 18 <= leeftijd <= MAX_LEEFTIJD:
            kans = 0.10 * ps.risico
            if r() < kans:
                cluster_18plus(ps, begin, einde)
            if r() < KANS_ZORG_18 and ps.doelgroep_18(begin + 60):
                los_werkproces(ps, "zorg_preventie_18plus", begin, einde)
        if gaten:
            absoluut_verzuim(ps, gaten, begin, einde)
    voortijdig_verlaten(ps)
    kwetsbare_positie(ps)
