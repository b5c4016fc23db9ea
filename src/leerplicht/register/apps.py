"""Register of persons, schools and enrolments."""

from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "leerplicht.register"
    verbose_name = "Leerplichtadministratie"
