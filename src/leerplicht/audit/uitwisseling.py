"""One audit entry per `leerplicht import` and `leerplicht export`: counts per file only.

The import writes with set-based SQL (no ORM signals), so this entry is the record
of every row it added or changed. Paths are not logged (a file name may hold a name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .logboek import registreer
from .models import Auditregel

if TYPE_CHECKING:
    from leerplicht.uitwisseling.exporteren import Exportresultaat
    from leerplicht.uitwisseling.importeren import Importresultaat


def registreer_import(resultaat: Importresultaat) -> Auditregel:
    bestanden = {
        b.bestand: {"regels": b.regels, "nieuw": b.nieuw, "gewijzigd": b.gewijzigd}
        for b in resultaat.bestanden
    }
    return registreer(
        "importeren",
        object_type="uitwisselformaat",
        velden=list(bestanden),
        toelichting={"bestanden": bestanden},
    )


def registreer_export(resultaat: Exportresultaat) -> Auditregel:
    return registreer(
        "exporteren",
        object_type="uitwisselformaat",
        velden=list(resultaat.aantallen),
        toelichting={"bestanden": {naam: {"regels": n} for naam, n in resultaat.aantallen.items()}},
    )
