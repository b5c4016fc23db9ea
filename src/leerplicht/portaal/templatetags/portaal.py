"""Template tags of the portaal."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def omgeving() -> str:
    """The environment the app runs in: demo, test or productie (settings.OMGEVING)."""
    return settings.OMGEVING


@register.simple_tag
def hoofdmenu(gebruiker) -> list[tuple[str, str, str]]:
    """The main menu entries this user sees (portaal/navigatie.py)."""
    from leerplicht.portaal.navigatie import menu_voor

    return menu_voor(gebruiker)
