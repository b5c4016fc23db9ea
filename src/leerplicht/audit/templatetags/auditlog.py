"""Template tags of the audit app (the menu shows the audit log only to the privacy officer)."""

from django import template

from leerplicht.domein.rollen import NAMEN, Rol
from leerplicht.toegang.beleid import leest_auditlog

register = template.Library()


@register.simple_tag
def ziet_auditlog(gebruiker) -> bool:
    return leest_auditlog(gebruiker)


@register.filter
def actienaam(code: str) -> str:
    from leerplicht.audit.logboek import ACTIES

    return ACTIES.get(code, code)


@register.filter
def naam_van_rol(code: str) -> str:
    """The Dutch name of a rol code as stored in an entry ("" stays "")."""
    try:
        return NAMEN[Rol(code)]
    except ValueError:
        return code


@register.filter
def herkomst(regel) -> str:
    """Where an entry came from: the address, a command on the server, or unknown."""
    if regel.ip_adres:
        return regel.ip_adres
    if regel.gebruikersnaam.startswith("systeem:"):
        return "(opdracht op de server)"
    return "(onbekend)"
