"""Two checks on every request of a signed-in user, before any view runs.

- `TweeFactorMiddleware`: a user who must use a second factor and has not
  confirmed one in this session reaches only the pages marked
  `zonder_tweede_factor` (set up, enter code, sign out) and public pages.
  Central, so a new view cannot forget it.
- `SessieverloopMiddleware`: after `SESSIE_INACTIEF_MINUTEN` without a request
  the session ends (sign-out) and the user signs in again. The time of the last
  request is stored with a granularity of `BIJWERKEN_NA_SECONDEN` (a session
  write per page would make every page a database write).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import urlencode

from .tweede_factor import heeft_tweede_factor, is_geverifieerd, vereist_tweede_factor

LAATSTE_ACTIVITEIT = "aanmelden_laatste_activiteit"
#: The last activity is written to the session at most once per this many seconds: a
#: session write is a database write on every page otherwise. The session then ends up
#: to this much EARLIER than `SESSIE_INACTIEF_MINUTEN` after the last request, never later.
BIJWERKEN_NA_SECONDEN = 60


def zonder_tweede_factor(view: Callable) -> Callable:
    """Mark a view as reachable before the second factor is confirmed (2FA pages, sign-out)."""
    view.tweede_factor_niet_vereist = True  # type: ignore[attr-defined]
    return view


def _open_zonder_tweede_factor(view: Callable) -> bool:
    # Pages without sign-in (login, OIDC callback) are open anyway.
    return getattr(view, "tweede_factor_niet_vereist", False) or not getattr(
        view, "login_required", True
    )


class TweeFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        gebruiker = request.user
        if not vereist_tweede_factor(gebruiker) or is_geverifieerd(gebruiker):
            return None
        if _open_zonder_tweede_factor(view):
            return None
        doel = "aanmelden:code" if heeft_tweede_factor(gebruiker) else "aanmelden:instellen"
        return redirect(f"{reverse(doel)}?{urlencode({'next': request.get_full_path()})}")


class SessieverloopMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = int(time.time())
            vorige = request.session.get(LAATSTE_ACTIVITEIT)
            if vorige is not None and nu - vorige > settings.SESSIE_INACTIEF_MINUTEN * 60:
                logout(request)
                messages.info(
                    request,
                    f"U bent uitgelogd omdat u {settings.SESSIE_INACTIEF_MINUTEN} minuten "
                    "niets hebt gedaan. Log opnieuw in.",
                )
                terug = urlencode({"next": request.get_full_path()})
                return redirect(f"{resolve_url(settings.LOGIN_URL)}?{terug}")
            if vorige is None or nu - vorige >= BIJWERKEN_NA_SECONDEN or nu < vorige:
                request.session[LAATSTE_ACTIVITEIT] = nu
        return self.get_response(request)
