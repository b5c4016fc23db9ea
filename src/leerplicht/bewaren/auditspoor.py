"""The audit log as seen from this app: used when `leerplicht.audit` is there, else nothing.

The audit app is built alongside; these guards keep retention, freezing and backup
working in an installation without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

try:
    from leerplicht.audit import logboek as _logboek
except ImportError:  # pragma: no cover - the audit app is absent
    _logboek = None

try:
    from leerplicht.audit.keten import controleer_keten as _controleer_keten
except ImportError:  # pragma: no cover - the audit app is absent
    _controleer_keten = None


def aanwezig() -> bool:
    return _logboek is not None


def registreer(actie: str, **velden: Any) -> None:
    """One entry in the audit log (who: the user if given, else the system account)."""
    if _logboek is not None:
        _logboek.registreer(actie, **velden)


@contextmanager
def zonder_regels_per_rij() -> Iterator[None]:
    """Bulk removal writes one summarising entry instead of one per row."""
    stil = getattr(_logboek, "zonder_wijzigingsregels", None)
    with stil() if stil is not None else nullcontext():
        yield


def controleer_keten():
    """The audit chain check (`.intact`, `.melding`), or None without the audit app."""
    return _controleer_keten() if _controleer_keten is not None else None


def aantal_regels_voor(tijdstip) -> int | None:
    """How many audit entries are older than `tijdstip` (None without the audit app)."""
    if _logboek is None:
        return None
    from leerplicht.audit.models import Auditregel

    return Auditregel.objects.filter(tijdstip__lt=tijdstip).count()
