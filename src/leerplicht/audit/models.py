"""The audit log: one row per event, chained by SHA-256 so a changed or missing row shows.

Rows are never updated or deleted: the model refuses, and database triggers (migration
0002) refuse too. `Ketenkop` holds the last volgnummer and hash, so removing rows at
the end of the chain is noticed as well.
"""

from __future__ import annotations

from django.db import models


class AuditlogAlleenAanvullen(Exception):
    """An attempt to change or delete an audit entry."""

    def __init__(self) -> None:
        super().__init__(
            "Het auditlog is alleen aan te vullen: een auditregel wijzigen of verwijderen kan niet."
        )


class AuditregelQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditlogAlleenAanvullen

    def delete(self):
        raise AuditlogAlleenAanvullen

    update.queryset_only = True
    delete.queryset_only = True


class Auditregel(models.Model):
    #: 1, 2, 3, ... without gaps; the order of the chain.
    volgnummer = models.PositiveBigIntegerField(primary_key=True)
    tijdstip = models.DateTimeField()
    #: Who: the account's id and name at that moment (no foreign key, so entries
    #: outlive accounts). Empty for a system action; then gebruikersnaam says "systeem:...".
    gebruiker_id = models.BigIntegerField(null=True, blank=True)
    gebruikersnaam = models.CharField(max_length=150, blank=True)
    rol = models.CharField(max_length=32, blank=True)
    actie = models.CharField(max_length=32)
    #: What: the kind of object and its id, and the field names. Never the content.
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=200, blank=True)
    #: The person this entry is about (also for a melding or werkproces of that person).
    persoon_id = models.CharField(max_length=64, blank=True)
    #: For an entry about no person: the gemeenten it concerns, as ",GM0001,GM0002,"
    #: (empty: the whole installation). Decides which privacy officers see it.
    gemeenten = models.CharField(max_length=2000, blank=True, default="")
    velden = models.JSONField(default=list)
    #: Only for changes: old and new values of the changed fields (a BSN as a fingerprint).
    voor = models.JSONField(null=True, blank=True)
    na = models.JSONField(null=True, blank=True)
    #: Extra facts without personal content, e.g. counts per file of an import.
    toelichting = models.JSONField(null=True, blank=True)
    #: From where: the client's IP address (REMOTE_ADDR), empty for a command.
    ip_adres = models.CharField(max_length=45, blank=True)
    vorige_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditregelQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "auditregels"
        indexes = [
            models.Index(fields=["persoon_id", "volgnummer"], name="audit_persoon"),
            models.Index(fields=["gebruikersnaam", "volgnummer"], name="audit_gebruiker"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            models.Index(fields=["tijdstip"], name="audit_tijdstip"),
        ]

    def __str__(self) -> str:
        return f"auditregel {self.volgnummer} ({self.actie})"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AuditlogAlleenAanvullen
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditlogAlleenAanvullen


class Ketenkop(models.Model):
    """The head of the chain: one row (id 1) with the last volgnummer and hash."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    volgnummer = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = "kop van de auditketen"

    def __str__(self) -> str:
        return f"kop van de auditketen: regel {self.volgnummer}"
