"""Filters of the dossier pages: codes of the exchange format shown by their Dutch names."""

from django import template

from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN

register = template.Library()


@register.filter
def onderwijssoort(code: str | None) -> str:
    """ "bao" -> "basisonderwijs"; an unknown code is shown as it is."""
    return ONDERWIJSSOORTEN.get(code or "", code or "")
