"""Which sessions a user has open, so "overal uitloggen" can end them all."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Sessie(models.Model):
    """One signed-in session of a user: only its key, never its content."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessies"
    )
    sleutel = models.CharField(max_length=40, unique=True)
    begonnen = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    def __str__(self) -> str:
        return f"sessie van gebruiker {self.gebruiker_id}"
