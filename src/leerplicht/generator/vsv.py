"""Vsv and jongeren in kwetsbare positie: the Doorstroompunt's events after leaving school.

Why a module of its own: these are not drawn per school year but once per person, from the
school career (`Loopbaan.uitval`, `Loopbaan.kwetsbaar`). The end of the doelgroep is the
dated age limit of `domein.doorstroompunt_doelgroep`.
"""

from __future__ import annotations

from datetime import date

from leerplicht.domein.doorstroompunt_doelgroep import einde_doelgroep

from .datums import verjaardag_ord, werkdag
from .persoon import Persoon
from .verhoudingen import VSV_MONITORING
from .werkprocessen import open_werkproces


def voortijdig_verlaten(ps: Persoon) -> None:
    """Left education without startkwalificatie at 16 up to 23, in the last school years."""
    r = ps.r
    p = ps.p
    lb = ps.lb
    zestien = ps.zestien
    drieentwintig = verjaardag_ord(ps.geboren, 23)
    for uit in lb.uitval:
        if not p.vsv_begin <= uit <= p.einde or not zestien <= uit < drieentwintig:
            continue
        if lb.startkwalificatie and lb.startkwalificatie <= uit:
            continue
        terug = next((s[2] for s in lb.segmenten if s[2] > uit), 0)
        monitoring = afgerond = 0
        resultaat = ""
        grens = einde_doelgroep(ps.geb, date.fromordinal(drieentwintig)).toordinal()
        if terug and terug <= p.einde:
            afgerond, resultaat = terug + int(r() * 30), "school"
        elif lb.startkwalificatie:
            afgerond, resultaat = lb.startkwalificatie, "startkwalificatie"
        elif grens <= p.einde:
            afgerond, resultaat = grens, "geen_doelgroep"
        elif r() < 0.18:
            afgerond = uit + 60 + int(r() * 700)
            resultaat = "geen_doelgroep" if r() < 0.4 else "overig"
        if afgerond > p.einde:
            afgerond, resultaat = 0, ""
        if r() < 0.6:
            monitoring = uit + 20 + int(r() * 180)
            if afgerond and monitoring > afgerond:
                monitoring = 0 if r() < 0.5 else uit + (afgerond - uit) // 2
            if monitoring > p.einde:
                monitoring = 0
        if monitoring and not afgerond:
            resultaat = ps.blok.kies(VSV_MONITORING)
        ps.blok.rij(
            "vsv.csv",
            [
                ps.nieuw_id("S"),
                ps.pid,
                ps.gemeente(uit),
                ps.iso[uit],
                ps.iso[monitoring] if monitoring else "",
                ps.iso[afgerond] if afgerond else "",
                resultaat,
                ps.soort_kolom(uit) if r() < 0.5 else "",
            ],
        )
        geopend = werkdag(uit + 7 + int(r() * 30))
        if r() < 0.1 and p.begin <= geopend <= p.einde:
            open_werkproces(ps, "vsv", geopend)


def kwetsbare_positie(ps: Persoon) -> None:
    """Leaving pro, vso or Entree: some are followed as jongere in kwetsbare positie."""
    if not ps.lb.kwetsbaar or ps.r() >= 0.3:
        return
    datum = werkdag(ps.lb.kwetsbaar - 60 + int(ps.r() * 120))
    if ps.p.begin <= datum <= ps.p.einde:
        open_werkproces(ps, "jikp", datum)
