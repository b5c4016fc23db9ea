"""Terugmelding aan DUO: the statuses of meldingen that changed since the last report.

Every route step that changes `Melding.duo_status` empties `duo_teruggemeld_op`; this
use case collects exactly those meldingen, hands them to the DUO adapter (a file for
Mijn DUO today) and stamps them as reported, in one transaction: when writing fails,
nothing is stamped and the next run reports them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.duo.koppeling import DuoKoppeling, Terugmelding, duo_koppeling

from .models import Melding


@dataclass(frozen=True)
class Terugmeldresultaat:
    aantal: int
    bestand: Path | None


def te_melden():
    return Melding.objects.filter(duo_status__isnull=False, duo_teruggemeld_op__isnull=True).filter(
        bron="duo"
    )


def meld_terug(koppeling: DuoKoppeling | None = None) -> Terugmeldresultaat:
    """Report every changed status of a DUO melding; returns the count and the file."""
    koppeling = koppeling or duo_koppeling()
    nu = timezone.now()
    vandaag = timezone.localdate()
    with transaction.atomic():
        meldingen = list(te_melden().select_for_update().order_by("meldingsnummer"))
        if not meldingen:
            return Terugmeldresultaat(0, None)
        bestand = koppeling.meld_status(
            [Terugmelding(m.meldingsnummer, m.duo_status, m.duo_reden, vandaag) for m in meldingen]
        )
        # One UPDATE (no per-row change entries): the summary entry below says what.
        Melding.objects.filter(pk__in=[m.pk for m in meldingen]).update(duo_teruggemeld_op=nu)
        registreer(
            "exporteren",
            object_type="duo_terugmelding",
            object_id=bestand.name if bestand else "",
            toelichting={"meldingen": len(meldingen)},
        )
    return Terugmeldresultaat(len(meldingen), bestand)
