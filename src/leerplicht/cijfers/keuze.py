"""The choice of school year and gemeente(n) of a figures page, read from the query string.

One parser for every screen with figures (the dashboard, the jaarverslag and infographic,
the Doorstroompunt's figures) and one list of school years to choose from. A value not on
the lists is replaced by the default with a message that does not repeat the input, so an
unknown gemeente and another team's gemeente look the same.

Pure Python (no Django): the view hands in the query parameters, the user's gemeenten and
today.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from leerplicht.domein.schooljaar import Schooljaar

#: School years to choose from: the current one and the five before it (the `oud` cohort of
#: the vsv figures reaches back four school years, plus one to compare with).
JAREN_TERUG = 5

#: The message for a school year that cannot be chosen; {jaar}: the one shown instead.
JAAR_NIET_TE_KIEZEN = (
    "Dat schooljaar kunt u hier niet kiezen. U ziet de cijfers van schooljaar {jaar}."
)
GEMEENTE_NIET_VAN_U = "Die gemeente hoort niet bij uw gemeenten. "
ALLE_GEMEENTEN = "U ziet de cijfers van al uw gemeenten."
EEN_GEMEENTE = "U ziet de cijfers van een van uw gemeenten."


@dataclass(frozen=True)
class Keuze:
    jaar: Schooljaar
    #: One of the user's gemeente codes, or "" for all of them.
    gemeente: str
    #: The user's own gemeente codes, sorted.
    eigen: tuple[str, ...]

    @property
    def gemeenten(self) -> list[str]:
        """The gemeenten the figures cover."""
        return [self.gemeente] if self.gemeente else list(self.eigen)

    def query(self, **extra: str) -> str:
        """The query string of this choice (only its set values), plus `extra`."""
        delen = {"schooljaar": self.jaar.naam, "gemeente": self.gemeente, **extra}
        return urlencode({k: v for k, v in delen.items() if v})


def keuzejaren(vandaag: date) -> list[Schooljaar]:
    """The school years to choose from, newest (the current one) first."""
    huidig = Schooljaar.van_datum(vandaag)
    return [huidig.vorige(n) for n in range(JAREN_TERUG + 1)]


def schooljaar_uit(tekst: str) -> Schooljaar | None:
    """A school year name ("2024-2025"), or None for anything else."""
    try:
        return Schooljaar.van_naam(tekst)
    except ValueError:
        return None


def lees_keuze(
    parameters: Mapping[str, str],
    eigen: list[str],
    vandaag: date,
    *,
    standaard_jaar: Schooljaar | None = None,
    standaard_gemeente: str = "",
    jaarmelding: str = JAAR_NIET_TE_KIEZEN,
) -> tuple[Keuze, list[str]]:
    """The choice from `schooljaar` and `gemeente` of the query string, and a message for
    every value that was replaced.

    The default school year is `standaard_jaar` (None: the current one), the default
    gemeente `standaard_gemeente` ("" = all of the user's).
    """
    meldingen = []
    jaren = keuzejaren(vandaag)
    standaard = standaard_jaar or jaren[0]
    tekst = parameters.get("schooljaar", "")
    jaar = schooljaar_uit(tekst) if tekst else standaard
    if jaar not in jaren:
        jaar = standaard
        meldingen.append(jaarmelding.format(jaar=jaar.naam))
    gemeente = parameters.get("gemeente", "") or standaard_gemeente
    if gemeente and gemeente not in eigen:
        if parameters.get("gemeente"):
            meldingen.append(
                GEMEENTE_NIET_VAN_U + (EEN_GEMEENTE if standaard_gemeente else ALLE_GEMEENTEN)
            )
        gemeente = standaard_gemeente if standaard_gemeente in eigen else ""
    return Keuze(jaar, gemeente, tuple(sorted(eigen))), meldingen
