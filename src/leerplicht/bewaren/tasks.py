"""The scheduled retention run as a background task (django-tasks).

Enqueue with `bewaartermijn_uitvoeren.enqueue()`; a worker of the configured backend
runs it (settings.TASKS). The cron line in docs/beheer/bewaartermijnen.md runs the
command directly, which needs no worker.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from .opschonen import maak_plan, voer_uit


@task()
def bewaartermijn_uitvoeren() -> dict:
    """Remove what is past its term today; returns the counts (no personal data)."""
    vandaag = timezone.localdate()
    plan = maak_plan(vandaag, vandaag=vandaag)
    vastgesteld = voer_uit(plan, vandaag=vandaag)
    return {"aantallen": plan.aantallen(), "vastgesteld": [j.naam for j in vastgesteld]}
