"""De leerplichtadministratie: gemeenten, scholen, personen en hun inschrijvingen."""

from django.db import models
from django.db.models import Q

from leerplicht.codeveld import keuzes
from leerplicht.domein.leerplichtfeiten import KWALIFICATIEPLICHT_VERVALLEN_GRONDEN
from leerplicht.domein.onderwijssoort import SCHOOL_ONDERWIJSSOORTEN


class Gemeente(models.Model):
    code = models.CharField("CBS-code", max_length=6, primary_key=True)
    naam = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^GM[0-9]{4}$"), name="gemeente_code_cbs"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class School(models.Model):
    #: brin + vestiging (e.g. 12AB00), or the brin alone for a school without vestigingen.
    id = models.CharField(max_length=6, primary_key=True)
    brin = models.CharField(max_length=4)
    vestiging = models.CharField(max_length=2, null=True, blank=True)
    naam = models.CharField(max_length=200)
    onderwijssoort = models.CharField(max_length=8, choices=keuzes(SCHOOL_ONDERWIJSSOORTEN))
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="scholen")

    class Meta:
        verbose_name_plural = "scholen"
        indexes = [models.Index(fields=["brin"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(onderwijssoort__in=SCHOOL_ONDERWIJSSOORTEN),
                name="school_onderwijssoort",
            ),
            models.UniqueConstraint(fields=["brin", "vestiging"], name="school_brin_vestiging"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.id})"


class Persoon(models.Model):
    #: The key from the source system (exchange format `id`).
    id = models.CharField(max_length=64, primary_key=True)
    bsn = models.CharField("BSN", max_length=9, null=True, blank=True, unique=True)
    geboortedatum = models.DateField()
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="inwoners", verbose_name="woongemeente"
    )
    startkwalificatie = models.DateField("startkwalificatie behaald op", null=True, blank=True)
    # Facts that end a leerplicht early (domein.leerplichtfeiten), each with its source.
    # Empty is "unknown"; names equal the optional columns of personen.csv.
    #: Last day of the twelfth full school year (art. 3 lid 1 onder a).
    twaalf_schooljaren_voltooid = models.DateField(
        "twaalf volledige schooljaren voltooid op", null=True, blank=True
    )
    twaalf_schooljaren_bron = models.CharField(
        "bron twaalf schooljaren", max_length=200, null=True, blank=True
    )
    #: Date of the pro certificate/diploma or vso profile (art. 4a lid 2).
    kwalificatieplicht_vervallen = models.DateField(
        "kwalificatieplicht vervallen op", null=True, blank=True
    )
    kwalificatieplicht_vervallen_grond = models.CharField(
        "grond vervallen kwalificatieplicht",
        max_length=20,
        null=True,
        blank=True,
        choices=keuzes(KWALIFICATIEPLICHT_VERVALLEN_GRONDEN),
    )
    kwalificatieplicht_vervallen_bron = models.CharField(
        "bron vervallen kwalificatieplicht", max_length=200, null=True, blank=True
    )

    class Meta:
        verbose_name_plural = "personen"
        # Covers the `leerlingen` figure: counted from the index alone.
        indexes = [models.Index(fields=["gemeente", "geboortedatum", "startkwalificatie"])]

    def __str__(self) -> str:
        return f"persoon {self.id}"


class Inschrijving(models.Model):
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="inschrijvingen")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="inschrijvingen")
    van = models.DateField()
    #: Last day enrolled (inclusive); empty while enrolled.
    tot = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "inschrijvingen"
        # Covers `onderwijssoort_op` (the enrolment on a date, latest van then highest
        # school first): answered from the index in its own order, no table reads.
        indexes = [models.Index(fields=["persoon", "van", "school", "tot"])]
        constraints = [
            models.UniqueConstraint(fields=["persoon", "school", "van"], name="inschrijving_uniek"),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")),
                name="inschrijving_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"inschrijving {self.school_id} vanaf {self.van}"
