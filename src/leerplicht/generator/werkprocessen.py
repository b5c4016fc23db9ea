"""Werkprocessen and their interventies: opened by a melding, a request, or on their own.

Why a module of its own: every other kind of event can open a werkproces; this is the one
place that picks its length, resultaat, behandelaar and interventies. The kinds of
werkproces and which are the Doorstroompunt's come from `domein.codes`.
"""

from __future__ import annotations

from leerplicht.domein.codes import DOORSTROOMPUNT_WERKPROCESSEN, WERKPROCES_TYPEN

from .datums import werkdag
from .persoon import Persoon
from .verhoudingen import INTERVENTIES, RESULTATEN

#: The leerplicht kinds of werkproces: every kind that is not the Doorstroompunt's.
_LEERPLICHT_TYPEN = frozenset(WERKPROCES_TYPEN) - DOORSTROOMPUNT_WERKPROCESSEN


def los_werkproces(ps: Persoon, type_: str, begin: int, einde: int) -> None:
    """A werkproces that does not start from a melding, somewhere in the school year."""
    datum = werkdag(begin + 15 + int(ps.r() * 340))
    if datum <= min(einde, ps.p.einde):
        open_werkproces(ps, type_, datum)


def open_werkproces(
    ps: Persoon,
    type_: str,
    geopend: int,
    *,
    verzuim: str = "relatief",
    gesloten: int | None = None,
    resultaat: str = "",
) -> str:
    """Write a werkproces and its interventies; return its id.

    `verzuim` is the kind of verzuim a proces-verbaal in it is for; `gesloten` fixes
    the closing day (0: still open), otherwise the case takes a plausible time.
    """
    r = ps.r
    p = ps.p
    wid = ps.nieuw_id("W")
    if gesloten is None:
        gesloten = geopend + int(ps.blok.rng.lognormvariate(4.2, 0.8))  # median ~65 days
        if gesloten > p.einde or r() < 0.02:
            gesloten = 0
    if gesloten and type_ in _LEERPLICHT_TYPEN and geopend < ps.achttien <= gesloten:
        gesloten = ps.achttien
        resultaat = "achttien" if r() < 0.6 else "overdracht_dsp"
    if gesloten and not resultaat:
        resultaat = ps.blok.kies(RESULTATEN[type_])
    if not gesloten:
        resultaat = ""
    if type_ in DOORSTROOMPUNT_WERKPROCESSEN:
        lijst = ps.blok.regio.dsp[ps.blok.regio.gemeenten[ps.g].regio]
    else:
        lijst = ps.blok.regio.lpa[ps.g]
    behandelaar = "" if r() < 0.05 else lijst[int(r() * len(lijst))]
    ps.blok.rij(
        "werkprocessen.csv",
        [
            wid,
            ps.pid,
            ps.gemeente(geopend),
            type_,
            ps.iso[geopend],
            ps.iso[gesloten] if gesloten else "",
            resultaat,
            ps.soort_kolom(geopend),
            behandelaar,
        ],
    )
    _interventies(ps, wid, type_, geopend, gesloten or p.einde, verzuim)
    return wid


def _interventies(ps: Persoon, wid: str, type_: str, geopend: int, eind: int, verzuim: str) -> None:
    r = ps.r
    iso = ps.iso
    duur = eind - geopend
    rijen: list[tuple[int, list[str]]] = []
    for soort, kans, fase in INTERVENTIES.get(type_, ()):
        if soort == "svb":
            kans = 0.05 if ps.zestien <= geopend < ps.achttien else 0.0
        if r() >= kans:
            continue
        datum = min(geopend + int(duur * min(fase + r() * 0.2, 1.0)), eind)
        if werkdag(datum) <= eind:
            datum = werkdag(datum)
        if soort == "halt":
            if datum < ps.twaalf:
                continue
            klaar = datum + 60 + int(r() * 60) <= ps.p.einde
            x = r()
            uitkomst = ("positief" if x < 0.72 else "negatief") if klaar or x < 0.15 else ""
            rijen.append((datum, ["halt", "", "", uitkomst]))
            if uitkomst == "negatief" and r() < 0.5:
                pv = min(datum + 30 + int(r() * 60), eind)
                rijen.append((pv, ["proces_verbaal", "jongere", verzuim, ""]))
        elif soort == "proces_verbaal":
            x = r()
            if datum < ps.twaalf or x < 0.55:
                tegen = ("ouders",)
            elif x < 0.85:
                tegen = ("jongere",)
            else:
                tegen = ("ouders", "jongere")
            for t in tegen:
                rijen.append((datum, ["proces_verbaal", t, verzuim, ""]))
        else:
            rijen.append((datum, [soort, "", "", ""]))
    rijen.sort(key=lambda x: x[0])
    for datum, (soort, tegen, pv_verzuim, uitkomst) in rijen:
        ps.blok.rij(
            "interventies.csv",
            # The verzuim period of a PV (verzuim_van, verzuim_tot) is not invented.
            [ps.nieuw_id("I"), wid, iso[datum], soort, tegen, pv_verzuim, uitkomst, "", ""],
        )
