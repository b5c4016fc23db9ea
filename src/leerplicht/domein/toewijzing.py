"""Toewijzing: which leerplichtambtenaar gets a complete melding.

The teammanager keeps a table of rules (issue 4: "by gemeente, school type, particular
schools, e.g. one LPA for all mbo pupils"). The first active rule, in `volgorde`, whose
filled-in conditions ALL match decides; an empty condition matches anything. No rule:
no behandelaar, and the queue shows "niet toegewezen". Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Toewijzingsregel:
    volgorde: int
    behandelaar: str
    gemeente: str | None = None
    onderwijssoort: str | None = None
    school: str | None = None
    werkprocestype: str | None = None
    actief: bool = True
    #: A rule whose behandelaar can no longer sign in never assigns work.
    behandelaar_actief: bool = True
    #: Tie-breaker for equal `volgorde` (the database id: older rules first).
    nummer: int = 0


@dataclass(frozen=True)
class Situatie:
    """What is known of the case to hand over."""

    gemeente: str
    onderwijssoort: str | None
    school: str | None
    werkprocestype: str


def past(regel: Toewijzingsregel, situatie: Situatie) -> bool:
    voorwaarden = (
        (regel.gemeente, situatie.gemeente),
        (regel.onderwijssoort, situatie.onderwijssoort),
        (regel.school, situatie.school),
        (regel.werkprocestype, situatie.werkprocestype),
    )
    return all(gevraagd is None or gevraagd == waarde for gevraagd, waarde in voorwaarden)


def kies_regel(regels: Iterable[Toewijzingsregel], situatie: Situatie) -> Toewijzingsregel | None:
    for regel in sorted(regels, key=lambda r: (r.volgorde, r.nummer)):
        if regel.actief and regel.behandelaar_actief and past(regel, situatie):
            return regel
    return None


def kies_behandelaar(regels: Iterable[Toewijzingsregel], situatie: Situatie) -> str | None:
    """The user name of the behandelaar, or None ("niet toegewezen")."""
    regel = kies_regel(regels, situatie)
    return regel.behandelaar if regel else None
