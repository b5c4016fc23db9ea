"""Template tags that ask `beleid` (menus show only what the user may open)."""

from django import template

from leerplicht.domein.rollen import NAMEN
from leerplicht.toegang import beleid

register = template.Library()


@register.simple_tag
def ziet_dossiers(gebruiker) -> bool:
    return beleid.ziet_dossiers(gebruiker)


@register.simple_tag
def rolnaam(gebruiker) -> str:
    """The Dutch name of the user's rol, or "" without one."""
    rol = beleid.rol_van(gebruiker)
    return NAMEN[rol] if rol else ""
