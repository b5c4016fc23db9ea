"""`leerplicht export`: write the whole register in the exchange format.

Deterministic: rows sorted by key in byte order (collation C on PostgreSQL,
BINARY on SQLite), dates as YYYY-MM-DD, "," as delimiter and fixed zip
timestamps, so an export imported into an empty database and exported again
gives identical files.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from django.db import connection
from django.db.models.functions import Collate

from .tabellen import DOELTABELLEN, Doeltabel

_ZIP_TIJD = (1980, 1, 1, 0, 0, 0)
CHUNK = 20_000


@dataclass
class Exportresultaat:
    aantallen: dict[str, int]


def _tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde)


def _rijen(doel: Doeltabel) -> Iterator[list[str]]:
    kolommen = doel.spec.kolommen
    velden = [doel.veld(k.naam).attname for k in kolommen]
    sortering = "C" if connection.vendor == "postgresql" else "BINARY"
    volgorde = []
    for kolom in doel.sleutel:
        veld = next(f for f in doel.model._meta.concrete_fields if f.column == kolom)
        is_tekst = (
            veld.target_field if veld.is_relation else veld
        ).get_internal_type() == "CharField"
        volgorde.append(Collate(veld.attname, sortering) if is_tekst else veld.attname)
    query = doel.model.objects.order_by(*volgorde).values_list(*velden)
    for rij in query.iterator(chunk_size=CHUNK):
        yield [_tekst(w) for w in rij]


@contextmanager
def _doelen(pad: Path) -> Iterator[Callable[[str], IO[str]]]:
    """Yield an opener for files in a folder, or in a zip when `pad` ends in .zip."""
    if pad.suffix.lower() == ".zip":
        pad.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED) as zf:

            @contextmanager
            def open_in_zip(naam: str) -> Iterator[IO[str]]:
                info = zipfile.ZipInfo(naam, date_time=_ZIP_TIJD)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zf.open(info, "w") as ruw, io.TextIOWrapper(ruw, "utf-8", newline="") as t:
                    yield t

            yield open_in_zip
        return
    pad.mkdir(parents=True, exist_ok=True)

    def open_in_map(naam: str) -> IO[str]:
        return (pad / naam).open("w", encoding="utf-8", newline="")

    yield open_in_map


def exporteer(pad: Path) -> Exportresultaat:
    """Write every file of the exchange format (a header only when a table is empty)."""
    aantallen: dict[str, int] = {}
    with _doelen(pad) as open_bestand:
        for doel in DOELTABELLEN:
            with open_bestand(doel.spec.naam) as uit:
                schrijver = csv.writer(uit, lineterminator="\n")
                schrijver.writerow(doel.spec.kolomnamen)
                aantal = 0
                for rij in _rijen(doel):
                    schrijver.writerow(rij)
                    aantal += 1
                aantallen[doel.spec.naam] = aantal
    return Exportresultaat(aantallen)
