"""The Doorstroompunt's screens: the overview (lists of work) and the vsv-traject page
with its forms. Thin views: `toegang` decides who and what, `diensten` and `voorstellen`
do the work.

Forms POST to their own URL: on success a redirect to the page (POST, redirect, GET), on
a broken rule the page again with the message (400), on a versie conflict 409.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.domein import vsv_traject as regels
from leerplicht.domein.leeftijd import leeftijd_op
from leerplicht.domein.rollen import Handeling
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import duo_koppeling
from leerplicht.invoer.levering import als_bestand
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van, mag, overdrachten_voor, zichtbaar
from leerplicht.toegang.bescherming import object_of_404, vereist_dossiertoegang, vereist_handeling

from . import diensten, voorstellen
from .forms import (
    Afrondformulier,
    Afwijsformulier,
    Monitoringformulier,
    Uitschrijvingenformulier,
    Voorstelformulier,
    Vsvformulier,
)
from .models import Voorstel, Vsv
from .uitschrijvingen import neem_uitschrijvingen_in

#: What the traject page shows (audit "inzien": field names only).
GETOONDE_VELDEN = (
    "persoon",
    "leeftijd",
    "status",
    "behandelaar",
    "uitgeschreven",
    "monitoring_vanaf",
    "laatste_monitoring",
    "afgerond_op",
    "resultaat",
    "toelichting",
    "voorstellen",
)


# --- overzicht ----------------------------------------------------------------------------


@never_cache
@require_safe
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    """In behandeling, monitoring due, proposals "geen doelgroep meer", and the warm
    transfers from leerplicht; optionally for one of the user's gemeenten."""
    vandaag = timezone.localdate()
    eigen = sorted(gemeenten_van(request.user))
    gemeente = request.GET.get("gemeente", "")
    if gemeente and gemeente not in eigen:
        gemeente = ""  # another gemeente's code filters nothing in: show the own ones
    gekozen = [gemeente] if gemeente else eigen
    trajecten = zichtbaar(request.user, Vsv).filter(gemeente__in=gekozen)
    open_ = list(diensten.open_trajecten(trajecten).order_by("uitgeschreven", "pk"))
    for v in open_:
        v.nieuw_of_oud = regels.nieuw_of_oud(v.uitgeschreven, vandaag)
    in_behandeling = [v for v in open_ if v.monitoring_vanaf is None]
    verlopen = diensten.monitoring_verlopen(open_, vandaag)
    open_voorstellen = list(voorstellen.open_voorstellen(trajecten))
    overdrachten = list(
        diensten.overgedragen_door_leerplicht(
            overdrachten_voor(request.user).filter(gemeente__in=gekozen)
        )
    )
    registreer(
        "inzien",
        request=request,
        object_type="doorstroompunt_overzicht",
        velden=["in_behandeling", "monitoring_verlopen", "voorstellen", "overdrachten"],
        toelichting={
            "in_behandeling": len(in_behandeling),
            "monitoring_verlopen": len(verlopen),
            "voorstellen": len(open_voorstellen),
            "overdrachten": len(overdrachten),
        },
    )
    return render(
        request,
        "doorstroompunt/overzicht.html",
        {
            "gemeenten": Gemeente.objects.filter(code__in=eigen).order_by("naam"),
            "gemeente": gemeente,
            "in_behandeling": in_behandeling,
            "verlopen": verlopen,
            "voorstellen": open_voorstellen,
            "overdrachten": [
                (w, leeftijd_op(w.persoon.geboortedatum, vandaag)) for w in overdrachten
            ],
            "maanden": diensten.monitoring_maanden(),
            "mag_aannemen": mag(request.user, Handeling.DOORSTROOMPUNT_WERKEN),
        },
    )


@never_cache
@require_POST
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def overdracht_aannemen(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    """Open a Doorstroompunt werkproces for a warm transfer of the user's gemeenten."""
    overdracht = (
        diensten.overgedragen_door_leerplicht(overdrachten_voor(request.user))
        .filter(pk=werkproces_id)
        .first()
    )
    if overdracht is None:
        raise Http404  # not transferred, another gemeente's, or taken already: alike
    try:
        werkproces = diensten.neem_overdracht_aan(overdracht, door=request.user.get_username())
    except diensten.Regelfout as fout:
        messages.error(request, fout.bericht)
        return redirect("doorstroompunt:overzicht")
    messages.success(request, "Werkproces geopend voor de overgedragen jongere.")
    return redirect("werkprocessen:werkproces", werkproces_id=werkproces.pk)


# --- the traject page ---------------------------------------------------------------------


def _formulieren(
    request: HttpRequest,
    vsv: Vsv,
    status: regels.Vsvstatus,
    voorstel: Voorstel | None,
    ingevuld: Vsvformulier | None,
) -> dict[str, Vsvformulier]:
    if not mag(request.user, Handeling.DOORSTROOMPUNT_WERKEN):
        return {}

    def kan_naar(naar: regels.Vsvstatus) -> bool:
        return regels.mag_naar(status, naar) and mag(request.user, regels.ROUTE.nodig_naar(naar))

    formulieren: dict[str, Vsvformulier] = {}
    if kan_naar(regels.Vsvstatus.MONITORING):
        formulieren["monitoring"] = Monitoringformulier(vsv=vsv)
    if voorstel is not None:
        formulieren["voorstel"] = Voorstelformulier(vsv=vsv)
        formulieren["afwijzen"] = Afwijsformulier(vsv=vsv)
    if kan_naar(regels.Vsvstatus.AFGEROND):
        formulieren["afronden"] = Afrondformulier(vsv=vsv)
    if ingevuld is not None:
        formulieren[ingevuld.voorvoegsel] = ingevuld
    return formulieren


def _pagina(
    request: HttpRequest,
    vsv_id: str,
    *,
    ingevuld: Vsvformulier | None = None,
    conflict: bool = False,
    status: int = 200,
) -> HttpResponse:
    # Fetched again: a failed save was rolled back, the page shows what is stored.
    vsv = object_of_404(request.user, Vsv, pk=vsv_id)
    registreer(
        "inzien",
        request=request,
        object_type="vsv",
        object_id=vsv.pk,
        persoon_id=vsv.persoon_id,
        velden=GETOONDE_VELDEN,
    )
    vandaag = timezone.localdate()
    huidig = diensten.stand(vsv)
    voorstel = voorstellen.open_voorstel(vsv)
    context: dict[str, Any] = {
        "vsv": vsv,
        "leeftijd": leeftijd_op(vsv.persoon.geboortedatum, vandaag),
        "status": regels.NAMEN[huidig],
        "in_monitoring": huidig == regels.Vsvstatus.MONITORING,
        "volgende_monitoring": diensten.volgende_monitoring(vsv),
        "voorstel": voorstel,
        "meeverhuizen": voorstel is not None
        and voorstel.reden == regels.Voorstelreden.MEEVERHUIZEN,
        "naar_gemeente": (
            Gemeente.objects.filter(pk=voorstel.naar_gemeente).first() if voorstel else None
        ),
        "eerdere_voorstellen": list(voorstellen.behandelde_voorstellen(vsv)),
        "formulieren": _formulieren(request, vsv, huidig, voorstel, None if conflict else ingevuld),
        "conflict": diensten.CONFLICTMELDING if conflict else "",
        "fout": ingevuld is not None and not conflict,
        "maanden": diensten.monitoring_maanden(),
    }
    return render(request, "doorstroompunt/vsv.html", context, status=status)


@never_cache
@require_safe
@vereist_dossiertoegang
def vsv(request: HttpRequest, vsv_id: str) -> HttpResponse:
    return _pagina(request, vsv_id)


Actie = Callable[[Vsv, dict[str, Any], str], object]


def _verwerk(
    request: HttpRequest,
    vsv_id: str,
    maak: Callable[..., Vsvformulier],
    actie: Actie,
    gelukt: str,
) -> HttpResponse:
    vsv = object_of_404(request.user, Vsv, pk=vsv_id)
    formulier = maak(request.POST, vsv=vsv)
    if not formulier.is_valid():
        return _pagina(request, vsv.pk, ingevuld=formulier, status=400)
    try:
        actie(vsv, formulier.cleaned_data, request.user.get_username())
    except diensten.Versieconflict:
        return _pagina(request, vsv.pk, ingevuld=formulier, conflict=True, status=409)
    except diensten.Regelfout as fout:
        formulier.voeg_fout_toe(fout.veld, fout.bericht)
        return _pagina(request, vsv.pk, ingevuld=formulier, status=400)
    messages.success(request, gelukt)
    return redirect(reverse("doorstroompunt:vsv", args=[vsv.pk]))


def _met_resultaat(dienst: Callable[..., Vsv]) -> Actie:
    def actie(v: Vsv, d: dict[str, Any], door: str) -> Vsv:
        return dienst(
            v,
            resultaat=d["resultaat"],
            datum=d["datum"],
            toelichting=d.get("toelichting", ""),
            door=door,
            versie=d["versie"],
        )

    return actie


@never_cache
@require_POST
@vereist_handeling(regels.ROUTE.nodig_naar(regels.Vsvstatus.MONITORING))
def monitoring(request: HttpRequest, vsv_id: str) -> HttpResponse:
    """Naar monitoring (in behandeling) or a monitoring contact (in monitoring)."""
    vsv_ = object_of_404(request.user, Vsv, pk=vsv_id)
    dienst = diensten.leg_monitoring_vast if vsv_.monitoring_vanaf else diensten.naar_monitoring
    return _verwerk(
        request, vsv_id, Monitoringformulier, _met_resultaat(dienst), "Monitoring vastgelegd."
    )


@never_cache
@require_POST
@vereist_handeling(regels.ROUTE.nodig_naar(regels.Vsvstatus.AFGEROND))
def afronden(request: HttpRequest, vsv_id: str) -> HttpResponse:
    return _verwerk(
        request, vsv_id, Afrondformulier, _met_resultaat(diensten.rond_af), "Vsv-traject afgerond."
    )


def _het_open_voorstel(vsv: Vsv) -> Voorstel:
    voorstel = voorstellen.open_voorstel(vsv)
    if voorstel is None:
        raise diensten.Regelfout("Er is geen open voorstel voor dit vsv-traject.")
    return voorstel


@never_cache
@require_POST
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def voorstel_bevestigen(request: HttpRequest, vsv_id: str) -> HttpResponse:
    """Confirm the open proposal: closed with "geen doelgroep meer", or moved along."""
    huidig = voorstellen.open_voorstel(object_of_404(request.user, Vsv, pk=vsv_id))
    mee = huidig is not None and huidig.reden == regels.Voorstelreden.MEEVERHUIZEN
    gelukt = (
        "Het traject is meeverhuisd naar de nieuwe woongemeente."
        if mee
        else "Afgerond: geen doelgroep meer."
    )

    def actie(v: Vsv, d: dict[str, Any], door: str) -> Vsv:
        return voorstellen.bevestig(_het_open_voorstel(v), door=door, versie=d["versie"])

    try:
        antwoord = _verwerk(request, vsv_id, Voorstelformulier, actie, gelukt)
    except voorstellen.Voorstelvervallen as vervallen:
        # Nothing confirmed; the proposals were brought up to date: show them afresh.
        messages.warning(request, vervallen.bericht)
        return redirect(reverse("doorstroompunt:vsv", args=[vsv_id]))
    if antwoord.status_code == 302 and not zichtbaar(request.user, Vsv).filter(pk=vsv_id).exists():
        return redirect("doorstroompunt:overzicht")  # moved to a gemeente not the user's
    return antwoord


@never_cache
@require_POST
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def voorstel_afwijzen(request: HttpRequest, vsv_id: str) -> HttpResponse:
    """Reject the open proposal, with the reason; it is not made again."""

    def actie(v: Vsv, d: dict[str, Any], door: str) -> Voorstel:
        return voorstellen.wijs_af(
            _het_open_voorstel(v), door=door, toelichting=d["toelichting"], versie=d["versie"]
        )

    return _verwerk(request, vsv_id, Afwijsformulier, actie, "Voorstel afgewezen.")


# --- DUO's list of de-registrations without startkwalificatie --------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def uitschrijvingen(request: HttpRequest) -> HttpResponse:
    """Upload the list: every located error shown, nothing stored on error."""
    post = request.method == "POST"
    formulier = Uitschrijvingenformulier(
        request.POST if post else None,
        request.FILES if post else None,
        gemeenten=gemeenten_van(request.user),
    )
    fouten: list[str] = []
    if formulier.is_valid():
        bestand = formulier.cleaned_data["bestand"]
        gemeente = Gemeente.objects.get(code=formulier.cleaned_data["gemeente"])
        with als_bestand(bestand) as pad:
            try:
                resultaat = neem_uitschrijvingen_in(
                    duo_koppeling().lees_uitschrijvingen(pad),
                    gemeente=gemeente,
                    door=request.user,
                    request=request,
                )
            except OngeldigeLevering as fout:
                fouten = fout.regels()
            else:
                messages.success(request, resultaat.samenvatting())
                return redirect(reverse("doorstroompunt:overzicht") + f"?gemeente={gemeente.code}")
    status = 400 if formulier.errors or fouten else 200
    return render(
        request,
        "doorstroompunt/uitschrijvingen.html",
        {"formulier": formulier, "fouten": fouten},
        status=status,
    )
