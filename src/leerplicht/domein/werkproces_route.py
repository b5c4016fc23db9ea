"""De route van een werkproces: open of gesloten, en wanneer het mag sluiten (domain.md,
"Kinds of werkproces" and "Results of a closed werkproces").

One table of allowed transitions (`domein.route`), the same for every kind of werkproces;
what differs per kind is which resultaten fit (`RESULTATEN_PER_TYPE`). The guards are
rules with a Dutch message: `bezwaren_tegen_sluiten` lists them all.

Who may take a transition is its `Overgang.nodig` (a `Handeling` of the rol table; the views
take it from here): closing is the casehandler's work, reopening is a correction by the
teammanager (`TEAM_STUREN`).
Pure Python: the services in werkprocessen.diensten ask here before they save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .codes import DOORSTROOMPUNT_WERKPROCESSEN, WERKPROCES_RESULTATEN, WERKPROCES_TYPEN
from .interventieregels import datum_tekst
from .leeftijd import leeftijd_op
from .rollen import Handeling
from .route import Overgang, Route


class Werkprocesstatus(StrEnum):
    OPEN = "open"
    GESLOTEN = "gesloten"


NAMEN: dict[Werkprocesstatus, str] = {
    Werkprocesstatus.OPEN: "open",
    Werkprocesstatus.GESLOTEN: "gesloten",
}


def status_van(gesloten: date | None) -> Werkprocesstatus:
    """A werkproces is closed when it has a closing date (exchange format `gesloten`)."""
    return Werkprocesstatus.OPEN if gesloten is None else Werkprocesstatus.GESLOTEN


S = Werkprocesstatus
OVERGANGEN: tuple[Overgang[Werkprocesstatus], ...] = (
    Overgang(S.OPEN, S.GESLOTEN, "Sluiten",
             "Een werkproces sluit als het verzuim is gestopt, een vrijstelling is verleend "
             "of de leerling de doelgroep verliet: altijd met een resultaat.",
             Handeling.WERKPROCES_BEHANDELEN),
    Overgang(S.OPEN, S.GESLOTEN, "Warm overdragen aan het Doorstroompunt",
             "Op 18 jaar eindigt de kwalificatieplicht; de leerling gaat met zijn dossier "
             "naar het Doorstroompunt (resultaat 'overdracht naar Doorstroompunt').",
             Handeling.WERKPROCES_BEHANDELEN),
    Overgang(S.GESLOTEN, S.OPEN, "Heropenen",
             "Heropenen is een correctie op een gesloten werkproces (de cijfers van dat jaar "
             "veranderen): dat doet de teammanager. Nieuw verzuim krijgt een nieuw werkproces.",
             Handeling.TEAM_STUREN),
)  # fmt: skip
#: The transitions by name, for the views (each takes its `nodig` from here).
SLUITEN, OVERDRAGEN, HEROPENEN = OVERGANGEN

ROUTE = Route(Werkprocesstatus, NAMEN, OVERGANGEN, onderwerp="Een werkproces")
overgangen_vanuit = ROUTE.overgangen_vanuit
mag_naar = ROUTE.mag_naar
onmogelijke_overgang = ROUTE.onmogelijke_overgang


# --- which resultaten fit which kind ---------------------------------------------------------

#: The Doorstroompunt's kinds (`codes.DOORSTROOMPUNT_WERKPROCESSEN`): the pupil is already
#: at the Doorstroompunt, so neither "overdracht naar Doorstroompunt" nor "18 jaar
#: geworden" ends them.
ALLEEN_LEERPLICHT: frozenset[str] = frozenset({"overdracht_dsp", "achttien"})

RESULTATEN_PER_TYPE: dict[str, frozenset[str]] = {
    t: frozenset(WERKPROCES_RESULTATEN)
    - (ALLEEN_LEERPLICHT if t in DOORSTROOMPUNT_WERKPROCESSEN else frozenset())
    for t in WERKPROCES_TYPEN
}

#: Resultaten that say the pupil left the target group by turning 18.
VANAF_ACHTTIEN: frozenset[str] = frozenset({"overdracht_dsp", "achttien"})
ACHTTIEN = 18


def resultaten_voor(type_: str) -> dict[str, str]:
    """Code -> Dutch name of the resultaten that fit this kind of werkproces, in list order."""
    passend = RESULTATEN_PER_TYPE.get(type_, frozenset())
    return {k: v for k, v in WERKPROCES_RESULTATEN.items() if k in passend}


@dataclass(frozen=True)
class Sluitgegevens:
    type: str
    geopend: date
    resultaat: str | None
    datum: date
    geboortedatum: date
    vandaag: date
    #: Halt-verwijzingen of this werkproces without an outcome.
    halt_zonder_uitkomst: int = 0


def bezwaren_tegen_sluiten(g: Sluitgegevens) -> dict[str, list[str]]:
    """Form field -> why this werkproces cannot be closed like this (empty: it can)."""
    fouten: dict[str, list[str]] = {}

    def bezwaar(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    if not g.resultaat:
        bezwaar("resultaat", "Kies een resultaat: een werkproces sluit altijd met een resultaat.")
    elif g.resultaat not in WERKPROCES_RESULTATEN:
        bezwaar("resultaat", "Kies een resultaat uit de lijst.")
    elif g.resultaat not in RESULTATEN_PER_TYPE.get(g.type, frozenset()):
        bezwaar(
            "resultaat",
            f"Een werkproces '{WERKPROCES_TYPEN.get(g.type, g.type)}' kan niet sluiten met "
            f"resultaat '{WERKPROCES_RESULTATEN[g.resultaat]}'.",
        )
    elif g.resultaat in VANAF_ACHTTIEN and leeftijd_op(g.geboortedatum, g.datum) < ACHTTIEN:
        bezwaar(
            "resultaat",
            f"Resultaat '{WERKPROCES_RESULTATEN[g.resultaat]}' kan pas als de leerling "
            f"{ACHTTIEN} is; de leerling is op {datum_tekst(g.datum)} "
            f"{leeftijd_op(g.geboortedatum, g.datum)} jaar.",
        )
    if g.halt_zonder_uitkomst:
        bezwaar(
            "resultaat",
            "Leg eerst de uitkomst van de Halt-verwijzing vast (positief of negatief); "
            "daarna kan het werkproces sluiten.",
        )
    if g.datum < g.geopend:
        bezwaar(
            "datum",
            f"De sluitdatum kan niet vóór de opening ({datum_tekst(g.geopend)}) liggen.",
        )
    if g.datum > g.vandaag:
        bezwaar("datum", "De sluitdatum kan niet in de toekomst liggen.")
    return fouten
