"""What each rol can do, in the words the start page shows (docs/gebruikers/rollen.md)."""

from __future__ import annotations

from leerplicht.domein.rollen import Rol

from .beleid import BEVOEGDHEDEN, Dossierbereik, Gebruiker, gemeenten_van, rol_van

UITLEG: dict[Rol, str] = {
    Rol.ADMINISTRATIEF_MEDEWERKER: (
        "U ziet de dossiers en de kerncijfers van uw gemeenten: personen, meldingen, "
        "werkprocessen, vrijstellingen, thuiszitters en vsv-trajecten."
    ),
    Rol.LEERPLICHTAMBTENAAR: (
        "U ziet de dossiers en de kerncijfers van uw gemeenten: personen, meldingen, "
        "werkprocessen, vrijstellingen, thuiszitters en vsv-trajecten."
    ),
    Rol.CONSULENT_DOORSTROOMPUNT: (
        "U ziet het 18+-werk van uw gemeenten: jongeren in de doelgroep van het "
        "Doorstroompunt, verzuim 18+, vsv-trajecten en jongeren in een kwetsbare positie, "
        "en de kerncijfers. Leerplichtdossiers van jongere kinderen ziet u niet."
    ),
    Rol.TEAMMANAGER: (
        "U ziet de dossiers en de kerncijfers van uw gemeenten, voor de caseload, "
        "de doorlooptijden en het jaarverslag."
    ),
    Rol.BELEIDSMEDEWERKER: (
        "U ziet de kerncijfers van uw gemeente. Dossiers van personen ziet u niet."
    ),
    Rol.APPLICATIEBEHEERDER: (
        "U beheert gebruikers, gemeenten, scholen en instellingen. Dossiers en cijfers ziet u niet."
    ),
    Rol.PRIVACY_OFFICER: (
        "U leest het auditlog: wie welk dossier heeft bekeken of gewijzigd. "
        "Dossiers zelf bladert u niet door."
    ),
}

ZONDER_ROL = (
    "Uw account heeft nog geen rol of gemeente. Vraag de applicatiebeheerder om u een rol "
    "en de gemeenten te geven waarvoor u werkt."
)


ZONDER_GEMEENTE = (
    "Uw account werkt nog voor geen enkele gemeente, dus u ziet nog geen dossiers of cijfers. "
    "Vraag de applicatiebeheerder om u de gemeenten te geven waarvoor u werkt."
)


def uitleg_voor(gebruiker: Gebruiker) -> str:
    rol = rol_van(gebruiker)
    if rol is None:
        return ZONDER_ROL
    bevoegd = BEVOEGDHEDEN[rol]
    heeft_gemeente_nodig = bevoegd.cijfers or bevoegd.dossiers is not Dossierbereik.GEEN
    if heeft_gemeente_nodig and not gemeenten_van(gebruiker):
        return f"{UITLEG[rol]} {ZONDER_GEMEENTE}"
    return UITLEG[rol]
