"""The beschikking letter of a decision on a vrijstelling or a verlofaanvraag.

Listens to `vrijstellingen.signalen.besluit_genomen` (connected in apps.py): the letters
app sits above the vrijstellingen, so the decision asks for its letter by a signal. The
letter is made after the decision is stored; a letter that cannot be made (e.g. a broken
template) does not undo the decision, the medewerker is told to make it by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from leerplicht.vrijstellingen.diensten import BRIEFVELDEN
from leerplicht.vrijstellingen.models import Verlofaanvraag, Vrijstelling
from leerplicht.werkprocessen.models import Document

from .diensten import verstuur_brief

logger = logging.getLogger(__name__)


def maak_beschikking(
    sender: object,
    *,
    gebruiker,
    besluit: Vrijstelling | Verlofaanvraag,
    brief: Mapping[str, str],
    **_: object,
) -> Document | None:
    """Receiver: the beschikking stored in the dossier, or None when it failed."""
    adres = {k: v for k, v in brief.items() if k in (*BRIEFVELDEN, "aanhef") and v}
    try:
        if isinstance(besluit, Vrijstelling):
            return verstuur_brief(
                None,
                "besluit_vrijstelling",
                door=gebruiker,
                gegevens={**adres, "besluit_motivering": besluit.motivering},
                vrijstelling=besluit,
            )
        return verstuur_brief(
            None,
            "besluit_verlof",
            door=gebruiker,
            gegevens={
                **adres,
                "besluit_uitkomst": besluit.besluit,
                "besluit_geldig_van": besluit.van,
                "besluit_geldig_tot": besluit.tot,
                "besluit_motivering": besluit.motivering,
            },
            persoon=besluit.persoon,
        )
    except Exception:  # a missing template must not undo the decision
        logger.exception(
            "Beschikking voor %s %s niet gemaakt", besluit._meta.model_name, besluit.pk
        )
        return None
