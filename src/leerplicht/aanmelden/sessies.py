"""Sessions of a user: remembered at sign-in, ended one by one or all at once.

"Overal uitloggen" ends every session of the user (other browsers, a forgotten
computer at school) by deleting them from the session store, so a stolen
session cookie stops working at once.

A session gets a new key whenever it gains rights (`vernieuw_sleutel`): after the
second factor and after SSO. A cookie captured halfway (after the password, before
the code) then stays a cookie of a deleted session instead of becoming a fully
signed-in one.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from .models import Sessie


def _sessieopslag():
    return import_module(settings.SESSION_ENGINE).SessionStore


@receiver(user_logged_in, dispatch_uid="aanmelden.onthoud_sessie")
def onthoud_sessie(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    if request.session.session_key is None:
        request.session.save()
    Sessie.objects.get_or_create(sleutel=request.session.session_key, defaults={"gebruiker": user})


@receiver(user_logged_out, dispatch_uid="aanmelden.vergeet_sessie")
def vergeet_sessie(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None and getattr(request, "session", None) is not None:
        Sessie.objects.filter(sleutel=request.session.session_key).delete()


def vernieuw_sleutel(request: HttpRequest) -> None:
    """Give the session a new key, keep its content, and delete the old one.

    The remembered key follows, or "overal uitloggen" would miss this session.
    """
    oud = request.session.session_key
    request.session.cycle_key()
    nieuw = request.session.session_key
    if oud is None or nieuw == oud or not request.user.is_authenticated:
        return
    if not Sessie.objects.filter(sleutel=oud).update(sleutel=nieuw):
        Sessie.objects.get_or_create(sleutel=nieuw, defaults={"gebruiker": request.user})


def overal_uitloggen(request: HttpRequest) -> int:
    """End every session of the signed-in user, this one included; return how many."""
    gebruiker = request.user
    opslag = _sessieopslag()
    sleutels = list(
        Sessie.objects.filter(gebruiker_id=gebruiker.pk).values_list("sleutel", flat=True)
    )
    for sleutel in sleutels:
        if sleutel != request.session.session_key:
            opslag(session_key=sleutel).delete(sleutel)
    Sessie.objects.filter(gebruiker_id=gebruiker.pk).delete()
    logout(request)
    return max(len(sleutels), 1)
