"""Measure taking in a Verzuimloket delivery: the rule "schrijfbereik" on every row.

Prints figures; asserts nothing. Usage:

    .venv/bin/python bench/verzuimloket_intake.py --schaal regio --rijen 2000

A delivery for the first gemeente of the region, half about pupils of that gemeente and
half about pupils the register does not know, taken in once from the command line
(`door=SYSTEEM`) and once by an administratief medewerker of that gemeente (every row
looked up within the gemeente's reach). Each run is rolled back, so the database stays
as it was. Data and database as in bench/leerplichttelling_xlsx.py (var/bench/).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from import_en_rapport import SCHALEN, draai
from leerplichttelling_xlsx import gegevens

METING = """
import json, sys, tempfile, time
from datetime import date
from pathlib import Path
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import transaction
from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.rollen import Rol
from leerplicht.duo.koppeling import duo_koppeling
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand
from leerplicht.meldingen.intake import neem_in
from leerplicht.register.models import Gemeente, Persoon, School
from leerplicht.toegang.beleid import SYSTEEM
from leerplicht.toegang.models import Medewerker

rijen = int(sys.argv[1])
gemeente = Gemeente.objects.order_by("code").first()
school = School.objects.filter(gemeente=gemeente).order_by("pk").first()
bekend = list(Persoon.objects.filter(gemeente=gemeente, bsn__isnull=False)
              .order_by("pk")[: rijen // 2])
bezet = set(Persoon.objects.values_list("bsn", flat=True))
class Leerling:
    def __init__(self, bsn, geboortedatum):
        self.bsn, self.geboortedatum = bsn, geboortedatum
onbekend, n = [], 9_000_000
while len(onbekend) < rijen - len(bekend):
    n += 1
    if (bsn := test_bsn(n)) and bsn not in bezet:
        onbekend.append(Leerling(bsn, date(2012, 5, 6)))
pad = Path(tempfile.mkdtemp()) / "verzuimloket.csv"
schrijf_verzuimloket_bestand(pad, [*bekend, *onbekend], brin=school.brin,
                             vestiging=school.vestiging, meldingsdatum=date(2025, 3, 5),
                             voorvoegsel="BENCH-")
meldingen = duo_koppeling().lees_verzuimmeldingen(pad)

def meet(door):
    with transaction.atomic():
        b = time.perf_counter()
        uitkomst = neem_in(meldingen, gemeente=gemeente, door=door, bron="duo")
        duur = time.perf_counter() - b
        transaction.set_rollback(True)
    return duur, uitkomst.aantal

with transaction.atomic():
    gebruiker = get_user_model().objects.create_user("bench.intake")
    Medewerker.objects.create(gebruiker=gebruiker, rol=Rol.ADMINISTRATIEF_MEDEWERKER
                              ).gemeenten.set([gemeente])
    systeem, aantal = meet(SYSTEEM)
    medewerker, _ = meet(gebruiker)
    transaction.set_rollback(True)
print(json.dumps({"rijen": aantal, "bekend": len(bekend), "systeem": systeem,
                  "medewerker": medewerker, "gemeente": gemeente.code,
                  "personen": Persoon.objects.count()}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schaal", choices=SCHALEN, default="regio")
    parser.add_argument("--schooljaar", default="2024-2025")
    parser.add_argument("--rijen", type=int, default=2000)
    parser.add_argument("--vers", action="store_true", help="database opnieuw importeren")
    opties = parser.parse_args()
    omgeving = dict(os.environ)
    gegevens(opties, omgeving)
    omgeving["DJANGO_SETTINGS_MODULE"] = "leerplicht.settings"
    _, piek, uit = draai([sys.executable, "-c", METING, str(opties.rijen)], omgeving)
    m = json.loads(uit.strip().splitlines()[-1])
    print(
        f"verzuimloket {opties.schaal} ({m['personen']:,} personen), {m['rijen']:,} meldingen "
        f"voor {m['gemeente']} ({m['bekend']:,} bekend): opdrachtregel {m['systeem']:.2f} s "
        f"({m['rijen'] / m['systeem']:,.0f}/s), medewerker {m['medewerker']:.2f} s "
        f"({m['rijen'] / m['medewerker']:,.0f}/s); piekgeheugen {piek:,.0f} MB"
    )


if __name__ == "__main__":
    main()
