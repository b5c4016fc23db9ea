"""Rendering a letter as a background task (django-tasks), so a slow render never holds
up the web process and nothing is lost when it restarts.

`brief_versturen.enqueue(...)` from the view. In tests and in `leerplicht demo` the
ImmediateBackend runs it at once, inside the request, and the view shows the outcome;
in production (settings.TASKS: the database backend) a worker runs it and the letter
appears in the dossier a moment later.

The task never raises for a user's mistake: it returns {"document": id} or
{"fout": Dutch message, "velden": {...}, "conflict": bool}, which the view shows (or the
worker's result row keeps). Arguments are JSON: ids, and the form's inputs as text.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Gebeurtenis, Werkproces

from .diensten import Regelfout, Versieconflict, verstuur_brief
from .soorten import BRIEFSOORTEN
from .weergave import Sjabloonfout


@task()
def brief_versturen(
    *,
    soort: str,
    door_id: int,
    gegevens: dict[str, Any],
    werkproces_id: str | None = None,
    vrijstelling_id: str | None = None,
    kopie_aan_school: bool = False,
    versie: int | None = None,
    op_de_achtergrond: bool = False,
) -> dict[str, Any]:
    door = get_user_model().objects.get(pk=door_id)
    werkproces = (
        Werkproces.objects.select_related("persoon", "gemeente").get(pk=werkproces_id)
        if werkproces_id
        else None
    )
    vrijstelling = Vrijstelling.objects.get(pk=vrijstelling_id) if vrijstelling_id else None
    uitkomst = _verstuur(
        werkproces,
        soort,
        door=door,
        gegevens=gegevens,
        kopie_aan_school=kopie_aan_school,
        vrijstelling=vrijstelling,
        versie=versie,
    )
    if "fout" in uitkomst and op_de_achtergrond and werkproces is not None:
        # Nobody waits for the answer: the failure goes on the werkproces's timeline.
        Gebeurtenis.objects.create(
            werkproces=werkproces,
            tijdstip=timezone.now(),
            door=door.get_username(),
            soort="brief_mislukt",
            omschrijving=f"{BRIEFSOORTEN[soort]} niet gemaakt: {uitkomst['fout']}"[:300],
        )
    return uitkomst


def _verstuur(werkproces, soort: str, *, door, versie, **opties) -> dict[str, Any]:
    try:
        document = verstuur_brief(
            werkproces,
            soort,
            door=door,
            versie=versie,
            **opties,
        )
    except Versieconflict as fout:
        return {"fout": str(fout), "velden": {}, "conflict": True}
    except Regelfout as fout:
        return {"fout": " ".join(fout.meldingen), "velden": fout.fouten, "conflict": False}
    except Sjabloonfout as fout:
        return {"fout": str(fout), "velden": {}, "conflict": False}
    return {"document": document.pk}
