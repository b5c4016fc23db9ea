"""Pages of the second factor and "overal uitloggen". Thin: the rules are in
`tweede_factor.py` and `sessies.py`."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .forms import Codeformulier
from .middleware import zonder_tweede_factor
from .sessies import overal_uitloggen
from .tweede_factor import (
    apparaat_in_te_stellen,
    bevestig_apparaat,
    controleer_code,
    geheime_sleutel,
    heeft_tweede_factor,
    is_geverifieerd,
    qr_svg,
)


def _volgende(request: HttpRequest) -> str:
    """The page to go to after the second factor: `next` if it is ours, else the start page."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _vergrendeld(request: HttpRequest) -> bool:
    return AxesProxyHandler.is_locked(request, {"username": request.user.get_username()})


@never_cache
@zonder_tweede_factor
@login_required
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    """Second step of signing in: the code from the app (or a reservecode)."""
    if is_geverifieerd(request.user):
        return redirect(_volgende(request))
    if not heeft_tweede_factor(request.user):
        return redirect("aanmelden:instellen")
    if _vergrendeld(request):
        credentials = {"username": request.user.get_username()}
        logout(request)
        return get_lockout_response(request, None, credentials)
    formulier = Codeformulier(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        if controleer_code(request, formulier.cleaned_data["code"]):
            return redirect(_volgende(request))
        formulier.add_error("code", "Deze code klopt niet of is verlopen. Probeer het opnieuw.")
    return render(request, "aanmelden/code.html", {"form": formulier, "next": _volgende(request)})


@never_cache
@zonder_tweede_factor
@login_required
@require_http_methods(["GET", "POST"])
def instellen(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan the QR code, confirm with one code."""
    if heeft_tweede_factor(request.user):
        if not is_geverifieerd(request.user):
            # Adding a device needs the existing one first: a password alone is not enough.
            return redirect("aanmelden:code")
        return render(request, "aanmelden/ingesteld.html", {"next": _volgende(request)})
    apparaat = apparaat_in_te_stellen(request.user)
    formulier = Codeformulier(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        reservecodes = bevestig_apparaat(request, apparaat, formulier.cleaned_data["code"])
        if reservecodes is not None:
            return render(
                request,
                "aanmelden/reservecodes.html",
                {"reservecodes": reservecodes, "next": _volgende(request)},
            )
        formulier.add_error("code", "Deze code klopt niet. Kijk of de tijd op uw telefoon klopt.")
    return render(
        request,
        "aanmelden/instellen.html",
        {
            "form": formulier,
            "qr": qr_svg(apparaat),
            "sleutel": geheime_sleutel(apparaat),
            "next": _volgende(request),
        },
    )


@zonder_tweede_factor
@login_required
@require_POST
def overal(request: HttpRequest) -> HttpResponse:
    """Sign out everywhere: end every session of this user (POST with CSRF token)."""
    aantal = overal_uitloggen(request)
    messages.success(
        request,
        f"U bent overal uitgelogd ({aantal} {'sessie' if aantal == 1 else 'sessies'} beëindigd).",
    )
    return redirect(settings.LOGOUT_REDIRECT_URL)
