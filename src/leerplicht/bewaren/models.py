"""Vastgestelde cijfers: the `rapport` of a closed school year, frozen as text."""

from __future__ import annotations

import hashlib

from django.db import models


def sha256_van(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


class Vastgesteldrapport(models.Model):
    """The JSON of `leerplicht rapport --schooljaar X --format json` over all gemeenten,
    on the default peildatum, byte for byte as printed when the school year was closed.

    From then on `rapport` prints this text for that school year, so its figures stay the
    same after personal data is removed (bewaartermijn). It holds counts only.
    """

    schooljaar = models.CharField(max_length=9, unique=True)
    peildatum = models.DateField()
    json = models.TextField()
    sha256 = models.CharField(max_length=64)
    vastgesteld_op = models.DateTimeField()
    #: Who or what froze it: a user name, or "bewaartermijn" for a retention run.
    vastgesteld_door = models.CharField(max_length=150, blank=True)
    #: Set when a retention run removed data: other peildata can then not be computed.
    opgeschoond_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "vastgesteld rapport"
        verbose_name_plural = "vastgestelde rapporten"
        ordering = ["schooljaar"]

    def __str__(self) -> str:
        return f"vastgesteld rapport {self.schooljaar}"

    @property
    def ongeschonden(self) -> bool:
        """Whether the stored text still matches the hash taken when it was frozen."""
        return sha256_van(self.json) == self.sha256
