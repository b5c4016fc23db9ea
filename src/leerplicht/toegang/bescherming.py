"""View protection: every view states which rollen may use it, so none can forget.

- anonymous: sent to the login page (also done by LoginRequiredMiddleware for
  every view not marked `login_not_required`);
- signed in with another rol (or none): 403;
- an object outside the user's reach: 404 (`object_of_404`), so a URL never
  reveals that a person of another gemeente exists.

The rollen come from `beleid.BEVOEGDHEDEN`; views never list gemeenten themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from leerplicht.domein.rollen import HANDELINGEN, Handeling, Rol

from .beleid import BEVOEGDHEDEN, Dossierbereik, Gebruiker, rol_van, zichtbaar

View = Callable[..., HttpResponse]
M = TypeVar("M", bound=models.Model)

#: Rollen that open dossiers (some or all persons of their gemeenten).
DOSSIERROLLEN: frozenset[Rol] = frozenset(
    r for r, b in BEVOEGDHEDEN.items() if b.dossiers is not Dossierbereik.GEEN
)
CIJFERROLLEN: frozenset[Rol] = frozenset(r for r, b in BEVOEGDHEDEN.items() if b.cijfers)
AUDITROLLEN: frozenset[Rol] = frozenset(r for r, b in BEVOEGDHEDEN.items() if b.auditlog)
BEHEERROLLEN: frozenset[Rol] = frozenset(r for r, b in BEVOEGDHEDEN.items() if b.beheer)


def controleer_rol(request: HttpRequest, rollen: frozenset[Rol]) -> HttpResponse | None:
    """A login redirect for anonymous users, PermissionDenied for a wrong rol, else None."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if rol_van(request.user) not in rollen:
        raise PermissionDenied
    return None


def vereist_rol(*rollen: Rol) -> Callable[[View], View]:
    """Decorator: only these rollen may use the view (anonymous -> login, others -> 403)."""
    toegestaan = frozenset(rollen)
    if not toegestaan:
        raise ValueError("vereist_rol zonder rollen: gebruik login_required of een andere regel")

    def decorator(view: View) -> View:
        @wraps(view)
        def beschermd(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            weigering = controleer_rol(request, toegestaan)
            if weigering is not None:
                return weigering
            return view(request, *args, **kwargs)

        beschermd.toegestane_rollen = toegestaan  # type: ignore[attr-defined]
        return beschermd

    return decorator


def _vereist(rollen: Iterable[Rol]) -> Callable[[View], View]:
    return vereist_rol(*sorted(rollen))


#: Views with person data: the dossier rollen only (objects then via `object_of_404`).
vereist_dossiertoegang = _vereist(DOSSIERROLLEN)
#: Views with aggregated figures of the own gemeenten.
vereist_cijfertoegang = _vereist(CIJFERROLLEN)
#: The audit log (the privacy officer).
vereist_auditlogtoegang = _vereist(AUDITROLLEN)
#: Users and settings (the applicatiebeheerder).
vereist_beheertoegang = _vereist(BEHEERROLLEN)


def vereist_handeling(handeling: Handeling) -> Callable[[View], View]:
    """Decorator: only the rollen that do this kind of work (`domein.rollen.HANDELINGEN`)."""
    return _vereist(HANDELINGEN[handeling])


def object_of_404(gebruiker: Gebruiker, model: type[M], **zoek: Any) -> M:
    """The object of `model` matching `zoek` within the user's reach, else Http404.

    A person of another gemeente and a person who does not exist look the same.
    """
    return get_object_or_404(zichtbaar(gebruiker, model), **zoek)
