"""One person's school career: inschrijvingen, startkwalificatie, leaving early, arriving late.

Why a module of its own: the career is drawn before the events and everything else reads it
(meldingen only while enrolled, absoluut verzuim in its gaps, vsv from its `uitval`). Its
dates come from `datums` (school years and leerplicht per `domein`); its draws come from the
block's stream, in a fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .datums import einde_jaar_van, leerplichtdagen, sj_einde, verjaardag_ord
from .verhoudingen import RICHTING

if TYPE_CHECKING:
    from .blok import Blok


@dataclass
class Loopbaan:
    """One person's school career, as ordinals; the events are drawn against it."""

    #: [onderwijssoort, school code, van, tot] ordinals, tot inclusive (ONEINDIG: no end).
    segmenten: list[list] = field(default_factory=list)
    startkwalificatie: int = 0
    #: Left education without startkwalificatie (vsv): dates.
    uitval: list[int] = field(default_factory=list)
    #: Left pro, vso or Entree (jongere in kwetsbare positie): date.
    kwetsbaar: int = 0
    #: First day in the country (newcomers) or 0.
    aankomst: int = 0
    #: From this day on never enrolled again (absoluut verzuim) or 0.
    nooit_meer: int = 0


def maak_loopbaan(blok: Blok, geb: date, g: int) -> Loopbaan:
    """A plausible school career: bao/sbo/so, then vo/pro/vso/isk, then mbo or a diploma."""
    r = blok.r
    lb = Loopbaan()
    seg = lb.segmenten
    geboren = geb.toordinal()

    def einde(n: int) -> int:  # 31 July of the school year in which the person turns n
        return einde_jaar_van(geboren, n)

    def voeg_toe(soort: str, van: int, tot: int, wissel: float = 0.0) -> None:
        """Add an inschrijving; with chance `wissel` the pupil changes school at a boundary."""
        if tot < van:
            return
        if r() < 0.005 and soort in ("vo", "mbo"):
            soort = "onbekend"
        if wissel and r() < wissel and tot - van > 400:
            grens = sj_einde(van + int(r() * (tot - van - 365)))
            if van < grens < tot:
                seg.append([soort, blok.school(g, soort), van, grens])
                van = grens + 1
        seg.append([soort, blok.school(g, soort), van, tot])

    def gat() -> int:
        """Days between two schools: usually none, sometimes weeks (absoluut verzuim)."""
        return 0 if r() > 0.03 else 10 + int(r() * 70)

    nieuwkomer = r() < 0.012
    start = verjaardag_ord(geboren, 4)
    e12 = einde(12)
    secundair_van = e12 + 1
    richting = None
    if nieuwkomer:
        laatste = min(verjaardag_ord(geboren, 17), blok.periode.einde)
        if laatste > start:
            lb.aankomst = start + int(r() * (laatste - start))
            eerste = lb.aankomst + int(r() * 60)
            if eerste <= e12:
                voeg_toe("bao", eerste, e12)
                richting = "vmbo"
            else:
                isk_tot = sj_einde(eerste + 300 + int(r() * 200))
                voeg_toe("isk", eerste, isk_tot)
                secundair_van = isk_tot + 1
                richting = "vmbo" if secundair_van < einde(15) else "mbo"
        else:
            nieuwkomer = False
    if not nieuwkomer:
        keus = r()
        if keus < 0.012:  # speciaal onderwijs, then vso: no startkwalificatie
            voeg_toe("so", start, e12)
            vso_tot = einde(18 if r() < 0.7 else 20)
            voeg_toe("vso", e12 + 1, vso_tot)
            lb.kwetsbaar = vso_tot
            return _afronden(blok, lb, geb)
        if keus < 0.037:  # speciaal basisonderwijs after a few years of bao
            overstap = einde(7 + int(r() * 3))
            voeg_toe("bao", start, overstap)
            voeg_toe("sbo", overstap + 1, e12)
            richting = "pro" if r() < 0.4 else "vmbo"
        else:
            voeg_toe("bao", start, e12, wissel=0.08)
    if richting is None:
        richting = blok.kies(RICHTING)
    van = secundair_van + gat()
    mbo_van = 0
    mbo_niveau = 0
    if richting == "pro":
        tot = einde(17 if r() < 0.5 else 18)
        voeg_toe("pro", van, tot)
        if r() < 0.35:
            mbo_van, mbo_niveau = tot + 1, 1
        else:
            lb.kwetsbaar = tot
    elif richting == "mbo":  # a newcomer too old for vo
        mbo_van, mbo_niveau = secundair_van, 1 + int(r() * 2)
    else:
        leeftijd = {"vmbo": 16, "havo": 17, "vwo": 18}[richting]
        tot = einde(leeftijd + (1 if r() < 0.12 else 0))
        if r() < 0.02:  # drops out of vo; half of them go to mbo after a while
            uit = verjaardag_ord(geboren, 15) + int(r() * 600)
            if van < uit < tot:
                voeg_toe("vo", van, uit)
                lb.uitval.append(uit)
                if r() < 0.5:
                    return _mbo(blok, lb, geb, g, uit + 30 + int(r() * 200), 1 + int(r() * 2))
                return _afronden(blok, lb, geb)
        voeg_toe("vo", van, tot, wissel=0.06)
        if richting == "vmbo":
            if r() < 0.92:
                keus = r()
                mbo_niveau = 2 if keus < 0.3 else 3 if keus < 0.6 else 4
            else:
                mbo_niveau = 1
            mbo_van = tot + 1 + gat()
        elif r() < 0.89:
            lb.startkwalificatie = tot - 5 - int(r() * 30)
        elif r() < 0.5:
            mbo_van, mbo_niveau = tot + 1 + gat(), 4
        else:
            vavo_tot = tot + 365
            voeg_toe("vavo", tot + 1 + gat(), vavo_tot)
            if r() < 0.75:
                lb.startkwalificatie = vavo_tot - 5 - int(r() * 30)
            else:
                lb.uitval.append(vavo_tot)
    if mbo_van:
        return _mbo(blok, lb, geb, g, mbo_van, mbo_niveau)
    return _afronden(blok, lb, geb)


def _mbo(blok: Blok, lb: Loopbaan, geb: date, g: int, van: int, niveau: int) -> Loopbaan:
    """Mbo: a diploma of level 2 or higher is a startkwalificatie; some leave early."""
    r = blok.r
    for poging in range(2):
        duur = {1: 1, 2: 2, 3: 3, 4: 3 if r() < 0.6 else 4}[niveau]
        tot = sj_einde(van + 365 * duur - 200)
        uitvalkans = {1: 0.3, 2: 0.25, 3: 0.18, 4: 0.15}[niveau] * (1.5 if poging else 1)
        if r() < uitvalkans:
            uit = van + 30 + int(r() * max(tot - van - 30, 1))
            lb.segmenten.append(["mbo", blok.school(g, "mbo"), van, uit])
            if r() < 0.38 and poging == 0:  # starts again, after a while
                lb.uitval.append(uit)
                van = uit + 60 + int(r() * 300)
                niveau = max(niveau - 1, 1) if r() < 0.5 else niveau
                continue
            lb.uitval.append(uit)
            return _afronden(blok, lb, geb)
        lb.segmenten.append(["mbo", blok.school(g, "mbo"), van, tot])
        if niveau >= 2:
            lb.startkwalificatie = tot - 5 - int(r() * 35)
        elif r() < 0.6:  # Entree, then level 2
            van, niveau = tot + 1, 2
            continue
        else:
            lb.kwetsbaar = tot
        return _afronden(blok, lb, geb)
    return _afronden(blok, lb, geb)


def _afronden(blok: Blok, lb: Loopbaan, geb: date) -> Loopbaan:
    """A few leerplichtigen stop going to any school for good (absoluut verzuim)."""
    if blok.r() < 0.0025 and lb.segmenten:
        begin, _, eind = leerplichtdagen(geb.toordinal())
        stop = begin + int(blok.r() * (eind - begin))
        gehouden = []
        for s in lb.segmenten:
            if s[2] >= stop:
                break
            if s[3] >= stop:
                s = [s[0], s[1], s[2], stop - 1]
            gehouden.append(s)
        lb.segmenten = gehouden
        lb.nooit_meer = stop
        lb.startkwalificatie = 0
        lb.uitval = [u for u in lb.uitval if u < stop]
        lb.kwetsbaar = 0
    return lb
