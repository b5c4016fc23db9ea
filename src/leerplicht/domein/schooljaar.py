"""Het schooljaar: 1 augustus tot en met 31 juli, genoemd als "2024-2025"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# ASCII digits only: without re.ASCII, \d also matches e.g. full-width digits ("２０２４"),
# which int() accepts.
_NAAM = re.compile(r"^(\d{4})-(\d{4})$", re.ASCII)


@dataclass(frozen=True, order=True)
class Schooljaar:
    """A school year, identified by the calendar year in which it starts."""

    beginjaar: int

    @classmethod
    def van_naam(cls, naam: str) -> Schooljaar:
        """Parse "2024-2025"; raise ValueError with a Dutch message otherwise."""
        match = _NAAM.match(naam.strip())
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"ongeldig schooljaar {naam!r}: verwacht bijvoorbeeld 2024-2025")
        return cls(int(match.group(1)))

    @classmethod
    def van_datum(cls, datum: date) -> Schooljaar:
        """The school year a date falls in (31 July is the last day, 1 August the first)."""
        return cls(datum.year if datum.month >= 8 else datum.year - 1)

    @property
    def naam(self) -> str:
        return f"{self.beginjaar}-{self.beginjaar + 1}"

    @property
    def begin(self) -> date:
        return date(self.beginjaar, 8, 1)

    @property
    def einde(self) -> date:
        return date(self.beginjaar + 1, 7, 31)

    @property
    def standaard_peildatum(self) -> date:
        """Reference date for population figures: 1 October of the school year."""
        return date(self.beginjaar, 10, 1)

    def bevat(self, datum: date) -> bool:
        return self.begin <= datum <= self.einde

    def vorige(self, aantal: int = 1) -> Schooljaar:
        return Schooljaar(self.beginjaar - aantal)

    def volgende(self) -> Schooljaar:
        return Schooljaar(self.beginjaar + 1)

    def dagen(self) -> int:
        return (self.einde - self.begin).days + 1

    def __str__(self) -> str:
        return self.naam


def laatste_afgesloten_schooljaar(vandaag: date) -> Schooljaar:
    """The most recent school year that has ended on `vandaag`."""
    return Schooljaar.van_datum(vandaag).vorige()
