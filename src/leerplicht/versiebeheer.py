"""Optimistic locking: two people saving the same record, the second gets a conflict.

Every record people change on screen (melding, werkproces, vrijstelling, verlof,
thuiszitperiode, briefsjabloon) has a `versie`. A form carries the versie it was loaded
with; `neem_versie` raises it in one UPDATE ... WHERE versie = <loaded> (which also
locks the row until the transaction ends, so a second writer waits, then misses) and
raises `Versieconflict` when no row matched. Nothing is ever overwritten silently.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F


class Versieconflict(Exception):
    """Someone else saved the record since the form was loaded: nothing was saved."""

    def __init__(self, wat: str) -> None:
        self.wat = wat
        super().__init__(
            f"Iemand anders heeft {wat} intussen gewijzigd. Laad de pagina opnieuw; "
            "uw wijziging is niet opgeslagen."
        )

    @property
    def bericht(self) -> str:
        return str(self)


def neem_versie(model: type[models.Model], pk, versie: int | None, *, wat: str) -> int | None:
    """Raise the stored versie if it is still `versie` (None: no check, for internal callers
    that hold no form). Returns the new versie when checked. Call inside
    `transaction.atomic()`: on a later error the raise is rolled back with the rest."""
    rijen = model._default_manager.filter(pk=pk)
    if versie is not None:
        rijen = rijen.filter(versie=versie)
    if rijen.update(versie=F("versie") + 1) == 0:
        raise Versieconflict(wat)
    return None if versie is None else versie + 1
