"""Dossier pages: the person search (POST, so a BSN never lands in a URL or access log)
and one person's dossier. Thin views: `toegang.beleid` decides, `toegang.dossier` assembles."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from leerplicht.toegang.audit import registreer_inzien
from leerplicht.toegang.bescherming import vereist_dossiertoegang
from leerplicht.toegang.dossier import dossier_voor, zoek_persoon


class ZonderWaarde(forms.TextInput):
    """A text box that never shows what was typed (like a password box, but visible text)."""

    def format_value(self, value: object) -> None:
        return None


class Zoekformulier(forms.Form):
    zoekterm = forms.CharField(
        label="BSN of persoonsnummer",
        max_length=64,
        error_messages={
            "required": "Vul een BSN of persoonsnummer in.",
            "max_length": "Een BSN of persoonsnummer is hoogstens 64 tekens lang.",
        },
        widget=ZonderWaarde(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_dossiertoegang
def zoeken(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: to the dossier, or "niet gevonden" (also for other gemeenten).

    The form is never filled in again with what was typed, so a BSN does not
    come back in the page either.
    """
    niet_gevonden = False
    formulier = Zoekformulier(request.POST if request.method == "POST" else None)
    if formulier.is_valid():
        persoon = zoek_persoon(request.user, formulier.cleaned_data["zoekterm"])
        if persoon is not None:
            return redirect("register:persoon", persoon_id=persoon.pk)
        niet_gevonden = True
    return render(
        request,
        "register/zoeken.html",
        {"formulier": formulier, "niet_gevonden": niet_gevonden},
    )


@never_cache
@require_safe
@vereist_dossiertoegang
def persoon(request: HttpRequest, persoon_id: str) -> HttpResponse:
    """The dossier of one person as the user may see it; 404 outside their reach."""
    dossier = dossier_voor(request.user, persoon_id)
    registreer_inzien(
        request, object_type="persoon", object_id=dossier.persoon.pk, velden=dossier.velden
    )
    return render(request, "register/persoon.html", {"dossier": dossier})
