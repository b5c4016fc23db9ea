"""The teammanager reads in published benchmark figures (verslagen.benchmark): the same
all-or-nothing import as `leerplicht benchmark-import`, from the web app, owned by the
teammanager's gemeenten at upload time, so they appear only in reports over those.

The page lists the uploads the user may remove (all of their owners are the user's
gemeenten) and nothing of other teams. Removing: a confirmation page (GET), then a POST
with CSRF that removes the upload and writes an audit entry. An upload the user may not
remove answers 404, the same as one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from leerplicht.audit.logboek import registreer
from leerplicht.domein.formattering import datum_tekst, getal, procent
from leerplicht.domein.rollen import Handeling
from leerplicht.invoer.levering import Bestandsformulier, als_bestand
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van
from leerplicht.toegang.bescherming import vereist_handeling

from .benchmark import (
    Levering,
    OngeldigBenchmarkbestand,
    OngeldigeEigenaars,
    bewerkbare_levering,
    bewerkbare_leveringen,
    importeer,
    verwijder,
    verwijder_toelichting,
)


class Benchmarkformulier(Bestandsformulier):
    bestandslabel = "Bestand met benchmarkcijfers (CSV: bron;schooljaar;kengetal;percentage)"


@dataclass(frozen=True)
class Leveringweergave:
    """An upload as the pages show it: Dutch numbers and dates, owners by name."""

    id: int
    bron: str
    schooljaar: str
    voor_wie: str
    cijfers: tuple[tuple[str, str], ...]
    ingelezen: str


def _weergave(levering: Levering, namen: dict[str, str]) -> Leveringweergave:
    """`namen`: the user's gemeenten by code; an upload the user may remove has no others."""
    if levering.voor_alle_gemeenten:
        voor_wie = "alle gemeenten"
    else:
        voor_wie = ", ".join(sorted(namen.get(c, c) for c in levering.gemeenten))
    return Leveringweergave(
        levering.id,
        levering.bron,
        levering.schooljaar,
        voor_wie,
        tuple((label, procent(float(p))) for label, p in levering.cijfers),
        datum_tekst(timezone.localtime(levering.ingelezen_op).date()),
    )


def _namen_van(codes: frozenset[str]) -> dict[str, str]:
    return dict(Gemeente.objects.filter(code__in=codes).values_list("code", "naam"))


def _inlezen(request: HttpRequest, formulier: Benchmarkformulier) -> list[str] | HttpResponse:
    """Read the uploaded file for the user's gemeenten: located errors, or a redirect."""
    with als_bestand(formulier.cleaned_data["bestand"]) as pad:
        try:
            r = importeer(
                pad, door=request.user.get_username(), gemeenten=gemeenten_van(request.user)
            )
        except OngeldigeEigenaars:
            return ["U werkt voor geen gemeente: er is niets ingelezen."]
        except OngeldigBenchmarkbestand as fout:
            return fout.regels()
    messages.success(
        request,
        f"Benchmarkcijfers ingelezen: {getal(r.nieuw)} nieuw, {getal(r.vervangen)} "
        f"vervangen, {getal(r.ongewijzigd)} ongewijzigd.",
    )
    return redirect("verslagen:benchmark")


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VERSLAG_SCHRIJVEN)
def benchmark(request: HttpRequest) -> HttpResponse:
    post = request.method == "POST"
    formulier = Benchmarkformulier(request.POST if post else None, request.FILES if post else None)
    fouten: list[str] = []
    if formulier.is_valid():
        uitkomst = _inlezen(request, formulier)
        if isinstance(uitkomst, HttpResponse):
            return uitkomst
        fouten = uitkomst
    eigen = gemeenten_van(request.user)
    namen = _namen_van(eigen)
    return render(
        request,
        "verslagen/benchmark.html",
        {
            "formulier": formulier,
            "fouten": fouten,
            "leveringen": [_weergave(lv, namen) for lv in bewerkbare_leveringen(eigen)],
            "eigen_namen": sorted(namen.values()),
        },
        status=400 if formulier.errors or fouten else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VERSLAG_SCHRIJVEN)
def verwijderen(request: HttpRequest, cijfer_id: int) -> HttpResponse:
    """GET: what would be removed, with the button; POST: remove it. `cijfer_id` is any
    figure of the upload (the page links the smallest)."""
    eigen = gemeenten_van(request.user)
    levering = bewerkbare_levering(cijfer_id, eigen)
    if levering is None:
        raise Http404("Deze benchmarkcijfers bestaan niet of u kunt ze niet verwijderen.")
    if request.method == "GET":
        return render(
            request,
            "verslagen/benchmark_verwijderen.html",
            {"levering": _weergave(levering, _namen_van(eigen))},
        )
    with transaction.atomic():
        kengetallen = verwijder(levering)
        registreer(
            "verwijderen",
            request=request,
            object_type="benchmark",
            toelichting=verwijder_toelichting(levering, kengetallen),
        )
    messages.success(
        request,
        f"Benchmarkcijfers verwijderd: {levering.bron}, {levering.schooljaar} "
        f"({getal(len(kengetallen))} kengetal{'len' if len(kengetallen) != 1 else ''}).",
    )
    return redirect("verslagen:benchmark")
