"""A DUO delivery that cannot be taken in: every located error, nothing stored."""

from __future__ import annotations

from leerplicht.invoer.fouten import Foutenlijst


class OngeldigeLevering(Exception):
    """Carries the `uitwisseling` error list (`bestand:regel: kolom: melding`)."""

    def __init__(self, fouten: Foutenlijst):
        self.fouten = fouten
        super().__init__("\n".join(fouten.regels()))

    def regels(self) -> list[str]:
        return self.fouten.regels()
