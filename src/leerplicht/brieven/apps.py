from django.apps import AppConfig


class BrievenConfig(AppConfig):
    """Letters: .docx templates the applicatiebeheerder edits, rendered to PDF in the dossier."""

    name = "leerplicht.brieven"
    verbose_name = "brieven"

    def ready(self) -> None:
        from leerplicht.vrijstellingen.signalen import besluit_genomen

        from .beschikking import maak_beschikking

        # The decision on a vrijstelling or verlof asks for its beschikking by a signal
        # (the layers: docs/ontwikkelaars/architectuur.md).
        besluit_genomen.connect(maak_beschikking, dispatch_uid="brieven-beschikking")
