"""The scheduled retention run through the database queue (django-tasks-db), as in productie."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)

DATABASEWACHTRIJ = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASEWACHTRIJ)
def test_bewaartermijn_als_taak_via_de_databasewachtrij():
    from django_tasks_db.models import DBTaskResult

    from leerplicht.bewaren.tasks import bewaartermijn_uitvoeren

    bewaartermijn_uitvoeren.enqueue()
    [wachtend] = DBTaskResult.objects.all()
    assert wachtend.status == "READY"
    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())
    wachtend.refresh_from_db()
    assert wachtend.status == "SUCCESSFUL"
    assert "aantallen" in wachtend.return_value


@override_settings(TASKS=DATABASEWACHTRIJ)
def test_afgeronde_taken_met_hun_argumenten_gaan_na_een_dag_weg():
    """A letter task's arguments hold typed names: its row goes with the next retention run."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from leerplicht.bewaren.opschonen import maak_plan, voer_uit
    from leerplicht.bewaren.tasks import bewaartermijn_uitvoeren

    for _ in range(3):
        bewaartermijn_uitvoeren.enqueue()
    oud, recent, wachtend = DBTaskResult.objects.order_by("enqueued_at")
    nu = timezone.now()
    DBTaskResult.objects.filter(pk=oud.pk).update(
        status="SUCCESSFUL", finished_at=nu - timedelta(days=1, minutes=1)
    )
    DBTaskResult.objects.filter(pk=recent.pk).update(
        status="SUCCESSFUL", finished_at=nu - timedelta(hours=23)
    )
    vandaag = timezone.localdate()
    voer_uit(maak_plan(vandaag, vandaag=vandaag), vandaag=vandaag)
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, wachtend.pk}
