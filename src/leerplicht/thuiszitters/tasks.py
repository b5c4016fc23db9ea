"""The daily thuiszitter sweep as a background task (django-tasks).

Signals are asked of the meldingen each time (`signalen`), so the sweep stores nothing:
it counts the signals awaiting confirmation per gemeente, for the log of the worker and
for a cron/systemd timer that enqueues it (docs/gebruikers/thuiszitters.md).
"""

from __future__ import annotations

from collections import Counter

from django.utils import timezone
from django_tasks import task

from leerplicht.meldingen.models import Melding

from .signalen import signalen


def tel_signalen() -> dict[str, int]:
    """Signals awaiting confirmation per gemeente (CBS code), over all gemeenten."""
    vandaag = timezone.localdate()
    aantallen = Counter(s.gemeente_id for s in signalen(Melding.objects.all(), vandaag))
    return dict(sorted(aantallen.items()))


@task()
def signaleer_thuiszitters() -> dict[str, int]:
    """Counts only (no personal data in the task's result)."""
    return tel_signalen()
