from django.apps import AppConfig


class VerslagenConfig(AppConfig):
    name = "leerplicht.verslagen"
    verbose_name = "Verslagen"
