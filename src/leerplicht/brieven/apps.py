from django.apps import AppConfig


class BrievenConfig(AppConfig):
    """Letters: .docx templates the applicatiebeheerder edits, rendered to PDF in the dossier."""

    name = "leerplicht.brieven"
    verbose_name = "brieven"
