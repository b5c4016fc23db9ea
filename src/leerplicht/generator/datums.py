"""Days as ordinals: the time frame of a run and the dates derived from a birth date.

Why a module of its own: the generator counts in `date.toordinal()` integers (millions of
persons, cheap comparisons), while the rules for school years, birthdays and leerplicht live
in `domein` and work on `date`. This module is the one bridge: every school-year and
leerplicht date here comes from `domein.schooljaar`, `domein.leeftijd` and
`domein.leerplicht`, converted once per birth date or day (cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from leerplicht.domein.leeftijd import verjaardag
from leerplicht.domein.leerplicht import (
    begin_volledige_leerplicht,
    einde_kwalificatieplicht,
    einde_volledige_leerplicht,
)
from leerplicht.domein.schooljaar import Schooljaar

#: Vsv rows go back this many school years (the Doorstroompunt follows old vsv'ers).
VSV_JAREN = 5
#: Oldest age generated (persons are 0 to 27 on the last day of the last school year).
MAX_LEEFTIJD = 27
#: An ordinal after every real date: "still enrolled".
ONEINDIG = 10**7


class Iso(dict):
    """Ordinal -> 'YYYY-MM-DD', computed once per day."""

    def __missing__(self, ordinaal: int) -> str:
        tekst = date.fromordinal(ordinaal).isoformat()
        self[ordinaal] = tekst
        return tekst


@cache
def sj_einde(ordinaal: int) -> int:
    """31 July of the school year the day falls in."""
    return Schooljaar.van_datum(date.fromordinal(ordinaal)).einde.toordinal()


# A region has some ten thousand distinct birth dates for millions of persons: the dates
# derived from a birth date are computed once each (with the domain's own rules).


@cache
def verjaardag_ord(geboren: int, leeftijd: int) -> int:
    return verjaardag(date.fromordinal(geboren), leeftijd).toordinal()


@cache
def einde_jaar_van(geboren: int, leeftijd: int) -> int:
    """31 July of the school year in which the person turns `leeftijd`."""
    return sj_einde(verjaardag_ord(geboren, leeftijd))


@cache
def leerplichtdagen(geboren: int) -> tuple[int, int, int]:
    """(begin volledige leerplicht, einde volledige leerplicht, einde kwalificatieplicht)."""
    geb = date.fromordinal(geboren)
    return (
        begin_volledige_leerplicht(geb).toordinal(),
        einde_volledige_leerplicht(geb).toordinal(),
        einde_kwalificatieplicht(geb).toordinal(),
    )


def werkdag(ordinaal: int) -> int:
    """The day itself, or the Monday after a weekend (schools and teams work on weekdays)."""
    dag = (ordinaal - 1) % 7  # 0 = Monday
    return ordinaal + (7 - dag) if dag >= 5 else ordinaal


@dataclass(frozen=True)
class Periode:
    """The time frame of a run, as ordinals."""

    jaren: tuple[tuple[int, int], ...]  # (begin, einde) of each requested school year
    begin: int  # first day of the first requested school year
    einde: int  # last day of the last one: "today" for the data
    historie: int  # inschrijvingen ending before this day are not written
    vsv_begin: int


def periode_van(schooljaar: Schooljaar, jaren: int) -> Periode:
    """`jaren` school years up to and including `schooljaar`; history back to the vsv years."""
    eerste = schooljaar.vorige(jaren - 1)
    vsv_eerste = schooljaar.vorige(max(jaren, VSV_JAREN) - 1)
    jaarlijst = tuple(
        (Schooljaar(j).begin.toordinal(), Schooljaar(j).einde.toordinal())
        for j in range(eerste.beginjaar, schooljaar.beginjaar + 1)
    )
    return Periode(
        jaren=jaarlijst,
        begin=eerste.begin.toordinal(),
        einde=schooljaar.einde.toordinal(),
        historie=vsv_eerste.begin.toordinal(),
        vsv_begin=vsv_eerste.begin.toordinal(),
    )
