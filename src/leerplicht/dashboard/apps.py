from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The dashboard: the rapport's figures per topic, with filters, charts and, for who may
    see dossiers, the werkprocessen behind a number."""

    name = "leerplicht.dashboard"
    verbose_name = "dashboard"
