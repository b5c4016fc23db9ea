"""What the team writes in its jaarverslag: the edited draft sentences and their own
introduction, per school year and set of gemeenten. The numbers are never stored here:
they come from the register (or the frozen figures) every time."""

from __future__ import annotations

from django.db import models


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
