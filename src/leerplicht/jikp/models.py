"""Jikpregistratie: one young person on the yearly JIKP list (leaving pro, vso,
vmbo-basis or Entree), and what they do one, three and five years later.

One row per person and peiljaar (the school year they left); a later yearly list fills
in the situation after three and five years on the same row.
"""

from django.db import models

from leerplicht.codeveld import code_check, keuzes
from leerplicht.domein import codes
from leerplicht.register.models import Gemeente, Persoon


class Jikpregistratie(models.Model):
    #: CASCADE: removed with the person when the bewaartermijn removes them
    #: (bewaren.opschonen); a registration alone never keeps a person.
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="jikpregistraties")
    #: The gemeente the list was delivered for (the import's --gemeente).
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="jikpregistraties"
    )
    #: The school year of leaving, e.g. "2023-2024" (domein.schooljaar).
    peiljaar = models.CharField(max_length=9)
    herkomst = models.CharField(max_length=12, choices=keuzes(codes.JIKP_HERKOMST))
    situatie_1_jaar = models.CharField(
        "situatie na 1 jaar", max_length=16, choices=keuzes(codes.JIKP_SITUATIES),
        null=True, blank=True,
    )  # fmt: skip
    situatie_3_jaar = models.CharField(
        "situatie na 3 jaar", max_length=16, choices=keuzes(codes.JIKP_SITUATIES),
        null=True, blank=True,
    )  # fmt: skip
    situatie_5_jaar = models.CharField(
        "situatie na 5 jaar", max_length=16, choices=keuzes(codes.JIKP_SITUATIES),
        null=True, blank=True,
    )  # fmt: skip
    #: Where the row came from (the source named in the file, or the file name).
    bron = models.CharField(max_length=200, blank=True, db_default="")
    bijgewerkt_op = models.DateTimeField()

    class Meta:
        verbose_name = "JIKP-registratie"
        verbose_name_plural = "JIKP-registraties"
        ordering = ["-peiljaar", "persoon_id"]
        indexes = [models.Index(fields=["gemeente", "peiljaar"])]
        constraints = [
            models.UniqueConstraint(fields=["persoon", "peiljaar"], name="jikp_persoon_peiljaar"),
            code_check("herkomst", codes.JIKP_HERKOMST, "jikp_herkomst"),
            code_check("situatie_1_jaar", codes.JIKP_SITUATIES, "jikp_situatie_1_jaar"),
            code_check("situatie_3_jaar", codes.JIKP_SITUATIES, "jikp_situatie_3_jaar"),
            code_check("situatie_5_jaar", codes.JIKP_SITUATIES, "jikp_situatie_5_jaar"),
        ]

    def __str__(self) -> str:
        return f"JIKP-registratie {self.pk}"
