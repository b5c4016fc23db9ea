"""Three gemeenten over three school years, built through the exchange format, for the tests
of the report files (XLSX, CSV, Leerplichttelling).

Seeded random events of every kind, per gemeente and year in different amounts (so changes
rise and fall), with a few chosen edge cases: a melding soort and a vrijstelling only in
the last year (a change against 0: no percentage), and one gemeente without any luxe
verzuim.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from leerplicht.domein import codes
from leerplicht.domein.schooljaar import Schooljaar
from uitwisselset import Uitwisselset

GEMEENTEN = {"GM0225": "Druten", "GM0296": "Wijchen", "GM0668": "West Maas en Waal"}
JAREN = (Schooljaar(2022), Schooljaar(2023), Schooljaar(2024))
JAAR = JAREN[-1]
SOORTEN = ("bao", "sbo", "so", "vso", "vo", "pro", "mbo", "onbekend")
#: Age on 1 October 2024 -> the school type a person of that age attends.
SCHOOL_VOOR_LEEFTIJD = (
    (12, ("bao", "sbo", "so")),
    (18, ("vo", "pro", "vso", "onbekend")),
    (24, ("mbo",)),
)


def _dag(rnd: random.Random, jaar: Schooljaar) -> str:
    return (jaar.begin + timedelta(days=rnd.randrange(365))).isoformat()


def bouw(s: Uitwisselset, seed: int = 6) -> None:
    rnd = random.Random(seed)
    for n, (code, naam) in enumerate(GEMEENTEN.items()):
        s.gemeente(code, naam)
        scholen = {
            soort: s.school(f"{n + 1}{i}A{chr(65 + n)}", soort, code)
            for i, soort in enumerate(SOORTEN)
        }
        personen: list[tuple[str, int]] = []
        for i in range(30 + 10 * n):
            leeftijd = 5 + (i * 7 + n) % 18  # 5 to 22 on 1 October 2024
            geboren = date(2024 - leeftijd, 1 + i % 12, 1 + i % 27)
            p = s.persoon(geboren.isoformat(), code)
            if i % 9 != 4:  # every ninth without inschrijving: group "geen"
                soort = next(
                    rnd.choice(lijst) for grens, lijst in SCHOOL_VOOR_LEEFTIJD if leeftijd < grens
                )
                s.inschrijving(p, scholen[soort], "2019-08-01")
            personen.append((p, leeftijd))
        leerplichtig = [p for p, leeftijd in personen if 5 <= leeftijd < 18]
        jongeren = [p for p, leeftijd in personen if 12 <= leeftijd < 18]
        volwassen = [p for p, leeftijd in personen if leeftijd >= 18]
        for j, jaar in enumerate(JAREN):
            schaal = 1 + j + n  # differs per gemeente and year
            for _ in range(4 * schaal + rnd.randrange(5)):
                soort = rnd.choice(["absoluut", "wettelijk", "langdurig", "luxe"])
                if soort == "luxe" and code == "GM0668":
                    soort = "wettelijk"
                s.melding(rnd.choice(leerplichtig), _dag(rnd, jaar), soort, code)
            if jaar == JAAR:  # only this year: a change against 0
                s.melding(leerplichtig[0], _dag(rnd, jaar), "overig", code)
            for _ in range(schaal + 1):
                s.melding(rnd.choice(volwassen), _dag(rnd, jaar), "18plus", code)
            for _ in range(3 * schaal + rnd.randrange(3)):
                type_ = rnd.choice(list(codes.WERKPROCES_TYPEN))
                geopend = _dag(rnd, jaar)
                extra: dict[str, object] = {}
                if rnd.random() < 0.5:
                    extra = {
                        "gesloten": geopend,
                        "resultaat": rnd.choice(list(codes.WERKPROCES_RESULTATEN)),
                    }
                w = s.werkproces(rnd.choice(jongeren), geopend, type_, code, **extra)
                keuze = rnd.random()
                if keuze < 0.3:
                    s.interventie(w, geopend, "waarschuwing")
                elif keuze < 0.55:
                    s.interventie(w, geopend, "halt", uitkomst=rnd.choice(["positief", "negatief"]))
                elif keuze < 0.8:
                    s.interventie(
                        w,
                        geopend,
                        "proces_verbaal",
                        tegen=rnd.choice(["ouders", "jongere"]),
                        verzuim=rnd.choice(list(codes.PROCES_VERBAAL_VERZUIM)),
                    )
            gronden = [g for g in codes.VRIJSTELLING_GRONDEN if g != "3b" or jaar == JAAR]
            for _ in range(schaal + 1):
                besluit = rnd.choice(["toegekend", "toegekend", "afgewezen", "open"])
                besluitdatum = None if besluit == "open" else _dag(rnd, jaar)
                s.voeg_toe(
                    "vrijstellingen.csv",
                    id=s.volgend_id("V"),
                    persoon=rnd.choice(leerplichtig),
                    gemeente=code,
                    grond=rnd.choice(gronden),
                    aangevraagd=jaar.begin.isoformat(),
                    besluit=besluit,
                    besluitdatum=besluitdatum,
                    geldig_van=jaar.begin.isoformat(),
                )
            for _ in range(schaal):
                van = _dag(rnd, jaar)
                opgelost = rnd.random() < 0.5
                s.voeg_toe(
                    "thuiszitters.csv",
                    id=s.volgend_id("T"),
                    persoon=rnd.choice(leerplichtig),
                    gemeente=code,
                    van=van,
                    tot=jaar.einde.isoformat() if opgelost else None,
                    reden_einde="opgelost" if opgelost else None,
                )
            for _ in range(schaal):
                uit = _dag(rnd, jaar)
                status = rnd.random()
                s.voeg_toe(
                    "vsv.csv",
                    id=s.volgend_id("S"),
                    persoon=rnd.choice(volwassen),
                    gemeente=code,
                    uitgeschreven=uit,
                    monitoring_vanaf=uit if status > 0.3 else None,
                    afgerond_op=jaar.einde.isoformat() if status > 0.7 else None,
                    resultaat=(
                        "startkwalificatie"
                        if status > 0.7
                        else ("werk_kort" if status > 0.3 else None)
                    ),
                )


def importeer(map_: Path) -> None:
    s = Uitwisselset()
    bouw(s)
    call_command("import", str(s.schrijf(map_)), stdout=StringIO(), stderr=StringIO())


def rapport_json(jaar: Schooljaar, gemeenten: list[str]) -> dict:
    """The figures as `leerplicht rapport --format json` prints them (the acceptance source)."""
    uit = StringIO()
    args = ["rapport", "--schooljaar", jaar.naam, "--format", "json"]
    for g in gemeenten:
        args += ["--gemeente", g]
    call_command(*args, stdout=uit)
    return json.loads(uit.getvalue())


def waarde_op(rapporten: dict[str, dict], pad: tuple[str, ...]):
    """The value at a `Cel.bron` path (schooljaar, gemeente, section, key, ...)."""
    jaar, *rest = pad
    knoop = rapporten[jaar]["gemeenten"]
    for deel in rest:
        knoop = knoop[deel]
    return knoop
