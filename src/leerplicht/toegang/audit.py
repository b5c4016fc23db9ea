"""The one call from toegang to the audit log (leerplicht.audit, built alongside)."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest


def registreer_inzien(
    request: HttpRequest, *, object_type: str, object_id: str, velden: Sequence[str]
) -> None:
    """Log that the signed-in user looked at an object (which fields, never their content)."""
    from leerplicht.audit.logboek import registreer

    registreer(
        "inzien", request=request, object_type=object_type, object_id=object_id, velden=velden
    )
