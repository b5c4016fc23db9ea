"""Leeftijdsklassen of the Doorstroompunt figures (issue 5 item 8).

Age at a melding 18+ (<18, 18 ... 22, 23+) and age of open vsv'ers on 31 July
(<18, 18 ... 22, 23-26, 27+: 27 is the limit of the Wet van school naar
duurzaam werk). Each table lists (key, lowest age); a class runs until the
lowest age of the next. The figures build their database expression from
these tables (cijfers/leeftijd_in_sql.py), `klasse_van` is the same rule in
Python, for tests and screens.
"""

from __future__ import annotations

from datetime import date

from .leeftijd import leeftijd_op

Klassen = tuple[tuple[str, int], ...]

MELDING_18PLUS: Klassen = (
    ("onder_18", 0),
    ("18", 18),
    ("19", 19),
    ("20", 20),
    ("21", 21),
    ("22", 22),
    ("23_en_ouder", 23),
)

VSV_OPEN: Klassen = (
    ("onder_18", 0),
    ("18", 18),
    ("19", 19),
    ("20", 20),
    ("21", 21),
    ("22", 22),
    ("23_tot_27", 23),
    ("27_en_ouder", 27),
)


def klasse_van(leeftijd: int, klassen: Klassen) -> str:
    """The key of the class `leeftijd` falls in (below the first lowest age: the first)."""
    gevonden = klassen[0][0]
    for sleutel, vanaf in klassen:
        if leeftijd >= vanaf:
            gevonden = sleutel
    return gevonden


def klasse_op(geboortedatum: date, peildatum: date, klassen: Klassen) -> str:
    return klasse_van(leeftijd_op(geboortedatum, peildatum), klassen)


def datumgetal(datum: date) -> int:
    """2025-07-31 -> 20250731. The difference of two such numbers, integer-divided by
    10000, is the age in whole years with the 29-February rule of `leeftijd.verjaardag`
    (born 29 Feb: a year older on 1 March in a year without it). The database uses the
    same arithmetic."""
    return datum.year * 10000 + datum.month * 100 + datum.day
