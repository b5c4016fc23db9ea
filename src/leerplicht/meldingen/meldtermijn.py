"""Late meldingen: the school's term for wettelijk verzuim (`domein.meldtermijn`) on one
melding (the melding page) and per school (the list for administratie and teammanager).

The rule is the domain's; this module only fetches. Which meldingen a user sees is
`toegang.beleid.zichtbaar`, so the list never counts more than the queue shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from leerplicht.domein import meldtermijn as regel
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.toegang.beleid import Gebruiker, zichtbaar

from .models import Melding


@dataclass(frozen=True)
class Termijn:
    """The term of one melding: when the 16 hours were reached, the last day to report."""

    zestien_uur_bereikt: date
    laatste_dag: date
    gemeld_op: date

    @property
    def te_laat(self) -> bool:
        return regel.te_laat_gemeld(self.zestien_uur_bereikt, self.gemeld_op)

    @property
    def werkdagen_te_laat(self) -> int:
        return regel.werkdagen_na(self.laatste_dag, self.gemeld_op)


def termijn_van(soort: str, verzuim_tot: date | None, datum: date) -> Termijn | None:
    """The term of a melding of this soort (None: no term, or the 16 hours unknown)."""
    bereikt = regel.zestien_uur_bereikt(soort, verzuim_tot)
    if bereikt is None:
        return None
    return Termijn(bereikt, regel.meldtermijn_einde(bereikt), datum)


def termijn(melding: Melding) -> Termijn | None:
    return termijn_van(melding.soort, melding.verzuim_tot, melding.datum)


@dataclass(frozen=True)
class LateMelding:
    meldingsnummer: str
    datum: date
    termijn: Termijn


@dataclass
class School:
    """One school's meldingen with a term in the period, and the late ones."""

    code: str
    naam: str
    gemeld: int = 0
    te_laat: list[LateMelding] = field(default_factory=list)


GEEN_SCHOOL = "(geen school bekend)"


def met_termijn(gebruiker: Gebruiker, schooljaar: Schooljaar) -> QuerySet[Melding]:
    """The visible meldingen of the school year (by melding date) that have a term."""
    return zichtbaar(gebruiker, Melding).filter(
        soort__in=regel.SOORTEN_MET_MELDTERMIJN,
        verzuim_tot__isnull=False,
        datum__gte=schooljaar.begin,
        datum__lte=schooljaar.einde,
    )


def te_laat_per_school(gebruiker: Gebruiker, schooljaar: Schooljaar) -> list[School]:
    """Per school (most late meldingen first): how many meldingen had the term, and which
    came after it. Schools without a late melding are left out."""
    scholen: dict[str, School] = {}
    rijen = (
        met_termijn(gebruiker, schooljaar)
        .order_by("datum", "meldingsnummer")
        .values_list("meldingsnummer", "soort", "verzuim_tot", "datum", "school_id", "school__naam")
    )
    for nummer, soort, verzuim_tot, datum, school_id, naam in rijen:
        school = scholen.setdefault(school_id or "", School(school_id or "", naam or GEEN_SCHOOL))
        school.gemeld += 1
        t = termijn_van(soort, verzuim_tot, datum)
        if t is not None and t.te_laat:
            school.te_laat.append(LateMelding(nummer, datum, t))
    return sorted(
        (s for s in scholen.values() if s.te_laat),
        key=lambda s: (-len(s.te_laat), s.naam, s.code),
    )
