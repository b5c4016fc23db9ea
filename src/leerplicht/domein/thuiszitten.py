"""Thuiszitten: wanneer een leerling thuiszitter is, en het Thuiszitterspact (domain.md).

- A **thuiszitter** is a leer- or kwalificatieplichtige who, without vrijstelling, has
  not attended school for 4 weeks or more (enrolled or not).
- The signal comes from a melding: *langdurig relatief verzuim* (by definition more
  than 4 consecutive weeks away), or *absoluut verzuim* that began 4 weeks or more
  before the peildatum and is still unresolved.
- The **Thuiszitterspact** aims at no child at home for more than 3 months without an
  offer of education or care: a period past 3 months is flagged.

Pure Python: the thuiszitters app asks these rules before it proposes or shows a period.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .leerplicht import is_leer_of_kwalificatieplichtig, leerplichtstatus_van

#: "4 weken of langer" thuis: the threshold of a thuiszitter.
DREMPEL = timedelta(weeks=4)
#: The Thuiszitterspact's mark: more than 3 months at home.
PACT_MAANDEN = 3

#: Melding soorten (exchange-format codes) that can signal a thuiszitter.
SIGNAALSOORTEN: frozenset[str] = frozenset({"langdurig", "absoluut"})


def plus_maanden(datum: date, maanden: int) -> date:
    """The same day `maanden` calendar months later; the month's last day when it has none
    (31 May + 3 months = 31 August; 30 November + 3 months = 28/29 February)."""
    maandindex = datum.month - 1 + maanden
    jaar, maand = datum.year + maandindex // 12, maandindex % 12 + 1
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def duur_in_dagen(van: date, tot: date | None, peildatum: date) -> int:
    """Days at home from `van` up to `tot` (a closed period) or else `peildatum`.

    Away since `van`: on `van` itself that is 0 days, a week later 7.
    """
    einde = tot if tot is not None and tot < peildatum else peildatum
    return max((einde - van).days, 0)


def vier_weken_thuis(van: date, peildatum: date) -> bool:
    """Away since `van`: on `peildatum` 4 weeks or more (exactly 28 days counts)."""
    return peildatum - van >= DREMPEL


def pactgrens(van: date) -> date:
    """The last day within the Thuiszitterspact's 3 months for a period from `van`."""
    return plus_maanden(van, PACT_MAANDEN)


def langer_dan_drie_maanden(van: date, tot: date | None, peildatum: date) -> bool:
    """Past the Thuiszitterspact's 3 months: at home after `pactgrens(van)`.

    Exactly 3 months (e.g. 5 March -> 5 June) is not yet past; the day after is.
    """
    einde = tot if tot is not None and tot < peildatum else peildatum
    return einde > pactgrens(van)


def duur_tekst(dagen: int) -> str:
    """47 -> "6 weken en 5 dagen" (Dutch, for screens)."""
    weken, rest = divmod(max(dagen, 0), 7)
    delen = []
    if weken:
        delen.append(f"{weken} {'week' if weken == 1 else 'weken'}")
    if rest or not weken:
        delen.append(f"{rest} {'dag' if rest == 1 else 'dagen'}")
    return " en ".join(delen)


class Reden(StrEnum):
    """Why a melding signals a thuiszitter."""

    LANGDURIG = "langdurig"
    ABSOLUUT_VIER_WEKEN = "absoluut_vier_weken"

    @property
    def label(self) -> str:
        return {
            "langdurig": "langdurig relatief verzuim",
            "absoluut_vier_weken": "absoluut verzuim van 4 weken of langer",
        }[self.value]


@dataclass(frozen=True)
class Verzuimfeit:
    """What one melding says, as far as the thuiszitter rule needs it."""

    soort: str
    #: First day away: the reported `verzuim_van`, else the melding's date.
    begin: date
    #: The melding still stands: not withdrawn or taken for information only, and its
    #: werkproces (if any) still open.
    onopgelost: bool


@dataclass(frozen=True)
class Leerling:
    geboortedatum: date
    startkwalificatie: date | None = None
    #: A granted vrijstelling covers the peildatum.
    vrijgesteld: bool = False
    #: The register's facts that end a leerplicht early (`domein.leerplichtfeiten`):
    #: art. 3 lid 1 onder a and art. 4a lid 2.
    twaalf_schooljaren_voltooid: date | None = None
    kwalificatieplicht_vervallen: date | None = None


def thuiszitreden(feit: Verzuimfeit, leerling: Leerling, peildatum: date) -> Reden | None:
    """Whether this melding makes the pupil a thuiszitter on `peildatum`, and why.

    None when: the pupil is not leer- or kwalificatieplichtig on `peildatum` (age,
    startkwalificatie and the register's facts: a 16 year old whose kwalificatieplicht
    lapsed with a pro certificate is no thuiszitter, art. 4a lid 2), has a
    vrijstelling, the melding is resolved, it starts after `peildatum`, or it is
    another kind of verzuim, or absoluut verzuim of less than 4 weeks.
    """
    if not feit.onopgelost or feit.begin > peildatum or leerling.vrijgesteld:
        return None
    if not is_leer_of_kwalificatieplichtig(leerplichtstatus_van(leerling, peildatum)):
        return None
    if feit.soort == "langdurig":
        return Reden.LANGDURIG
    if feit.soort == "absoluut" and vier_weken_thuis(feit.begin, peildatum):
        return Reden.ABSOLUUT_VIER_WEKEN
    return None


#: Melding statuses (verzuimmelding_route) after which a melding no longer stands.
AFGEDANE_MELDINGSTATUSSEN: frozenset[str] = frozenset({"ingetrokken", "ter_kennisneming"})
#: Statuses of a melding still in the administratie's queue.
OPEN_MELDINGSTATUSSEN: frozenset[str] = frozenset({"nieuw", "verzuimstaat_opgevraagd", "compleet"})


def melding_onopgelost(status: str | None, werkproces_gesloten: bool | None) -> bool:
    """Whether a melding still stands.

    - withdrawn or taken for information: no;
    - with a werkproces: while that werkproces is open;
    - without one: while in the administratie's queue; an imported historical melding
      (no status, no werkproces) counts as resolved.
    """
    if status in AFGEDANE_MELDINGSTATUSSEN:
        return False
    if werkproces_gesloten is not None:
        return not werkproces_gesloten
    return status in OPEN_MELDINGSTATUSSEN
