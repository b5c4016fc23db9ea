"""Intake: verzuimmeldingen."""

from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "leerplicht.meldingen"
    verbose_name = "Meldingen"
