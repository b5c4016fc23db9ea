"""Import and export of the exchange format; the synthetic generator."""

from django.apps import AppConfig


class UitwisselingConfig(AppConfig):
    name = "leerplicht.uitwisseling"
    verbose_name = "Uitwisseling"
