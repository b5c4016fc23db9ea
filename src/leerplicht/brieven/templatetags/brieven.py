"""`{% brief_formulier_voor werkproces user as brief_formulier %}`: the letter form for
the werkproces page (Task B includes brieven/brief_versturen.html), or None when this
user does not send letters or the werkproces is closed."""

from __future__ import annotations

from django import template

from leerplicht.brieven.forms import Briefformulier
from leerplicht.domein.rollen import Handeling
from leerplicht.toegang.beleid import mag

register = template.Library()


@register.simple_tag
def brief_formulier_voor(werkproces, gebruiker) -> Briefformulier | None:
    if werkproces is None or werkproces.gesloten is not None:
        return None
    if not mag(gebruiker, Handeling.BRIEVEN_VERSTUREN):
        return None
    return Briefformulier(initial={"versie": werkproces.versie})
