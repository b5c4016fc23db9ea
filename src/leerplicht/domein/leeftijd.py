"""Leeftijd en verjaardag.

Someone born on 29 February turns a year older on 1 March in a year without
29 February. This is the reading commonly applied in Dutch administration
(BRP age checks); it is kept in this one function so it can be changed in
one place.
"""

from __future__ import annotations

from datetime import date


def verjaardag(geboortedatum: date, leeftijd: int) -> date:
    """The date on which a person born on `geboortedatum` reaches `leeftijd`."""
    jaar = geboortedatum.year + leeftijd
    try:
        return geboortedatum.replace(year=jaar)
    except ValueError:  # 29 February in a year without it
        return date(jaar, 3, 1)


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    """Age in whole years on `peildatum` (negative days before birth give -1)."""
    jaren = peildatum.year - geboortedatum.year
    if verjaardag(geboortedatum, jaren) > peildatum:
        jaren -= 1
    return jaren


def eerste_van_volgende_maand(datum: date) -> date:
    if datum.month == 12:
        return date(datum.year + 1, 1, 1)
    return date(datum.year, datum.month + 1, 1)
