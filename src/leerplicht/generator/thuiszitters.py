"""Thuiszitters: a period at home of four weeks or more, after long verzuim or in a gap.

Why a module of its own: both kinds of melding lead to it (`meldingen`), and it has its own
end rules (the kwalificatieplicht ends at 18; a period still running has no end date).
"""

from __future__ import annotations

from .datums import werkdag
from .persoon import Persoon
from .verhoudingen import THUISZITTER_EINDE


def thuiszitter(ps: Persoon, van: int, duur: int) -> None:
    """A period at home of 4 weeks or more; some run into the next school year."""
    p = ps.p
    van = werkdag(max(van, p.begin))
    if van > p.einde or not ps.leerplichtig(van) or ps.vrijgesteld(van):
        return
    tot = van + max(duur, 28)
    reden = ""
    if ps.lp_einde < tot:
        tot, reden = max(ps.lp_einde, van), "achttien"
    if tot > p.einde:
        tot, reden = 0, ""
    elif not reden:
        reden = ps.blok.kies(THUISZITTER_EINDE)
    ps.blok.rij(
        "thuiszitters.csv",
        [
            ps.nieuw_id("T"),
            ps.pid,
            ps.gemeente(van),
            ps.iso[van],
            ps.iso[tot] if tot else "",
            reden,
            ps.soort_kolom(van),
        ],
    )
