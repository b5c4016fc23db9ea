"""leerplicht inplannen NAAM: every periodic job can be put on the database queue."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from leerplicht.portaal.periodieke_taken import PERIODIEKE_TAKEN

pytestmark = pytest.mark.django_db


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
@pytest.mark.parametrize("naam", sorted(PERIODIEKE_TAKEN))
def test_taak_komt_in_de_wachtrij(naam):
    from django_tasks_db.models import DBTaskResult

    uit = StringIO()
    call_command("inplannen", naam, stdout=uit)
    assert f"Taak {naam} in de wachtrij gezet" in uit.getvalue()
    [rij] = DBTaskResult.objects.all()
    assert rij.task_path == PERIODIEKE_TAKEN[naam][0]
    assert rij.status == "READY"


def test_onbekende_taak():
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("inplannen", "bestaat-niet")
