"""How long the region's jaarverslag PDF takes for the demo region (target: within 20 s).

Prints figures; asserts nothing. Usage:

    .venv/bin/python bench/jaarverslag_pdf.py [--gemeenten 6] [--personen 60000]
        [--schooljaar 2024-2025] [--herhaal 1]

Generates the region with `leerplicht genereer` into a temporary folder, imports it with
`leerplicht import` into a throwaway SQLite database in that folder (both as separate
processes, as a team would), then times in this process, split into the steps of
`leerplicht rapport --format pdf`:

    rapporten  the rapporten of the school year and the two before (verslagen.rapporten)
    bouw       the Verslag from them (verslagen.jaarverslag)
    html       the standalone HTML with the SVG charts (verslagen.html)
    pdf        layout by WeasyPrint and writing the tagged PDF (verslagen.pdf)

The first round includes the one-off start-up costs (font configuration, matplotlib);
with --herhaal N the later rounds show the warm figures too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LEERPLICHT = [sys.executable, "-m", "leerplicht"]
DOEL_SECONDEN = 20.0


def draai(args: list[str], omgeving: dict[str, str]) -> float:
    begin = time.perf_counter()
    uitkomst = subprocess.run(args, env=omgeving, capture_output=True, text=True, check=False)
    if uitkomst.returncode != 0:
        sys.exit(f"{' '.join(args)} faalde:\n{uitkomst.stderr}")
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gemeenten", type=int, default=6)
    parser.add_argument("--personen", type=int, default=60_000)
    parser.add_argument("--schooljaar", help="standaard: het laatste afgesloten schooljaar")
    parser.add_argument("--herhaal", type=int, default=1, help="zo vaak meten")
    opties = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="jaarverslag-bench-") as tijdelijk:
        map_ = Path(tijdelijk)
        database = map_ / "bench.sqlite3"
        omgeving = dict(os.environ, DATABASE_URL=f"sqlite:///{database}")
        jaar = ["--schooljaar", opties.schooljaar] if opties.schooljaar else []
        sec = draai(
            [
                *LEERPLICHT,
                "genereer",
                str(map_ / "regio"),
                "--gemeenten",
                str(opties.gemeenten),
                "--personen",
                str(opties.personen),
                *jaar,
                "--seed",
                "1",
            ],
            omgeving,
        )
        print(f"genereer {opties.gemeenten} gemeenten, {opties.personen:,} personen: {sec:.1f} s")
        draai([*LEERPLICHT, "migrate", "-v0"], omgeving)
        sec = draai([*LEERPLICHT, "import", str(map_ / "regio")], omgeving)
        print(f"import in een wegwerp-SQLite-database: {sec:.1f} s")
        gemeten = meet(database, opties.schooljaar, opties.herhaal)
        # End to end, as a scheduled run does it: with start-up, into a file.
        uit = map_ / "jaarverslag.pdf"
        sec = draai(
            [*LEERPLICHT, "rapport", "--schooljaar", gemeten, "--format", "pdf", "--uit", str(uit)],
            omgeving,
        )
        print(f"leerplicht rapport --format pdf (met opstarten): {sec:.2f} s")


def stap(tijden: dict[str, float], naam: str, werk, *args, **kwargs):
    begin = time.perf_counter()
    uitkomst = werk(*args, **kwargs)
    tijden[naam] = time.perf_counter() - begin
    return uitkomst


def meet(database: Path, schooljaar: str | None, herhaal: int) -> str:
    """Time the steps in this process; return the school year measured."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leerplicht.settings")
    import django

    django.setup()
    from django.utils import timezone

    from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
    from leerplicht.register.models import Gemeente
    from leerplicht.verslagen.diensten import gebied_van, teksten_voor
    from leerplicht.verslagen.html import html_document
    from leerplicht.verslagen.jaarverslag import bouw_jaarverslag
    from leerplicht.verslagen.pdf import als_pdf, opmaak
    from leerplicht.verslagen.rapporten import bron_voor

    jaar = (
        Schooljaar.van_naam(schooljaar)
        if schooljaar
        else laatste_afgesloten_schooljaar(timezone.localdate())
    )
    gemeenten = list(Gemeente.objects.order_by("code").values_list("code", flat=True))
    for ronde in range(1, herhaal + 1):
        tijden: dict[str, float] = {}
        teksten = teksten_voor(jaar, gemeenten)
        bron = stap(tijden, "rapporten", bron_voor, jaar, gemeenten, teksten=teksten)
        verslag = stap(tijden, "bouw", bouw_jaarverslag, bron, gebied_van(gemeenten))
        html = stap(tijden, "html", html_document, verslag)
        paginas = stap(tijden, "pdf: opmaak", opmaak, html)
        inhoud = stap(tijden, "pdf: schrijven", als_pdf, paginas)
        totaal = sum(tijden.values())
        print(
            f"ronde {ronde}: jaarverslag {jaar.naam} van {len(gemeenten)} gemeenten "
            f"({', '.join(verslag.schooljaren)})"
        )
        for naam, sec in tijden.items():
            print(f"  {naam:<15} {sec:6.2f} s")
        print(
            f"  {'totaal':<15} {totaal:6.2f} s  (doel: binnen {DOEL_SECONDEN:.0f} s: "
            f"{'gehaald' if totaal <= DOEL_SECONDEN else 'NIET gehaald'})"
        )
        print(
            f"  {len(paginas.pages)} pagina's, {len(inhoud) / 1024:,.0f} kB PDF, "
            f"{len(html.encode('utf-8')) / 1024:,.0f} kB HTML"
        )
    return jaar.naam


if __name__ == "__main__":
    main()
