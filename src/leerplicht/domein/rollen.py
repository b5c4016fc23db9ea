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


class Handeling(StrEnum):
    """What a medewerker does in the casework, beyond reading a dossier.

    Which objects they may do it on is still decided by `toegang.beleid` (gemeente,
    Doorstroompunt reach); this table only says which rol does which kind of work.
    """

    #: The administratie's queue: intake, verzuimstaat, completing, handing over.
    MELDINGEN_VERWERKEN = "meldingen_verwerken"
    #: Letters from a template (kennisgeving, uitnodiging, waarschuwing, ...).
    BRIEVEN_VERSTUREN = "brieven_versturen"
    #: Notes and documents on a werkproces.
    NOTITIES_MAKEN = "notities_maken"
    #: Interventies, the MAS route, Halt and processen-verbaal, closing a werkproces.
    WERKPROCES_BEHANDELEN = "werkproces_behandelen"
    #: Registering requests for vrijstelling or verlof and their documents.
    VRIJSTELLING_REGISTREREN = "vrijstelling_registreren"
    #: Deciding on a vrijstelling or on verlof of more than 10 days (the LPA's power).
    VRIJSTELLING_BESLUITEN = "vrijstelling_besluiten"
    #: The assignment rules (which LPA gets which meldingen), caseload and lead times.
    TEAM_STUREN = "team_sturen"
    #: The letter templates (.docx).
    SJABLONEN_BEHEREN = "sjablonen_beheren"
    #: The Doorstroompunt's lists and vsv-trajecten: intake, monitoring, closing.
    DOORSTROOMPUNT_WERKEN = "doorstroompunt_werken"
    #: The jaarverslag's texts (the draft sentences and the introduction) before publishing.
    VERSLAG_SCHRIJVEN = "verslag_schrijven"


#: Who does what (domain.md, "Who uses it"). A rol not listed for a handeling may not.
HANDELINGEN: dict[Handeling, frozenset[Rol]] = {
    Handeling.MELDINGEN_VERWERKEN: frozenset(
        {Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER}
    ),
    # The administratie "sends letters" (domain.md) as well as the casehandlers.
    Handeling.BRIEVEN_VERSTUREN: frozenset(
        {
            Rol.ADMINISTRATIEF_MEDEWERKER,
            Rol.LEERPLICHTAMBTENAAR,
            Rol.CONSULENT_DOORSTROOMPUNT,
            Rol.TEAMMANAGER,
        }
    ),
    Handeling.NOTITIES_MAKEN: frozenset(
        {
            Rol.ADMINISTRATIEF_MEDEWERKER,
            Rol.LEERPLICHTAMBTENAAR,
            Rol.CONSULENT_DOORSTROOMPUNT,
            Rol.TEAMMANAGER,
        }
    ),
    # Conversations, warnings, Halt, processen-verbaal: the ambtenaar's legal powers.
    Handeling.WERKPROCES_BEHANDELEN: frozenset(
        {Rol.LEERPLICHTAMBTENAAR, Rol.CONSULENT_DOORSTROOMPUNT, Rol.TEAMMANAGER}
    ),
    Handeling.VRIJSTELLING_REGISTREREN: frozenset(
        {Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER}
    ),
    # Art. 5-7, 11 onder g, 14: a decision of the leerplichtambtenaar (or the teammanager,
    # who is one in most teams); never the administratie.
    Handeling.VRIJSTELLING_BESLUITEN: frozenset({Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER}),
    Handeling.TEAM_STUREN: frozenset({Rol.TEAMMANAGER}),
    # The consulent's own work; the teammanager steers and stands in.
    Handeling.DOORSTROOMPUNT_WERKEN: frozenset({Rol.CONSULENT_DOORSTROOMPUNT, Rol.TEAMMANAGER}),
    Handeling.SJABLONEN_BEHEREN: frozenset({Rol.APPLICATIEBEHEERDER}),
    # The team publishes the report to its gemeenteraad: its manager words it.
    Handeling.VERSLAG_SCHRIJVEN: frozenset({Rol.TEAMMANAGER}),
}
