"""Doelgroep Doorstroompunt (was RMC): 18 tot de leeftijdsgrens, zonder startkwalificatie.

The age limit is a dated rule, not a constant: 23 until 31 December 2025;
27 from 1 January 2026 under the Wet van school naar duurzaam werk, which also
brings in pupils leaving praktijkonderwijs and vso. New dated rules are added to
`LEEFTIJDSGRENZEN`; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .leeftijd import leeftijd_op, verjaardag

ONDERGRENS_LEEFTIJD = 18


@dataclass(frozen=True)
class Leeftijdsgrens:
    geldig_vanaf: date
    tot_leeftijd: int  # exclusive: in the doelgroep until the day before this birthday
    grondslag: str
    inclusief_uitstroom_pro_vso: bool


LEEFTIJDSGRENZEN: tuple[Leeftijdsgrens, ...] = (
    Leeftijdsgrens(date(1900, 1, 1), 23, "Wet op het onderwijstoezicht / RMC-wetgeving", False),
    Leeftijdsgrens(date(2026, 1, 1), 27, "Wet van school naar duurzaam werk", True),
)


def geldende_leeftijdsgrens(peildatum: date) -> Leeftijdsgrens:
    geldend = [g for g in LEEFTIJDSGRENZEN if g.geldig_vanaf <= peildatum]
    return max(geldend, key=lambda g: g.geldig_vanaf)


def einde_doelgroep(geboortedatum: date, peildatum: date) -> date:
    """The birthday on which the person leaves the doelgroep under the rule of `peildatum`."""
    return verjaardag(geboortedatum, geldende_leeftijdsgrens(peildatum).tot_leeftijd)


def in_doelgroep_doorstroompunt(
    geboortedatum: date,
    peildatum: date,
    *,
    startkwalificatie: date | None = None,
    uitstroom_pro_vso: bool = False,
) -> bool:
    """Whether a person belongs to the Doorstroompunt doelgroep on `peildatum`.

    A startkwalificatie ends membership, except for those who left pro or vso
    where the rule in force includes them (they often hold none anyway).
    """
    grens = geldende_leeftijdsgrens(peildatum)
    leeftijd = leeftijd_op(geboortedatum, peildatum)
    if not ONDERGRENS_LEEFTIJD <= leeftijd < grens.tot_leeftijd:
        return False
    if uitstroom_pro_vso and grens.inclusief_uitstroom_pro_vso:
        return True
    return startkwalificatie is None or startkwalificatie > peildatum
