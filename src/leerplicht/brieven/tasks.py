"""Rendering a letter as a background task (django-tasks), so a slow render never holds
up the web process and nothing is lost when it restarts.

`brief_versturen.enqueue(...)` from the view. In tests and in `leerplicht demo` the
ImmediateBackend runs it at once, inside the request, and the view shows the outcome;
in production (settings.TASKS: the database backend) a worker runs it and the letter
appears in the dossier a moment later.

The task never raises for a user's mistake: it returns {"document": id} or
{"fout": Dutch message, "velden": {...}, "conflict": bool}, which the view shows (or the
worker's result row keeps). Arguments are JSON: ids, and the form's inputs as text.

In the worker the task acts as the medewerker who asked for the letter (`door_id`):
- the werkproces or vrijstelling is fetched again through that medewerker's scope
  (`toegang.beleid.zichtbaar`), so a letter is only made while they may still see the
  case; otherwise (gemeente taken away, account inactive or gone) nothing is made, the
  refusal is logged ("geweigerd") and the result says {"geweigerd": True};
- the audit entries written while the letter is made (the document, the interventie)
  name that medewerker, not the system: the signals that write them read the current
  request, so the task sets one up for the medewerker (`_namens`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils import timezone
from django_tasks import task

from leerplicht.audit.logboek import bij_verzoek, huidig_verzoek, registreer
from leerplicht.domein.rollen import Handeling
from leerplicht.toegang.beleid import mag, zichtbaar
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Gebeurtenis, Werkproces

from .diensten import Regelfout, Versieconflict, verstuur_brief
from .soorten import BRIEFSOORTEN
from .weergave import Sjabloonfout

logger = logging.getLogger(__name__)

GEWEIGERD = (
    "De brief is niet gemaakt: u mag dit dossier niet (meer) inzien. Vraag de "
    "applicatiebeheerder om toegang als dat niet klopt."
)


class BuitenBereik(Exception):
    """The medewerker may no longer see the case (or send letters at all)."""


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
    door = get_user_model().objects.filter(pk=door_id).first()
    with _namens(door):
        try:
            werkproces, vrijstelling = _binnen_bereik(door, werkproces_id, vrijstelling_id)
        except BuitenBereik:
            return _weiger(door, door_id, soort, werkproces_id, vrijstelling_id)
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


@contextmanager
def _namens(door) -> Iterator[None]:
    """Audit entries from signals name `door`. In a web request (the immediate backend)
    the request already does, with its address; in the worker there is no request, and
    the entries would name the system, so a bare one stands in for the medewerker."""
    verzoek = huidig_verzoek()
    if door is None or (verzoek is not None and getattr(verzoek, "user", None) == door):
        yield
        return
    namens = HttpRequest()
    namens.user = door
    with bij_verzoek(namens):
        yield


def _binnen_bereik(
    door, werkproces_id: str | None, vrijstelling_id: str | None
) -> tuple[Werkproces | None, Vrijstelling | None]:
    """The case, fetched through `door`'s scope now (not when the letter was asked for):
    fails closed when the account is gone or inactive, may no longer send letters, or no
    longer sees the case."""
    if door is None or not door.is_active or not mag(door, Handeling.BRIEVEN_VERSTUREN):
        raise BuitenBereik
    werkproces = vrijstelling = None
    if werkproces_id:
        werkproces = (
            zichtbaar(door, Werkproces)
            .select_related("persoon", "gemeente")
            .filter(pk=werkproces_id)
            .first()
        )
        if werkproces is None:
            raise BuitenBereik
    if vrijstelling_id:
        vrijstelling = zichtbaar(door, Vrijstelling).filter(pk=vrijstelling_id).first()
        if vrijstelling is None:
            raise BuitenBereik
    return werkproces, vrijstelling


def _weiger(
    door, door_id: int, soort: str, werkproces_id: str | None, vrijstelling_id: str | None
) -> dict[str, Any]:
    """Log the refusal (with the person, so it shows in the person's inzage) and say so
    in the result; nothing else is touched."""
    if werkproces_id:
        object_type, object_id, model = "werkproces", werkproces_id, Werkproces
    else:
        object_type, object_id, model = "vrijstelling", vrijstelling_id or "", Vrijstelling
    persoon_id = (
        model.objects.filter(pk=object_id).values_list("persoon_id", flat=True).first() or ""
    )
    registreer(
        "geweigerd",
        gebruiker=door,
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        toelichting={"regel": "brief_buiten_bereik", "brief": soort, "gebruiker_id": door_id},
    )
    logger.warning(
        "brief %s voor %s %s niet gemaakt: gebruiker %s mag het niet (meer) zien",
        soort,
        object_type,
        object_id,
        door_id,
    )
    return {"fout": GEWEIGERD, "velden": {}, "conflict": False, "geweigerd": True}


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
