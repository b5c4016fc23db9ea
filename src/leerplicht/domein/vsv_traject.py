"""Het vsv-traject (domain.md "Doorstroompunt (vsv)"): in behandeling, monitoring, afgerond.

The status is derived from two dates, as the exchange format has them: afgerond when
`afgerond_op` is on or before the peildatum, else monitoring when `monitoring_vanaf` is,
else in behandeling. `STATUSREGEL` is that ONE definition; the figures (cijfers/secties/
vsv.py, status at 31 July) build their database expression from it.

One table of allowed transitions (`domein.route`). Pure Python: the services ask
`mag_naar` before saving.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .doorstroompunt_doelgroep import LEEFTIJDSGRENZEN, einde_doelgroep
from .leeftijd import verjaardag
from .rollen import Handeling
from .route import Overgang, Route
from .schooljaar import Schooljaar

#: Default interval of the monitoring contacts; a team sets its own
#: (setting LEERPLICHT_VSV_MONITORING_MAANDEN, e.g. 3 or 6).
MONITORING_MAANDEN = 6
#: Default window of the nightly vsv signal: de-registrations older than this many days
#: are history, not new vsv'ers (setting LEERPLICHT_VSV_SIGNAAL_DAGEN).
SIGNAALVENSTER_DAGEN = 90


class Vsvstatus(StrEnum):
    IN_BEHANDELING = "in_behandeling"
    MONITORING = "monitoring"
    AFGEROND = "afgerond"


NAMEN: dict[Vsvstatus, str] = {
    Vsvstatus.IN_BEHANDELING: "in behandeling",
    Vsvstatus.MONITORING: "monitoring",
    Vsvstatus.AFGEROND: "afgerond",
}

#: (date field, status), first match wins; none set on or before the peildatum: in behandeling.
STATUSREGEL: tuple[tuple[str, Vsvstatus], ...] = (
    ("afgerond_op", Vsvstatus.AFGEROND),
    ("monitoring_vanaf", Vsvstatus.MONITORING),
)
STANDAARDSTATUS = Vsvstatus.IN_BEHANDELING


def status_op(
    peildatum: date, *, monitoring_vanaf: date | None, afgerond_op: date | None
) -> Vsvstatus:
    """The status of a traject on `peildatum` (the figures ask it for 31 July)."""
    datums = {"afgerond_op": afgerond_op, "monitoring_vanaf": monitoring_vanaf}
    for veld, status in STATUSREGEL:
        datum = datums[veld]
        if datum is not None and datum <= peildatum:
            return status
    return STANDAARDSTATUS


S = Vsvstatus
#: Every step is the consulent's work.
D = Handeling.DOORSTROOMPUNT_WERKEN
OVERGANGEN: tuple[Overgang[Vsvstatus], ...] = (
    Overgang(S.IN_BEHANDELING, S.MONITORING, "Naar monitoring",
             "De jongere heeft een plek (werk, school, hulp...): de consulent volgt hem "
             "periodiek; het monitoringsresultaat zegt waar hij staat.", D),
    Overgang(S.MONITORING, S.MONITORING, "Monitoringscontact vastleggen",
             "Bij elk contact legt de consulent het actuele monitoringsresultaat vast; "
             "het volgende contact komt na de ingestelde termijn.", D),
    Overgang(S.IN_BEHANDELING, S.AFGEROND, "Afronden",
             "Afgerond met een afsluitresultaat: school, startkwalificatie, geen "
             "doelgroep meer of overig.", D),
    Overgang(S.MONITORING, S.AFGEROND, "Afronden",
             "Afgerond met een afsluitresultaat: school, startkwalificatie, geen "
             "doelgroep meer of overig.", D),
)  # fmt: skip
# No way back from monitoring or afgerond: the dates are what the figures of earlier
# school years are built from; a new episode is a new traject.


ROUTE = Route(Vsvstatus, NAMEN, OVERGANGEN, onderwerp="Een vsv-traject")
mag_naar = ROUTE.mag_naar
overgangen_vanuit = ROUTE.overgangen_vanuit
onmogelijke_overgang = ROUTE.onmogelijke_overgang


# --- monitoring -------------------------------------------------------------------------


def plus_maanden(datum: date, maanden: int) -> date:
    """The same day `maanden` later; the last day of the month when it has no such day."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def volgende_monitoring(
    monitoring_vanaf: date | None,
    laatste_monitoring: date | None,
    maanden: int = MONITORING_MAANDEN,
) -> date | None:
    """When the next monitoring contact is due: `maanden` after the last contact (or the
    start of monitoring). None when the traject is not in monitoring."""
    if monitoring_vanaf is None:
        return None
    if maanden < 1:
        raise ValueError("de monitoringtermijn is minstens één maand")
    basis = max(d for d in (monitoring_vanaf, laatste_monitoring) if d is not None)
    return plus_maanden(basis, maanden)


# --- "geen doelgroep meer" ----------------------------------------------------------------


def einde_doelgroep_traject(geboortedatum: date, vanaf: date) -> date:
    """The first day, on or after `vanaf` (the start of the traject), on which the person
    is past the age limit in force THAT day (`doorstroompunt_doelgroep.einde_doelgroep`).

    Someone whose 23rd birthday falls before 2026 leaves at 23; someone still under 23 on
    1 January 2026 stays until 27. (`bewaartermijn.laatste_einde_doelgroep` is the latest
    such day, for keeping records; this is the first, for proposing to close.)
    """
    if einde_doelgroep(geboortedatum, vanaf) <= vanaf:
        return vanaf
    for grens in sorted(LEEFTIJDSGRENZEN, key=lambda g: g.tot_leeftijd):
        dag = verjaardag(geboortedatum, grens.tot_leeftijd)
        if dag > vanaf and einde_doelgroep(geboortedatum, dag) <= dag:
            return dag
    # Unreachable with the highest limit in force on its own birthday; kept as a floor.
    return verjaardag(geboortedatum, max(g.tot_leeftijd for g in LEEFTIJDSGRENZEN))


class Voorstelreden(StrEnum):
    LEEFTIJD = "leeftijd"
    VERHUISD = "verhuisd"
    #: Moved to another gemeente of the region: the traject goes along, it is not closed.
    MEEVERHUIZEN = "meeverhuizen"


VOORSTELREDENEN: dict[Voorstelreden, str] = {
    Voorstelreden.LEEFTIJD: "leeftijdsgrens bereikt",
    Voorstelreden.VERHUISD: "verhuisd buiten de regio",
    Voorstelreden.MEEVERHUIZEN: "verhuisd binnen de regio: het traject gaat mee",
}


@dataclass(frozen=True)
class Voorstel:
    reden: Voorstelreden
    vanaf: date


def voorstel_geen_doelgroep(
    *,
    geboortedatum: date,
    uitgeschreven: date,
    woongemeente: str,
    trajectgemeente: str,
    afgerond_op: date | None,
    vandaag: date,
    regiogemeenten: frozenset[str] = frozenset(),
) -> Voorstel | None:
    """The proposal for the consulent to confirm: close with `geen_doelgroep` from the day
    the age limit is reached, or now when the person lives outside the region; move the
    traject along when they moved to another gemeente of the region (`regiogemeenten`).
    None for a closed traject or while nothing applies."""
    if afgerond_op is not None:
        return None
    einde = einde_doelgroep_traject(geboortedatum, uitgeschreven)
    if einde <= vandaag:
        return Voorstel(Voorstelreden.LEEFTIJD, einde)
    if woongemeente != trajectgemeente:
        if woongemeente in regiogemeenten:
            return Voorstel(Voorstelreden.MEEVERHUIZEN, vandaag)
        return Voorstel(Voorstelreden.VERHUISD, vandaag)
    return None


def nieuw_of_oud(uitgeschreven: date, peildatum: date) -> str:
    """ "nieuw" for a vsv'er who left in the school year of `peildatum`, else "oud" (left in
    an earlier year, followed until the age limit with the same statuses); as figures.md."""
    return (
        "nieuw" if Schooljaar.van_datum(uitgeschreven) == Schooljaar.van_datum(peildatum) else "oud"
    )
