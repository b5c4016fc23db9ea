"""Casework: werkprocessen and interventies."""

from django.apps import AppConfig


class WerkprocessenConfig(AppConfig):
    name = "leerplicht.werkprocessen"
    verbose_name = "Werkprocessen"
