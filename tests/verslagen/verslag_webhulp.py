"""Shared by the tests of the jaarverslag and the infographic in the web app: the dashboard's
data (two gemeenten of the team, one of another team, three school years up to the last
closed one, relative to today) and reading numbers back from a page by their paths."""

from __future__ import annotations

import html
import re

from dashboard.dashboardwereld import NAMEN, A, B, C, bouw, client_voor
from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.schooljaar import Schooljaar

__all__ = ["NAMEN", "A", "B", "C", "bouw", "client_voor"]

#: An element with a path into the rapport JSON and its text: <td data-bron="...">1.209</td>.
_BRON = re.compile(r'<(td|span|p)\b[^>]*\bdata-bron="([^"]+)"[^>]*>([^<]*)</\1>')


def bron_cellen(pagina: str) -> list[tuple[str, str]]:
    """(path, shown text) of every number a page says comes from the rapport."""
    return [(pad, html.unescape(tekst).strip()) for _, pad, tekst in _BRON.findall(pagina)]


def rapporten_van(gemeenten: list[str], jaren: list[str]) -> dict[str, dict]:
    """The rapport of each school year over `gemeenten`, as the screens get it."""
    return {j: rapport_van(Schooljaar.van_naam(j), gemeenten=gemeenten) for j in jaren}


def waarde(rapporten: dict[str, dict], pad: str):
    """The JSON value at "schooljaar/gemeente/sectie/sleutel/..."."""
    jaar, *rest = pad.split("/")
    knoop = rapporten[jaar]["gemeenten"]
    for deel in rest:
        knoop = knoop[deel]
    return knoop


def als_tekst(waarde_: int | float | None) -> str:
    """A JSON number as the pages write it: 1.209, 5,30% (a float is a percentage), – (none)."""
    if waarde_ is None:
        return "–"
    return procent(waarde_) if isinstance(waarde_, float) else getal(waarde_)
