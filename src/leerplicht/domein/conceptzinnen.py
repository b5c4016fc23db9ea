"""Draft sentences for the jaarverslag: what changed, in plain Dutch, from the numbers.

"Het absoluut verzuim steeg van 362 naar 434 meldingen (+19,89%)." The team edits them
before publishing; the numbers in them are those of the tables (same rounding, same
`verandering` as figures.md), so an unedited draft can never contradict a table.

Rules: a rise "steeg", a fall "daalde", equal "bleef gelijk"; with a previous year of 0
no percentage (figures.md: no change percentage against 0).
"""

from __future__ import annotations

from dataclasses import dataclass

from .formattering import getal, procent
from .percentage import verandering


@dataclass(frozen=True)
class Eenheid:
    enkelvoud: str
    meervoud: str

    def bij(self, aantal: int) -> str:
        """ "1 melding", "2 meldingen"; an empty unit gives the bare number."""
        woord = self.enkelvoud if aantal == 1 else self.meervoud
        return f"{getal(aantal)} {woord}".rstrip()


GEEN_EENHEID = Eenheid("", "")


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def veranderingszin(onderwerp: str, oud: int, nieuw: int, eenheid: Eenheid = GEEN_EENHEID) -> str:
    """One sentence on the change of `onderwerp` (with its article: "het absoluut verzuim",
    "het aantal thuiszitters") from last year's `oud` to this year's `nieuw`."""
    if nieuw == oud:
        return f"{_hoofdletter(onderwerp)} bleef gelijk: {eenheid.bij(nieuw)}."
    werkwoord = "steeg" if nieuw > oud else "daalde"
    zin = f"{_hoofdletter(onderwerp)} {werkwoord} van {getal(oud)} naar {eenheid.bij(nieuw)}"
    procentueel = verandering(nieuw, oud)
    if procentueel is not None:
        zin += f" ({procent(procentueel, teken=True)})"
    return zin + "."
