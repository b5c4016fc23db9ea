"""Letter templates: one .docx per soort, edited by the applicatiebeheerder in Word."""

from django.db import models

from leerplicht.codeveld import code_check, keuzes

from .soorten import BRIEFSOORTEN


class Briefsjabloon(models.Model):
    """The current template of one soort of letter. No person data: placeholders only.

    Without a row the built-in default (`standaardsjablonen`) is used, so letters work
    on a fresh installation; `leerplicht brieven standaard` stores the defaults.
    """

    soort = models.CharField(max_length=24, unique=True, choices=keuzes(BRIEFSOORTEN))
    naam = models.CharField(max_length=200)
    docx = models.BinaryField()
    #: Raised on every upload; the upload form carries the versie it was loaded with.
    versie = models.PositiveIntegerField(default=1)
    gewijzigd_op = models.DateTimeField()
    gewijzigd_door = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        verbose_name_plural = "briefsjablonen"
        ordering = ["soort"]
        constraints = [code_check("soort", BRIEFSOORTEN, "briefsjabloon_soort")]

    def __str__(self) -> str:
        return f"briefsjabloon {self.soort} versie {self.versie}"
