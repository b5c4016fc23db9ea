"""The one place that decides access. Views, exports, search and reports ask here.

A user without a Medewerker record (or inactive) has no rol and sees nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from leerplicht.domein.rollen import ZIET_CIJFERS, ZIET_DOSSIERS, Rol

from .models import Medewerker

Gebruiker = AbstractBaseUser | AnonymousUser


def medewerker_van(gebruiker: Gebruiker) -> Medewerker | None:
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return None
    try:
        return gebruiker.medewerker
    except Medewerker.DoesNotExist:
        return None


def rol_van(gebruiker: Gebruiker) -> Rol | None:
    medewerker = medewerker_van(gebruiker)
    return Rol(medewerker.rol) if medewerker else None


def gemeenten_van(gebruiker: Gebruiker) -> frozenset[str]:
    """CBS-codes of the gemeenten the user works for (empty without a rol)."""
    medewerker = medewerker_van(gebruiker)
    if medewerker is None:
        return frozenset()
    return frozenset(medewerker.gemeenten.values_list("code", flat=True))


def ziet_dossiers(gebruiker: Gebruiker) -> bool:
    return rol_van(gebruiker) in ZIET_DOSSIERS


def ziet_cijfers(gebruiker: Gebruiker) -> bool:
    return rol_van(gebruiker) in ZIET_CIJFERS
