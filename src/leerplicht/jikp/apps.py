"""JIKP: jongeren in een kwetsbare positie (the yearly list and their situation later)."""

from django.apps import AppConfig


class JikpConfig(AppConfig):
    name = "leerplicht.jikp"
    verbose_name = "Jongeren in een kwetsbare positie"
