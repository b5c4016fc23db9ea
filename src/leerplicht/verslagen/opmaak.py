"""How a cell of the jaarverslag reads for people: Dutch number formatting (figures.md).

One function for every human-facing format (HTML, PDF, the text of charts), so "1.209",
"12,17%" and "+28,16%" look the same everywhere. XLSX keeps the numbers as numbers with a
Dutch number format; CSV and JSON carry plain values.
"""

from __future__ import annotations

from datetime import date

from leerplicht.cijfers.tabel import Cel
from leerplicht.domein import formattering

#: Shown where there is no value (a change against 0, a percentage without leerlingen).
LEEG = "–"


def tekst_van(cel: Cel) -> str:
    return LEEG if cel.waarde is None else cel.tekst


def datum_tekst(iso: str) -> str:
    """The peildatum on the cover: "2024-10-01" -> "1 oktober 2024", whatever the
    active language of the request."""
    return formattering.datum_tekst(date.fromisoformat(iso))
