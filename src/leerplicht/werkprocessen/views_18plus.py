"""The Doorstroompunt's 18+ screens on werkprocessen: open a zorg en preventie 18+ traject
for a person, and record the outcome (`uitkomst_18plus`) of a verzuim 18+ or zorg en
preventie 18+ werkproces. Thin views over `werkprocessen.verzuim_18plus`.

Each page works without JavaScript (POST, redirect, GET); a broken rule shows the form
again (400), a versie conflict the conflict message (409).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from leerplicht.audit.logboek import registreer
from leerplicht.domein import codes
from leerplicht.domein.rollen import Handeling
from leerplicht.invoer.formulieren import KEUZELIJST
from leerplicht.register.models import Persoon
from leerplicht.toegang.beleid import mag_schrijven_over
from leerplicht.toegang.bescherming import object_of_404, vereist_handeling

from . import verzuim_18plus as dienst
from .diensten import CONFLICTMELDING, Regelfout, Versieconflict
from .forms import Werkprocesformulier, _keuzes
from .models import Werkproces


class Uitkomst18plusformulier(Werkprocesformulier):
    voorvoegsel = "uitkomst18"

    uitkomst_18plus = forms.ChoiceField(
        label="Uitkomst",
        choices=_keuzes(codes.VERZUIM_18PLUS_UITKOMSTEN, "Kies een uitkomst"),
        error_messages={
            "required": "Kies een uitkomst.",
            "invalid_choice": "Kies een uitkomst uit de lijst.",
        },
    )


class Trajectformulier(forms.Form):
    prefix = "traject"
    reden_18plus = forms.ChoiceField(
        label="Reden",
        choices=_keuzes(codes.ZORG_PREVENTIE_18PLUS_REDENEN, "Kies een reden"),
        widget=forms.Select(attrs={"class": KEUZELIJST}),
        error_messages={
            "required": "Kies een reden: een traject zorg en preventie 18+ heeft altijd een reden.",
            "invalid_choice": "Kies een reden uit de lijst.",
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@vereist_handeling(Handeling.WERKPROCES_BEHANDELEN)
def uitkomst_18plus(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    """Record the outcome of the consulent's work on an 18+ werkproces."""
    werkproces = object_of_404(request.user, Werkproces, pk=werkproces_id)
    if werkproces.type not in dienst.TYPEN_18PLUS:
        raise Http404
    registreer(
        "inzien",
        request=request,
        object_type="werkproces",
        object_id=werkproces.pk,
        persoon_id=werkproces.persoon_id,
        velden=("type", "reden_18plus", "uitkomst_18plus", "gesloten"),
    )
    conflict = ""
    status = 200
    if request.method == "POST":
        formulier = Uitkomst18plusformulier(request.POST, werkproces=werkproces)
        if formulier.is_valid():
            d: dict[str, Any] = formulier.cleaned_data
            try:
                dienst.leg_uitkomst_vast(
                    werkproces,
                    uitkomst=d["uitkomst_18plus"],
                    door=request.user.get_username(),
                    versie=d["versie"],
                )
            except Versieconflict:
                conflict, status = CONFLICTMELDING, 409
            except Regelfout as fout:
                formulier.voeg_fouten_toe(fout.fouten)
                status = 400
            else:
                messages.success(request, "De uitkomst is vastgelegd.")
                return redirect(
                    reverse("werkprocessen:werkproces", args=[werkproces.pk]) + "#tijdlijn"
                )
        else:
            status = 400
        werkproces.refresh_from_db()
        if conflict:
            formulier = Uitkomst18plusformulier(werkproces=werkproces)
    else:
        formulier = Uitkomst18plusformulier(
            werkproces=werkproces, initial={"uitkomst_18plus": werkproces.uitkomst_18plus}
        )
    return render(
        request,
        "werkprocessen/uitkomst_18plus.html",
        {"werkproces": werkproces, "formulier": formulier, "conflict": conflict},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@vereist_handeling(Handeling.WERKPROCES_BEHANDELEN)
def zorg_preventie_18plus_openen(request: HttpRequest, persoon_id: str) -> HttpResponse:
    """Open a zorg en preventie 18+ traject for a person of the user's gemeenten."""
    persoon = object_of_404(request.user, Persoon, pk=persoon_id)
    registreer(
        "inzien",
        request=request,
        object_type="persoon",
        object_id=persoon.pk,
        persoon_id=persoon.pk,
        velden=("id", "gemeente"),
    )
    status = 200
    if request.method == "POST":
        formulier = Trajectformulier(request.POST)
        if not mag_schrijven_over(request.user, persoon, persoon.gemeente_id):
            # Seen through an earlier record, but living elsewhere now: the traject is
            # the new woongemeente's (rule "schrijfbereik", docs/gebruikers/rollen.md).
            formulier.add_error(
                None,
                "Deze jongere woont niet (meer) in een van uw gemeenten; het traject hoort "
                "bij de gemeente waar hij of zij nu woont.",
            )
            status = 400
        elif formulier.is_valid():
            try:
                werkproces = dienst.open_zorg_preventie_traject(
                    persoon,
                    persoon.gemeente,
                    reden=formulier.cleaned_data["reden_18plus"],
                    door=request.user.get_username(),
                )
            except Regelfout as fout:
                for veld, meldingen in fout.fouten.items():
                    for melding in meldingen:
                        formulier.add_error(veld if veld in formulier.fields else None, melding)
                status = 400
            else:
                messages.success(request, "Het traject zorg en preventie 18+ is geopend.")
                return redirect("werkprocessen:werkproces", werkproces_id=werkproces.pk)
        else:
            status = 400
    else:
        formulier = Trajectformulier()
    return render(
        request,
        "werkprocessen/zorg_preventie_18plus.html",
        {"persoon": persoon, "formulier": formulier},
        status=status,
    )
