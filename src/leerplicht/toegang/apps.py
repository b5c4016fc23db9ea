"""Toegang: rollen and gemeenten of medewerkers, and the one place that decides access."""

from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "leerplicht.toegang"
    verbose_name = "Toegang"
