"""The web app shell: sign-in and start page."""

from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "leerplicht.portaal"
    verbose_name = "Portaal"
