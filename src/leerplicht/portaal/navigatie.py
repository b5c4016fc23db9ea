"""The main menu: one entry per area of the work, shown only to whom may open it.

Each entry names its URL and asks `toegang.beleid` (a rol check or a handeling); an
entry whose URL does not exist (yet) is left out, so an area adds its page and its
entry appears. The menu's order is the order of the day's work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from leerplicht.domein.rollen import Handeling
from leerplicht.toegang import beleid


@dataclass(frozen=True)
class Menuitem:
    url_naam: str
    tekst: str
    zichtbaar: Callable[[object], bool]


def _handeling(handeling: Handeling) -> Callable[[object], bool]:
    return lambda gebruiker: beleid.mag(gebruiker, handeling)


MENU: tuple[Menuitem, ...] = (
    Menuitem("portaal:start", "Start", lambda g: True),
    Menuitem("werklijsten:mijn", "Mijn werk", beleid.ziet_dossiers),
    Menuitem("meldingen:wachtrij", "Meldingen", _handeling(Handeling.MELDINGEN_VERWERKEN)),
    Menuitem("dossier:zoeken", "Zoeken", beleid.ziet_dossiers),
    Menuitem(
        "vrijstellingen:overzicht",
        "Vrijstellingen en verlof",
        _handeling(Handeling.VRIJSTELLING_REGISTREREN),
    ),
    Menuitem("thuiszitters:lijst", "Thuiszitters", beleid.ziet_dossiers),
    Menuitem(
        "doorstroompunt:overzicht",
        "Doorstroompunt",
        _handeling(Handeling.DOORSTROOMPUNT_WERKEN),
    ),
    Menuitem("jikp:lijst", "JIKP", _handeling(Handeling.DOORSTROOMPUNT_WERKEN)),
    Menuitem(
        "doorstroompunt:cijfers",
        "Cijfers Doorstroompunt",
        _handeling(Handeling.DOORSTROOMPUNT_WERKEN),
    ),
    Menuitem("dashboard:start", "Dashboard", beleid.ziet_cijfers),
    Menuitem("verslagen:jaarverslag", "Jaarverslag", beleid.ziet_cijfers),
    Menuitem("werklijsten:team", "Team", _handeling(Handeling.TEAM_STUREN)),
    Menuitem("brieven:sjablonen", "Briefsjablonen", _handeling(Handeling.SJABLONEN_BEHEREN)),
    Menuitem("audit:overzicht", "Auditlog", beleid.leest_auditlog),
)


def menu_voor(gebruiker) -> list[tuple[str, str, str]]:
    """(url_naam, href, tekst) of the entries this user sees and that exist."""
    items = []
    for item in MENU:
        if not item.zichtbaar(gebruiker):
            continue
        try:
            items.append((item.url_naam, reverse(item.url_naam), item.tekst))
        except NoReverseMatch:
            continue
    return items
