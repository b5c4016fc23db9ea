"""Voortijdig schoolverlaters (vsv'ers) followed by the Doorstroompunt."""

from django.db import models

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.register.models import Gemeente, Persoon


class Vsv(models.Model):
    """One vsv traject: from de-registration without startkwalificatie to closing."""

    id = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="vsv_trajecten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="vsv_trajecten")
    uitgeschreven = models.DateField("uitgeschreven op")
    monitoring_vanaf = models.DateField(null=True, blank=True)
    afgerond_op = models.DateField(null=True, blank=True)
    resultaat = models.CharField(
        max_length=20, choices=keuzes(codes.VSV_RESULTATEN), null=True, blank=True
    )
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    # --- casework (issue 5); not in the exchange format ---
    #: The consulent's user name (like Werkproces.behandelaar).
    behandelaar = models.CharField(max_length=150, null=True, blank=True)
    #: The last monitoring contact; the next is due LEERPLICHT_VSV_MONITORING_MAANDEN later.
    laatste_monitoring = models.DateField(null=True, blank=True)
    #: What the consulent wrote at the last change (shown on the traject page).
    toelichting = models.TextField(blank=True, db_default="")
    #: The leerplicht werkproces whose warm transfer (overdracht_dsp) led here, if any.
    overgedragen_uit = models.CharField(max_length=64, blank=True, db_default="")
    #: Optimistic locking (leerplicht.versiebeheer), like Melding and Werkproces.
    versie = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        verbose_name = "vsv-traject"
        verbose_name_plural = "vsv-trajecten"
        indexes = [models.Index(fields=["gemeente", "uitgeschreven"])]
        constraints = [
            code_check("resultaat", codes.VSV_RESULTATEN, "vsv_resultaat"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "vsv_onderwijssoort"),
        ]

    def __str__(self) -> str:
        return f"vsv-traject {self.id}"
