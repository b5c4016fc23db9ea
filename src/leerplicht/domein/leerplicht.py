"""Leerplichtstatus: wie is volledig leerplichtig of kwalificatieplichtig (Leerplichtwet 1969).

- Volledig leerplichtig (art. 3): from the first day of the month after the
  month of the 5th birthday (the law says the first school day of that month;
  figures use the first day), until the end of the school year in which the
  child turns 16, or earlier after 12 full school years of education (art. 3 lid 1
  onder a).
- Kwalificatieplichtig (art. 4a): after that, until the 18th birthday or until
  a startkwalificatie is obtained; it does not apply after a praktijkonderwijs
  certificate or diploma or a vso uitstroomprofiel arbeidsmarkt or dagbesteding
  (art. 4a lid 2).

Both exceptions are facts the register holds per person (`domein.leerplichtfeiten`);
every caller passes them, so a signal or a page never judges by age alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from .leeftijd import eerste_van_volgende_maand, verjaardag
from .schooljaar import Schooljaar

LEEFTIJD_BEGIN_LEERPLICHT = 5
LEEFTIJD_EINDE_VOLLEDIGE_LEERPLICHT = 16
LEEFTIJD_EINDE_KWALIFICATIEPLICHT = 18


class Leerplichtstatus(StrEnum):
    NOG_NIET_LEERPLICHTIG = "nog_niet_leerplichtig"
    VOLLEDIG_LEERPLICHTIG = "volledig_leerplichtig"
    KWALIFICATIEPLICHTIG = "kwalificatieplichtig"
    STARTKWALIFICATIE = "startkwalificatie"
    NIET_MEER_LEERPLICHTIG = "niet_meer_leerplichtig"

    @property
    def label(self) -> str:
        return {
            "nog_niet_leerplichtig": "nog niet leerplichtig",
            "volledig_leerplichtig": "volledig leerplichtig",
            "kwalificatieplichtig": "kwalificatieplichtig",
            "startkwalificatie": "startkwalificatie behaald",
            "niet_meer_leerplichtig": "niet meer leerplichtig",
        }[self.value]


def begin_volledige_leerplicht(geboortedatum: date) -> date:
    """First day of the month after the month of the 5th birthday (art. 3 lid 1)."""
    return eerste_van_volgende_maand(verjaardag(geboortedatum, LEEFTIJD_BEGIN_LEERPLICHT))


def einde_volledige_leerplicht(geboortedatum: date) -> date:
    """31 July of the school year in which the child turns 16 (art. 4 lid 1)."""
    zestien = verjaardag(geboortedatum, LEEFTIJD_EINDE_VOLLEDIGE_LEERPLICHT)
    return Schooljaar.van_datum(zestien).einde


def einde_kwalificatieplicht(geboortedatum: date) -> date:
    """Last day of kwalificatieplicht by age: the day before the 18th birthday (art. 4a)."""
    return verjaardag(geboortedatum, LEEFTIJD_EINDE_KWALIFICATIEPLICHT) - timedelta(days=1)


def leerplichtstatus(
    geboortedatum: date,
    peildatum: date,
    *,
    startkwalificatie: date | None = None,
    twaalf_schooljaren_voltooid: date | None = None,
    kwalificatieplicht_vervallen: date | None = None,
) -> Leerplichtstatus:
    """The leerplicht status of a person on `peildatum`.

    `twaalf_schooljaren_voltooid` is the last day of the twelfth full school
    year of education (art. 3 lid 1 onder a, ends full leerplicht early);
    `kwalificatieplicht_vervallen` the date of a praktijkonderwijs certificate or
    diploma or a vso uitstroomprofiel arbeidsmarkt/dagbesteding (art. 4a lid 2).
    """
    if peildatum < begin_volledige_leerplicht(geboortedatum):
        return Leerplichtstatus.NOG_NIET_LEERPLICHTIG
    einde_volledig = einde_volledige_leerplicht(geboortedatum)
    if twaalf_schooljaren_voltooid is not None:
        einde_volledig = min(einde_volledig, twaalf_schooljaren_voltooid)
    if peildatum <= einde_volledig:
        return Leerplichtstatus.VOLLEDIG_LEERPLICHTIG
    if peildatum > einde_kwalificatieplicht(geboortedatum):
        return Leerplichtstatus.NIET_MEER_LEERPLICHTIG
    if startkwalificatie is not None and startkwalificatie <= peildatum:
        return Leerplichtstatus.STARTKWALIFICATIE
    if kwalificatieplicht_vervallen is not None and kwalificatieplicht_vervallen <= peildatum:
        return Leerplichtstatus.NIET_MEER_LEERPLICHTIG
    return Leerplichtstatus.KWALIFICATIEPLICHTIG


class MetLeerplichtfeiten(Protocol):
    """Anything that carries a birth date and the register's facts (a Persoon, or a rule's
    input dataclass with the same names)."""

    geboortedatum: date
    startkwalificatie: date | None
    twaalf_schooljaren_voltooid: date | None
    kwalificatieplicht_vervallen: date | None


def leerplichtstatus_van(wie: MetLeerplichtfeiten, peildatum: date) -> Leerplichtstatus:
    """`leerplichtstatus` with every fact `wie` carries, so no caller forgets one."""
    return leerplichtstatus(
        wie.geboortedatum,
        peildatum,
        startkwalificatie=wie.startkwalificatie,
        twaalf_schooljaren_voltooid=wie.twaalf_schooljaren_voltooid,
        kwalificatieplicht_vervallen=wie.kwalificatieplicht_vervallen,
    )


def is_leer_of_kwalificatieplichtig(status: Leerplichtstatus) -> bool:
    return status in (Leerplichtstatus.VOLLEDIG_LEERPLICHTIG, Leerplichtstatus.KWALIFICATIEPLICHTIG)


# --- Birth-date intervals, for counting a population in the database ---------------
#
# The figures count persons by age alone. Each status is an interval of birth
# dates on a given peildatum; the figures engine filters on these intervals,
# and tests check that the intervals agree with `leerplichtstatus` for every
# birth date (see tests/domein/test_leerplicht.py).

_ZOEKBEREIK_JAREN = 40


def _eerste_waarvoor(voorwaarde: Callable[[date], bool], laag: date, hoog: date) -> date:
    """Smallest date in [laag, hoog] where a monotone (False...True) condition holds."""
    while laag < hoog:
        midden = laag + (hoog - laag) // 2
        if voorwaarde(midden):
            hoog = midden
        else:
            laag = midden + timedelta(days=1)
    return laag


def geboortedata_volledig_leerplichtig(peildatum: date) -> tuple[date, date]:
    """(earliest, latest) birth date of those volledig leerplichtig on `peildatum`."""
    laag = date(peildatum.year - _ZOEKBEREIK_JAREN, 1, 1)
    hoog = peildatum
    vroegste = _eerste_waarvoor(lambda g: einde_volledige_leerplicht(g) >= peildatum, laag, hoog)
    na_laatste = _eerste_waarvoor(lambda g: begin_volledige_leerplicht(g) > peildatum, laag, hoog)
    return vroegste, na_laatste - timedelta(days=1)


def geboortedata_kwalificatieplichtig(peildatum: date) -> tuple[date, date]:
    """(earliest, latest) birth date of those kwalificatieplichtig by age on `peildatum`.

    A startkwalificatie obtained on or before the peildatum is filtered separately.
    """
    laag = date(peildatum.year - _ZOEKBEREIK_JAREN, 1, 1)
    hoog = peildatum
    vroegste = _eerste_waarvoor(lambda g: einde_kwalificatieplicht(g) >= peildatum, laag, hoog)
    na_laatste = _eerste_waarvoor(lambda g: einde_volledige_leerplicht(g) >= peildatum, laag, hoog)
    return vroegste, na_laatste - timedelta(days=1)
