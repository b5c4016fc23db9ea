"""The figures engine: rapport per figures.md."""

from django.apps import AppConfig


class CijfersConfig(AppConfig):
    name = "leerplicht.cijfers"
    verbose_name = "Cijfers"
