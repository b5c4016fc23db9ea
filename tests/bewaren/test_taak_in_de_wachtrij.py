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
