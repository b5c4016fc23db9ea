"""Intake: verzuimmeldingen."""

from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "leerplicht.meldingen"
    verbose_name = "Meldingen"

    def ready(self) -> None:
        from leerplicht.vrijstellingen.signalen import vrijstelling_toegekend
        from leerplicht.werkprocessen.signalen import werkproces_gesloten

        from .route import meld_werkproces_gesloten
        from .vrijstelling_gevolg import ingetrokken_bij_toekenning

        # The apps below tell of their use cases through signals (layers: docs/ontwikkelaars/
        # architectuur.md): a closed werkproces, a granted vrijstelling.
        werkproces_gesloten.connect(meld_werkproces_gesloten, dispatch_uid="meldingen-afgesloten")
        vrijstelling_toegekend.connect(
            ingetrokken_bij_toekenning, dispatch_uid="meldingen-vrijstelling"
        )
