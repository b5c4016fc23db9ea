"""The werkproces page and its forms. Thin views: `toegang` decides who, the services in
`diensten` do the work and enforce the rules, `tijdlijn` assembles what is shown.

Every form POSTs to its own URL; on success a redirect back to the page (POST, redirect,
GET), on a broken rule the page again with the message (400), on a versie conflict the
page with the conflict message (409). htmx swaps `#inhoud` from the same responses (its
`responseHandling` in portaal/basis.html swaps 400 and 409 too), so the page works the
same without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.domein import werkproces_route as route
from leerplicht.domein.leeftijd import leeftijd_op
from leerplicht.domein.rollen import Handeling
from leerplicht.toegang.beleid import mag
from leerplicht.toegang.bescherming import (
    object_of_404,
    vereist_dossiertoegang,
    vereist_handeling,
)

from . import diensten
from .forms import (
    Behandelaarformulier,
    Documentformulier,
    HaltUitkomstformulier,
    Heropenformulier,
    Interventieformulier,
    Notitieformulier,
    OmFormulier,
    Overdrachtformulier,
    Sluitformulier,
    Werkprocesformulier,
)
from .models import Document, Werkproces
from .tijdlijn import gebruikte_routes, tijdlijn

#: What the page shows of the person and the case (audit "inzien": field names only).
GETOONDE_VELDEN = (
    "persoon",
    "leeftijd",
    "type",
    "status",
    "behandelaar",
    "geopend",
    "gesloten",
    "resultaat",
    "meldingen",
    "interventies",
    "notities",
    "documenten",
    "gebeurtenissen",
)


def _brieven_aan() -> bool:
    """Task C's "Brief versturen" form, once its template exists."""
    try:
        select_template(["brieven/brief_versturen.html"])
    except TemplateDoesNotExist:
        return False
    return True


def _mag_overgang(gebruiker: Any, werkproces: Werkproces, overgang: route.Overgang) -> bool:
    """The werkproces is where this transition starts and the user does its kind of work."""
    return route.status_van(werkproces.gesloten) == overgang.van and mag(gebruiker, overgang.nodig)


def _formulieren(
    request: HttpRequest, werkproces: Werkproces, ingevuld: Werkprocesformulier | None
) -> dict[str, Werkprocesformulier]:
    """The forms this user may use on this werkproces now (a submitted one kept as is)."""
    gebruiker = request.user
    open_ = werkproces.gesloten is None
    interventies = set(werkproces.interventies.values_list("soort", flat=True))
    behandelen = mag(gebruiker, Handeling.WERKPROCES_BEHANDELEN)
    notities = mag(gebruiker, Handeling.NOTITIES_MAKEN)
    kies: dict[str, tuple[bool, Callable[[], Werkprocesformulier]]] = {
        "interventie": (
            behandelen and open_,
            lambda: Interventieformulier(werkproces=werkproces),
        ),
        # Only while open: closing needs every Halt outcome, a correction after that
        # goes through heropenen.
        "halt": (
            behandelen and open_ and "halt" in interventies,
            lambda: HaltUitkomstformulier(werkproces=werkproces),
        ),
        "om": (
            behandelen and "proces_verbaal" in interventies,
            lambda: OmFormulier(werkproces=werkproces),
        ),
        "notitie": (notities, lambda: Notitieformulier(werkproces=werkproces)),
        "document": (notities, lambda: Documentformulier(werkproces=werkproces)),
        "behandelaar": (
            behandelen and open_,
            lambda: Behandelaarformulier(
                werkproces=werkproces, kandidaten=diensten.mogelijke_behandelaars(werkproces)
            ),
        ),
        "sluiten": (
            _mag_overgang(gebruiker, werkproces, route.SLUITEN),
            lambda: Sluitformulier(werkproces=werkproces),
        ),
        "overdracht": (
            _mag_overgang(gebruiker, werkproces, route.OVERDRAGEN)
            and "overdracht_dsp" in route.RESULTATEN_PER_TYPE.get(werkproces.type, ()),
            lambda: Overdrachtformulier(werkproces=werkproces),
        ),
        "heropenen": (
            _mag_overgang(gebruiker, werkproces, route.HEROPENEN),
            lambda: Heropenformulier(werkproces=werkproces),
        ),
    }
    formulieren = {naam: maak() for naam, (toon, maak) in kies.items() if toon}
    if ingevuld is not None:
        formulieren[ingevuld.voorvoegsel] = ingevuld
    return formulieren


def _pagina(
    request: HttpRequest,
    werkproces_id: str,
    *,
    ingevuld: Werkprocesformulier | None = None,
    conflict: bool = False,
    status: int = 200,
) -> HttpResponse:
    # Fetched again: a failed save was rolled back, the page shows what is stored.
    werkproces = object_of_404(request.user, Werkproces, pk=werkproces_id)
    registreer(
        "inzien",
        request=request,
        object_type="werkproces",
        object_id=werkproces.pk,
        persoon_id=werkproces.persoon_id,
        velden=GETOONDE_VELDEN,
    )
    vandaag = timezone.localdate()
    context: dict[str, Any] = {
        "werkproces": werkproces,
        "leeftijd": leeftijd_op(werkproces.persoon.geboortedatum, vandaag),
        "status": route.NAMEN[route.status_van(werkproces.gesloten)],
        "routes": gebruikte_routes(request.user, werkproces),
        "tijdlijn": tijdlijn(request.user, werkproces),
        "formulieren": _formulieren(request, werkproces, None if conflict else ingevuld),
        "conflict": diensten.CONFLICTMELDING if conflict else "",
        "fout": ingevuld is not None and not conflict,
        "brieven_aan": _brieven_aan() and mag(request.user, Handeling.BRIEVEN_VERSTUREN),
    }
    return render(request, "werkprocessen/werkproces.html", context, status=status)


@never_cache
@require_safe
@vereist_dossiertoegang
def werkproces(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    """One werkproces: header, MAS routes, timeline and the forms the user may use."""
    return _pagina(request, werkproces_id)


Actie = Callable[[Werkproces, dict[str, Any], str], object]


def _verwerk(
    request: HttpRequest,
    werkproces_id: str,
    maak: Callable[..., Werkprocesformulier],
    actie: Actie,
    gelukt: str,
) -> HttpResponse:
    werkproces = object_of_404(request.user, Werkproces, pk=werkproces_id)
    formulier = maak(request.POST, request.FILES, werkproces=werkproces)
    if not formulier.is_valid():
        return _pagina(request, werkproces.pk, ingevuld=formulier, status=400)
    try:
        actie(werkproces, formulier.cleaned_data, request.user.get_username())
    except diensten.Versieconflict:
        return _pagina(request, werkproces.pk, ingevuld=formulier, conflict=True, status=409)
    except diensten.Regelfout as fout:
        formulier.voeg_fouten_toe(fout.fouten)
        return _pagina(request, werkproces.pk, ingevuld=formulier, status=400)
    messages.success(request, gelukt)
    return redirect(reverse("werkprocessen:werkproces", args=[werkproces.pk]) + "#tijdlijn")


@never_cache
@require_POST
@vereist_handeling(Handeling.WERKPROCES_BEHANDELEN)
def interventie_toevoegen(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.voeg_interventie_toe(
            w,
            soort=d["soort"],
            datum=d["datum"],
            toelichting=d["toelichting"],
            door=door,
            versie=d["versie"],
            tegen=d["tegen"],
            verzuim=d["verzuim"],
            verzuim_van=d["verzuim_van"],
            verzuim_tot=d["verzuim_tot"],
            uitkomst=d["uitkomst"],
        )

    return _verwerk(
        request, werkproces_id, Interventieformulier, actie, "De interventie is vastgelegd."
    )


@never_cache
@require_POST
@vereist_handeling(Handeling.WERKPROCES_BEHANDELEN)
def halt_uitkomst(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.leg_halt_uitkomst_vast(
            w,
            interventie_id=d["interventie"],
            uitkomst=d["uitkomst"],
            door=door,
            versie=d["versie"],
        )

    return _verwerk(
        request, werkproces_id, HaltUitkomstformulier, actie, "De uitkomst van Halt is vastgelegd."
    )


@never_cache
@require_POST
@vereist_handeling(Handeling.WERKPROCES_BEHANDELEN)
def om_gegevens(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.leg_om_gegevens_vast(
            w,
            interventie_id=d["interventie"],
            om_beslissing=d["om_beslissing"],
            om_beslist_op=d["om_beslist_op"],
            zittingsdatum=d["zittingsdatum"],
            sanctie=d["sanctie"],
            door=door,
            versie=d["versie"],
        )

    return _verwerk(
        request, werkproces_id, OmFormulier, actie, "De gegevens van het OM zijn vastgelegd."
    )


@never_cache
@require_POST
@vereist_handeling(Handeling.NOTITIES_MAKEN)
def notitie_toevoegen(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.voeg_notitie_toe(w, tekst=d["tekst"], door=door, versie=d["versie"])

    return _verwerk(request, werkproces_id, Notitieformulier, actie, "De notitie is opgeslagen.")


@never_cache
@require_POST
@vereist_handeling(Handeling.NOTITIES_MAKEN)
def document_uploaden(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.upload_document(
            w,
            bestand=d["bestand"],
            soort=d["soort"],
            titel=d["titel"],
            door=door,
            versie=d["versie"],
        )

    return _verwerk(request, werkproces_id, Documentformulier, actie, "Het document is toegevoegd.")


@never_cache
@require_POST
@vereist_handeling(route.SLUITEN.nodig)
def sluiten(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.sluit(
            w, resultaat=d["resultaat"], datum=d["datum"], door=door, versie=d["versie"]
        )

    return _verwerk(request, werkproces_id, Sluitformulier, actie, "Het werkproces is gesloten.")


@never_cache
@require_POST
@vereist_handeling(route.OVERDRAGEN.nodig)
def overdragen_dsp(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.draag_over_aan_doorstroompunt(
            w, datum=d["datum"], door=door, versie=d["versie"]
        )

    return _verwerk(
        request,
        werkproces_id,
        Overdrachtformulier,
        actie,
        "Het werkproces is warm overgedragen aan het Doorstroompunt.",
    )


@never_cache
@require_POST
@vereist_handeling(route.HEROPENEN.nodig)
def heropenen(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    """A correction by the teammanager (who may: `werkproces_route.HEROPENEN.nodig`)."""

    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.heropen(w, door=door, versie=d["versie"])

    return _verwerk(request, werkproces_id, Heropenformulier, actie, "Het werkproces is heropend.")


@never_cache
@require_POST
@vereist_handeling(Handeling.WERKPROCES_BEHANDELEN)
def behandelaar(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    def maak(*args: Any, werkproces: Werkproces, **kwargs: Any) -> Behandelaarformulier:
        kandidaten = diensten.mogelijke_behandelaars(werkproces)
        return Behandelaarformulier(*args, werkproces=werkproces, kandidaten=kandidaten, **kwargs)

    def actie(w: Werkproces, d: dict[str, Any], door: str) -> object:
        return diensten.wijzig_behandelaar(
            w, behandelaar=d["behandelaar"], door=door, versie=d["versie"]
        )

    return _verwerk(request, werkproces_id, maak, actie, "De behandelaar is gewijzigd.")


@never_cache
@require_safe
@vereist_dossiertoegang
def document(request: HttpRequest, pk: int) -> HttpResponse:
    """Download a document of a dossier the user may see; the file name is the id only."""
    doc = object_of_404(request.user, Document, pk=pk)
    registreer(
        "downloaden",
        request=request,
        object_type="document",
        object_id=str(doc.pk),
        persoon_id=doc.persoon_id,
        velden=["inhoud"],
    )
    antwoord = HttpResponse(bytes(doc.inhoud), content_type=doc.mediatype)
    antwoord["Content-Disposition"] = f'attachment; filename="{diensten.downloadnaam(doc)}"'
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord
