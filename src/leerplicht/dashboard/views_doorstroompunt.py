"""The Doorstroompunt's figures screen: the `vsv` and `verzuim_18plus` sections of the
rapport (figures.md and its extensions) over the user's gemeenten, beside the year before.

Nothing is counted here, so the screen cannot disagree with `leerplicht rapport`: every
number is a number of the rapport (`bewaren.vaststellen.rapport_van`, which is
`maak_rapport`, or for a frozen school year the figures `rapport` prints), laid out by
`doorstroompunt_tabellen`; the choice is read by `cijfers.keuze`. Aggregated figures are no dossier
read: one "inzien" entry with the filter, no persons.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.cijfers.keuze import keuzejaren, lees_keuze
from leerplicht.domein.rollen import Handeling
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van
from leerplicht.toegang.bescherming import vereist_handeling

from .doorstroompunt_tabellen import verzuim_tabellen, vsv_tabellen

SECTIES = ("vsv", "verzuim_18plus")


@never_cache
@require_safe
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def cijfers(request: HttpRequest) -> HttpResponse:
    """The vsv and verzuim 18+ figures of one school year for the user's gemeenten (or one)."""
    eigen = sorted(gemeenten_van(request.user))
    keuze, meldingen = lees_keuze(request.GET, eigen, timezone.localdate())
    jaar, gemeente = keuze.jaar, keuze.gemeente
    context: dict = {
        "jaren": [j.naam for j in keuzejaren(timezone.localdate())],
        "jaar": jaar,
        "vorig": jaar.vorige(),
        "gemeenten": Gemeente.objects.filter(code__in=eigen).order_by("naam"),
        "gemeente": gemeente,
        "meldingen": meldingen,
    }
    if eigen:
        nu = rapport_van(jaar, gemeenten=keuze.gemeenten)
        vorig = rapport_van(jaar.vorige(), gemeenten=keuze.gemeenten)
        bereik = nu["gemeenten"][gemeente]["naam"] if gemeente else "al uw gemeenten"
        vsv = vsv_tabellen(nu, vorig, bereik)
        verzuim = verzuim_tabellen(nu, vorig, bereik)
        context |= {
            "bereik": bereik,
            "delen": [
                ("vsv", "Voortijdig schoolverlaters", vsv),
                ("verzuim", "Verzuim 18+", verzuim),
            ],
            "ontbreekt": any(t.ontbreekt for t in vsv + verzuim),
        }
        registreer(
            "inzien",
            request=request,
            object_type="doorstroompunt_cijfers",
            velden=SECTIES,
            toelichting={"schooljaar": jaar.naam, "gemeente": gemeente or "alle"},
        )
    return render(request, "dashboard/doorstroompunt.html", context)
