"""Time the Leerplichttelling export at national scale: the rapport, then the XLSX (and CSV).

Prints figures; asserts nothing. Target (issue 6): the XLSX for all gemeenten of a
national-scale dataset within 60 s. Usage:

    .venv/bin/python bench/leerplichttelling_xlsx.py [--schaal landelijk] [--vers]
    scripts/pg-tijdelijk -- .venv/bin/python bench/leerplichttelling_xlsx.py

The data is made by `leerplicht genereer` once per scale under var/bench/ (shared with
bench/import_en_rapport.py). The database is DATABASE_URL when set, else
var/bench/<schaal>-telling.sqlite3, imported once and reused (`--vers` imports again).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from import_en_rapport import LEERPLICHT, PROJECT, SCHALEN, draai

METING = """
import json, sys, time, django
django.setup()
from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.cijfers.rapport import ALLE_GEMEENTEN
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.leerplichttelling import telling_csv, telling_xlsx
jaar = Schooljaar.van_naam(sys.argv[1])
b = time.perf_counter()
rapport = rapport_van(jaar, gemeenten=ALLE_GEMEENTEN)
t_rapport = time.perf_counter() - b
b = time.perf_counter(); xlsx = telling_xlsx(rapport); t_xlsx = time.perf_counter() - b
b = time.perf_counter(); csv = telling_csv(rapport); t_csv = time.perf_counter() - b
print(json.dumps({"rapport": t_rapport, "xlsx": t_xlsx, "csv": t_csv,
  "gemeenten": len(rapport["gemeenten"]) - 1, "bytes": len(xlsx),
  "rijen": csv.count("\\n") - 1}))
"""


def database(opties: argparse.Namespace, data: Path, omgeving: dict[str, str]) -> None:
    """Make sure the database holds the generated data (import it when needed)."""
    werkmap = PROJECT / "var" / "bench"
    if "DATABASE_URL" in os.environ:
        klaar = None
    else:
        db = werkmap / f"{opties.schaal}-telling.sqlite3"
        omgeving["DATABASE_URL"] = f"sqlite:///{db}"
        klaar = db.with_suffix(".klaar")
        if opties.vers or not klaar.exists():
            for pad in db.parent.glob(db.name + "*"):
                pad.unlink()
            klaar.unlink(missing_ok=True)
        elif klaar.exists():
            draai([*LEERPLICHT, "migrate", "-v0"], omgeving)  # the schema may have grown
            return
    draai([*LEERPLICHT, "migrate", "-v0"], omgeving)
    sec, piek, _ = draai([*LEERPLICHT, "import", str(data)], omgeving)
    print(f"import  {opties.schaal}: {sec:.1f} s, piekgeheugen {piek:,.0f} MB")
    if klaar is not None:
        klaar.write_text("geimporteerd\n")


def gegevens(opties: argparse.Namespace, omgeving: dict[str, str]) -> None:
    """Generate the data of this scale once (var/bench/) and make sure the database holds
    it; `omgeving` gets its DATABASE_URL."""
    gemeenten, personen = SCHALEN[opties.schaal]
    data = PROJECT / "var" / "bench" / f"{opties.schaal}-{opties.schooljaar}"
    if not (data / "personen.csv").exists():
        sec, _, _ = draai(
            [*LEERPLICHT, "genereer", str(data), "--gemeenten", str(gemeenten),
             "--personen", str(personen), "--schooljaar", opties.schooljaar, "--seed", "1"],
            omgeving,
        )  # fmt: skip
        print(f"genereer {opties.schaal}: {sec:.1f} s")
    database(opties, data, omgeving)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schaal", choices=SCHALEN, default="landelijk")
    parser.add_argument("--schooljaar", default="2024-2025")
    parser.add_argument("--vers", action="store_true", help="database opnieuw importeren")
    opties = parser.parse_args()
    omgeving = dict(os.environ)
    gegevens(opties, omgeving)
    omgeving["DJANGO_SETTINGS_MODULE"] = "leerplicht.settings"
    _, piek, uit = draai([sys.executable, "-c", METING, opties.schooljaar], omgeving)
    m = json.loads(uit.strip().splitlines()[-1])
    print(
        f"leerplichttelling {opties.schaal}, {opties.schooljaar}: {m['gemeenten']} gemeenten, "
        f"{m['rijen']:,} rijen; rapport {m['rapport']:.2f} s + xlsx {m['xlsx']:.2f} s "
        f"({m['bytes'] / 1024:,.0f} kB) = {m['rapport'] + m['xlsx']:.2f} s; "
        f"csv {m['csv']:.2f} s; piekgeheugen {piek:,.0f} MB"
    )
    uitpad = PROJECT / "var" / "bench" / "leerplichttelling.xlsx"
    sec, piek, _ = draai(
        [
            *LEERPLICHT,
            "leerplichttelling",
            "--schooljaar",
            opties.schooljaar,
            "--format",
            "xlsx",
            "--uit",
            str(uitpad),
        ],
        omgeving,
    )
    print(
        f"leerplicht leerplichttelling --format xlsx (met opstarten): {sec:.2f} s, "
        f"piekgeheugen {piek:,.0f} MB"
    )


if __name__ == "__main__":
    main()
