from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "leerplicht.audit"
    verbose_name = "Auditlog"

    def ready(self) -> None:
        # Connect the receivers for sign-in and for changes to person data.
        from . import signalen  # noqa: F401
