"""Logging a look at a dossier and a refused write: the calls the pages and services make
to the audit log for the rules of toegang (inzien, schrijfbereik)."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest

from .logboek import registreer


def registreer_inzien(
    request: HttpRequest,
    *,
    object_type: str,
    object_id: str,
    velden: Sequence[str],
    persoon_id: str,
) -> None:
    """Log that the signed-in user looked at an object (which fields, never their content).

    `persoon_id`: the person the object is about, so the look is in that person's inzage
    and only their gemeenten's privacy officers see it.
    """
    registreer(
        "inzien",
        request=request,
        object_type=object_type,
        object_id=object_id,
        velden=velden,
        persoon_id=persoon_id,
    )


def registreer_weigering(request: HttpRequest | None, *, object_type: str, aantal: int) -> None:
    """Log that a write about persons outside the reach was refused (rule "schrijfbereik").

    Without the person (it is not the writer's to know): the privacy officer sees who
    tried how often, so probing for BSNs shows in the log.
    """
    registreer(
        "geweigerd",
        request=request,
        object_type=object_type,
        toelichting={"regel": "schrijfbereik", "aantal": aantal},
    )
