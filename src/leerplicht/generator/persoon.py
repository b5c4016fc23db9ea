"""One person while their events are drawn: who, where, and the facts every event asks.

Why a module of its own: the event modules (`meldingen`, `werkprocessen`, `vrijstellingen`,
`thuiszitters`, `vsv`) are functions of a `Persoon`; this is what they share. Whether a
person is leerplichtig or in the Doorstroompunt's doelgroep on a day is asked of `domein`
(`leerplichtstatus`, `in_doelgroep_doorstroompunt`), not worked out here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from leerplicht.domein.doorstroompunt_doelgroep import in_doelgroep_doorstroompunt
from leerplicht.domein.leerplicht import is_leer_of_kwalificatieplichtig, leerplichtstatus

from .datums import leerplichtdagen, verjaardag_ord

if TYPE_CHECKING:
    from .blok import Blok
    from .loopbaan import Loopbaan


class Persoon:
    """The events of one person over the requested school years: the state they share."""

    def __init__(self, blok: Blok, nummer: int, pid: str, geb: date, g: int, lb: Loopbaan):
        self.blok = blok
        self.r = blok.r
        self.iso = blok.iso
        self.p = blok.periode
        self.nummer = nummer
        self.pid = pid
        self.geb = geb
        self.geboren = geb.toordinal()
        self.g = g
        self.lb = lb
        self.teller = {"W": 0, "M": 0, "I": 0, "V": 0, "T": 0, "S": 0}
        regio = blok.regio
        self.woon = regio.gemeenten[g].code
        # Some moved into their gemeente during the period: earlier events belong to the old one.
        if self.r() < 0.03:
            buren = regio.buren[g]
            self.vorige = regio.gemeenten[buren[int(self.r() * len(buren))]].code
            self.verhuisd = self.p.begin + int(self.r() * (self.p.einde - self.p.begin))
        else:
            self.vorige, self.verhuisd = self.woon, 0
        self.lp_begin, self.lp_volledig, self.lp_einde = leerplichtdagen(self.geboren)
        self.twaalf = verjaardag_ord(self.geboren, 12)
        self.zestien = verjaardag_ord(self.geboren, 16)
        self.achttien = verjaardag_ord(self.geboren, 18)
        self.risico = 3.6 if self.r() < 0.12 else 0.65
        #: (van, tot) of the granted vrijstellingen that interrupt the inschrijving.
        self.vrijgestelde_perioden: list[tuple[int, int]] = []

    def nieuw_id(self, voorvoegsel: str) -> str:
        """The next id of a kind of event, derived from the person's number."""
        self.teller[voorvoegsel] += 1
        breedte = self.blok.breedte
        return f"{voorvoegsel}{self.nummer + 1:0{breedte}d}{self.teller[voorvoegsel]:02d}"

    def gemeente(self, datum: int) -> str:
        return self.vorige if datum < self.verhuisd else self.woon

    def inschrijving(self, datum: int) -> tuple[str, str]:
        """(onderwijssoort, school) on a day; ("geen", "") when not enrolled."""
        for soort, school, van, tot in self.lb.segmenten:
            if van <= datum <= tot:
                return soort, school
        return "geen", ""

    def soort_kolom(self, datum: int) -> str:
        """Usually empty (derived from the inschrijving); filled on some rows."""
        return self.inschrijving(datum)[0] if self.r() < 0.08 else ""

    def _startkwalificatie(self) -> date | None:
        sk = self.lb.startkwalificatie
        return date.fromordinal(sk) if sk else None

    def leerplichtig(self, datum: int) -> bool:
        """Volledig leerplichtig or kwalificatieplichtig on the day (`domein.leerplicht`)."""
        if not self.lp_begin <= datum <= self.lp_einde:  # the cheap test first
            return False
        status = leerplichtstatus(
            self.geb, date.fromordinal(datum), startkwalificatie=self._startkwalificatie()
        )
        return is_leer_of_kwalificatieplichtig(status)

    def doelgroep_18(self, datum: int) -> bool:
        """18 up to the Doorstroompunt age limit in force that day, no startkwalificatie."""
        if datum < self.achttien:  # the cheap test first
            return False
        return in_doelgroep_doorstroompunt(
            self.geb, date.fromordinal(datum), startkwalificatie=self._startkwalificatie()
        )

    def vrijgesteld(self, datum: int) -> bool:
        return any(van <= datum <= tot for van, tot in self.vrijgestelde_perioden)
