"""Onderwijssoorten en de groepen waarin de cijfers ze tellen (figures.md)."""

from __future__ import annotations

ONDERWIJSSOORTEN: dict[str, str] = {
    "bao": "basisonderwijs",
    "sbo": "speciaal basisonderwijs",
    "so": "speciaal onderwijs",
    "vso": "voortgezet speciaal onderwijs",
    "vo": "voortgezet onderwijs",
    "pro": "praktijkonderwijs",
    "isk": "internationale schakelklas",
    "mbo": "middelbaar beroepsonderwijs",
    "vavo": "voortgezet algemeen volwassenenonderwijs",
    "onbekend": "onderwijs onbekend",
    "geen": "geen onderwijs",
}

#: A school has a type; "geen" only describes a person without inschrijving.
SCHOOL_ONDERWIJSSOORTEN: tuple[str, ...] = tuple(s for s in ONDERWIJSSOORTEN if s != "geen")

GROEPEN: dict[str, str] = {
    "bao_sbo": "(speciaal) basisonderwijs",
    "so_vso": "(voortgezet) speciaal onderwijs",
    "vo": "voortgezet onderwijs",
    "mbo": "middelbaar beroepsonderwijs",
    "onbekend": "onderwijs onbekend",
    "geen": "geen onderwijs",
}

GROEP_VAN: dict[str, str] = {
    "bao": "bao_sbo",
    "sbo": "bao_sbo",
    "so": "so_vso",
    "vso": "so_vso",
    "vo": "vo",
    "pro": "vo",
    "isk": "vo",
    "mbo": "mbo",
    "vavo": "mbo",
    "onbekend": "onbekend",
    "geen": "geen",
}

GEEN = "geen"
ONBEKEND = "onbekend"


def groep(onderwijssoort: str | None) -> str:
    """The figures group of an onderwijssoort; no onderwijssoort means `geen`."""
    return GROEP_VAN[onderwijssoort or GEEN]
