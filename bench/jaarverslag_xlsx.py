"""Time the region jaarverslag as XLSX and CSV: the three rapporten, the document, the files.

Prints figures; asserts nothing. Usage:

    .venv/bin/python bench/jaarverslag_xlsx.py [--schaal regio] [--vers]

Same data and database handling as bench/leerplichttelling_xlsx.py (generated once under
var/bench/, imported once into var/bench/<schaal>-telling.sqlite3). "regio" is the size of
the demo (7 gemeenten, 70,000 persons).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from import_en_rapport import LEERPLICHT, PROJECT, SCHALEN, draai
from leerplichttelling_xlsx import gegevens

METING = """
import json, sys, time, django
django.setup()
from leerplicht.cijfers.rapport import ALLE_GEMEENTEN
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.csv_uitvoer import csv_tekst
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.xlsx import xlsx
jaar = Schooljaar.van_naam(sys.argv[1])
b = time.perf_counter()
verslag = maak_jaarverslag(jaar, ALLE_GEMEENTEN)
t_verslag = time.perf_counter() - b
b = time.perf_counter(); inhoud = xlsx(verslag); t_xlsx = time.perf_counter() - b
b = time.perf_counter(); csv = csv_tekst(verslag); t_csv = time.perf_counter() - b
print(json.dumps({"verslag": t_verslag, "xlsx": t_xlsx, "csv": t_csv,
  "gemeenten": len(verslag.gemeenten), "bytes": len(inhoud),
  "tabellen": sum(1 for _ in verslag.tabellen()),
  "grafieken": sum(1 for _ in verslag.grafieken())}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schaal", choices=SCHALEN, default="regio")
    parser.add_argument("--schooljaar", default="2024-2025")
    parser.add_argument("--vers", action="store_true", help="database opnieuw importeren")
    opties = parser.parse_args()
    omgeving = dict(os.environ)
    gegevens(opties, omgeving)
    omgeving["DJANGO_SETTINGS_MODULE"] = "leerplicht.settings"
    _, piek, uit = draai([sys.executable, "-c", METING, opties.schooljaar], omgeving)
    m = json.loads(uit.strip().splitlines()[-1])
    print(
        f"jaarverslag {opties.schaal}, {opties.schooljaar}: {m['gemeenten']} gemeenten, "
        f"{m['tabellen']} tabellen, {m['grafieken']} grafieken; drie rapporten + document "
        f"{m['verslag']:.2f} s, xlsx {m['xlsx']:.2f} s ({m['bytes'] / 1024:,.0f} kB), "
        f"csv {m['csv']:.3f} s; piekgeheugen {piek:,.0f} MB"
    )
    uitpad = PROJECT / "var" / "bench" / "jaarverslag.xlsx"
    sec, _, _ = draai(
        [
            *LEERPLICHT,
            "rapport",
            "--schooljaar",
            opties.schooljaar,
            "--format",
            "xlsx",
            "--uit",
            str(uitpad),
        ],
        omgeving,
    )
    print(f"leerplicht rapport --format xlsx (met opstarten): {sec:.2f} s")


if __name__ == "__main__":
    main()
