"""A medewerker: a user account with one rol, working for one or more gemeenten."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leerplicht.domein.rollen import NAMEN, Rol
from leerplicht.register.models import Gemeente


class Medewerker(models.Model):
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medewerker"
    )
    rol = models.CharField(max_length=32, choices=[(r.value, NAMEN[r]) for r in Rol])
    gemeenten = models.ManyToManyField(Gemeente, blank=True, related_name="medewerkers")

    class Meta:
        verbose_name_plural = "medewerkers"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rol__in=[r.value for r in Rol]), name="medewerker_rol_bekend"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker.get_username()} ({NAMEN[Rol(self.rol)]})"
