"""What the team writes in its jaarverslag: the edited draft sentences and their own
introduction, per school year and set of gemeenten. The numbers are never stored here:
they come from the register (or the frozen figures) every time."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein.kengetallen import KENGETAL_LABELS


def gebied_sleutel(gemeenten: list[str] | tuple[str, ...]) -> str:
    """The report's gemeenten as one key: sorted codes joined by commas."""
    return ",".join(sorted(gemeenten))


class Verslagtekst(models.Model):
    schooljaar = models.CharField(max_length=9)
    #: `gebied_sleutel` of the report's gemeenten ("GM0225" or "GM0197,GM0225,...").
    gemeenten = models.CharField(max_length=4000)
    #: The Tekstblok id in the Verslag (e.g. "inleiding", "werkprocessen-tekst").
    blok = models.CharField(max_length=64)
    tekst = models.TextField()
    bijgewerkt_op = models.DateTimeField()
    bijgewerkt_door = models.CharField(max_length=150)
    #: Optimistic locking (leerplicht.versiebeheer), as every edited record.
    versie = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        verbose_name = "verslagtekst"
        verbose_name_plural = "verslagteksten"
        constraints = [
            models.UniqueConstraint(
                fields=["schooljaar", "gemeenten", "blok"], name="verslagtekst_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"verslagtekst {self.blok} {self.schooljaar}"

    @classmethod
    def teksten(cls, schooljaar: str, gemeenten: list[str]) -> dict[str, str]:
        return dict(
            cls.objects.filter(
                schooljaar=schooljaar, gemeenten=gebied_sleutel(gemeenten)
            ).values_list("blok", "tekst")
        )


#: `Benchmarkcijfer.eigenaars` of a figure for every gemeente, also one added later.
ALLE_GEMEENTEN = "*"


class Benchmarkcijfer(models.Model):
    """A percentage of the leerlingen published by another region or the country, read in
    with `leerplicht benchmark-import` or by a teammanager in the web app
    (verslagen.benchmark). Not our own figure: shown beside it in the jaarverslag, never
    computed from the register.

    Owned by a set of gemeenten (`eigenaars`): who read it in had authority over exactly
    those, so it may only change a report all of whose gemeenten are among them; one
    team's upload never changes another team's report (verslagen.benchmark.benchmark_voor).
    """

    #: Who published it, e.g. "Landelijk" or "Regio Achterhoek".
    bron = models.CharField(max_length=100)
    #: The owning gemeenten as `gebied_sleutel` ("GM0225,GM0296"), or ALLE_GEMEENTEN.
    eigenaars = models.CharField(max_length=4000)
    schooljaar = models.CharField(max_length=9)
    kengetal = models.CharField(max_length=32, choices=keuzes(KENGETAL_LABELS))
    percentage = models.DecimalField(max_digits=6, decimal_places=2)
    ingelezen_op = models.DateTimeField()
    ingelezen_door = models.CharField(max_length=150)

    class Meta:
        verbose_name = "benchmarkcijfer"
        verbose_name_plural = "benchmarkcijfers"
        ordering = ["schooljaar", "bron", "eigenaars", "kengetal"]
        constraints = [
            # One figure per owner set: a re-upload replaces only its own owners' figure.
            models.UniqueConstraint(
                fields=["eigenaars", "bron", "schooljaar", "kengetal"],
                name="benchmarkcijfer_uniek_per_eigenaars",
            ),
            models.CheckConstraint(
                condition=~Q(eigenaars=""), name="benchmarkcijfer_eigenaars_niet_leeg"
            ),
            code_check("kengetal", KENGETAL_LABELS, "benchmarkcijfer_kengetal"),
            models.CheckConstraint(
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
                name="benchmarkcijfer_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"benchmarkcijfer {self.bron} {self.schooljaar} {self.kengetal} ({self.eigenaars})"
