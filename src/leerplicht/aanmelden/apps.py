from django.apps import AppConfig


class AanmeldenConfig(AppConfig):
    name = "leerplicht.aanmelden"
    verbose_name = "Aanmelden"

    def ready(self) -> None:
        from . import controles, sessies  # noqa: F401  (registers checks, connects signals)
