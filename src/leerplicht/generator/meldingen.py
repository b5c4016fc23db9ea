"""Meldingen: relatief verzuim in clusters, verzuim 18+, and absoluut verzuim in the gaps.

Why a module of its own: a melding is the most common event, and the one with the most
rules: relatief verzuim only while enrolled and leerplichtig, 18+ only in the
Doorstroompunt's doelgroep, absoluut verzuim only in a gap without inschrijving. Some
clusters get a werkproces (`werkprocessen`) or lead to a thuiszitter (`thuiszitters`).
"""

from __future__ import annotations

from .datums import ONEINDIG, werkdag
from .persoon import Persoon
from .thuiszitters import thuiszitter
from .verhoudingen import HERHAAL, SOORT_JONG, SOORT_OUD, WERKPROCES_KANS
from .werkprocessen import open_werkproces


def verzuimcluster(ps: Persoon, begin: int, einde: int, leeftijd: int) -> None:
    """One or more meldingen of one soort in a school year, while enrolled and leerplichtig."""
    r = ps.r
    datum = werkdag(begin + 20 + int(r() * 330))
    if not ps.leerplichtig(datum):
        return
    soort_school, school = ps.inschrijving(datum)
    if soort_school == "geen":
        return  # not enrolled: that is absoluut verzuim, made from the gaps
    soort = ps.blok.kies(SOORT_JONG if leeftijd < 12 else SOORT_OUD)
    data = _herhaald(ps, datum, einde, HERHAAL[soort], hoogstens=8, stap=(14, 28))
    werkproces = ""
    if r() < WERKPROCES_KANS[soort]:
        geopend = min(werkdag(data[-1] + int(r() * 15)), ps.p.einde)
        werkproces = open_werkproces(
            ps, "relatief_verzuim", geopend, verzuim="luxe" if soort == "luxe" else "relatief"
        )
    for d in data:
        _melding(ps, d, soort, school if r() < 0.8 else "", werkproces)
    if soort == "langdurig" and r() < 0.08:
        thuiszitter(ps, max(datum - 28 - int(r() * 30), begin), 30 + int(r() * 250))


def cluster_18plus(ps: Persoon, begin: int, einde: int) -> None:
    """Meldingen verzuim 18+, only in the Doorstroompunt's doelgroep and while enrolled."""
    r = ps.r
    datum = werkdag(begin + 30 + int(r() * 320))
    if not ps.doelgroep_18(datum):
        return
    soort_school, school = ps.inschrijving(datum)
    if soort_school == "geen":
        return
    data = _herhaald(ps, datum, einde, HERHAAL["18plus"], hoogstens=4, stap=(28, 40))
    werkproces = ""
    if r() < WERKPROCES_KANS["18plus"]:
        geopend = min(werkdag(data[-1] + int(r() * 15)), ps.p.einde)
        werkproces = open_werkproces(ps, "verzuim_18plus", geopend)
    for d in data:
        _melding(ps, d, "18plus", school if r() < 0.85 else "", werkproces)


def _herhaald(
    ps: Persoon, datum: int, einde: int, kans: float, *, hoogstens: int, stap: tuple[int, int]
) -> list[int]:
    """The days of a cluster: `datum`, then with chance `kans` another one every few weeks.

    A next day is `stap[0]` plus up to `stap[1]` days later; the cluster stops before the end
    of the school year or on a day without inschrijving.
    """
    r = ps.r
    data = [datum]
    while len(data) < hoogstens and r() < kans:
        volgende = werkdag(data[-1] + stap[0] + int(r() * stap[1]))
        if volgende > einde - 10 or ps.inschrijving(volgende)[0] == "geen":
            break
        data.append(volgende)
    return data


def _melding(ps: Persoon, datum: int, soort: str, school: str, werkproces: str) -> None:
    actie = ""
    if soort == "18plus":
        x = ps.r()
        actie = "ja" if x < 0.55 else "nee" if x < 0.9 else ""
    ps.blok.rij(
        "meldingen.csv",
        [
            ps.nieuw_id("M"),
            ps.pid,
            ps.gemeente(datum),
            ps.iso[datum],
            soort,
            school,
            ps.soort_kolom(datum),
            actie,
            werkproces,
        ],
    )


def perioden_zonder_school(ps: Persoon) -> list[tuple[int, int]]:
    """Periods without inschrijving after arrival: between schools, after leaving early."""
    lb = ps.lb
    gaten: list[tuple[int, int]] = []
    vorige_tot = lb.aankomst - 1 if lb.aankomst else 0
    for _, _, van, tot in lb.segmenten:
        if vorige_tot and van - vorige_tot > 7:
            gaten.append((vorige_tot + 1, van - 1))
        vorige_tot = tot
    # Those leaving pro or vso are no longer kwalificatieplichtig: no gap after it.
    if lb.segmenten and vorige_tot < ONEINDIG and vorige_tot != lb.kwetsbaar:
        gaten.append((vorige_tot + 1, ONEINDIG))
    elif not lb.segmenten and lb.nooit_meer:
        gaten.append((lb.nooit_meer, ONEINDIG))
    return gaten


def absoluut_verzuim(ps: Persoon, gaten: list[tuple[int, int]], begin: int, einde: int) -> None:
    """Absoluut verzuim: leerplichtig, not enrolled, within this school year."""
    r = ps.r
    for gat_van, gat_tot in gaten:
        van, tot = max(gat_van, begin), min(gat_tot, einde)
        if tot - van < 7:
            continue
        datum = werkdag(van + 5 + int(r() * min(25, tot - van - 5)))
        if datum > tot or not ps.leerplichtig(datum) or ps.vrijgesteld(datum):
            continue
        if gat_van < begin and r() < 0.5:
            continue  # a long-running case: not reported again every year
        werkproces = ""
        if r() < WERKPROCES_KANS["absoluut"]:
            geopend = min(werkdag(datum + int(r() * 10)), ps.p.einde)
            werkproces = open_werkproces(ps, "absoluut_verzuim", geopend, verzuim="absoluut")
        _melding(ps, datum, "absoluut", "", werkproces)
        if gat_tot - datum > 28 and r() < 0.12:
            thuiszitter(ps, datum, min(gat_tot, datum + 400) - datum)
