"""Mijn werk (every dossier rol) and the team view (the teammanager). Thin views:
`werklijst` and `doorlooptijden` compute, `toegang.beleid` scopes."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.rollen import Handeling
from leerplicht.meldingen.models import Melding
from leerplicht.thuiszitters.formulieren import datumveld
from leerplicht.toegang import beleid
from leerplicht.toegang.bescherming import vereist_dossiertoegang, vereist_handeling
from leerplicht.werkprocessen.models import Werkproces

from .doorlooptijden import MAATEN, caseload, doorlooptijden
from .werklijst import werklijst


@never_cache
@require_safe
@vereist_dossiertoegang
def mijn(request: HttpRequest) -> HttpResponse:
    lijst = werklijst(request.user, timezone.localdate())
    registreer(
        "inzien",
        request=request,
        object_type="werklijst",
        velden=["werkprocessen", "termijnen", "verzuimstaten_te_laat", "nieuwe_meldingen"],
        toelichting={
            "werkprocessen": lijst.werkprocessen.aantal,
            "termijnen": len(lijst.termijnen),
            "te_laat": lijst.te_laat.aantal,
            "nieuw": lijst.nieuw.aantal,
        },
    )
    return render(request, "werklijsten/mijn.html", {"lijst": lijst})


class Periodeformulier(forms.Form):
    van = datumveld("Van", verplicht=True)
    tot = datumveld("Tot en met", verplicht=True)

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        if van and tot and (tot - van).days > 366 * 5:
            self.add_error("van", "Kies een periode van hoogstens 5 jaar.")
        return data


@never_cache
@require_safe
@vereist_handeling(Handeling.TEAM_STUREN)
def team(request: HttpRequest) -> HttpResponse:
    """Caseload now, and lead times over a period (dates in the query string: no person
    data). Aggregates only, no persons: no "inzien" entry."""
    vandaag = timezone.localdate()
    standaard = {"van": vandaag - timedelta(days=365), "tot": vandaag}
    formulier = Periodeformulier(request.GET if "van" in request.GET else None, initial=standaard)
    van: date
    tot: date
    if formulier.is_bound and formulier.is_valid():
        van, tot = formulier.cleaned_data["van"], formulier.cleaned_data["tot"]
    else:
        van, tot = standaard["van"], standaard["tot"]
    werkprocessen = beleid.zichtbaar(request.user, Werkproces)
    regels, typen = caseload(werkprocessen)
    tijden = doorlooptijden(werkprocessen, beleid.zichtbaar(request.user, Melding), van, tot)
    return render(
        request,
        "werklijsten/team.html",
        {
            "formulier": formulier,
            "van": van,
            "tot": tot,
            "caseload": [(c, [c.per_type.get(t, 0) for t in typen]) for c in regels],
            "typen": [WERKPROCES_TYPEN[t] for t in typen],
            "totaal_open": sum(c.totaal for c in regels),
            "maten": [(naam, tijden.totaal[sleutel]) for sleutel, naam in MAATEN.items()],
            "per_behandelaar": [
                (b, [tijden.per_behandelaar[b][sleutel] for sleutel in MAATEN])
                for b in tijden.behandelaars
            ],
            "maatnamen": list(MAATEN.values()),
        },
        status=400 if formulier.is_bound and formulier.errors else 200,
    )
