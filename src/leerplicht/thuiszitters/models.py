"""Thuiszitters: periods in which a leer- of kwalificatieplichtige is at home, no vrijstelling."""

from django.db import models
from django.db.models import Q

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.register.models import Gemeente, Persoon


class Thuiszitter(models.Model):
    id = models.CharField(max_length=64, primary_key=True)
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="thuiszitperiodes")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="thuiszitters")
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    reden_einde = models.CharField(
        max_length=12, choices=keuzes(codes.THUISZITTER_REDENEN_EINDE), null=True, blank=True
    )
    onderwijssoort = models.CharField(
        max_length=8, choices=keuzes(ONDERWIJSSOORTEN), null=True, blank=True
    )
    #: Why the period was registered or ended (free text, never in the audit log).
    toelichting = models.TextField(blank=True, db_default="")
    #: Thuiszitterspact: the date an offer of education or care was made.
    aanbod = models.DateField("onderwijs- of zorgaanbod gedaan op", null=True, blank=True)
    #: Raised on every save through `thuiszitters.signalen` (optimistic locking).
    versie = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        verbose_name_plural = "thuiszitters"
        indexes = [models.Index(fields=["gemeente", "van"])]
        constraints = [
            code_check("reden_einde", codes.THUISZITTER_REDENEN_EINDE, "thuiszitter_reden_einde"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "thuiszitter_onderwijssoort"),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")),
                name="thuiszitter_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"thuiszitperiode {self.id}"
