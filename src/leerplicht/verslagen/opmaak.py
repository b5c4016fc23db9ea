"""How a cell of the jaarverslag reads for people: Dutch number formatting (figures.md).

One function for every human-facing format (HTML, PDF, the text of charts), so "1.209",
"12,17%" and "+28,16%" look the same everywhere. XLSX keeps the numbers as numbers with a
Dutch number format; CSV and JSON carry plain values.
"""

from __future__ import annotations

from datetime import date

from leerplicht.domein import formattering
from leerplicht.domein.formattering import getal, procent

from .document import Cel, Soort

#: Shown where there is no value (a change against 0, a percentage without leerlingen).
LEEG = "–"


def tekst_van(cel: Cel) -> str:
    if cel.waarde is None:
        return LEEG
    if cel.soort is Soort.VERANDERING:
        return procent(float(cel.waarde), teken=True)
    if cel.soort in (Soort.PROCENT, Soort.EXTERN_PROCENT, Soort.AANDEEL):
        return procent(float(cel.waarde))
    return getal(int(cel.waarde))


def leesbare_tekst(cel: Cel) -> str:
    """For screen readers where the dash would be read as "minus" or skipped."""
    return "geen waarde" if cel.waarde is None else tekst_van(cel)


def datum_tekst(iso: str) -> str:
    """The peildatum on the cover: "2024-10-01" -> "1 oktober 2024", whatever the
    active language of the request."""
    return formattering.datum_tekst(date.fromisoformat(iso))
