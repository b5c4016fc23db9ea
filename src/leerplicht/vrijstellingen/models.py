"""Vrijstellingen (art. 5, 15) and vervangende leerplicht (art. 3a, 3b)."""

from django.db import models
from django.db.models import Q

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.register.models import Gemeente, Persoon


class Vrijstelling(models.Model):
    id = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="vrijstellingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="vrijstellingen")
    grond = models.CharField(max_length=4, choices=keuzes(codes.VRIJSTELLING_GRONDEN))
    aangevraagd = models.DateField()
    besluit = models.CharField(max_length=12, choices=keuzes(codes.VRIJSTELLING_BESLUITEN))
    besluitdatum = models.DateField(null=True, blank=True)
    geldig_van = models.DateField()
    geldig_tot = models.DateField(null=True, blank=True)
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )

    class Meta:
        verbose_name_plural = "vrijstellingen"
        indexes = [models.Index(fields=["gemeente", "besluitdatum"])]
        constraints = [
            code_check("grond", codes.VRIJSTELLING_GRONDEN, "vrijstelling_grond"),
            code_check("besluit", codes.VRIJSTELLING_BESLUITEN, "vrijstelling_besluit"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "vrijstelling_onderwijssoort"),
            models.CheckConstraint(
                condition=Q(besluit="open") | Q(besluitdatum__isnull=False),
                name="vrijstelling_besluitdatum_bij_besluit",
            ),
        ]

    def __str__(self) -> str:
        return f"vrijstelling {self.id}"
