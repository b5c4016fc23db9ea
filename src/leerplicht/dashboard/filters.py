"""The dashboard's filter: the choice of school year and gemeente (`cijfers.keuze`, the
parser of every figures page) and the onderwijssoort group. Anything not on the lists is
replaced by the default with a message that does not repeat the input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from leerplicht.cijfers.keuze import lees_keuze
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.schooljaar import Schooljaar


@dataclass(frozen=True)
class Filter:
    jaar: Schooljaar
    #: A gemeente code of the user's, or "" for all of the user's gemeenten.
    gemeente: str = ""
    #: A key of `domein.onderwijssoort.GROEPEN`, or "" for every onderwijssoort.
    groep: str = ""

    def query(self, **extra: str) -> str:
        """The query string of this filter (only its valid values), plus `extra`."""
        delen = {"schooljaar": self.jaar.naam, "gemeente": self.gemeente, "groep": self.groep}
        return urlencode({k: v for k, v in {**delen, **extra}.items() if v})


def lees_filter(
    parameters: Mapping[str, str], eigen: list[str], vandaag: date
) -> tuple[Filter, list[str]]:
    """The filter from the query string, and a message for every value that was replaced."""
    keuze, meldingen = lees_keuze(parameters, eigen, vandaag)
    groep = parameters.get("groep", "")
    if groep and groep not in GROEPEN:
        groep = ""
        meldingen.append("Die onderwijssoort bestaat niet. U ziet alle onderwijssoorten.")
    return Filter(keuze.jaar, keuze.gemeente, groep), meldingen
