"""Voortijdig schoolverlaters (vsv)."""

from django.apps import AppConfig


class DoorstroompuntConfig(AppConfig):
    name = "leerplicht.doorstroompunt"
    verbose_name = "Doorstroompunt"
