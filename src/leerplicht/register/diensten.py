"""Use cases on a person in the register: recording the facts that end a leerplicht early.

The facts form locks optimistically on what it showed (`stand_van`): Persoon has no
`versie`, and other writers (the exchange-format import, later the BRP) change other
fields of the same row, so the lock compares the facts themselves. A change to them
since the page was loaded raises `Versieconflict` and nothing is saved.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date

from django.db import transaction

from leerplicht.register.models import Persoon
from leerplicht.versiebeheer import Versieconflict

#: The person's fields the facts form reads and writes (domein.leerplichtfeiten).
FEITENVELDEN: tuple[str, ...] = (
    "twaalf_schooljaren_voltooid",
    "twaalf_schooljaren_bron",
    "kwalificatieplicht_vervallen",
    "kwalificatieplicht_vervallen_grond",
    "kwalificatieplicht_vervallen_bron",
)
WAT = "de gegevens over het einde van de leerplicht"


def _tekst(waarde: object) -> str:
    return waarde.isoformat() if isinstance(waarde, date) else str(waarde or "")


def stand_van(persoon: Persoon) -> str:
    """A short fingerprint of the stored facts, carried by the form as its lock."""
    gegevens = json.dumps([_tekst(getattr(persoon, v)) for v in FEITENVELDEN])
    return hashlib.sha256(gegevens.encode()).hexdigest()[:32]


def leg_leerplichtfeiten_vast(persoon_id: str, feiten: Mapping[str, object], stand: str) -> Persoon:
    """Store the facts if nobody changed them since `stand`; audit comes from the signals."""
    with transaction.atomic():
        persoon = Persoon.objects.select_for_update().get(pk=persoon_id)
        if stand != stand_van(persoon):
            raise Versieconflict(WAT)
        for veld in FEITENVELDEN:
            waarde = feiten.get(veld)
            if isinstance(waarde, str):
                waarde = waarde.strip() or None
            setattr(persoon, veld, waarde)
        persoon.save(update_fields=list(FEITENVELDEN))
        return persoon
