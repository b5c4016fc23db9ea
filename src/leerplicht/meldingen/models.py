"""Verzuimmeldingen: what schools (through DUO's Verzuimloket) and others report."""

from django.db import models

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.register.models import Gemeente, Persoon, School


class Melding(models.Model):
    meldingsnummer = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="meldingen")
    #: The gemeente responsible for this melding (figures count it there).
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="meldingen")
    datum = models.DateField()
    soort = models.CharField(max_length=12, choices=keuzes(codes.MELDING_SOORTEN))
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="meldingen"
    )
    #: As reported; when empty the figures derive it from the inschrijving on `datum`.
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    actie_gewenst = models.BooleanField(null=True, blank=True)
    werkproces = models.ForeignKey(
        "werkprocessen.Werkproces",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meldingen",
    )

    class Meta:
        verbose_name_plural = "meldingen"
        indexes = [
            models.Index(fields=["gemeente", "datum"]),
            models.Index(fields=["persoon", "datum"]),
        ]
        constraints = [
            code_check("soort", codes.MELDING_SOORTEN, "melding_soort"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "melding_onderwijssoort"),
        ]

    def __str__(self) -> str:
        return f"melding {self.meldingsnummer}"
