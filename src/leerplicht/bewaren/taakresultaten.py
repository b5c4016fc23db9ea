"""Finished background tasks are removed a day after they end.

A task's row in the database queue (django-tasks-db) keeps its arguments, and a letter's
arguments hold what the medewerker typed for that letter (addressee, address, the
pupil's name). Those belong only in the letter itself, so the rows go soon: every
retention run (`leerplicht bewaartermijn --uitvoeren` and its scheduled task) removes
finished rows older than LEERPLICHT_TAAKRESULTATEN_DAGEN (default 1) days.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings


def ruim_taakresultaten_op(nu: datetime) -> int:
    """Remove finished task rows older than the setting; returns how many went."""
    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    grens = nu - timedelta(days=settings.LEERPLICHT_TAAKRESULTATEN_DAGEN)
    verwijderd, _ = DBTaskResult.objects.filter(
        finished_at__isnull=False, finished_at__lt=grens
    ).delete()
    return verwijderd
