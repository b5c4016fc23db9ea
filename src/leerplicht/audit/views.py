"""The privacy officer's screen: who looked at or changed what, and the inzage download.

Only the rol privacy_officer (`toegang.beleid.leest_auditlog`), and only about persons
of the own gemeenten (`toegang.beleid.personen_voor_inzage`). Looking at the audit log
is itself logged.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from leerplicht.toegang.beleid import auditregels_voor, leest_auditlog, personen_voor_inzage

from .formulieren import Auditfilter, Inzageverzoek
from .inzage import bestandsnaam, maak_inzage
from .logboek import registreer
from .models import Auditregel

PER_PAGINA = 50

View = Callable[..., HttpResponse]


def alleen_privacy_officer(view: View) -> View:
    """Anonymous: to the login page; a rol that does not read the audit log: 403.

    Which rollen read it (the privacy officer) is decided in `toegang.beleid`.
    """

    @login_required
    @wraps(view)
    def beschermd(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not leest_auditlog(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return beschermd


@never_cache
@require_safe
@alleen_privacy_officer
def overzicht(request: HttpRequest) -> HttpResponse:
    personen = personen_voor_inzage(request.user)
    return _toon(
        request,
        Auditfilter(request.GET or None, personen=personen),
        Inzageverzoek(personen=personen),
    )


@never_cache
@require_POST
@alleen_privacy_officer
def inzage(request: HttpRequest) -> HttpResponse:
    personen = personen_voor_inzage(request.user)
    formulier = Inzageverzoek(request.POST, personen=personen)
    if not formulier.is_valid():
        return _toon(request, Auditfilter(personen=personen), formulier, status=400)
    persoon = formulier.cleaned_data["persoon"]
    antwoord = HttpResponse(maak_inzage(persoon, request=request), content_type="application/zip")
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam(persoon)}"'
    return antwoord


def _toon(
    request: HttpRequest, filter_: Auditfilter, verzoek: Inzageverzoek, status: int = 200
) -> HttpResponse:
    # About a person: persons of the own gemeenten; about no person: only entries of
    # gemeenten the officer all works for (`toegang.beleid.auditregels_voor`).
    zichtbaar = auditregels_voor(request.user)
    regels = Auditregel.objects.none()
    if not filter_.is_bound:
        regels = zichtbaar
    elif filter_.is_valid():
        regels = zichtbaar.filter(filter_.voorwaarden())
    pagina = Paginator(regels.order_by("-volgnummer"), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    # Read the page now: the entry below (this look) must not push a row off the page
    # that was counted without it.
    pagina.object_list = list(pagina.object_list)
    gefilterd = filter_.samenvatting() if filter_.is_bound and filter_.is_valid() else {}
    registreer(
        "inzien",
        request=request,
        object_type="auditlog",
        persoon_id=gefilterd.get("persoon", ""),
        toelichting={"filter": gefilterd, "pagina": pagina.number},
    )
    return render(
        request,
        "audit/overzicht.html",
        {
            "filter": filter_,
            "verzoek": verzoek,
            "pagina": pagina,
            "zoekterm": _zoekterm(gefilterd),
        },
        status=status,
    )


def _zoekterm(gefilterd: dict[str, str]) -> str:
    """The filter as query string for the page links (ids and dates only)."""
    return urlencode(gefilterd)
