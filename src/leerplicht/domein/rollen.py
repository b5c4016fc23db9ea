"""Rollen: who may see what, by the task the law gives them (domain.md, "Who uses it").

Pure Python: the decisions on objects live in `leerplicht.toegang.beleid`, which
asks these sets. A rol never widens by itself; a user sees only the gemeenten
they work for.
"""

from __future__ import annotations

from enum import StrEnum


class Rol(StrEnum):
    ADMINISTRATIEF_MEDEWERKER = "administratief_medewerker"
    LEERPLICHTAMBTENAAR = "leerplichtambtenaar"
    CONSULENT_DOORSTROOMPUNT = "consulent_doorstroompunt"
    TEAMMANAGER = "teammanager"
    BELEIDSMEDEWERKER = "beleidsmedewerker"
    APPLICATIEBEHEERDER = "applicatiebeheerder"
    PRIVACY_OFFICER = "privacy_officer"


NAMEN: dict[Rol, str] = {
    Rol.ADMINISTRATIEF_MEDEWERKER: "administratief medewerker",
    Rol.LEERPLICHTAMBTENAAR: "leerplichtambtenaar",
    Rol.CONSULENT_DOORSTROOMPUNT: "consulent Doorstroompunt",
    Rol.TEAMMANAGER: "teammanager",
    Rol.BELEIDSMEDEWERKER: "beleidsmedewerker gemeente",
    Rol.APPLICATIEBEHEERDER: "applicatiebeheerder",
    Rol.PRIVACY_OFFICER: "privacy officer",
}

#: Rollen that open dossiers of persons (of their own gemeenten); they must use
#: a second factor when signing in.
ZIET_DOSSIERS: frozenset[Rol] = frozenset(
    {
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.LEERPLICHTAMBTENAAR,
        Rol.CONSULENT_DOORSTROOMPUNT,
        Rol.TEAMMANAGER,
    }
)

#: Rollen that see aggregated figures of their gemeenten (never a person).
ZIET_CIJFERS: frozenset[Rol] = frozenset(
    {
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.LEERPLICHTAMBTENAAR,
        Rol.CONSULENT_DOORSTROOMPUNT,
        Rol.TEAMMANAGER,
        Rol.BELEIDSMEDEWERKER,
    }
)

#: Rollen whose sign-in requires a second factor: everyone who sees personal
#: data or controls who does.
VEREIST_TWEE_FACTOREN: frozenset[Rol] = ZIET_DOSSIERS | {
    Rol.APPLICATIEBEHEERDER,
    Rol.PRIVACY_OFFICER,
}
