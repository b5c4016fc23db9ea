from django.apps import AppConfig


class WerklijstenConfig(AppConfig):
    """Worklists, search and the team view: the pages a medewerker starts the day with."""

    name = "leerplicht.werklijsten"
    verbose_name = "werklijsten"
