from django.apps import AppConfig


class AanmeldenConfig(AppConfig):
    name = "leerplicht.aanmelden"
    verbose_name = "Aanmelden"

    def ready(self) -> None:
        from . import sessies  # noqa: F401  (connects the sign-in signals)
