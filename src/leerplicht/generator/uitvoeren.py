"""Running a generation: the region, the blocks (in parallel or not), the files.

Why a module of its own: this is `genereer()`, the one entry point (`leerplicht genereer`,
tests, bench). Blocks of `BLOK` persons are independent; each worker process gets the shared
`_Opdracht` once and writes its blocks' part files (`bestanden`).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar

from .bestanden import BESTANDEN, open_delen, schrijf_regio, voeg_samen
from .blok import Blok
from .datums import Periode, periode_van
from .regio import Regio, maak_regio

#: Persons per block. A constant: the output must not depend on the number of processes.
BLOK = 10_000


@dataclass(frozen=True)
class _Opdracht:
    """What every block shares; sent once to each worker process."""

    regio: Regio
    periode: Periode
    seed: int
    personen: int
    breedte: int
    map: str


_OPDRACHT: _Opdracht | None = None


def _zet_opdracht(opdracht: _Opdracht | None) -> None:
    global _OPDRACHT
    _OPDRACHT = opdracht


def _genereer_blok(blok: int) -> dict[str, int]:
    """Write the part files of one block; return the rows written per file."""
    o = _OPDRACHT
    assert o is not None
    with open_delen(Path(o.map), blok) as schrijvers:
        generator = Blok(o.regio, o.periode, o.seed, blok, o.breedte, o.personen, schrijvers)
        return generator.genereer(blok * BLOK, min((blok + 1) * BLOK, o.personen))


def genereer(
    pad: Path,
    *,
    gemeenten: int = 6,
    personen: int = 60_000,
    schooljaar: Schooljaar | None = None,
    jaren: int = 3,
    seed: int = 1,
    processen: int | None = None,
) -> dict[str, int]:
    """Write a synthetic region to `pad` (a folder, or a zip when it ends in .zip).

    `schooljaar` is the last school year with events (default: the last one that
    has ended); events cover `jaren` school years up to it. Returns rows written
    per file, in the order of the exchange format.
    """
    if personen < 0:
        raise ValueError("het aantal personen kan niet negatief zijn")
    if not 1 <= jaren <= 20:
        raise ValueError("het aantal jaren moet tussen 1 en 20 liggen")
    schooljaar = schooljaar or laatste_afgesloten_schooljaar(date.today())
    regio = maak_regio(gemeenten, personen, seed)
    periode = periode_van(schooljaar, jaren)
    breedte = max(7, len(str(personen)))
    is_zip = pad.suffix.lower() == ".zip"
    doelmap = pad.parent if is_zip else pad
    doelmap.mkdir(parents=True, exist_ok=True)
    werkmap = Path(tempfile.mkdtemp(prefix=".genereer-", dir=doelmap))
    try:
        aantallen = {spec.naam: 0 for spec in BESTANDEN}
        aantallen.update(schrijf_regio(werkmap, regio))
        opdracht = _Opdracht(regio, periode, seed, personen, breedte, str(werkmap))
        taken = range(math.ceil(personen / BLOK))
        processen = processen or os.cpu_count() or 1
        if processen > 1 and len(taken) > 1:
            with ProcessPoolExecutor(
                min(processen, len(taken)), initializer=_zet_opdracht, initargs=(opdracht,)
            ) as pool:
                uitkomsten = list(pool.map(_genereer_blok, taken))
        else:
            _zet_opdracht(opdracht)
            uitkomsten = [_genereer_blok(t) for t in taken]
        for uitkomst in uitkomsten:
            for naam, n in uitkomst.items():
                aantallen[naam] += n
        voeg_samen(werkmap, pad, len(taken), is_zip)
    finally:
        _zet_opdracht(None)
        shutil.rmtree(werkmap, ignore_errors=True)
    return aantallen
