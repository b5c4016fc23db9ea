"""Background work of the meldingen (django-tasks): the daily sweeps.

Enqueue with `.enqueue()`; a worker of the configured backend (settings.TASKS) runs
them. A cron line or systemd timer enqueues them once a day, like the bewaartermijn
(docs/ontwikkelaars/duo-koppeling.md); the commands run the same code directly.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.versiebeheer import Versieconflict, neem_versie

from .absoluut_verzuim import signaleer
from .models import Melding
from .wachtrij import verzuimstaat_te_laat


def verlopen_verzuimstaten(peildatum: date):
    """Requested verzuimstaten whose one-week deadline has passed (the overdue list)."""
    return Melding.objects.filter(status=Meldingstatus.VERZUIMSTAAT_OPGEVRAAGD).filter(
        verzuimstaat_te_laat(peildatum)
    )


def veeg_verzuimstaten(peildatum: date | None = None) -> int:
    """Mark every overdue verzuimstaat not yet reminded as reminded today; they show on
    the overdue list and the administratie sends the prepared reminder text."""
    peildatum = peildatum or timezone.localdate()
    aantal = 0
    with transaction.atomic():
        for melding in verlopen_verzuimstaten(peildatum).filter(
            verzuimstaat_herinnerd_op__isnull=True
        ):
            # Claim the versie first (an open form becomes stale; a concurrent change
            # wins and the next sweep tries again), then save through the ORM (audited).
            try:
                with transaction.atomic():
                    melding.versie = neem_versie(
                        Melding, melding.pk, melding.versie, wat="deze melding"
                    )
            except Versieconflict:
                continue
            melding.verzuimstaat_herinnerd_op = peildatum
            melding.save(update_fields=["verzuimstaat_herinnerd_op"])
            aantal += 1
    return aantal


@task()
def verzuimstaten_herinneren() -> dict:
    return {"herinnerd": veeg_verzuimstaten()}


@task()
def absoluut_verzuim_signaleren() -> dict:
    return {"meldingen": signaleer().aantal}
