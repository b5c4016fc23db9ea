"""The dashboard's filter (school year, gemeente, onderwijssoort group) read from the query
string. Anything not on the lists is replaced by the default with a message that does not
repeat the input, so an unknown gemeente and another team's gemeente look the same."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.schooljaar import Schooljaar

#: School years to choose from: the current one and the five before it.
JAREN_TERUG = 5


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


def keuzejaren(vandaag: date) -> list[Schooljaar]:
    """The school years to choose from, newest (the current one, the default) first."""
    huidig = Schooljaar.van_datum(vandaag)
    return [huidig.vorige(n) for n in range(JAREN_TERUG + 1)]


def schooljaar_uit(tekst: str) -> Schooljaar | None:
    """A school year name ("2024-2025"), or None for anything else."""
    try:
        return Schooljaar.van_naam(tekst)
    except ValueError:
        return None


def lees_filter(
    parameters: Mapping[str, str], eigen: list[str], vandaag: date
) -> tuple[Filter, list[str]]:
    """The filter from the query string, and a message for every value that was replaced."""
    meldingen = []
    jaren = keuzejaren(vandaag)
    tekst = parameters.get("schooljaar", "")
    jaar = schooljaar_uit(tekst) if tekst else jaren[0]
    if jaar not in jaren:
        jaar = jaren[0]
        meldingen.append(
            f"Dat schooljaar kunt u hier niet kiezen. U ziet de cijfers van schooljaar {jaar.naam}."
        )
    gemeente = parameters.get("gemeente", "")
    if gemeente and gemeente not in eigen:
        gemeente = ""
        meldingen.append(
            "Die gemeente hoort niet bij uw gemeenten. U ziet de cijfers van al uw gemeenten."
        )
    groep = parameters.get("groep", "")
    if groep and groep not in GROEPEN:
        groep = ""
        meldingen.append("Die onderwijssoort bestaat niet. U ziet alle onderwijssoorten.")
    return Filter(jaar, gemeente, groep), meldingen
