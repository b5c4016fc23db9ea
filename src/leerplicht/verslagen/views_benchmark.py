"""The teammanager reads in published benchmark figures (verslagen.benchmark): the same
all-or-nothing import as `leerplicht benchmark-import`, from the web app."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from leerplicht.domein.formattering import getal
from leerplicht.domein.rollen import Handeling
from leerplicht.portaal.inlezen import Bestandsformulier, als_bestand
from leerplicht.toegang.bescherming import vereist_handeling

from .benchmark import OngeldigBenchmarkbestand, importeer
from .models import Benchmarkcijfer


class Benchmarkformulier(Bestandsformulier):
    bestandslabel = "Bestand met benchmarkcijfers (CSV: bron;schooljaar;kengetal;percentage)"


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VERSLAG_SCHRIJVEN)
def benchmark(request: HttpRequest) -> HttpResponse:
    post = request.method == "POST"
    formulier = Benchmarkformulier(request.POST if post else None, request.FILES if post else None)
    fouten: list[str] = []
    if formulier.is_valid():
        with als_bestand(formulier.cleaned_data["bestand"]) as pad:
            try:
                r = importeer(pad, door=request.user.get_username())
            except OngeldigBenchmarkbestand as fout:
                fouten = fout.regels()
            else:
                messages.success(
                    request,
                    f"Benchmarkcijfers ingelezen: {getal(r.nieuw)} nieuw, {getal(r.vervangen)} "
                    f"vervangen, {getal(r.ongewijzigd)} ongewijzigd.",
                )
                return redirect("verslagen:benchmark")
    aanwezig = (
        Benchmarkcijfer.objects.values("schooljaar", "bron")
        .annotate(aantal=Count("id"))
        .order_by("-schooljaar", "bron")
    )
    return render(
        request,
        "verslagen/benchmark.html",
        {"formulier": formulier, "fouten": fouten, "aanwezig": aanwezig},
        status=400 if formulier.errors or fouten else 200,
    )
