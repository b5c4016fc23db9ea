"""Vergrendeling: after repeated failed sign-ins (password or code) the
combination of username and IP address is blocked for a while (django-axes).

Settings: `AXES_FAILURE_LIMIT` and `AXES_COOLOFF_TIME` in settings.py (from
LEERPLICHT_INLOG_POGINGEN and LEERPLICHT_BLOKKADE_MINUTEN).
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class Vergrendeling(AxesStandaloneBackend):
    """Axes' check, also for sign-ins without a request (management commands, test
    clients), which it cannot count: those are no web sign-ins, so they pass here."""

    def authenticate(self, request: HttpRequest | None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def blokkademinuten() -> int:
    afkoeltijd = settings.AXES_COOLOFF_TIME
    return int(afkoeltijd.total_seconds() // 60) if afkoeltijd else 0


def geblokkeerd(
    request: HttpRequest, original_response=None, credentials=None, *args, **kwargs
) -> HttpResponse:
    """The Dutch lockout page (status 429); never echoes the username."""
    return render(
        request,
        "aanmelden/geblokkeerd.html",
        {"pogingen": settings.AXES_FAILURE_LIMIT, "minuten": blokkademinuten()},
        status=429,
    )
