"""Measure import throughput, peak memory and `rapport` time at a given scale.

Prints figures; asserts nothing. Usage:

    .venv/bin/python bench/import_en_rapport.py --schaal regio
    .venv/bin/python bench/import_en_rapport.py --schaal landelijk
    scripts/pg-tijdelijk -- .venv/bin/python bench/import_en_rapport.py --schaal regio

The database is DATABASE_URL when set (e.g. by scripts/pg-tijdelijk), else a
fresh SQLite file under var/bench/. The synthetic data is generated once per
scale under var/bench/ and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

PROJECT = Path(__file__).resolve().parent.parent
LEERPLICHT = [sys.executable, "-m", "leerplicht"]
SCHALEN = {
    # name: (gemeenten, personen)
    "klein": (3, 10_000),
    "regio": (7, 70_000),
    "landelijk": (342, 2_400_000),
}


def piekgeheugen(proces: psutil.Popen) -> tuple[int, float]:
    """Wait for the process; return (exit code, peak RSS in MB of it and its children)."""
    piek = 0

    def meet() -> None:
        nonlocal piek
        while proces.poll() is None:
            try:
                rss = proces.memory_info().rss + sum(
                    k.memory_info().rss for k in proces.children(recursive=True)
                )
                piek = max(piek, rss)
            except psutil.Error:
                pass
            time.sleep(0.05)

    draad = threading.Thread(target=meet, daemon=True)
    draad.start()
    code = proces.wait()
    draad.join()
    return code, piek / 1024**2


def draai(args: list[str], omgeving: dict[str, str]) -> tuple[float, float, str]:
    begin = time.perf_counter()
    proces = psutil.Popen(
        args, env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    uitvoer: list[str] = []
    lezer = threading.Thread(target=lambda: uitvoer.append(proces.stdout.read()), daemon=True)
    lezer.start()
    code, piek = piekgeheugen(proces)
    lezer.join()
    fout = proces.stderr.read()
    if code != 0:
        sys.exit(f"{' '.join(args)} faalde:\n{fout}")
    return time.perf_counter() - begin, piek, uitvoer[0] if uitvoer else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schaal", choices=SCHALEN, default="regio")
    parser.add_argument("--schooljaar", default="2024-2025")
    parser.add_argument("--herhaal", type=int, default=3, help="rapport zo vaak meten")
    opties = parser.parse_args()
    gemeenten, personen = SCHALEN[opties.schaal]
    werkmap = PROJECT / "var" / "bench"
    data = werkmap / f"{opties.schaal}-{opties.schooljaar}"
    omgeving = dict(os.environ)
    if "DATABASE_URL" not in omgeving:
        db = werkmap / f"{opties.schaal}.sqlite3"
        for pad in db.parent.glob(db.name + "*"):
            pad.unlink()
        omgeving["DATABASE_URL"] = f"sqlite:///{db}"
    database = omgeving["DATABASE_URL"].split(":", 1)[0]

    if not (data / "personen.csv").exists():
        shutil.rmtree(data, ignore_errors=True)
        sec, _, _ = draai(
            [
                *LEERPLICHT,
                "genereer",
                str(data),
                "--gemeenten",
                str(gemeenten),
                "--personen",
                str(personen),
                "--schooljaar",
                opties.schooljaar,
                "--seed",
                "1",
            ],
            omgeving,
        )
        print(f"genereer {opties.schaal}: {sec:.1f} s")
    regels = sum(max(sum(1 for _ in p.open("rb")) - 1, 0) for p in data.glob("*.csv"))
    omvang = sum(p.stat().st_size for p in data.glob("*.csv")) / 1024**2

    draai([*LEERPLICHT, "migrate", "-v0"], omgeving)
    sec, piek, _ = draai([*LEERPLICHT, "import", str(data)], omgeving)
    print(
        f"import  {opties.schaal} op {database}: {regels:,} regels ({omvang:,.0f} MB) "
        f"in {sec:.1f} s"
        f" = {regels / sec:,.0f} regels/s; piekgeheugen {piek:,.0f} MB"
    )
    sec2, _, _ = draai([*LEERPLICHT, "import", str(data)], omgeving)
    print(f"import  nogmaals (niets gewijzigd): {sec2:.1f} s = {regels / sec2:,.0f} regels/s")

    meting = (
        "import json, time, django; django.setup();"
        "from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, maak_rapport;"
        "from leerplicht.domein.schooljaar import Schooljaar;"
        f"j = Schooljaar.van_naam({opties.schooljaar!r}); t = [];"
        f"exec('for _ in range({opties.herhaal}):\\n b = time.perf_counter();"
        " r = maak_rapport(j, gemeenten=ALLE_GEMEENTEN);"
        " t.append(time.perf_counter() - b)');"
        "print(json.dumps({'tijden': t, 'gemeenten': len(r['gemeenten']) - 1,"
        " 'meldingen': sum(v['totaal'] for k, v in r['gemeenten']['totaal']['meldingen'].items()"
        " if isinstance(v, dict) and 'totaal' in v)}))"
    )
    omgeving["DJANGO_SETTINGS_MODULE"] = "leerplicht.settings"
    _, _, uit = draai([sys.executable, "-c", meting], omgeving)
    uitkomst = json.loads(uit.strip().splitlines()[-1])
    tijden = ", ".join(f"{t:.2f}" for t in uitkomst["tijden"])
    print(
        f"rapport {opties.schaal} op {database}, schooljaar {opties.schooljaar}: "
        f"{uitkomst['gemeenten']} gemeenten, {uitkomst['meldingen']:,} meldingen; "
        f"maak_rapport {tijden} s (beste {min(uitkomst['tijden']):.2f} s)"
    )
    sec, _, _ = draai(
        [*LEERPLICHT, "rapport", "--schooljaar", opties.schooljaar, "--format", "json"], omgeving
    )
    print(f"rapport via de opdrachtregel (met opstarten): {sec:.2f} s")


if __name__ == "__main__":
    main()
