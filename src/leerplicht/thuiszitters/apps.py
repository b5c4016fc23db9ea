"""Thuiszitter periods."""

from django.apps import AppConfig


class ThuiszittersConfig(AppConfig):
    name = "leerplicht.thuiszitters"
    verbose_name = "Thuiszitters"
