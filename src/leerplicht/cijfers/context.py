"""What a rapport is computed over: one school year, a peildatum, a set of gemeenten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from leerplicht.domein.schooljaar import Schooljaar


@dataclass(frozen=True)
class Rapportcontext:
    schooljaar: Schooljaar
    peildatum: date
    gemeenten: tuple[str, ...]

    @property
    def begin(self) -> date:
        return self.schooljaar.begin

    @property
    def einde(self) -> date:
        return self.schooljaar.einde

    def in_jaar(self, veld: str) -> dict[str, object]:
        """ORM filter: `veld` falls inside the school year."""
        return {f"{veld}__range": (self.begin, self.einde)}
