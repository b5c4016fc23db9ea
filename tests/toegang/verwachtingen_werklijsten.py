"""Matrix expectations of Mijn werk and the team view (werklijsten)."""

from __future__ import annotations

from matrixhulp import DOSSIERROLLEN, Geval, Verzoek, alleen

from leerplicht.domein.rollen import Rol

TEAMMANAGER = frozenset({Rol.TEAMMANAGER})


def _mijn(w) -> list[Geval]:
    return [Geval(Verzoek("get", "/werk/"), alleen(DOSSIERROLLEN))]


def _team(w) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/werk/team/"), alleen(TEAMMANAGER)),
        Geval(Verzoek("get", "/werk/team/?van=2024-01-01&tot=2027-12-31"), alleen(TEAMMANAGER)),
        # A period the wrong way round: the form says so (400), still teammanager only.
        Geval(
            Verzoek("get", "/werk/team/?van=2025-01-01&tot=2024-01-01"),
            alleen(TEAMMANAGER, ja=400),
        ),
    ]


VERWACHTINGEN = {"werklijsten:mijn": _mijn, "werklijsten:team": _team}
