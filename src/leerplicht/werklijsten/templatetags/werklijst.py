"""Filters of the worklist and team pages."""

from django import template

from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.doorlooptijd import dagen_tekst
from leerplicht.domein.formattering import getal

register = template.Library()


@register.filter
def dagen(waarde: float | None) -> str:
    """12.5 -> "12,5"; None -> "-"."""
    return dagen_tekst(waarde)


@register.filter
def aantal(waarde: int) -> str:
    """1209 -> "1.209"."""
    return getal(int(waarde))


@register.filter
def werkprocestype(code: str | None) -> str:
    return WERKPROCES_TYPEN.get(code or "", code or "")
