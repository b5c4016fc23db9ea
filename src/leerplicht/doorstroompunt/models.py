"""Voortijdig schoolverlaters (vsv'ers) followed by the Doorstroompunt."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.domein.vsv_traject import VOORSTELREDENEN
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


#: The codes of `Voorstelreden` as plain strings (the migration holds no domain enum).
VOORSTELREDENCODES: dict[str, str] = {r.value: naam for r, naam in VOORSTELREDENEN.items()}


class Voorstelstatus(models.TextChoices):
    OPEN = "open", "open"
    BEVESTIGD = "bevestigd", "bevestigd"
    AFGEWEZEN = "afgewezen", "afgewezen"
    #: Nobody decided: it no longer applied, was replaced, or the traject was closed.
    VERVALLEN = "vervallen", "vervallen"


class Voorstel(models.Model):
    """A stored proposal "geen doelgroep meer" (or "meeverhuizen") for one traject.

    The rule (`domein.vsv_traject.voorstel_geen_doelgroep`) says what applies today; the
    daily sweep (`voorstellen.maak_voorstellen`) stores it, so that the consulent's answer
    is kept: a rejected proposal does not come back every day.

    - (vsv, reden, naar_gemeente) is made once while it is open or rejected: a rejection
      holds; a move to ANOTHER gemeente is another proposal. Confirmed and lapsed rows are
      history and do not block: a traject moved along to B and later back to A can be
      proposed to move to B again; a lapsed proposal that applies again is proposed again.
    - At most one open proposal per traject: when the rule gives another one (the person
      moved on, turned the age limit, the birth date was corrected), the open one lapses
      (`vervallen`, "vervangen") and the new one is made. Closing the traject lets its
      open proposal lapse too.
    """

    Status = Voorstelstatus

    vsv = models.ForeignKey(Vsv, on_delete=models.CASCADE, related_name="voorstellen")
    reden = models.CharField(max_length=20, choices=keuzes(VOORSTELREDENCODES))
    #: Leeftijd: the day the age limit is reached; a move: the day it was first seen.
    vanaf = models.DateField()
    #: The woongemeente (CBS code) when proposed; "" for leeftijd.
    naar_gemeente = models.CharField(max_length=6, blank=True, default="")
    status = models.CharField(
        max_length=12, choices=Voorstelstatus.choices, default=Voorstelstatus.OPEN
    )
    gemaakt_op = models.DateTimeField(default=timezone.now)
    #: The user name of who confirmed or rejected ("systeem" when it lapsed).
    behandeld_door = models.CharField(max_length=150, blank=True, default="")
    behandeld_op = models.DateTimeField(null=True, blank=True)
    #: Why rejected (required then), or why it lapsed.
    toelichting = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = "voorstel vsv-traject"
        verbose_name_plural = "voorstellen vsv-traject"
        constraints = [
            code_check("reden", VOORSTELREDENCODES, "vsv_voorstel_reden"),
            code_check("status", tuple(Voorstelstatus.values), "vsv_voorstel_status"),
            models.UniqueConstraint(
                fields=["vsv", "reden", "naar_gemeente"],
                condition=Q(status__in=[Voorstelstatus.OPEN, Voorstelstatus.AFGEWEZEN]),
                name="vsv_voorstel_eenmaal",
            ),
            models.UniqueConstraint(
                fields=["vsv"],
                condition=Q(status=Voorstelstatus.OPEN),
                name="vsv_voorstel_een_open",
            ),
        ]

    def __str__(self) -> str:
        return f"voorstel {self.pk} bij {self.vsv_id}"
