"""Dossier pages: the search (POST, so a BSN never lands in a URL or access log) and one
person's dossier. Thin views: `toegang.beleid` decides, `dossier.opbouw` assembles the
dossier and `werklijsten.zoeken` searches."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from leerplicht.audit.inzien import registreer_inzien
from leerplicht.audit.logboek import registreer
from leerplicht.domein.leeftijd import leeftijd_op
from leerplicht.domein.rollen import Handeling
from leerplicht.dossier.opbouw import dossier_voor
from leerplicht.register import diensten
from leerplicht.register.forms import Leerplichtfeitenformulier
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid
from leerplicht.toegang.bescherming import (
    object_of_404,
    vereist_dossiertoegang,
    vereist_handeling,
)
from leerplicht.versiebeheer import Versieconflict
from leerplicht.werklijsten.zoeken import soort_zoekterm, zoek

ZOEKHINT = (
    "Zoek op BSN, persoonsnummer, meldingsnummer, werkprocesnummer of school (BRIN of een "
    "deel van de naam). Personen hebben in dit systeem geen naam."
)


class ZonderWaarde(forms.TextInput):
    """A text box that never shows what was typed (like a password box, but visible text)."""

    def format_value(self, value: object) -> None:
        return None


class Zoekformulier(forms.Form):
    zoekterm = forms.CharField(
        label="Zoekterm",
        max_length=64,
        help_text=ZOEKHINT,
        error_messages={
            "required": (
                "Vul een zoekterm in: een BSN, persoonsnummer, meldingsnummer, "
                "werkprocesnummer of school."
            ),
            "max_length": "Een zoekterm is hoogstens 64 tekens lang.",
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
    """GET: the form. POST: one hit -> straight to it; more -> a list; none -> "niet
    gevonden" (also for what lies outside the user's reach).

    The form is never filled in again with what was typed, so a BSN does not come back
    in the page either. Each search is logged with the kind of term, never the term.
    """
    niet_gevonden = False
    resultaat = None
    formulier = Zoekformulier(request.POST if request.method == "POST" else None)
    if formulier.is_valid():
        term = formulier.cleaned_data["zoekterm"]
        resultaat = zoek(request.user, term, timezone.localdate())
        registreer(
            "zoeken",
            request=request,
            object_type="zoekopdracht",
            toelichting={
                "soort_zoekterm": soort_zoekterm(term),
                "gevonden_als": sorted(resultaat.soorten),
                "aantal": len(resultaat.treffers),
            },
        )
        if len(resultaat.treffers) == 1:
            return redirect(resultaat.treffers[0].pad)
        niet_gevonden = not resultaat.treffers
    return render(
        request,
        "dossier/zoeken.html",
        {"formulier": formulier, "niet_gevonden": niet_gevonden, "resultaat": resultaat},
    )


@never_cache
@require_safe
@vereist_dossiertoegang
def persoon(request: HttpRequest, persoon_id: str) -> HttpResponse:
    """The dossier of one person as the user may see it; 404 outside their reach."""
    dossier = dossier_voor(request.user, persoon_id)
    registreer_inzien(
        request,
        object_type="persoon",
        object_id=dossier.persoon.pk,
        velden=dossier.velden,
        persoon_id=dossier.persoon.pk,
    )
    return render(
        request,
        "dossier/persoon.html",
        {
            "dossier": dossier,
            "mag_thuiszitten_registreren": beleid.mag(request.user, Handeling.MELDINGEN_VERWERKEN),
            "mag_feiten_vastleggen": beleid.mag(request.user, Handeling.MELDINGEN_VERWERKEN),
            # Zorg en preventie 18+: for the Doorstroompunt's work, from the 18th birthday.
            "mag_zorg_preventie_18plus": beleid.mag(request.user, Handeling.DOORSTROOMPUNT_WERKEN)
            and leeftijd_op(dossier.persoon.geboortedatum, timezone.localdate()) >= 18,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.MELDINGEN_VERWERKEN)
def leerplichtfeiten(request: HttpRequest, persoon_id: str) -> HttpResponse:
    """Record the facts that end a leerplicht early (art. 3 lid 1 onder a, art. 4a lid 2).

    The administratie completes the dossier (domain.md), so the rollen that process
    meldingen record them; 404 outside their reach. Saving is logged by the audit
    signals (before and after per field); the next sweep and de-registration use them.
    """
    p: Persoon = object_of_404(request.user, Persoon, pk=persoon_id)
    if request.method == "POST":
        formulier = Leerplichtfeitenformulier(request.POST, geboortedatum=p.geboortedatum)
        if formulier.is_valid():
            try:
                diensten.leg_leerplichtfeiten_vast(
                    p.pk, formulier.cleaned_data, formulier.cleaned_data["stand"]
                )
            except Versieconflict as conflict:
                formulier.add_error(None, conflict.bericht)
            else:
                messages.success(request, "De gegevens over de leerplicht zijn opgeslagen.")
                return redirect("dossier:persoon", persoon_id=p.pk)
    else:
        formulier = Leerplichtfeitenformulier(
            initial={veld: getattr(p, veld) or "" for veld in diensten.FEITENVELDEN}
            | {"stand": diensten.stand_van(p)},
            geboortedatum=p.geboortedatum,
        )
        registreer(
            "inzien",
            request=request,
            object_type="persoon",
            object_id=p.pk,
            persoon_id=p.pk,
            velden=["id", *diensten.FEITENVELDEN],
        )
    return render(
        request,
        "dossier/leerplichtfeiten.html",
        {"persoon": p, "formulier": formulier},
        status=400 if formulier.is_bound and formulier.errors else 200,
    )
