"""The administratie's screens: the queue, one melding with its route, hand entry, the
Verzuimloket upload, and the teammanager's toewijzingsregels. Thin views: the use cases
are intake.py and route.py, the queue's sections and a melding's buttons wachtrij.py;
access is `toegang` (handeling + object_of_404)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leerplicht.audit.inzien import registreer_inzien
from leerplicht.domein import codes
from leerplicht.domein.formattering import getal
from leerplicht.domein.meldtermijn import TE_LAAT_TEKST
from leerplicht.domein.rollen import Handeling
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.domein.verzuimmelding_route import NAMEN as STATUSNAMEN
from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import duo_koppeling
from leerplicht.invoer.levering import als_bestand
from leerplicht.meldingen.melding_18plus import beoordeling as beoordeling_18plus
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van, mag, zichtbaar
from leerplicht.toegang.bescherming import object_of_404, vereist_handeling
from leerplicht.werkprocessen.models import Document, Toewijzingsregel
from leerplicht.werkprocessen.toewijzing import mogelijke_behandelaars

from . import meldtermijn, route
from .forms import Handinvoerformulier, Toewijzingsformulier, Uploadformulier
from .intake import neem_in
from .models import Melding
from .wachtrij import MAX_RIJEN, knoppen, secties, te_laat

S = Meldingstatus
verwerken = vereist_handeling(Handeling.MELDINGEN_VERWERKEN)
team_sturen = vereist_handeling(Handeling.TEAM_STUREN)

# --- the queue ----------------------------------------------------------------------------


@never_cache
@require_safe
@verwerken
def wachtrij(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    eigen = gemeenten_van(request.user)
    gemeenten = list(Gemeente.objects.filter(code__in=eigen))
    gekozen = request.GET.get("gemeente", "")
    if gekozen and gekozen not in eigen:
        gekozen = ""
    return render(
        request,
        "meldingen/wachtrij.html",
        {
            "secties": secties(zichtbaar(request.user, Melding), gemeente=gekozen, vandaag=vandaag),
            "gemeenten": gemeenten,
            "gekozen": gekozen,
            "vandaag": vandaag,
            "max_rijen": MAX_RIJEN,
            "mag_toewijzen": mag(request.user, Handeling.TEAM_STUREN),
        },
    )


# --- one melding ----------------------------------------------------------------------------

VELDEN = [f.name for f in Melding._meta.concrete_fields]


def _toon(
    request: HttpRequest, melding: Melding, *, fout: str = "", status: int = 200
) -> HttpResponse:
    registreer_inzien(
        request,
        object_type="melding",
        object_id=melding.pk,
        velden=VELDEN,
        persoon_id=melding.persoon_id,
    )
    vandaag = timezone.localdate()
    return render(
        request,
        "meldingen/melding.html",
        {
            "m": melding,
            "statusnaam": STATUSNAMEN[S(melding.status)]
            if melding.status
            else "geen (eerdere registratie)",
            "knoppen": knoppen(melding, request.user),
            # Verzuim 18+: does the consulent act (actie gewenst, repeated melding)?
            "beoordeling_18plus": beoordeling_18plus(melding),
            "fout": fout,
            # Wettelijk verzuim: did the school report within its term (domein.meldtermijn)?
            "meldtermijn": meldtermijn.termijn(melding),
            "te_laat_tekst": TE_LAAT_TEKST,
            "te_laat": te_laat(melding, vandaag),
            "verzoektekst": route.verzoek_verzuimstaat_tekst(melding)
            if melding.status == S.VERZUIMSTAAT_OPGEVRAAGD
            else "",
            "herinneringstekst": route.herinnering_tekst(melding)
            if melding.status == S.VERZUIMSTAAT_OPGEVRAAGD
            else "",
            "documenten": zichtbaar(request.user, Document)
            .filter(melding=melding)
            .only("pk", "titel", "aangemaakt_op", "soort"),
        },
        status=status,
    )


def _melding(request: HttpRequest, meldingsnummer: str) -> Melding:
    return object_of_404(request.user, Melding, meldingsnummer=meldingsnummer)


@never_cache
@require_safe
@verwerken
def melding(request: HttpRequest, meldingsnummer: str) -> HttpResponse:
    return _toon(request, _melding(request, meldingsnummer))


@never_cache
@require_POST
@verwerken
def melding_route(request: HttpRequest, meldingsnummer: str) -> HttpResponse:
    """One step of the route (POST from a button of the detail page)."""
    m = _melding(request, meldingsnummer)
    handeling = request.POST.get("handeling", "")
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        return _toon(request, m, fout="De pagina was onvolledig; laad hem opnieuw.", status=400)
    door = request.user.get_username()
    try:
        if handeling == "opvragen":
            route.verzuimstaat_opvragen(m, versie)
            bericht = (
                f"Verzuimstaat opgevraagd; de school heeft tot "
                f"{m.verzuimstaat_termijn:%d-%m-%Y}. Kopieer de e-mailtekst hieronder."
            )
        elif handeling == "herinneren":
            route.herinneren(m, versie)
            bericht = "Herinnering vastgelegd. Kopieer de herinneringstekst hieronder."
        elif handeling == "ontvangen":
            route.verzuimstaat_ontvangen(
                m, versie, door=door, bestand=request.FILES.get("verzuimstaat")
            )
            bericht = "Verzuimstaat ontvangen; de melding is compleet."
        elif handeling == "compleet":
            route.compleet(m, versie)
            bericht = "De melding is compleet."
        elif handeling == "overdragen":
            overdracht = route.overdragen(m, versie, door=door)
            wie = overdracht.behandelaar or "niemand (niet toegewezen)"
            bericht = (
                f"Overgedragen: {'nieuw' if overdracht.nieuw else 'toegevoegd aan lopend'} "
                f"werkproces {overdracht.werkproces.pk}, behandelaar {wie}."
            )
        elif handeling == "ter_kennisneming":
            route.ter_kennisneming(m, versie)
            bericht = "De melding is ter kennisneming aangenomen."
        elif handeling == "intrekken":
            route.intrekken(m, versie)
            bericht = "De melding is ingetrokken."
        else:
            return _toon(request, m, fout="Onbekende handeling.", status=400)
    except route.Conflict as conflict:
        return _toon(request, _melding(request, meldingsnummer), fout=str(conflict), status=409)
    except route.Regelfout as fout:
        return _toon(request, _melding(request, meldingsnummer), fout=str(fout), status=400)
    messages.success(request, bericht)
    return redirect("meldingen:melding", meldingsnummer=m.pk)


# --- late meldingen per school ------------------------------------------------------------


def _gekozen_schooljaar(request: HttpRequest) -> Schooljaar:
    """?schooljaar=2024-2025, else the current school year (an invalid one too)."""
    huidig = Schooljaar.van_datum(timezone.localdate())
    try:
        return Schooljaar.van_naam(request.GET.get("schooljaar", "") or huidig.naam)
    except ValueError:
        return huidig


@never_cache
@require_safe
@verwerken
def te_laat_per_school(request: HttpRequest) -> HttpResponse:
    """Meldingen of wettelijk verzuim that came after the school's term, per school: the
    team raises it with the school (schools are supervised on the term)."""
    schooljaar = _gekozen_schooljaar(request)
    huidig = Schooljaar.van_datum(timezone.localdate())
    return render(
        request,
        "meldingen/te_laat_per_school.html",
        {
            "scholen": meldtermijn.te_laat_per_school(request.user, schooljaar),
            "schooljaar": schooljaar,
            "schooljaren": [huidig.vorige(n) for n in range(5)],
            "te_laat_tekst": TE_LAAT_TEKST,
        },
    )


# --- hand entry and upload -----------------------------------------------------------------


def _zet_leveringsfouten(formulier, fout: OngeldigeLevering) -> list[str]:
    """Errors on a form field where the column is a field; the rest as a list."""
    overig = []
    for f in fout.fouten.fouten:
        if f.kolom in formulier.fields:
            formulier.add_error(f.kolom, f"{formulier.fields[f.kolom].label}: {f.melding}")
        else:
            overig.append(f.melding)
    return overig


@never_cache
@require_http_methods(["GET", "POST"])
@verwerken
def nieuw(request: HttpRequest) -> HttpResponse:
    gemeenten = gemeenten_van(request.user)
    formulier = Handinvoerformulier(
        request.POST if request.method == "POST" else None, gemeenten=gemeenten
    )
    overig: list[str] = []
    if formulier.is_valid():
        gemeente = Gemeente.objects.get(code=formulier.cleaned_data["gemeente"])
        try:
            resultaat = neem_in(
                [formulier.als_verzuimmelding()],
                gemeente=gemeente,
                door=request.user,
                bron="formulier",
                request=request,
            )
        except OngeldigeLevering as fout:
            overig = _zet_leveringsfouten(formulier, fout)
        else:
            nummer = resultaat.meldingsnummers[0]
            messages.success(request, f"Melding {nummer} is opgeslagen.")
            return redirect("meldingen:melding", meldingsnummer=nummer)
    status = 400 if formulier.errors or overig else 200
    return render(
        request, "meldingen/nieuw.html", {"formulier": formulier, "overig": overig}, status=status
    )


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """ "1 melding", "2 meldingen" (Dutch number formatting)."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


@never_cache
@require_http_methods(["GET", "POST"])
@verwerken
def upload(request: HttpRequest) -> HttpResponse:
    """Upload a Verzuimloket file: every located error shown, nothing stored on error."""
    gemeenten = gemeenten_van(request.user)
    formulier = Uploadformulier(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        gemeenten=gemeenten,
    )
    fouten: list[str] = []
    if formulier.is_valid():
        bestand = formulier.cleaned_data["bestand"]
        gemeente = Gemeente.objects.get(code=formulier.cleaned_data["gemeente"])
        with als_bestand(bestand) as pad:
            try:
                meldingen = duo_koppeling().lees_verzuimmeldingen(pad)
                resultaat = neem_in(
                    meldingen, gemeente=gemeente, door=request.user, bron="duo", request=request
                )
            except OngeldigeLevering as fout:
                fouten = fout.regels()
            else:
                messages.success(
                    request,
                    f"Levering ingelezen: {_aantal(resultaat.aantal, 'melding', 'meldingen')}, "
                    f"{_aantal(resultaat.nieuwe_personen, 'nieuwe persoon', 'nieuwe personen')}, "
                    f"{getal(resultaat.ingetrokken)} ingetrokken wegens een vrijstelling.",
                )
                return redirect(reverse("meldingen:wachtrij") + f"?gemeente={gemeente.code}")
    status = 400 if formulier.errors or fouten else 200
    return render(
        request, "meldingen/upload.html", {"formulier": formulier, "fouten": fouten}, status=status
    )


# --- toewijzingsregels (teammanager) --------------------------------------------------------


def _regels_van(request: HttpRequest) -> QuerySet[Toewijzingsregel]:
    """The rules of the user's gemeenten (a rule without gemeente is shown, not edited)."""
    return Toewijzingsregel.objects.filter(
        Q(gemeente__in=gemeenten_van(request.user)) | Q(gemeente__isnull=True)
    ).select_related("gemeente", "school", "behandelaar")


def _bewerkbare_regel(request: HttpRequest, regel_id: int) -> Toewijzingsregel:
    regel = (
        Toewijzingsregel.objects.filter(pk=regel_id, gemeente__in=gemeenten_van(request.user))
        .select_related("gemeente", "school", "behandelaar")
        .first()
    )
    if regel is None:
        raise Http404
    return regel


def _toewijzingsformulier(request: HttpRequest, **kwargs) -> Toewijzingsformulier:
    gemeenten = gemeenten_van(request.user)
    return Toewijzingsformulier(
        request.POST if request.method == "POST" else None,
        gemeenten=gemeenten,
        behandelaars=mogelijke_behandelaars(gemeenten),
        **kwargs,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@team_sturen
def toewijzing(request: HttpRequest) -> HttpResponse:
    formulier = _toewijzingsformulier(request)
    if request.method == "POST" and formulier.is_valid():
        formulier.save()
        messages.success(request, "De toewijzingsregel is toegevoegd.")
        return redirect("meldingen:toewijzing")
    eigen = gemeenten_van(request.user)
    return render(
        request,
        "meldingen/toewijzing.html",
        {
            "regels": _regels_van(request),
            "formulier": formulier,
            "eigen": eigen,
            "werkprocestypen": codes.WERKPROCES_TYPEN,
        },
        status=400 if formulier.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@team_sturen
def toewijzing_wijzigen(request: HttpRequest, regel_id: int) -> HttpResponse:
    regel = _bewerkbare_regel(request, regel_id)
    formulier = _toewijzingsformulier(request, instance=regel)
    if request.method == "POST" and formulier.is_valid():
        formulier.save()
        messages.success(request, "De toewijzingsregel is gewijzigd.")
        return redirect("meldingen:toewijzing")
    return render(
        request,
        "meldingen/toewijzing_wijzigen.html",
        {"regel": regel, "formulier": formulier},
        status=400 if formulier.errors else 200,
    )


@never_cache
@require_POST
@team_sturen
def toewijzing_verwijderen(request: HttpRequest, regel_id: int) -> HttpResponse:
    _bewerkbare_regel(request, regel_id).delete()
    messages.success(request, "De toewijzingsregel is verwijderd.")
    return redirect("meldingen:toewijzing")
