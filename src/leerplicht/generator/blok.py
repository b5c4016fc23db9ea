"""One block of persons: its own random stream, its part files, and per person the personen row.

Why a module of its own: the block is the unit of determinism and of parallel work (see the
package docstring). It owns what every generated row shares: the random stream (`r`, `rng`),
drawing by weight (`kies`), picking a school (`school`), the ISO texts of days and the
writers (`rij`). The school career (`loopbaan`) and the events (`gebeurtenissen`) of each
person draw from it in a fixed order.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from datetime import date

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.bsn import test_bsn

from .datums import MAX_LEEFTIJD, Iso, Periode
from .gebeurtenissen import maak_gebeurtenissen
from .loopbaan import Loopbaan, maak_loopbaan
from .persoon import Persoon
from .regio import Regio
from .verhoudingen import Gewogen

#: Empty cells for the personen columns after startkwalificatie (facts the generator
#: does not invent).
_GEEN_FEITEN = ("",) * (len(formaat.PERSONEN.kolommen) - 5)


class Blok:
    """Generates the rows of one block of persons into part files."""

    def __init__(
        self,
        regio: Regio,
        periode: Periode,
        seed: int,
        blok: int,
        breedte: int,
        personen: int,
        schrijvers: dict[str, Callable[[list[str]], object]],
    ):
        self.regio = regio
        self.periode = periode
        self.rng = random.Random(f"leerplicht-genereer:{seed}:blok:{blok}")
        self.r = self.rng.random
        self.blok = blok
        self.breedte = breedte
        self.personen = personen
        self.seed = seed
        self.iso = Iso()
        self.schrijf = schrijvers
        self.aantallen = dict.fromkeys(schrijvers, 0)
        self.bsn_stap = max(1, 10_000_000 // max(personen, 1))

    # helpers

    def kies(self, gewogen: Gewogen) -> str:
        codes, grenzen = gewogen
        return codes[bisect.bisect_left(grenzen, self.r())]

    def school(self, g: int, soort: str) -> str:
        if soort in ("vo", "mbo", "pro") and self.r() < 0.15:
            lijst = self.regio.keuze_regio[(self.regio.gemeenten[g].regio, soort)]
        else:
            lijst = self.regio.keuze[(g, soort)]
        return lijst[int(self.r() * len(lijst))]

    def rij(self, bestand: str, rij: list[str]) -> None:
        self.schrijf[bestand](rij)
        self.aantallen[bestand] += 1

    def _bsn(self, nummer: int) -> str:
        """A unique test BSN: person `nummer` owns volgnummers [nummer*stap, (nummer+1)*stap)."""
        # A fixed odd multiplier not divisible by 5 permutes 0..10^7-1, so numbers look random.
        for j in range(self.bsn_stap):
            volgnummer = nummer * self.bsn_stap + j
            if volgnummer >= 10_000_000:
                return ""
            bsn = test_bsn((volgnummer * 7_368_787 + self.seed * 7919) % 10_000_000)
            if bsn is not None:
                return bsn
        return ""

    # the block

    def genereer(self, van: int, tot: int) -> dict[str, int]:
        for nummer in range(van, tot):
            self._persoon(nummer)
        return self.aantallen

    def _persoon(self, nummer: int) -> None:
        r = self.r
        p = self.periode
        regio = self.regio
        g = bisect.bisect_left(regio.cumulatief, r())
        g = min(g, len(regio.gemeenten) - 1)
        geboren = p.einde - int(r() * (MAX_LEEFTIJD + 1) * 365.2425)
        geb = date.fromordinal(geboren)
        pid = f"P{nummer + 1:0{self.breedte}d}"
        bsn = "" if r() < 0.02 else self._bsn(nummer)
        loopbaan = maak_loopbaan(self, geb, g) if geboren < p.einde - 4 * 365 else Loopbaan()
        sk = loopbaan.startkwalificatie if loopbaan.startkwalificatie <= p.einde else 0
        loopbaan.startkwalificatie = sk
        iso = self.iso
        self.rij(
            "personen.csv",
            # The optional facts (twaalf schooljaren, kwalificatieplicht vervallen) stay empty.
            [pid, bsn, iso[geboren], regio.gemeenten[g].code, iso[sk] if sk else "", *_GEEN_FEITEN],
        )
        if (p.einde - geboren) / 365.2425 >= 4.9:
            maak_gebeurtenissen(Persoon(self, nummer, pid, geb, g, loopbaan))
        # Written after the events: a vrijstelling can interrupt an inschrijving.
        for _, school, van, tot in loopbaan.segmenten:
            if van > p.einde or tot < p.historie:
                continue
            self.rij(
                "inschrijvingen.csv", [pid, school, iso[van], iso[tot] if tot <= p.einde else ""]
            )
