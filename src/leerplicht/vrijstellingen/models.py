"""Vrijstellingen (art. 5, 15), vervangende leerplicht (art. 3a, 3b) and verlof wegens
gewichtige omstandigheden of more than 10 school days (art. 14 lid 3).

The columns of the exchange format (id ... onderwijssoort) stay as they are; the fields
after them are the casework's and all optional (`db_default`), because the bulk importer
inserts rows without them. GGM names: "Vrijstelling", "Verlofaanvraag".
"""

from django.db import models
from django.db.models import F, Q, Value

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.domein.vrijstellingsregels import VERKLAARDERS, VERLOFSOORTEN
from leerplicht.register.models import Gemeente, Persoon, School

#: A decision on verlof (a verlofaanvraag is never "ingetrokken").
VERLOF_BESLUITEN: dict[str, str] = {
    "open": "nog geen besluit",
    "toegekend": "toegekend",
    "afgewezen": "afgewezen",
}


def toegekend_in_besluitjaar() -> Q:
    """The rows that were granted on their `besluitdatum`: still granted, or granted and
    withdrawn later. A year's figures count the decisions taken in that year; a later
    withdrawal must not change a year already reported (the Leerplichttelling goes to OCW
    in October, after the year closed)."""
    return Q(besluit="toegekend") | Q(besluit="ingetrokken", ingetrokken_per__isnull=False)


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

    # --- the casework (not in the exchange format) ----------------------------------------
    #: The expert statement (art. 7 for 5 onder a, art. 9 for 5 onder c): date and who.
    verklaring_datum = models.DateField("datum verklaring", null=True, blank=True)
    verklaring_door = models.CharField(
        "verklaring van", max_length=24, choices=keuzes(VERKLAARDERS), null=True, blank=True
    )
    #: 5 onder a: the statement says the pupil will never be able to attend (art. 7 lid 2):
    #: no yearly renewal.
    nooit_naar_school = models.BooleanField(default=False, db_default=False)
    #: 5 onder b (art. 8): did the pupil attend a school of this denomination the year
    #: before? Answered by the medewerker; "ja" rules the vrijstelling out.
    richting_vorig_jaar = models.BooleanField(null=True, blank=True)
    #: 3b: the plan van aanpak is there.
    plan_van_aanpak = models.BooleanField(null=True, blank=True)
    #: The reasons of the decision (free text; may hold health details).
    motivering = models.TextField(blank=True, db_default="")
    #: Art. 6: the parents notify again before this 1 July (empty: no renewal due).
    verlengen_voor = models.DateField(null=True, blank=True)
    #: The period this one renews (yearly renewal creates the next period).
    vorige = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="verlenging"
    )
    #: A grant withdrawn here (`diensten.trek_in`): the first day without vrijstelling.
    #: The withdrawal is a new fact with its own date; `besluit` becomes "ingetrokken" but
    #: `besluitdatum` stays the date of the grant, which keeps counting in the figures of
    #: its decision year (`toegekend_in_besluitjaar`). Empty for an imported "ingetrokken".
    ingetrokken_per = models.DateField("ingetrokken per", null=True, blank=True)
    #: When the last registration/change went to DUO's vrijstellingenregister.
    duo_geregistreerd_op = models.DateTimeField(null=True, blank=True)
    #: Optimistic locking: raised on every change through the services.
    versie = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        verbose_name_plural = "vrijstellingen"
        indexes = [
            models.Index(fields=["gemeente", "besluitdatum"]),
            models.Index(fields=["besluit", "geldig_tot"]),
        ]
        constraints = [
            code_check("grond", codes.VRIJSTELLING_GRONDEN, "vrijstelling_grond"),
            code_check("besluit", codes.VRIJSTELLING_BESLUITEN, "vrijstelling_besluit"),
            code_check("onderwijssoort", ONDERWIJSSOORTEN, "vrijstelling_onderwijssoort"),
            code_check("verklaring_door", VERKLAARDERS, "vrijstelling_verklaring_door"),
            models.CheckConstraint(
                condition=Q(besluit="open") | Q(besluitdatum__isnull=False),
                name="vrijstelling_besluitdatum_bij_besluit",
            ),
        ]

    def __str__(self) -> str:
        return f"vrijstelling {self.id}"


class Verlofaanvraag(models.Model):
    """A request for verlof wegens gewichtige omstandigheden that brings the school year
    over 10 school days (the school head's earlier grants included), decided by the
    leerplichtambtenaar of the woongemeente after hearing the school head (art. 14 lid 3).
    Vakantieverlof never comes here (art. 13a: the school head's)."""

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="verlofaanvragen")
    #: The woongemeente, whose leerplichtambtenaar decides.
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="verlofaanvragen")
    school = models.ForeignKey(
        School, on_delete=models.SET_NULL, null=True, blank=True, related_name="verlofaanvragen"
    )
    soort = models.CharField(
        max_length=28, choices=keuzes(VERLOFSOORTEN), default="gewichtige_omstandigheden"
    )
    aangevraagd = models.DateField()
    van = models.DateField()
    tot = models.DateField("tot en met")
    aantal_schooldagen = models.PositiveIntegerField()
    #: Art. 14 lid 1 counts per school year, all requests together: the school days the
    #: school head already granted this pupil this school year. A fact the routing rests
    #: on, so with the date it was known on and its source (e.g. the head's statement).
    al_verleend_schooldagen = models.PositiveIntegerField(
        "al verleend door de directeur (schooldagen)", default=0, db_default=0
    )
    al_verleend_peildatum = models.DateField("al verleend, bekend op", null=True, blank=True)
    al_verleend_bron = models.CharField(
        "al verleend, bron", max_length=200, blank=True, default="", db_default=""
    )
    #: The circumstances (free text; may hold family or health details).
    reden = models.TextField(blank=True, db_default="")
    #: The day the school head was heard (art. 14 lid 3); empty: not yet.
    schoolleider_gehoord_op = models.DateField(null=True, blank=True)
    besluit = models.CharField(
        max_length=12, choices=keuzes(VERLOF_BESLUITEN), default="open", db_default="open"
    )
    besluitdatum = models.DateField(null=True, blank=True)
    motivering = models.TextField(blank=True, db_default="")
    besluitbrief = models.ForeignKey(
        "werkprocessen.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    versie = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        verbose_name = "verlofaanvraag"
        verbose_name_plural = "verlofaanvragen"
        indexes = [models.Index(fields=["gemeente", "besluit"])]
        constraints = [
            code_check("soort", VERLOFSOORTEN, "verlofaanvraag_soort"),
            code_check("besluit", VERLOF_BESLUITEN, "verlofaanvraag_besluit"),
            models.CheckConstraint(condition=Q(tot__gte=models.F("van")), name="verlof_tot_na_van"),
            models.CheckConstraint(
                condition=Q(besluit="open") | Q(besluitdatum__isnull=False),
                name="verlof_besluitdatum_bij_besluit",
            ),
            # Art. 14 lid 3: no decision without hearing the school head.
            models.CheckConstraint(
                condition=Q(besluit="open") | Q(schoolleider_gehoord_op__isnull=False),
                name="verlof_besluit_na_horen_schoolleider",
            ),
            # Art. 14 lid 1: up to 10 days per school year, all requests together, is the
            # school head's; the LPA's when the days already granted and asked exceed 10.
            models.CheckConstraint(
                condition=Q(aantal_schooldagen__gt=Value(10) - F("al_verleend_schooldagen")),
                name="verlof_meer_dan_tien_dagen_per_schooljaar",
            ),
            models.CheckConstraint(
                condition=Q(al_verleend_schooldagen=0)
                | (Q(al_verleend_peildatum__isnull=False) & ~Q(al_verleend_bron="")),
                name="verlof_al_verleend_met_datum_en_bron",
            ),
        ]

    def __str__(self) -> str:
        return f"verlofaanvraag {self.pk}"
