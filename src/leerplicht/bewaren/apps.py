"""Retention, frozen figures of closed school years, backup and restore."""

from django.apps import AppConfig


class BewarenConfig(AppConfig):
    name = "leerplicht.bewaren"
    verbose_name = "Bewaren"
