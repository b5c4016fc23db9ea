"""The writer: part files per block, the region's two files, and the joined folder or zip.

Why a module of its own: the bytes on disk are the generator's contract (the same seed gives
the same bytes, whatever the number of processes). Headers and column order come from
`domein.uitwisselformaat`; parts are joined in block order behind the header, and a zip gets
fixed timestamps.
"""

from __future__ import annotations

import csv
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from leerplicht.domein import uitwisselformaat as formaat

from .regio import Regio

_ZIP_TIJD = (1980, 1, 1, 0, 0, 0)
#: The files the generator writes: those of the shared contract. Files the project added
#: (verlofaanvragen.csv) are optional and not generated.
BESTANDEN: tuple[formaat.Bestand, ...] = tuple(b for b in formaat.BESTANDEN if not b.toegevoegd)
PERSOONSBESTANDEN = tuple(b for b in BESTANDEN if b.naam not in ("gemeenten.csv", "scholen.csv"))


@contextmanager
def open_delen(map_: Path, blok: int) -> Iterator[dict[str, Callable[[list[str]], object]]]:
    """One part file per personen file for block `blok`, and a csv writer for each."""
    bestanden: list[IO[str]] = []
    try:
        schrijvers = {}
        for spec in PERSOONSBESTANDEN:
            uit = (map_ / f"{blok:05d}-{spec.naam}").open("w", encoding="utf-8", newline="")
            bestanden.append(uit)
            schrijvers[spec.naam] = csv.writer(uit, lineterminator="\n").writerow
        yield schrijvers
    finally:
        for uit in bestanden:
            uit.close()


def schrijf_regio(werkmap: Path, regio: Regio) -> dict[str, int]:
    with (werkmap / "gemeenten.csv").open("w", encoding="utf-8", newline="") as uit:
        schrijver = csv.writer(uit, lineterminator="\n")
        for g in regio.gemeenten:
            schrijver.writerow([g.code, g.naam])
    with (werkmap / "scholen.csv").open("w", encoding="utf-8", newline="") as uit:
        schrijver = csv.writer(uit, lineterminator="\n")
        for s in regio.scholen:
            schrijver.writerow(
                [s.brin, s.vestiging, s.naam, s.onderwijssoort, regio.gemeenten[s.gemeente].code]
            )
    return {"gemeenten.csv": len(regio.gemeenten), "scholen.csv": len(regio.scholen)}


def _delen(werkmap: Path, naam: str, blokken: int) -> list[Path]:
    if naam in ("gemeenten.csv", "scholen.csv"):
        return [werkmap / naam]
    return [werkmap / f"{b:05d}-{naam}" for b in range(blokken)]


def voeg_samen(werkmap: Path, pad: Path, blokken: int, is_zip: bool) -> None:
    """Header plus the parts in block order, into the folder or the zip (fixed timestamps)."""
    if is_zip:
        tijdelijk = werkmap / "uitvoer.zip"
        with zipfile.ZipFile(tijdelijk, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for spec in BESTANDEN:
                delen = _delen(werkmap, spec.naam, blokken)
                grootte = sum(d.stat().st_size for d in delen)
                info = zipfile.ZipInfo(spec.naam, date_time=_ZIP_TIJD)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                with zf.open(info, "w", force_zip64=grootte > 1 << 30) as uit:
                    _kopieer(spec, delen, uit)
        os.replace(tijdelijk, pad)
        return
    for spec in BESTANDEN:
        delen = _delen(werkmap, spec.naam, blokken)
        tijdelijk = werkmap / f"klaar-{spec.naam}"
        with tijdelijk.open("wb") as uit:
            _kopieer(spec, delen, uit)
        os.replace(tijdelijk, pad / spec.naam)


def _kopieer(spec: formaat.Bestand, delen: list[Path], uit: IO[bytes]) -> None:
    uit.write((",".join(spec.kolomnamen) + "\n").encode())
    for deel in delen:
        with deel.open("rb") as bron:
            shutil.copyfileobj(bron, uit, 1 << 20)
        deel.unlink()
