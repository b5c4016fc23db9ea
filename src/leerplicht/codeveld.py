"""Model helpers for code-list columns: choices for forms, a CHECK constraint for the database."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models
from django.db.models import Q


def keuzes(lijst: Mapping[str, object] | tuple[str, ...]) -> list[tuple[str, str]]:
    if isinstance(lijst, Mapping):
        return [(c, str(label)) for c, label in lijst.items()]
    return [(c, c) for c in lijst]


def code_check(
    veld: str, lijst: Mapping[str, object] | tuple[str, ...], naam: str
) -> models.CheckConstraint:
    """The database refuses a code outside the contract's list (NULL stays allowed if nullable)."""
    return models.CheckConstraint(
        condition=Q(**{f"{veld}__isnull": True}) | Q(**{f"{veld}__in": list(lijst)}), name=naam
    )
