"""Vrijstellingen and vervangende leerplicht."""

from django.apps import AppConfig


class VrijstellingenConfig(AppConfig):
    name = "leerplicht.vrijstellingen"
    verbose_name = "Vrijstellingen"
