"""The consulent's JIKP list: the registrations of their gemeenten, by peiljaar."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.toegang.beleid import zichtbaar
from leerplicht.toegang.bescherming import vereist_dossiertoegang

from .models import Jikpregistratie

#: At most this many rows on one page (the list of one region is a few hundred a year).
MAXIMUM = 500


@never_cache
@require_safe
@vereist_dossiertoegang
def lijst(request: HttpRequest) -> HttpResponse:
    alle = zichtbaar(request.user, Jikpregistratie)
    peiljaren = list(alle.order_by("-peiljaar").values_list("peiljaar", flat=True).distinct())
    gekozen = request.GET.get("peiljaar", "")
    try:
        gekozen = Schooljaar.van_naam(gekozen).naam if gekozen else ""
    except ValueError:
        gekozen = ""
    rijen = alle.filter(peiljaar=gekozen) if gekozen else alle
    aantal = rijen.count()
    rijen = list(rijen.select_related("gemeente").order_by("-peiljaar", "persoon_id")[:MAXIMUM])
    registreer(
        "inzien",
        request=request,
        object_type="jikplijst",
        velden=["persoon", "peiljaar", "herkomst", "situaties", "gemeente"],
        toelichting={"rijen": len(rijen)},
    )
    return render(
        request,
        "jikp/lijst.html",
        {
            "rijen": rijen,
            "aantal": aantal,
            "afgekapt": aantal > len(rijen),
            "peiljaren": peiljaren,
            "gekozen": gekozen,
        },
    )
