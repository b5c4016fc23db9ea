"""Building blocks of the authorisation matrix: who may see whom, and how an expectation
is written. The matrix itself is test_autorisatiematrix.py; the expectations of each area
of the work are in `verwachtingen_<area>.py` next to it (one file per area, so new URLs
of one area are added without touching the others).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toegangswereld import ANONIEM, GEBRUIKERS

from leerplicht.domein.rollen import Rol

# --- who may see whom (by hand) ---------------------------------------------------------

PERSONEN = ("eigen_kind", "eigen_jongere", "ander_kind", "ander_jongere")
EIGEN_PERSONEN = frozenset({"eigen_kind", "eigen_jongere"})

#: The dossiers each gebruiker may open. Anyone not listed opens none.
DOSSIERS: dict[str, frozenset[str]] = {
    Rol.ADMINISTRATIEF_MEDEWERKER: EIGEN_PERSONEN,
    Rol.LEERPLICHTAMBTENAAR: EIGEN_PERSONEN,
    Rol.TEAMMANAGER: EIGEN_PERSONEN,
    # Only the 18+ work: the 20-year-old, not the 12-year-old of the same gemeente.
    Rol.CONSULENT_DOORSTROOMPUNT: frozenset({"eigen_jongere"}),
}
#: Persons whose data may appear in a response at all: the dossiers, and for the privacy
#: officer the persons of the own gemeente (audit log, inzage export).
MAG_ZIEN: dict[str, frozenset[str]] = {**DOSSIERS, Rol.PRIVACY_OFFICER: EIGEN_PERSONEN}
#: Texts of the other gemeente that no response to any of these users may contain.
ANDERE_GEMEENTE = ("Anderdorp", "GM9202")

DOSSIERROLLEN = frozenset(DOSSIERS)
INGELOGD = tuple(g for g in GEBRUIKERS if g != ANONIEM)


# --- expectations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Verzoek:
    methode: str  # "get" or "post"
    pad: str
    data: dict = field(default_factory=dict)
    omschrijving: str = ""


@dataclass(frozen=True)
class Geval:
    verzoek: Verzoek
    #: Expected status per gebruiker (every key of GEBRUIKERS).
    verwacht: dict[str, int]


def iedereen(ingelogd: int, anoniem: int = 302) -> dict[str, int]:
    return {ANONIEM: anoniem, **dict.fromkeys(INGELOGD, ingelogd)}


def alleen(rollen: frozenset[str], ja: int = 200, nee: int = 403) -> dict[str, int]:
    """`ja` for these rollen, `nee` for every other signed-in user, 302 (login) anonymous."""
    return {g: 302 if g == ANONIEM else ja if g in rollen else nee for g in GEBRUIKERS}


def dossier(doel: str, zichtbaar: int = 200, onzichtbaar: int = 404) -> dict[str, int]:
    """A request about one person: dossier rollen get `zichtbaar` or 404, others 403."""
    uitkomst = alleen(DOSSIERROLLEN)
    for rol, personen in DOSSIERS.items():
        uitkomst[rol] = zichtbaar if doel in personen else onzichtbaar
    return uitkomst
