"""Letters: the beheerder's templates (list, download, upload, preview) and sending a
letter from a werkproces. Thin views: diensten does the work, toegang decides."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_tasks import TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend

from leerplicht.audit.logboek import registreer
from leerplicht.domein.rollen import Handeling
from leerplicht.toegang.bescherming import object_of_404, vereist_handeling
from leerplicht.werkprocessen.models import Werkproces

from . import diensten
from .forms import Briefformulier, Sjabloonformulier
from .models import Briefsjabloon
from .plaatshouders import ALLE, PLAATSHOUDERS, maak_context, voorbeeldfeiten
from .soorten import BRIEFSOORTEN
from .tasks import brief_versturen
from .weergave import MAX_GROOTTE, Sjabloonfout, maak_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _soort_of_404(soort: str) -> str:
    if soort not in BRIEFSOORTEN:
        raise Http404
    return soort


# --- templates (applicatiebeheerder) -----------------------------------------------------


def _sjablonenpagina(
    request: HttpRequest,
    *,
    fout_soort: str = "",
    fouten: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    opgeslagen = {s.soort: s for s in Briefsjabloon.objects.defer("docx").order_by("soort")}
    rijen = []
    for soort, naam in BRIEFSOORTEN.items():
        rij = opgeslagen.get(soort)
        rijen.append(
            {
                "soort": soort,
                "naam": naam,
                "sjabloon": rij,
                "versie": rij.versie if rij else "",
                "fouten": fouten if soort == fout_soort else [],
            }
        )
    return render(
        request,
        "brieven/sjablonen.html",
        {
            "rijen": rijen,
            "max_mb": MAX_GROOTTE // 1024**2,
            "plaatshouders": [
                (
                    p,
                    ""
                    if p.soorten == ALLE
                    else ", ".join(BRIEFSOORTEN[s] for s in sorted(p.soorten)),
                )
                for p in PLAATSHOUDERS
            ],
        },
        status=status,
    )


@never_cache
@require_safe
@vereist_handeling(Handeling.SJABLONEN_BEHEREN)
def sjablonen(request: HttpRequest) -> HttpResponse:
    """Every soort of letter with its template: download, preview, upload a new version."""
    return _sjablonenpagina(request)


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.SJABLONEN_BEHEREN)
def sjabloon(request: HttpRequest, soort: str) -> HttpResponse:
    """GET: the current template as .docx. POST: upload a new version (all checks first)."""
    _soort_of_404(soort)
    if request.method == "GET":
        inhoud = diensten.sjabloon_voor(soort)
        registreer("downloaden", request=request, object_type="briefsjabloon", object_id=soort)
        antwoord = HttpResponse(inhoud, content_type=DOCX)
        antwoord["Content-Disposition"] = f'attachment; filename="sjabloon-{soort}.docx"'
        return antwoord

    formulier = Sjabloonformulier(request.POST, request.FILES)
    if not formulier.is_valid():
        fouten = [f for lijst in formulier.errors.values() for f in lijst]
        return _sjablonenpagina(request, fout_soort=soort, fouten=fouten, status=400)
    bestand = formulier.cleaned_data["bestand"]
    if bestand.size > MAX_GROOTTE:
        fout = (
            f"{bestand.name}: te groot ({bestand.size // 1024**2} MB of meer, hoogstens "
            f"{MAX_GROOTTE // 1024**2} MB)."
        )
        return _sjablonenpagina(request, fout_soort=soort, fouten=[fout], status=400)
    try:
        nieuw = diensten.vervang_sjabloon(
            soort,
            bestand.read(),
            door=request.user.get_username(),
            versie=formulier.cleaned_data["versie"],
            bestandsnaam=bestand.name,
        )
    except Sjabloonfout as fout:
        return _sjablonenpagina(request, fout_soort=soort, fouten=[str(fout)], status=400)
    except diensten.Sjabloonconflict as fout:
        return _sjablonenpagina(request, fout_soort=soort, fouten=[str(fout)], status=409)
    registreer(
        "wijzigen",
        request=request,
        object_type="briefsjabloon",
        object_id=soort,
        velden=["docx", "versie"],
        toelichting={"versie": nieuw.versie},
    )
    messages.success(
        request, f"Het sjabloon '{BRIEFSOORTEN[soort]}' is opgeslagen als versie {nieuw.versie}."
    )
    return redirect("brieven:sjablonen")


@never_cache
@require_safe
@vereist_handeling(Handeling.SJABLONEN_BEHEREN)
def voorbeeld(request: HttpRequest, soort: str) -> HttpResponse:
    """The current template filled with fictitious data, as PDF (no real person)."""
    _soort_of_404(soort)
    try:
        pdf = maak_pdf(diensten.sjabloon_voor(soort), maak_context(voorbeeldfeiten(soort)))
    except Sjabloonfout as fout:
        return _sjablonenpagina(request, fout_soort=soort, fouten=[str(fout)], status=400)
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="voorbeeld-{soort}.pdf"'
    return antwoord


# --- sending a letter ----------------------------------------------------------------------


def _terug(werkproces: Werkproces) -> str:
    try:
        return reverse("werkprocessen:werkproces", args=[werkproces.pk])
    except NoReverseMatch:
        return reverse("brieven:versturen", args=[werkproces.pk])


def _versturenpagina(
    request: HttpRequest,
    werkproces: Werkproces,
    formulier: Briefformulier,
    *,
    fout: str = "",
    status: int = 200,
) -> HttpResponse:
    # Straight to the log (not audit.inzien.registreer_inzien): a view of an object
    # carries the person it is about, so it shows in that person's inzage.
    registreer(
        "inzien",
        request=request,
        object_type="werkproces",
        object_id=werkproces.pk,
        velden=["id", "type"],
        persoon_id=werkproces.persoon_id,
    )
    return render(
        request,
        "brieven/versturen.html",
        {"werkproces": werkproces, "brief_formulier": formulier, "fout": fout},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.BRIEVEN_VERSTUREN)
def versturen(request: HttpRequest, werkproces_id: str) -> HttpResponse:
    """GET: the letter form. POST: make the letter (a background task) and store it."""
    werkproces = object_of_404(request.user, Werkproces, pk=werkproces_id)
    if request.method == "GET":
        soort = request.GET.get("soort")
        formulier = Briefformulier(
            initial={"versie": werkproces.versie, **({"soort": soort} if soort else {})}
        )
        return _versturenpagina(request, werkproces, formulier)

    formulier = Briefformulier(request.POST)
    if werkproces.gesloten is not None:
        return _versturenpagina(
            request,
            werkproces,
            formulier,
            fout="Dit werkproces is gesloten; er kan geen brief meer bij.",
            status=400,
        )
    if not formulier.is_valid():
        return _versturenpagina(request, werkproces, formulier, status=400)
    data = formulier.cleaned_data
    resultaat = brief_versturen.enqueue(
        soort=data["soort"],
        door_id=request.user.pk,
        gegevens=formulier.gegevens(),
        werkproces_id=werkproces.pk,
        kopie_aan_school=data["kopie_aan_school"],
        versie=data["versie"],
        op_de_achtergrond=not isinstance(brief_versturen.get_backend(), ImmediateBackend),
    )
    if resultaat.status == TaskResultStatus.FAILED:
        return _versturenpagina(
            request,
            werkproces,
            formulier,
            fout="De brief kon door een technische fout niet worden gemaakt; er is niets "
            "opgeslagen. Probeer het later opnieuw of neem contact op met de "
            "applicatiebeheerder.",
            status=500,
        )
    if resultaat.status != TaskResultStatus.SUCCESSFUL:
        messages.info(
            request,
            f"De {BRIEFSOORTEN[data['soort']].lower()} wordt gemaakt en staat zo in het dossier.",
        )
        return redirect(_terug(werkproces))
    uitkomst = resultaat.return_value or {}
    if "fout" in uitkomst:
        for veld, meldingen in uitkomst["velden"].items():
            for melding in meldingen:
                formulier.add_error(veld if veld in formulier.fields else None, melding)
        return _versturenpagina(
            request,
            werkproces,
            formulier,
            fout=uitkomst["fout"],
            status=409 if uitkomst["conflict"] else 403 if uitkomst.get("geweigerd") else 400,
        )
    messages.success(
        request,
        f"De {BRIEFSOORTEN[data['soort']].lower()} is gemaakt en opgeslagen in het dossier.",
    )
    return redirect(_terug(werkproces))
