"""Werkprocessen (cases) and the interventies done in them."""

from django.db import models
from django.db.models import Q

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.register.models import Gemeente, Persoon


class Werkproces(models.Model):
    id = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="werkprocessen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="werkprocessen")
    type = models.CharField(max_length=24, choices=keuzes(codes.WERKPROCES_TYPEN))
    geopend = models.DateField()
    gesloten = models.DateField(null=True, blank=True)
    resultaat = models.CharField(
        max_length=16, choices=keuzes(codes.WERKPROCES_RESULTATEN), null=True, blank=True
    )
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    behandelaar = models.CharField(max_length=150, null=True, blank=True)

    class Meta:
        verbose_name_plural = "werkprocessen"
        indexes = [
            models.Index(fields=["gemeente", "geopend"]),
            models.Index(fields=["gemeente", "gesloten"]),
            models.Index(fields=["persoon"]),
        ]
        constraints = [
            code_check("type", codes.WERKPROCES_TYPEN, "werkproces_type"),
            code_check("resultaat", codes.WERKPROCES_RESULTATEN, "werkproces_resultaat"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "werkproces_onderwijssoort"),
            models.CheckConstraint(
                condition=Q(gesloten__isnull=True) | Q(gesloten__gte=models.F("geopend")),
                name="werkproces_gesloten_na_geopend",
            ),
        ]

    def __str__(self) -> str:
        return f"werkproces {self.id}"


class Interventie(models.Model):
    id = models.CharField(max_length=200, primary_key=True)
    werkproces = models.ForeignKey(
        Werkproces, on_delete=models.CASCADE, related_name="interventies"
    )
    datum = models.DateField()
    soort = models.CharField(max_length=24, choices=keuzes(codes.INTERVENTIE_SOORTEN))
    #: For a proces-verbaal: against the parents (art. 22 lid 2) or the pupil (lid 3).
    tegen = models.CharField(
        max_length=8, choices=keuzes(codes.PROCES_VERBAAL_TEGEN), null=True, blank=True
    )
    #: For a proces-verbaal: the kind of verzuim.
    verzuim = models.CharField(
        max_length=8, choices=keuzes(codes.PROCES_VERBAAL_VERZUIM), null=True, blank=True
    )
    #: For a Halt-verwijzing: the outcome, once known.
    uitkomst = models.CharField(
        max_length=8, choices=keuzes(codes.HALT_UITKOMSTEN), null=True, blank=True
    )

    class Meta:
        verbose_name_plural = "interventies"
        indexes = [
            models.Index(fields=["werkproces", "datum"]),
            models.Index(fields=["soort", "datum"]),
        ]
        constraints = [
            code_check("soort", codes.INTERVENTIE_SOORTEN, "interventie_soort"),
            code_check("tegen", codes.PROCES_VERBAAL_TEGEN, "interventie_tegen"),
            code_check("verzuim", codes.PROCES_VERBAAL_VERZUIM, "interventie_verzuim"),
            code_check("uitkomst", codes.HALT_UITKOMSTEN, "interventie_uitkomst"),
            models.CheckConstraint(
                condition=~Q(soort="proces_verbaal")
                | (Q(tegen__isnull=False) & Q(verzuim__isnull=False)),
                name="proces_verbaal_tegen_en_verzuim",
            ),
            models.CheckConstraint(
                condition=Q(uitkomst__isnull=True) | Q(soort="halt"), name="uitkomst_alleen_halt"
            ),
        ]

    def __str__(self) -> str:
        return f"interventie {self.soort} op {self.datum}"
