"""Vrijstellingen: requests, decisions, and what a granted one does to the inschrijving.

Why a module of its own: a vrijstelling is drawn first in a school year, because a child
exempted from enrolment (5a, 5b, 5c, 15) has no inschrijving while it is valid, and so no
relatief verzuim; `_uitschrijven` cuts the school career for that period.
"""

from __future__ import annotations

from .datums import ONEINDIG, sj_einde, werkdag
from .persoon import Persoon
from .verhoudingen import BESLUIT, VRIJSTELLINGEN, ZONDER_INSCHRIJVING
from .werkprocessen import open_werkproces


def vraag_vrijstelling(
    ps: Persoon, begin: int, einde: int, leeftijd: int, vernieuw_5a: bool
) -> bool:
    """At most one request a year; a granted 5a is often renewed the next year."""
    r = ps.r
    x = r()
    grond = ""
    if vernieuw_5a and x < 0.55:
        grond = "5a"
    else:
        som = 0.0
        for code, jong, oud, kans in VRIJSTELLINGEN:
            if jong <= leeftijd <= oud:
                som += kans * (1.4 if ps.risico > 1 else 0.95)
                if x < som:
                    grond = code
                    break
    if not grond:
        return False
    p = ps.p
    if grond == "5a" and vernieuw_5a:
        aangevraagd = werkdag(einde - 90 - int(r() * 60))  # before 1 July (art. 6)
    else:
        aangevraagd = werkdag(begin + int(r() * 330))
    aangevraagd = min(aangevraagd, p.einde)
    termijn = 28 if grond in ("3a", "3b") else 56
    besluitdatum = werkdag(aangevraagd + 3 + int(r() * termijn))
    besluit = ps.blok.kies(BESLUIT)
    if besluitdatum > p.einde:
        besluit = "open"
    if besluit == "open":
        besluitdatum = 0
    # Valid from the decision, or from the next school year when asked for it in spring.
    vanaf = besluitdatum or aangevraagd
    geldig_van = sj_einde(vanaf) + 1 if vanaf > sj_einde(vanaf) - 75 else vanaf
    geldig_tot = 0
    if besluit in ("toegekend", "ingetrokken"):
        if grond == "15":
            geldig_tot = max(ps.achttien - 1, geldig_van)
        elif grond == "5a" and r() < 0.1:
            geldig_tot = 0  # attendance will never be possible
        else:
            geldig_tot = sj_einde(geldig_van)
        if besluit == "ingetrokken":
            geldig_tot = max(geldig_van, min(geldig_tot or ONEINDIG, besluitdatum + 30))
    onderwijssoort = ps.soort_kolom(besluitdatum or aangevraagd)
    if besluit == "toegekend" and grond in ZONDER_INSCHRIJVING:
        _uitschrijven(ps, geldig_van, geldig_tot or ONEINDIG)
    ps.blok.rij(
        "vrijstellingen.csv",
        [
            ps.nieuw_id("V"),
            ps.pid,
            ps.gemeente(aangevraagd),
            grond,
            ps.iso[aangevraagd],
            besluit,
            ps.iso[besluitdatum] if besluitdatum else "",
            ps.iso[geldig_van],
            ps.iso[geldig_tot] if geldig_tot else "",
            onderwijssoort,
            "",  # ingetrokken_per: the generator withdraws nothing with a date
        ],
    )
    if r() < 0.35:
        open_werkproces(
            ps,
            "vervangende_leerplicht" if grond in ("3a", "3b") else "vrijstelling",
            aangevraagd,
            gesloten=besluitdatum,
            resultaat=("vrijstelling" if besluit == "toegekend" else "school")
            if besluitdatum
            else "",
        )
    return grond == "5a" and besluit == "toegekend" and geldig_tot > 0


def _uitschrijven(ps: Persoon, van: int, tot: int) -> None:
    """No inschrijving from `van` through `tot` (a vrijstelling); school resumes after it."""
    ps.vrijgestelde_perioden.append((van, tot))
    gehouden = []
    for s in ps.lb.segmenten:
        if s[3] < van or s[2] > tot:
            gehouden.append(s)
            continue
        if s[2] < van:
            gehouden.append([s[0], s[1], s[2], van - 1])
        if s[3] > tot:
            gehouden.append([s[0], s[1], tot + 1, s[3]])
    ps.lb.segmenten = gehouden
