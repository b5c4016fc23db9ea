"""Makes the current request known to the audit log, so ORM changes made while handling
it are logged with the user and address that caused them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .logboek import bij_verzoek


class AuditMiddleware:
    """Place after AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with bij_verzoek(request):
            return self.get_response(request)
