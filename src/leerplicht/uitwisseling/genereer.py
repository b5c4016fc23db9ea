"""`leerplicht genereer`: a realistic synthetic region in the exchange format.

Why it exists: demos, load tests and the import/figures round trip need data
that looks like a team's register (proportions taken from the annual reports
in shared/seeds), that the importer accepts row by row, and that is the same
every time for the same seed. Pure Python, no Django, so it is unit-tested fast.

How it works:
- The region (gemeenten, scholen, behandelaars) is drawn first, from its own
  random stream; it is small.
- Persons are generated in fixed blocks of `BLOK` persons. Each block has its
  own `random.Random` seeded from (seed, block number), so a block gives the
  same rows whichever process makes it, and blocks can run in parallel.
- Per person: birth date, woongemeente, a school career (inschrijvingen,
  startkwalificatie, leaving school early), then the events of each requested
  school year (meldingen, werkprocessen with interventies, vrijstellingen,
  thuiszitters, vsv). Everything a row refers to exists, and every row follows
  the rules of `domein.uitwisselformaat`.
- Each block writes part files; the parts are concatenated in block order into
  the folder or the zip. Nothing but one person's rows is held in memory.

Ids of events are derived from the person's number (`W000012301` is the first
werkproces of person 123), so they are unique without a shared counter.
"""

from __future__ import annotations

import bisect
import csv
import math
import os
import random
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.doorstroompunt_doelgroep import einde_doelgroep, geldende_leeftijdsgrens
from leerplicht.domein.leeftijd import verjaardag
from leerplicht.domein.leerplicht import (
    begin_volledige_leerplicht,
    einde_kwalificatieplicht,
    einde_volledige_leerplicht,
)
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar

#: Persons per block. A constant: the output must not depend on the number of processes.
BLOK = 10_000
#: Vsv rows go back this many school years (the Doorstroompunt follows old vsv'ers).
VSV_JAREN = 5
#: Oldest age generated (persons are 0 to 27 on the last day of the last school year).
MAX_LEEFTIJD = 27
#: Empty cells for the personen columns after startkwalificatie (facts the generator
#: does not invent).
_GEEN_FEITEN = ("",) * (len(formaat.PERSONEN.kolommen) - 5)

_ZIP_TIJD = (1980, 1, 1, 0, 0, 0)
_ONEINDIG = 10**7  # an ordinal after every real date: "still enrolled"
_PERSOONSBESTANDEN = tuple(
    b for b in formaat.BESTANDEN if b.naam not in ("gemeenten.csv", "scholen.csv")
)

# --- Names and proportions -----------------------------------------------------------
# Tables are kept compact on purpose: one line per idea is easier to review than one per value.
# fmt: off

_STAMMEN = (
    "Aal", "Beek", "Bever", "Bos", "Brug", "Dal", "Doorn", "Eem", "Elst", "Essen", "Graaf",
    "Haar", "Hazel", "Heer", "Hengel", "Hol", "Hoog", "Kamp", "Kooi", "Lang", "Lin", "Loen",
    "Maar", "Meer", "Midden", "Mol", "Noord", "Olde", "Oost", "Oud", "Ravens", "Ree", "Rijn",
    "Roos", "Schoon", "Sluis", "Steen", "Ter", "Uit", "Veen", "Vlier", "Wadden", "West",
    "Wester", "Wil", "Zand", "Zuid", "Zwaan", "Eik", "Hei",
)
_ACHTERVOEGSELS = (
    "dam", "dijk", "dorp", "broek", "hoven", "horst", "huizen", "wijk", "veen", "woude",
    "zande", "loo", "rade", "burg", "mond", "sloot", "kerk", "berg", "beek", "haven", "lo",
    "meer", "waard", "gein", "stede", "wolde", "hem", "um", "recht", "schoten",
)
_TOEVOEGINGEN = (" aan de Maas", " aan Zee", " aan de Vecht", " aan den IJssel", " en Waal")
_BAO_NAMEN = (
    "De Regenboog", "Het Kompas", "De Vlinder", "De Zonnebloem", "Het Palet", "De Klimop",
    "De Akker", "Het Anker", "De Fontein", "De Bron", "De Wegwijzer", "Het Baken",
    "De Tweemaster", "De Eiken", "De Linde", "De Sterrenkijker", "Koningin Juliana",
    "Prins Willem-Alexander", "Jan Ligthart", "De Springplank", "Het Mozaïek", "De Wilgen",
    "De Meander", "De Kleine Wereld", "Het Startpunt", "De Horizon", "De Toekomst",
)
_BAO_VOORVOEGSELS = (
    "Basisschool", "OBS", "CBS", "RKBS", "IKC", "Montessorischool", "Daltonschool",
)
_VO_NAMEN = (
    "Het {g} College", "Lyceum {g}", "Scholengemeenschap {g}", "CSG {g}", "Het Stedelijk {g}",
    "Erasmus College {g}", "Vakcollege {g}", "Gymnasium {g}", "Da Costa {g}", "Comenius {g}",
)
_ACHTERNAMEN = (
    "jansen", "devries", "vandijk", "bakker", "janssen", "visser", "smit", "meijer", "deboer",
    "mulder", "degroot", "bos", "vos", "peters", "hendriks", "vanleeuwen", "dekker", "brouwer",
    "dewit", "dijkstra", "smits", "degraaf", "vandermeer", "vanderlinden", "kok", "jacobs",
    "dehaan", "vermeulen", "vandenberg", "vanderheijden", "schouten", "vanbeek", "willems",
    "vanvliet", "vandeven", "hoekstra", "maas", "verhoeven", "koster", "vandam", "vanderwal",
    "prins", "blom", "huisman", "peeters", "dejong", "kuipers", "vanveen", "post", "kuiper",
    "veenstra", "kramer", "vandenbrink", "scholten", "vanwijk", "postma", "martens", "vinke",
    "dekok", "timmermans", "elamrani", "yilmaz", "ozturk", "nguyen", "bouzid", "kaya",
)

# Proportions are per person-year unless said otherwise. They are tuned so that a region
# looks like the annual reports in shared/seeds: about 50 werkprocessen per 1,000
# leerlingen a year, and about 0.14 meldingen per person a year (the national scale the
# product owner asked for: 2.4 million persons, about a million meldingen in three years).

#: Chance of a verzuim "cluster" (one or more meldingen of one soort) by age on 1 October.
_CLUSTERKANS = (0, 0, 0, 0, 0, 0.08, 0.09, 0.10, 0.11, 0.11, 0.11, 0.12, 0.17, 0.21, 0.25,
                0.27, 0.27, 0.27)
#: Melding soort of a cluster, for primary and for secondary ages: (soort, weight).
_SOORTEN_JONG = (("wettelijk", 27.0), ("overig", 30.0), ("luxe", 36.0), ("langdurig", 7.0))
_SOORTEN_OUD = (("wettelijk", 45.0), ("overig", 31.0), ("luxe", 9.0), ("langdurig", 15.0))
#: Chance that another melding of the same soort follows (recidive within the year).
_HERHAAL = {"wettelijk": 0.42, "overig": 0.38, "luxe": 0.12, "langdurig": 0.35, "18plus": 0.25}
#: Chance that the meldingen of a cluster get a werkproces.
_WERKPROCES_KANS = {"wettelijk": 0.14, "langdurig": 0.38, "overig": 0.04, "luxe": 0.08,
                    "absoluut": 0.45, "18plus": 0.30}
#: Werkprocessen that do not start from a melding, per leerling-year.
_KANS_ZORG = 0.007
_KANS_INFO = 0.0065
_KANS_VERLOF = 0.0008
_KANS_ZORG_18 = 0.004
#: Vrijstellingen per person-year at the ages the grond applies to: (grond, from, to, chance).
_VRIJSTELLINGEN = (("5a", 5, 17, 0.0030), ("5c", 5, 17, 0.0016), ("3b", 15, 15, 0.0080),
                   ("3a", 14, 15, 0.0035), ("15", 16, 17, 0.0025), ("5b", 5, 15, 0.0003))
_RESULTATEN_GEWICHTEN = {
    "relatief_verzuim": (("school", 62), ("hulpverlening", 12), ("dagbesteding", 3),
                         ("time_out", 2), ("verhuisd", 5), ("vrijstelling", 3), ("werk", 1),
                         ("overdracht_dsp", 2), ("overig", 10)),
    "absoluut_verzuim": (("school", 68), ("verhuisd", 15), ("vrijstelling", 5),
                         ("dagbesteding", 2), ("overig", 10)),
    "verzuim_18plus": (("school", 45), ("werk", 25), ("hulpverlening", 10), ("verhuisd", 5),
                       ("overig", 15)),
    "zorg_preventie": (("school", 55), ("hulpverlening", 25), ("dagbesteding", 4),
                       ("time_out", 3), ("overig", 13)),
    "zorg_preventie_18plus": (("school", 35), ("werk", 20), ("hulpverlening", 30),
                              ("overig", 15)),
    "informatie_advies": (("overig", 70), ("school", 30)),
    "extra_verlof": (("overig", 80), ("school", 20)),
    "vrijstelling": (("vrijstelling", 80), ("school", 15), ("overig", 5)),
    "vervangende_leerplicht": (("school", 70), ("vrijstelling", 20), ("overig", 10)),
    "jikp": (("werk", 40), ("dagbesteding", 20), ("hulpverlening", 15), ("school", 10),
             ("overdracht_dsp", 10), ("overig", 5)),
    "vsv": (("school", 40), ("werk", 35), ("hulpverlening", 10), ("overig", 15)),
}
_VSV_MONITORING_GEWICHTEN = (
    ("werk_kort", 14), ("werk_6mnd", 12), ("werk_12mnd", 10), ("werk_opleiding", 5),
    ("werk_lks", 2), ("zzp", 2), ("wacht_inkomen", 3), ("wacht_inschrijving", 6), ("school", 12),
    ("andere_partij", 6), ("participatiewet", 5), ("wajong", 2), ("dagbesteding", 3),
    ("hulpverlening", 6), ("niet_bereikbaar", 9), ("overig", 3),
)
_RICHTING_GEWICHTEN = (("vmbo", 52), ("havo", 25), ("vwo", 20), ("pro", 3))
_BESLUIT_GEWICHTEN = (("toegekend", 84), ("afgewezen", 8), ("ingetrokken", 3), ("open", 5))
_THUISZITTER_EINDE_GEWICHTEN = (
    ("opgelost", 68), ("verhuisd", 14), ("vrijstelling", 9), ("overig", 9),
)
#: Interventies per werkproces type: (soort, chance, phase 0..1 within the case).
_INTERVENTIES: dict[str, tuple[tuple[str, float, float], ...]] = {
    "relatief_verzuim": (
        ("kennisgevingsbrief", 0.45, 0.03), ("uitnodiging", 0.60, 0.08), ("gesprek", 0.80, 0.2),
        ("waarschuwing", 0.32, 0.35), ("mdo", 0.10, 0.4), ("verwijzing_hulpverlening", 0.15, 0.45),
        ("halt", 0.07, 0.55), ("proces_verbaal", 0.07, 0.75), ("veilig_thuis", 0.015, 0.5),
        ("beschermingstafel", 0.015, 0.7), ("svb", 0.0, 0.8),
    ),
    "absoluut_verzuim": (
        ("kennisgevingsbrief", 0.30, 0.03), ("uitnodiging", 0.50, 0.08), ("gesprek", 0.50, 0.2),
        ("waarschuwing", 0.15, 0.35), ("verwijzing_hulpverlening", 0.05, 0.45),
        ("proces_verbaal", 0.05, 0.75), ("beschermingstafel", 0.01, 0.7),
    ),
    "verzuim_18plus": (
        ("uitnodiging", 0.50, 0.05), ("gesprek", 0.70, 0.2), ("mdo", 0.05, 0.4),
        ("verwijzing_hulpverlening", 0.10, 0.5),
    ),
    "zorg_preventie": (
        ("gesprek", 0.70, 0.15), ("mdo", 0.20, 0.3), ("verwijzing_hulpverlening", 0.25, 0.5),
        ("veilig_thuis", 0.02, 0.5), ("beschermingstafel", 0.02, 0.7),
    ),
    "zorg_preventie_18plus": (
        ("gesprek", 0.70, 0.15), ("mdo", 0.15, 0.3), ("verwijzing_hulpverlening", 0.30, 0.5),
    ),
    "informatie_advies": (("gesprek", 0.40, 0.2),),
    "vrijstelling": (("gesprek", 0.50, 0.3), ("mdo", 0.10, 0.4)),
    "vervangende_leerplicht": (("gesprek", 0.60, 0.3),),
    "extra_verlof": (("gesprek", 0.20, 0.3),),
    "jikp": (
        ("uitnodiging", 0.40, 0.05), ("gesprek", 0.70, 0.2),
        ("verwijzing_hulpverlening", 0.15, 0.5),
    ),
    "vsv": (
        ("uitnodiging", 0.50, 0.05), ("gesprek", 0.70, 0.2),
        ("verwijzing_hulpverlening", 0.12, 0.5),
    ),
}
_DSP_TYPEN = frozenset({"verzuim_18plus", "zorg_preventie_18plus", "vsv", "jikp"})
_LEERPLICHT_TYPEN = frozenset({"relatief_verzuim", "absoluut_verzuim", "zorg_preventie",
                               "vrijstelling", "vervangende_leerplicht", "extra_verlof",
                               "informatie_advies"})

# fmt: on

Gewogen = tuple[tuple[str, ...], list[float]]


def _gewogen(paren: tuple[tuple[str, float], ...]) -> Gewogen:
    """Codes and cumulative shares, for drawing a code with one random number."""
    totaal = sum(g for _, g in paren)
    cumulatief, som = [], 0.0
    for _, g in paren:
        som += g / totaal
        cumulatief.append(som)
    cumulatief[-1] = 1.0
    return tuple(c for c, _ in paren), cumulatief


_SOORT_JONG = _gewogen(_SOORTEN_JONG)
_SOORT_OUD = _gewogen(_SOORTEN_OUD)
_RESULTATEN = {t: _gewogen(w) for t, w in _RESULTATEN_GEWICHTEN.items()}
_VSV_MONITORING = _gewogen(_VSV_MONITORING_GEWICHTEN)
_THUISZITTER_EINDE = _gewogen(_THUISZITTER_EINDE_GEWICHTEN)
_RICHTING = _gewogen(_RICHTING_GEWICHTEN)
_BESLUIT = _gewogen(_BESLUIT_GEWICHTEN)
#: Vrijstellingen of the duty to enrol: while valid, the child has no inschrijving.
_ZONDER_INSCHRIJVING = frozenset({"5a", "5b", "5c", "15"})


# --- The region ----------------------------------------------------------------------


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    gewicht: float
    regio: int


@dataclass(frozen=True)
class School:
    brin: str
    vestiging: str  # "" for a school without vestigingen
    naam: str
    onderwijssoort: str
    gemeente: int  # index into Regio.gemeenten

    @property
    def code(self) -> str:
        return formaat.school_code(self.brin, self.vestiging or None)


@dataclass
class Regio:
    """Everything a block needs besides its own random stream; small, so it goes to workers."""

    gemeenten: list[Gemeente]
    scholen: list[School]
    #: (gemeente, onderwijssoort) -> codes of the schools its pupils go to.
    keuze: dict[tuple[int, str], tuple[str, ...]]
    #: (regio, onderwijssoort) -> codes of all such schools in the regio.
    keuze_regio: dict[tuple[int, str], tuple[str, ...]]
    lpa: list[tuple[str, ...]]  # per gemeente
    dsp: list[tuple[str, ...]]  # per regio
    buren: list[tuple[int, ...]]  # per gemeente: other gemeenten of its regio
    cumulatief: list[float]  # cumulative share of the persons, per gemeente


def _gemeentenamen(rng: random.Random, aantal: int) -> list[str]:
    """Unique Dutch-sounding names from syllables (none is meant to be a real gemeente)."""
    namen: list[str] = []
    gezien: set[str] = set()
    pogingen = 0
    while len(namen) < aantal:
        pogingen += 1
        naam = rng.choice(_STAMMEN) + rng.choice(_ACHTERVOEGSELS)
        r = rng.random()
        if r < 0.06:
            naam = rng.choice(("Nieuw-", "Oud-", "Sint-", "Groot-")) + naam
        elif r < 0.10:
            naam += rng.choice(_TOEVOEGINGEN)
        if pogingen > 50 * aantal:  # the syllables ran out: number them
            naam = f"{naam} {len(namen) + 1}"
        if naam not in gezien:
            gezien.add(naam)
            namen.append(naam)
    return namen


def maak_regio(gemeenten: int, personen: int, seed: int) -> Regio:
    """Gemeenten of varied size, their schools and behandelaars (deterministic for `seed`)."""
    if not 1 <= gemeenten <= 9999:
        raise ValueError("het aantal gemeenten moet tussen 1 en 9999 liggen")
    rng = random.Random(f"leerplicht-genereer:{seed}:regio")
    namen = _gemeentenamen(rng, gemeenten)
    gewichten = [min(max(rng.lognormvariate(0, 0.9), 0.12), 9.0) for _ in range(gemeenten)]
    som = sum(gewichten)
    lijst = [
        Gemeente(f"GM{i + 1:04d}", namen[i], gewichten[i] / som, i // 8) for i in range(gemeenten)
    ]
    aantal_regios = lijst[-1].regio + 1
    leden: list[list[int]] = [[] for _ in range(aantal_regios)]
    for i, g in enumerate(lijst):
        leden[g.regio].append(i)
    centrum = [max(ld, key=lambda i: lijst[i].gewicht) for ld in leden]

    # How many schools of each soort, from the expected pupils of each gemeente.
    aantallen: list[dict[str, int]] = []
    for g in lijst:
        n = personen * g.gewicht
        bao, vo, mbo = n * 8.5 / 28, n * 5.5 / 28, n * 2.4 / 28
        aantallen.append(
            {
                "bao": max(1, round(bao / 220)),
                "sbo": round(bao * 0.025 / 110),
                "so": round(bao * 0.012 / 120),
                "vso": round(vo * 0.02 / 150),
                "vo": round(vo * 0.9 / 1000),
                "pro": round(vo * 0.035 / 250),
                "isk": round(vo * 0.012 / 150),
                "mbo": round(mbo / 8000),
                "vavo": 0,
                "onbekend": 0,
            }
        )
    for r, ld in enumerate(leden):
        c = centrum[r]
        for soort in ("sbo", "so", "vso", "vo", "pro", "isk", "mbo"):
            if not any(aantallen[i][soort] for i in ld):
                aantallen[c][soort] = 1
        if rng.random() < 0.6:
            aantallen[c]["vavo"] = 1
        if rng.random() < 0.5:
            aantallen[c]["onbekend"] = 1
    aantallen[centrum[0]]["vavo"] = max(aantallen[centrum[0]]["vavo"], 1)
    aantallen[centrum[0]]["onbekend"] = max(aantallen[centrum[0]]["onbekend"], 1)

    aantal_brins = sum(sum(a.values()) for a in aantallen)
    if aantal_brins > 100 * 26 * 26:
        raise ValueError("te veel scholen voor unieke BRIN-nummers: kies minder personen")
    brins = [
        f"{k // 676:02d}{chr(65 + k // 26 % 26)}{chr(65 + k % 26)}"
        for k in rng.sample(range(100 * 676), aantal_brins)
    ]
    scholen: list[School] = []
    volgende_brin = iter(brins)
    for i, g in enumerate(lijst):
        for soort in ("bao", "sbo", "so", "vso", "vo", "pro", "isk", "mbo", "vavo", "onbekend"):
            for _ in range(aantallen[i][soort]):
                scholen.extend(_school(rng, next(volgende_brin), soort, i, lijst, leden[g.regio]))

    per_regio: dict[tuple[int, str], list[str]] = {}
    per_gemeente: dict[tuple[int, str], list[str]] = {}
    for s in scholen:
        per_gemeente.setdefault((s.gemeente, s.onderwijssoort), []).append(s.code)
        per_regio.setdefault((lijst[s.gemeente].regio, s.onderwijssoort), []).append(s.code)
    keuze_regio = {sleutel: tuple(codes) for sleutel, codes in per_regio.items()}
    keuze: dict[tuple[int, str], tuple[str, ...]] = {}
    for i, g in enumerate(lijst):
        for soort in ("bao", "sbo", "so", "vso", "vo", "pro", "isk", "mbo", "vavo", "onbekend"):
            eigen = per_gemeente.get((i, soort))
            if eigen:
                keuze[(i, soort)] = tuple(eigen)
            elif (g.regio, soort) in keuze_regio:
                keuze[(i, soort)] = keuze_regio[(g.regio, soort)]
            else:  # vavo or onbekend only exist in some regios
                keuze[(i, soort)] = next(
                    v for (_, s), v in sorted(keuze_regio.items()) if s == soort
                )

    gebruikt: set[str] = set()

    def gebruiker(rol: str) -> str:
        basis = f"{rol}.{rng.choice(_ACHTERNAMEN)}"
        naam, n = basis, 1
        while naam in gebruikt:
            n += 1
            naam = f"{basis}{n}"
        gebruikt.add(naam)
        return naam

    lpa = [
        tuple(gebruiker("lpa") for _ in range(max(2, round(personen * g.gewicht * 13 / 28 / 2500))))
        for g in lijst
    ]
    dsp = [
        tuple(
            gebruiker("dsp")
            for _ in range(max(1, round(personen * sum(lijst[i].gewicht for i in ld) / 40_000)))
        )
        for ld in leden
    ]
    buren = [tuple(j for j in leden[g.regio] if j != i) or (i,) for i, g in enumerate(lijst)]
    cumulatief = list(_cumulatief([g.gewicht for g in lijst]))
    return Regio(lijst, scholen, keuze, keuze_regio, lpa, dsp, buren, cumulatief)


def _cumulatief(gewichten: list[float]) -> Iterator[float]:
    som = 0.0
    totaal = sum(gewichten)
    for i, g in enumerate(gewichten):
        som += g / totaal
        yield 1.0 if i == len(gewichten) - 1 else som


def _school(
    rng: random.Random,
    brin: str,
    soort: str,
    gemeente: int,
    lijst: list[Gemeente],
    regio: list[int],
) -> list[School]:
    """One school (BRIN) with its vestigingen; mbo vestigingen spread over the regio."""
    plaats = lijst[gemeente].naam
    r = rng.random()
    if soort == "bao":
        naam = f"{rng.choice(_BAO_VOORVOEGSELS)} {rng.choice(_BAO_NAMEN)}"
        vestigingen = 1 if r < 0.95 else 2
    elif soort in ("sbo", "so", "vso"):
        naam = f"{soort.upper()} {rng.choice(_BAO_NAMEN)}"
        vestigingen = 1
    elif soort == "vo":
        naam = rng.choice(_VO_NAMEN).format(g=plaats)
        vestigingen = 1 if r < 0.5 else (2 if r < 0.85 else 3)
    elif soort == "pro":
        naam, vestigingen = f"Praktijkschool {plaats}", 1
    elif soort == "isk":
        naam, vestigingen = f"Internationale Schakelklas {plaats}", 1
    elif soort == "mbo":
        naam = f"ROC {plaats}"
        vestigingen = 2 + int(rng.random() * 4)
    elif soort == "vavo":
        naam, vestigingen = f"VAVO {plaats}", 1
    else:
        naam, vestigingen = f"Onderwijsinstelling {plaats} (soort onbekend)", 1
    if vestigingen == 1:
        vestiging = "" if rng.random() < 0.12 else "00"
        return [School(brin, vestiging, naam, soort, gemeente)]
    scholen = []
    for v in range(vestigingen):
        plek = gemeente if v == 0 or soort != "mbo" else regio[int(rng.random() * len(regio))]
        scholen.append(School(brin, f"{v:02d}", f"{naam}, locatie {lijst[plek].naam}", soort, plek))
    return scholen


# --- Dates -----------------------------------------------------------------------------


class _Iso(dict):
    """Ordinal -> 'YYYY-MM-DD', computed once per day."""

    def __missing__(self, ordinaal: int) -> str:
        tekst = date.fromordinal(ordinaal).isoformat()
        self[ordinaal] = tekst
        return tekst


def _sj_einde(ordinaal: int) -> int:
    """31 July of the school year the day falls in."""
    d = date.fromordinal(ordinaal)
    return date(d.year + 1 if d.month >= 8 else d.year, 7, 31).toordinal()


# A region has some ten thousand distinct birth dates for millions of persons: the dates
# derived from a birth date are computed once each (with the domain's own rules).


@cache
def _verjaardag(geboren: int, leeftijd: int) -> int:
    return verjaardag(date.fromordinal(geboren), leeftijd).toordinal()


@cache
def _einde_jaar_van(geboren: int, leeftijd: int) -> int:
    """31 July of the school year in which the person turns `leeftijd`."""
    return _sj_einde(_verjaardag(geboren, leeftijd))


@cache
def _leerplicht(geboren: int) -> tuple[int, int, int]:
    """(begin volledige leerplicht, einde volledige leerplicht, einde kwalificatieplicht)."""
    geb = date.fromordinal(geboren)
    return (
        begin_volledige_leerplicht(geb).toordinal(),
        einde_volledige_leerplicht(geb).toordinal(),
        einde_kwalificatieplicht(geb).toordinal(),
    )


def _werkdag(ordinaal: int) -> int:
    """The day itself, or the Monday after a weekend (schools and teams work on weekdays)."""
    dag = (ordinaal - 1) % 7  # 0 = Monday
    return ordinaal + (7 - dag) if dag >= 5 else ordinaal


# --- One person's school career ---------------------------------------------------------


@dataclass
class _Loopbaan:
    #: [onderwijssoort, school code, van, tot] ordinals, tot inclusive (_ONEINDIG: no end).
    segmenten: list[list] = field(default_factory=list)
    startkwalificatie: int = 0
    #: Left education without startkwalificatie (vsv): dates.
    uitval: list[int] = field(default_factory=list)
    #: Left pro, vso or Entree (jongere in kwetsbare positie): date.
    kwetsbaar: int = 0
    #: First day in the country (newcomers) or 0.
    aankomst: int = 0
    #: From this day on never enrolled again (absoluut verzuim) or 0.
    nooit_meer: int = 0


@dataclass(frozen=True)
class _Periode:
    """The time frame of a run, as ordinals."""

    jaren: tuple[tuple[int, int], ...]  # (begin, einde) of each requested school year
    begin: int  # first day of the first requested school year
    einde: int  # last day of the last one: "today" for the data
    historie: int  # inschrijvingen ending before this day are not written
    vsv_begin: int


class _Blok:
    """Generates the rows of one block of persons into part files."""

    def __init__(
        self,
        regio: Regio,
        periode: _Periode,
        seed: int,
        blok: int,
        breedte: int,
        personen: int,
        schrijvers: dict[str, Callable[[list[str]], object]],
    ):
        self.regio = regio
        self.periode = periode
        self.rng = random.Random(f"leerplicht-genereer:{seed}:blok:{blok}")
        self.r = self.rng.random
        self.blok = blok
        self.breedte = breedte
        self.personen = personen
        self.seed = seed
        self.iso = _Iso()
        self.schrijf = schrijvers
        self.aantallen = dict.fromkeys(schrijvers, 0)
        self.bsn_stap = max(1, 10_000_000 // max(personen, 1))

    # helpers

    def _kies(self, gewogen: Gewogen) -> str:
        codes, grenzen = gewogen
        return codes[bisect.bisect_left(grenzen, self.r())]

    def _school(self, g: int, soort: str) -> str:
        if soort in ("vo", "mbo", "pro") and self.r() < 0.15:
            lijst = self.regio.keuze_regio[(self.regio.gemeenten[g].regio, soort)]
        else:
            lijst = self.regio.keuze[(g, soort)]
        return lijst[int(self.r() * len(lijst))]

    def _rij(self, bestand: str, rij: list[str]) -> None:
        self.schrijf[bestand](rij)
        self.aantallen[bestand] += 1

    def _bsn(self, nummer: int) -> str:
        """A unique test BSN: person `nummer` owns volgnummers [nummer*stap, (nummer+1)*stap)."""
        # A fixed odd multiplier not divisible by 5 permutes 0..10^7-1, so numbers look random.
        for j in range(self.bsn_stap):
            volgnummer = nummer * self.bsn_stap + j
            if volgnummer >= 10_000_000:
                return ""
            bsn = test_bsn((volgnummer * 7_368_787 + self.seed * 7919) % 10_000_000)
            if bsn is not None:
                return bsn
        return ""

    # the block

    def genereer(self, van: int, tot: int) -> dict[str, int]:
        for nummer in range(van, tot):
            self._persoon(nummer)
        return self.aantallen

    def _persoon(self, nummer: int) -> None:
        r = self.r
        p = self.periode
        regio = self.regio
        g = bisect.bisect_left(regio.cumulatief, r())
        g = min(g, len(regio.gemeenten) - 1)
        geboren = p.einde - int(r() * (MAX_LEEFTIJD + 1) * 365.2425)
        geb = date.fromordinal(geboren)
        pid = f"P{nummer + 1:0{self.breedte}d}"
        bsn = "" if r() < 0.02 else self._bsn(nummer)
        loopbaan = self._loopbaan(geb, g) if geboren < p.einde - 4 * 365 else _Loopbaan()
        sk = loopbaan.startkwalificatie if loopbaan.startkwalificatie <= p.einde else 0
        loopbaan.startkwalificatie = sk
        iso = self.iso
        self._rij(
            "personen.csv",
            # The optional facts (twaalf schooljaren, kwalificatieplicht vervallen) stay empty.
            [pid, bsn, iso[geboren], regio.gemeenten[g].code, iso[sk] if sk else "", *_GEEN_FEITEN],
        )
        if (p.einde - geboren) / 365.2425 >= 4.9:
            _Gebeurtenissen(self, nummer, pid, geb, g, loopbaan).maak()
        # Written after the events: a vrijstelling can interrupt an inschrijving.
        for _, school, van, tot in loopbaan.segmenten:
            if van > p.einde or tot < p.historie:
                continue
            self._rij(
                "inschrijvingen.csv", [pid, school, iso[van], iso[tot] if tot <= p.einde else ""]
            )

    def _loopbaan(self, geb: date, g: int) -> _Loopbaan:
        """A plausible school career: bao/sbo/so, then vo/pro/vso/isk, then mbo or a diploma."""
        r = self.r
        lb = _Loopbaan()
        seg = lb.segmenten
        geboren = geb.toordinal()

        def einde(n: int) -> int:  # 31 July of the school year in which the person turns n
            return _einde_jaar_van(geboren, n)

        def voeg_toe(soort: str, van: int, tot: int, wissel: float = 0.0) -> None:
            """Add an inschrijving; with chance `wissel` the pupil changes school at a boundary."""
            if tot < van:
                return
            if r() < 0.005 and soort in ("vo", "mbo"):
                soort = "onbekend"
            if wissel and r() < wissel and tot - van > 400:
                grens = _sj_einde(van + int(r() * (tot - van - 365)))
                if van < grens < tot:
                    seg.append([soort, self._school(g, soort), van, grens])
                    van = grens + 1
            seg.append([soort, self._school(g, soort), van, tot])

        def gat() -> int:
            """Days between two schools: usually none, sometimes weeks (absoluut verzuim)."""
            return 0 if r() > 0.03 else 10 + int(r() * 70)

        nieuwkomer = r() < 0.012
        start = _verjaardag(geboren, 4)
        e12 = einde(12)
        secundair_van = e12 + 1
        richting = None
        if nieuwkomer:
            laatste = min(_verjaardag(geboren, 17), self.periode.einde)
            if laatste > start:
                lb.aankomst = start + int(r() * (laatste - start))
                eerste = lb.aankomst + int(r() * 60)
                if eerste <= e12:
                    voeg_toe("bao", eerste, e12)
                    richting = "vmbo"
                else:
                    isk_tot = _sj_einde(eerste + 300 + int(r() * 200))
                    voeg_toe("isk", eerste, isk_tot)
                    secundair_van = isk_tot + 1
                    richting = "vmbo" if secundair_van < einde(15) else "mbo"
            else:
                nieuwkomer = False
        if not nieuwkomer:
            keus = r()
            if keus < 0.012:  # speciaal onderwijs, then vso: no startkwalificatie
                voeg_toe("so", start, e12)
                vso_tot = einde(18 if r() < 0.7 else 20)
                voeg_toe("vso", e12 + 1, vso_tot)
                lb.kwetsbaar = vso_tot
                return self._afronden(lb, geb)
            if keus < 0.037:  # speciaal basisonderwijs after a few years of bao
                overstap = einde(7 + int(r() * 3))
                voeg_toe("bao", start, overstap)
                voeg_toe("sbo", overstap + 1, e12)
                richting = "pro" if r() < 0.4 else "vmbo"
            else:
                voeg_toe("bao", start, e12, wissel=0.08)
        if richting is None:
            richting = self._kies(_RICHTING)
        van = secundair_van + gat()
        mbo_van = 0
        mbo_niveau = 0
        if richting == "pro":
            tot = einde(17 if r() < 0.5 else 18)
            voeg_toe("pro", van, tot)
            if r() < 0.35:
                mbo_van, mbo_niveau = tot + 1, 1
            else:
                lb.kwetsbaar = tot
        elif richting == "mbo":  # a newcomer too old for vo
            mbo_van, mbo_niveau = secundair_van, 1 + int(r() * 2)
        else:
            leeftijd = {"vmbo": 16, "havo": 17, "vwo": 18}[richting]
            tot = einde(leeftijd + (1 if r() < 0.12 else 0))
            if r() < 0.02:  # drops out of vo; half of them go to mbo after a while
                uit = _verjaardag(geboren, 15) + int(r() * 600)
                if van < uit < tot:
                    voeg_toe("vo", van, uit)
                    lb.uitval.append(uit)
                    if r() < 0.5:
                        return self._mbo(lb, geb, g, uit + 30 + int(r() * 200), 1 + int(r() * 2))
                    return self._afronden(lb, geb)
            voeg_toe("vo", van, tot, wissel=0.06)
            if richting == "vmbo":
                if r() < 0.92:
                    keus = r()
                    mbo_niveau = 2 if keus < 0.3 else 3 if keus < 0.6 else 4
                else:
                    mbo_niveau = 1
                mbo_van = tot + 1 + gat()
            elif r() < 0.89:
                lb.startkwalificatie = tot - 5 - int(r() * 30)
            elif r() < 0.5:
                mbo_van, mbo_niveau = tot + 1 + gat(), 4
            else:
                vavo_tot = tot + 365
                voeg_toe("vavo", tot + 1 + gat(), vavo_tot)
                if r() < 0.75:
                    lb.startkwalificatie = vavo_tot - 5 - int(r() * 30)
                else:
                    lb.uitval.append(vavo_tot)
        if mbo_van:
            return self._mbo(lb, geb, g, mbo_van, mbo_niveau)
        return self._afronden(lb, geb)

    def _mbo(self, lb: _Loopbaan, geb: date, g: int, van: int, niveau: int) -> _Loopbaan:
        """Mbo: a diploma of level 2 or higher is a startkwalificatie; some leave early."""
        r = self.r
        for poging in range(2):
            duur = {1: 1, 2: 2, 3: 3, 4: 3 if r() < 0.6 else 4}[niveau]
            tot = _sj_einde(van + 365 * duur - 200)
            uitvalkans = {1: 0.3, 2: 0.25, 3: 0.18, 4: 0.15}[niveau] * (1.5 if poging else 1)
            if r() < uitvalkans:
                uit = van + 30 + int(r() * max(tot - van - 30, 1))
                lb.segmenten.append(["mbo", self._school(g, "mbo"), van, uit])
                if r() < 0.38 and poging == 0:  # starts again, after a while
                    lb.uitval.append(uit)
                    van = uit + 60 + int(r() * 300)
                    niveau = max(niveau - 1, 1) if r() < 0.5 else niveau
                    continue
                lb.uitval.append(uit)
                return self._afronden(lb, geb)
            lb.segmenten.append(["mbo", self._school(g, "mbo"), van, tot])
            if niveau >= 2:
                lb.startkwalificatie = tot - 5 - int(r() * 35)
            elif r() < 0.6:  # Entree, then level 2
                van, niveau = tot + 1, 2
                continue
            else:
                lb.kwetsbaar = tot
            return self._afronden(lb, geb)
        return self._afronden(lb, geb)

    def _afronden(self, lb: _Loopbaan, geb: date) -> _Loopbaan:
        """A few leerplichtigen stop going to any school for good (absoluut verzuim)."""
        if self.r() < 0.0025 and lb.segmenten:
            begin, _, eind = _leerplicht(geb.toordinal())
            stop = begin + int(self.r() * (eind - begin))
            gehouden = []
            for s in lb.segmenten:
                if s[2] >= stop:
                    break
                if s[3] >= stop:
                    s = [s[0], s[1], s[2], stop - 1]
                gehouden.append(s)
            lb.segmenten = gehouden
            lb.nooit_meer = stop
            lb.startkwalificatie = 0
            lb.uitval = [u for u in lb.uitval if u < stop]
            lb.kwetsbaar = 0
        return lb


class _Gebeurtenissen:
    """The events of one person over the requested school years."""

    def __init__(self, blok: _Blok, nummer: int, pid: str, geb: date, g: int, lb: _Loopbaan):
        self.b = blok
        self.r = blok.r
        self.iso = blok.iso
        self.p = blok.periode
        self.nummer = nummer
        self.pid = pid
        self.geb = geb
        self.geboren = geb.toordinal()
        self.g = g
        self.lb = lb
        self.teller = {"W": 0, "M": 0, "I": 0, "V": 0, "T": 0, "S": 0}
        regio = blok.regio
        self.woon = regio.gemeenten[g].code
        # Some moved into their gemeente during the period: earlier events belong to the old one.
        if self.r() < 0.03:
            buren = regio.buren[g]
            self.vorige = regio.gemeenten[buren[int(self.r() * len(buren))]].code
            self.verhuisd = self.p.begin + int(self.r() * (self.p.einde - self.p.begin))
        else:
            self.vorige, self.verhuisd = self.woon, 0
        self.lp_begin, self.lp_volledig, self.lp_einde = _leerplicht(self.geboren)
        self.twaalf = _verjaardag(self.geboren, 12)
        self.zestien = _verjaardag(self.geboren, 16)
        self.achttien = _verjaardag(self.geboren, 18)
        self.risico = 3.6 if self.r() < 0.12 else 0.65
        self.vrijgesteld: list[tuple[int, int]] = []

    # small helpers

    def _id(self, voorvoegsel: str) -> str:
        self.teller[voorvoegsel] += 1
        return f"{voorvoegsel}{self.nummer + 1:0{self.b.breedte}d}{self.teller[voorvoegsel]:02d}"

    def _gemeente(self, datum: int) -> str:
        return self.vorige if datum < self.verhuisd else self.woon

    def _inschrijving(self, datum: int) -> tuple[str, str]:
        """(onderwijssoort, school) on a day; ("geen", "") when not enrolled."""
        for soort, school, van, tot in self.lb.segmenten:
            if van <= datum <= tot:
                return soort, school
        return "geen", ""

    def _soort_kolom(self, datum: int) -> str:
        """Usually empty (derived from the inschrijving); filled on some rows."""
        return self._inschrijving(datum)[0] if self.r() < 0.08 else ""

    def _leerplichtig(self, datum: int) -> bool:
        if not self.lp_begin <= datum <= self.lp_einde:
            return False
        sk = self.lb.startkwalificatie
        return datum <= self.lp_volledig or not sk or sk > datum

    def _doelgroep_18(self, datum: int) -> bool:
        """18 up to the Doorstroompunt age limit in force that day, no startkwalificatie."""
        if datum < self.achttien:
            return False
        sk = self.lb.startkwalificatie
        if sk and sk <= datum:
            return False
        grens = geldende_leeftijdsgrens(date.fromordinal(datum)).tot_leeftijd
        return datum < _verjaardag(self.geboren, grens)

    # all events

    def maak(self) -> None:
        p = self.p
        r = self.r
        vernieuw_5a = r() < 0.004  # a 5a from before the period, up for renewal
        gaten = self._gaten() if self.lp_begin <= p.einde and self.lp_einde >= p.begin else []
        for begin, einde in p.jaren:
            leeftijd = int((begin + 61 - self.geboren) / 365.2425)  # on 1 October
            if self.lb.aankomst > einde:
                continue  # not in the country yet
            if 5 <= leeftijd <= 17:
                # The vrijstelling first: a child exempted from enrolment has no relatief verzuim.
                vernieuw_5a = self._vrijstellingen(begin, einde, leeftijd, vernieuw_5a)
                kans = _CLUSTERKANS[leeftijd] * self.risico
                aantal = 0
                while aantal < 4 and r() < kans:
                    self._verzuimcluster(begin, einde, leeftijd)
                    aantal += 1
                    kans *= 0.45
                if r() < _KANS_ZORG:
                    self._los_werkproces("zorg_preventie", begin, einde)
                if r() < _KANS_INFO:
                    self._los_werkproces("informatie_advies", begin, einde)
                if leeftijd <= 12 and r() < _KANS_VERLOF:
                    self._los_werkproces("extra_verlof", begin, einde)
            elif 18 <= leeftijd <= MAX_LEEFTIJD:
                kans = 0.10 * self.risico
                if r() < kans:
                    self._cluster_18plus(begin, einde)
                if r() < _KANS_ZORG_18 and self._doelgroep_18(begin + 60):
                    self._los_werkproces("zorg_preventie_18plus", begin, einde)
            if gaten:
                self._absoluut(gaten, begin, einde)
        self._vsv()
        self._kwetsbaar()

    # meldingen and the werkprocessen that handle them

    def _verzuimcluster(self, begin: int, einde: int, leeftijd: int) -> None:
        r = self.r
        datum = _werkdag(begin + 20 + int(r() * 330))
        if not self._leerplichtig(datum):
            return
        soort_school, school = self._inschrijving(datum)
        if soort_school == "geen":
            return  # not enrolled: that is absoluut verzuim, made from the gaps
        soort = self.b._kies(_SOORT_JONG if leeftijd < 12 else _SOORT_OUD)
        data = [datum]
        while len(data) < 8 and r() < _HERHAAL[soort]:
            volgende = _werkdag(data[-1] + 14 + int(r() * 28))
            if volgende > einde - 10 or self._inschrijving(volgende)[0] == "geen":
                break
            data.append(volgende)
        werkproces = ""
        if r() < _WERKPROCES_KANS[soort]:
            geopend = min(_werkdag(data[-1] + int(r() * 15)), self.p.einde)
            werkproces = self._werkproces(
                "relatief_verzuim", geopend, verzuim="luxe" if soort == "luxe" else "relatief"
            )
        for d in data:
            self._melding(d, soort, school if r() < 0.8 else "", werkproces)
        if soort == "langdurig" and r() < 0.08:
            self._thuiszitter(max(datum - 28 - int(r() * 30), begin), 30 + int(r() * 250))

    def _cluster_18plus(self, begin: int, einde: int) -> None:
        r = self.r
        datum = _werkdag(begin + 30 + int(r() * 320))
        if not self._doelgroep_18(datum):
            return
        soort_school, school = self._inschrijving(datum)
        if soort_school == "geen":
            return
        data = [datum]
        while len(data) < 4 and r() < _HERHAAL["18plus"]:
            volgende = _werkdag(data[-1] + 28 + int(r() * 40))
            if volgende > einde - 10 or self._inschrijving(volgende)[0] == "geen":
                break
            data.append(volgende)
        werkproces = ""
        if r() < _WERKPROCES_KANS["18plus"]:
            geopend = min(_werkdag(data[-1] + int(r() * 15)), self.p.einde)
            werkproces = self._werkproces("verzuim_18plus", geopend)
        for d in data:
            self._melding(d, "18plus", school if r() < 0.85 else "", werkproces)

    def _melding(self, datum: int, soort: str, school: str, werkproces: str) -> None:
        actie = ""
        if soort == "18plus":
            x = self.r()
            actie = "ja" if x < 0.55 else "nee" if x < 0.9 else ""
        self.b._rij(
            "meldingen.csv",
            [
                self._id("M"),
                self.pid,
                self._gemeente(datum),
                self.iso[datum],
                soort,
                school,
                self._soort_kolom(datum),
                actie,
                werkproces,
            ],
        )

    def _gaten(self) -> list[tuple[int, int]]:
        """Periods without inschrijving after arrival: between schools, after leaving early."""
        lb = self.lb
        gaten: list[tuple[int, int]] = []
        vorige_tot = lb.aankomst - 1 if lb.aankomst else 0
        for _, _, van, tot in lb.segmenten:
            if vorige_tot and van - vorige_tot > 7:
                gaten.append((vorige_tot + 1, van - 1))
            vorige_tot = tot
        # Those leaving pro or vso are no longer kwalificatieplichtig: no gap after it.
        if lb.segmenten and vorige_tot < _ONEINDIG and vorige_tot != lb.kwetsbaar:
            gaten.append((vorige_tot + 1, _ONEINDIG))
        elif not lb.segmenten and lb.nooit_meer:
            gaten.append((lb.nooit_meer, _ONEINDIG))
        return gaten

    def _absoluut(self, gaten: list[tuple[int, int]], begin: int, einde: int) -> None:
        """Absoluut verzuim: leerplichtig, not enrolled, within this school year."""
        r = self.r
        for gat_van, gat_tot in gaten:
            van, tot = max(gat_van, begin), min(gat_tot, einde)
            if tot - van < 7:
                continue
            datum = _werkdag(van + 5 + int(r() * min(25, tot - van - 5)))
            if datum > tot or not self._leerplichtig(datum) or self._vrijgesteld(datum):
                continue
            if gat_van < begin and r() < 0.5:
                continue  # a long-running case: not reported again every year
            werkproces = ""
            if r() < _WERKPROCES_KANS["absoluut"]:
                geopend = min(_werkdag(datum + int(r() * 10)), self.p.einde)
                werkproces = self._werkproces("absoluut_verzuim", geopend, verzuim="absoluut")
            self.b._rij(
                "meldingen.csv",
                [
                    self._id("M"),
                    self.pid,
                    self._gemeente(datum),
                    self.iso[datum],
                    "absoluut",
                    "",
                    self._soort_kolom(datum),
                    "",
                    werkproces,
                ],
            )
            if gat_tot - datum > 28 and r() < 0.12:
                self._thuiszitter(datum, min(gat_tot, datum + 400) - datum)

    def _los_werkproces(self, type_: str, begin: int, einde: int) -> None:
        datum = _werkdag(begin + 15 + int(self.r() * 340))
        if datum <= min(einde, self.p.einde):
            self._werkproces(type_, datum)

    def _werkproces(
        self,
        type_: str,
        geopend: int,
        *,
        verzuim: str = "relatief",
        gesloten: int | None = None,
        resultaat: str = "",
    ) -> str:
        """Write a werkproces and its interventies; return its id.

        `verzuim` is the kind of verzuim a proces-verbaal in it is for; `gesloten` fixes
        the closing day (0: still open), otherwise the case takes a plausible time.
        """
        r = self.r
        p = self.p
        wid = self._id("W")
        if gesloten is None:
            gesloten = geopend + int(self.b.rng.lognormvariate(4.2, 0.8))  # median ~65 days
            if gesloten > p.einde or r() < 0.02:
                gesloten = 0
        if gesloten and type_ in _LEERPLICHT_TYPEN and geopend < self.achttien <= gesloten:
            gesloten = self.achttien
            resultaat = "achttien" if r() < 0.6 else "overdracht_dsp"
        if gesloten and not resultaat:
            resultaat = self.b._kies(_RESULTATEN[type_])
        if not gesloten:
            resultaat = ""
        if type_ in _DSP_TYPEN:
            lijst = self.b.regio.dsp[self.b.regio.gemeenten[self.g].regio]
        else:
            lijst = self.b.regio.lpa[self.g]
        behandelaar = "" if r() < 0.05 else lijst[int(r() * len(lijst))]
        self.b._rij(
            "werkprocessen.csv",
            [
                wid,
                self.pid,
                self._gemeente(geopend),
                type_,
                self.iso[geopend],
                self.iso[gesloten] if gesloten else "",
                resultaat,
                self._soort_kolom(geopend),
                behandelaar,
            ],
        )
        self._interventies(wid, type_, geopend, gesloten or p.einde, verzuim)
        return wid

    def _interventies(self, wid: str, type_: str, geopend: int, eind: int, verzuim: str) -> None:
        r = self.r
        iso = self.iso
        duur = eind - geopend
        rijen: list[tuple[int, list[str]]] = []
        for soort, kans, fase in _INTERVENTIES.get(type_, ()):
            if soort == "svb":
                kans = 0.05 if self.zestien <= geopend < self.achttien else 0.0
            if r() >= kans:
                continue
            datum = min(geopend + int(duur * min(fase + r() * 0.2, 1.0)), eind)
            if _werkdag(datum) <= eind:
                datum = _werkdag(datum)
            if soort == "halt":
                if datum < self.twaalf:
                    continue
                klaar = datum + 60 + int(r() * 60) <= self.p.einde
                x = r()
                uitkomst = ("positief" if x < 0.72 else "negatief") if klaar or x < 0.15 else ""
                rijen.append((datum, ["halt", "", "", uitkomst]))
                if uitkomst == "negatief" and r() < 0.5:
                    pv = min(datum + 30 + int(r() * 60), eind)
                    rijen.append((pv, ["proces_verbaal", "jongere", verzuim, ""]))
            elif soort == "proces_verbaal":
                x = r()
                if datum < self.twaalf or x < 0.55:
                    tegen = ("ouders",)
                elif x < 0.85:
                    tegen = ("jongere",)
                else:
                    tegen = ("ouders", "jongere")
                for t in tegen:
                    rijen.append((datum, ["proces_verbaal", t, verzuim, ""]))
            else:
                rijen.append((datum, [soort, "", "", ""]))
        rijen.sort(key=lambda x: x[0])
        for datum, (soort, tegen, pv_verzuim, uitkomst) in rijen:
            self.b._rij(
                "interventies.csv",
                # The verzuim period of a PV (verzuim_van, verzuim_tot) is not invented.
                [self._id("I"), wid, iso[datum], soort, tegen, pv_verzuim, uitkomst, "", ""],
            )

    # vrijstellingen, thuiszitters, vsv

    def _vrijstellingen(self, begin: int, einde: int, leeftijd: int, vernieuw_5a: bool) -> bool:
        """At most one request a year; a granted 5a is often renewed the next year."""
        r = self.r
        x = r()
        grond = ""
        if vernieuw_5a and x < 0.55:
            grond = "5a"
        else:
            som = 0.0
            for code, jong, oud, kans in _VRIJSTELLINGEN:
                if jong <= leeftijd <= oud:
                    som += kans * (1.4 if self.risico > 1 else 0.95)
                    if x < som:
                        grond = code
                        break
        if not grond:
            return False
        p = self.p
        if grond == "5a" and vernieuw_5a:
            aangevraagd = _werkdag(einde - 90 - int(r() * 60))  # before 1 July (art. 6)
        else:
            aangevraagd = _werkdag(begin + int(r() * 330))
        aangevraagd = min(aangevraagd, p.einde)
        termijn = 28 if grond in ("3a", "3b") else 56
        besluitdatum = _werkdag(aangevraagd + 3 + int(r() * termijn))
        besluit = self.b._kies(_BESLUIT)
        if besluitdatum > p.einde:
            besluit = "open"
        if besluit == "open":
            besluitdatum = 0
        # Valid from the decision, or from the next school year when asked for it in spring.
        vanaf = besluitdatum or aangevraagd
        geldig_van = _sj_einde(vanaf) + 1 if vanaf > _sj_einde(vanaf) - 75 else vanaf
        geldig_tot = 0
        if besluit in ("toegekend", "ingetrokken"):
            if grond == "15":
                geldig_tot = max(self.achttien - 1, geldig_van)
            elif grond == "5a" and r() < 0.1:
                geldig_tot = 0  # attendance will never be possible
            else:
                geldig_tot = _sj_einde(geldig_van)
            if besluit == "ingetrokken":
                geldig_tot = max(geldig_van, min(geldig_tot or _ONEINDIG, besluitdatum + 30))
        onderwijssoort = self._soort_kolom(besluitdatum or aangevraagd)
        if besluit == "toegekend" and grond in _ZONDER_INSCHRIJVING:
            self._uitschrijven(geldig_van, geldig_tot or _ONEINDIG)
        self.b._rij(
            "vrijstellingen.csv",
            [
                self._id("V"),
                self.pid,
                self._gemeente(aangevraagd),
                grond,
                self.iso[aangevraagd],
                besluit,
                self.iso[besluitdatum] if besluitdatum else "",
                self.iso[geldig_van],
                self.iso[geldig_tot] if geldig_tot else "",
                onderwijssoort,
                "",  # ingetrokken_per: the generator withdraws nothing with a date
            ],
        )
        if r() < 0.35:
            self._werkproces(
                "vervangende_leerplicht" if grond in ("3a", "3b") else "vrijstelling",
                aangevraagd,
                gesloten=besluitdatum,
                resultaat=("vrijstelling" if besluit == "toegekend" else "school")
                if besluitdatum
                else "",
            )
        return grond == "5a" and besluit == "toegekend" and geldig_tot > 0

    def _uitschrijven(self, van: int, tot: int) -> None:
        """No inschrijving from `van` through `tot` (a vrijstelling); school resumes after it."""
        self.vrijgesteld.append((van, tot))
        gehouden = []
        for s in self.lb.segmenten:
            if s[3] < van or s[2] > tot:
                gehouden.append(s)
                continue
            if s[2] < van:
                gehouden.append([s[0], s[1], s[2], van - 1])
            if s[3] > tot:
                gehouden.append([s[0], s[1], tot + 1, s[3]])
        self.lb.segmenten = gehouden

    def _vrijgesteld(self, datum: int) -> bool:
        return any(van <= datum <= tot for van, tot in self.vrijgesteld)

    def _thuiszitter(self, van: int, duur: int) -> None:
        """A period at home of 4 weeks or more; some run into the next school year."""
        p = self.p
        van = _werkdag(max(van, p.begin))
        if van > p.einde or not self._leerplichtig(van) or self._vrijgesteld(van):
            return
        tot = van + max(duur, 28)
        reden = ""
        if self.lp_einde < tot:
            tot, reden = max(self.lp_einde, van), "achttien"
        if tot > p.einde:
            tot, reden = 0, ""
        elif not reden:
            reden = self.b._kies(_THUISZITTER_EINDE)
        self.b._rij(
            "thuiszitters.csv",
            [
                self._id("T"),
                self.pid,
                self._gemeente(van),
                self.iso[van],
                self.iso[tot] if tot else "",
                reden,
                self._soort_kolom(van),
            ],
        )

    def _vsv(self) -> None:
        """Left education without startkwalificatie at 16 up to 23, in the last school years."""
        r = self.r
        p = self.p
        lb = self.lb
        zestien = self.zestien
        drieentwintig = _verjaardag(self.geboren, 23)
        for uit in lb.uitval:
            if not p.vsv_begin <= uit <= p.einde or not zestien <= uit < drieentwintig:
                continue
            if lb.startkwalificatie and lb.startkwalificatie <= uit:
                continue
            terug = next((s[2] for s in lb.segmenten if s[2] > uit), 0)
            monitoring = afgerond = 0
            resultaat = ""
            grens = einde_doelgroep(self.geb, date.fromordinal(drieentwintig)).toordinal()
            if terug and terug <= p.einde:
                afgerond, resultaat = terug + int(r() * 30), "school"
            elif lb.startkwalificatie:
                afgerond, resultaat = lb.startkwalificatie, "startkwalificatie"
            elif grens <= p.einde:
                afgerond, resultaat = grens, "geen_doelgroep"
            elif r() < 0.18:
                afgerond = uit + 60 + int(r() * 700)
                resultaat = "geen_doelgroep" if r() < 0.4 else "overig"
            if afgerond > p.einde:
                afgerond, resultaat = 0, ""
            if r() < 0.6:
                monitoring = uit + 20 + int(r() * 180)
                if afgerond and monitoring > afgerond:
                    monitoring = 0 if r() < 0.5 else uit + (afgerond - uit) // 2
                if monitoring > p.einde:
                    monitoring = 0
            if monitoring and not afgerond:
                resultaat = self.b._kies(_VSV_MONITORING)
            self.b._rij(
                "vsv.csv",
                [
                    self._id("S"),
                    self.pid,
                    self._gemeente(uit),
                    self.iso[uit],
                    self.iso[monitoring] if monitoring else "",
                    self.iso[afgerond] if afgerond else "",
                    resultaat,
                    self._soort_kolom(uit) if r() < 0.5 else "",
                ],
            )
            geopend = _werkdag(uit + 7 + int(r() * 30))
            if r() < 0.1 and p.begin <= geopend <= p.einde:
                self._werkproces("vsv", geopend)

    def _kwetsbaar(self) -> None:
        """Leaving pro, vso or Entree: some are followed as jongere in kwetsbare positie."""
        if not self.lb.kwetsbaar or self.r() >= 0.3:
            return
        datum = _werkdag(self.lb.kwetsbaar - 60 + int(self.r() * 120))
        if self.p.begin <= datum <= self.p.einde:
            self._werkproces("jikp", datum)


# --- Running it ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Opdracht:
    """What every block shares; sent once to each worker process."""

    regio: Regio
    periode: _Periode
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
    with _open_delen(Path(o.map), blok) as schrijvers:
        generator = _Blok(o.regio, o.periode, o.seed, blok, o.breedte, o.personen, schrijvers)
        return generator.genereer(blok * BLOK, min((blok + 1) * BLOK, o.personen))


@contextmanager
def _open_delen(map_: Path, blok: int) -> Iterator[dict[str, Callable[[list[str]], object]]]:
    bestanden: list[IO[str]] = []
    try:
        schrijvers = {}
        for spec in _PERSOONSBESTANDEN:
            uit = (map_ / f"{blok:05d}-{spec.naam}").open("w", encoding="utf-8", newline="")
            bestanden.append(uit)
            schrijvers[spec.naam] = csv.writer(uit, lineterminator="\n").writerow
        yield schrijvers
    finally:
        for uit in bestanden:
            uit.close()


def periode_van(schooljaar: Schooljaar, jaren: int) -> _Periode:
    eerste = schooljaar.vorige(jaren - 1)
    vsv_eerste = schooljaar.vorige(max(jaren, VSV_JAREN) - 1)
    jaarlijst = tuple(
        (Schooljaar(j).begin.toordinal(), Schooljaar(j).einde.toordinal())
        for j in range(eerste.beginjaar, schooljaar.beginjaar + 1)
    )
    return _Periode(
        jaren=jaarlijst,
        begin=eerste.begin.toordinal(),
        einde=schooljaar.einde.toordinal(),
        historie=vsv_eerste.begin.toordinal(),
        vsv_begin=vsv_eerste.begin.toordinal(),
    )


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
        aantallen = {spec.naam: 0 for spec in formaat.BESTANDEN}
        aantallen.update(_schrijf_regio(werkmap, regio))
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
        _voeg_samen(werkmap, pad, len(taken), is_zip)
    finally:
        _zet_opdracht(None)
        shutil.rmtree(werkmap, ignore_errors=True)
    return aantallen


def _schrijf_regio(werkmap: Path, regio: Regio) -> dict[str, int]:
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


def _voeg_samen(werkmap: Path, pad: Path, blokken: int, is_zip: bool) -> None:
    """Header plus the parts in block order, into the folder or the zip (fixed timestamps)."""
    if is_zip:
        tijdelijk = werkmap / "uitvoer.zip"
        with zipfile.ZipFile(tijdelijk, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for spec in formaat.BESTANDEN:
                delen = _delen(werkmap, spec.naam, blokken)
                grootte = sum(d.stat().st_size for d in delen)
                info = zipfile.ZipInfo(spec.naam, date_time=_ZIP_TIJD)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                with zf.open(info, "w", force_zip64=grootte > 1 << 30) as uit:
                    _kopieer(spec, delen, uit)
        os.replace(tijdelijk, pad)
        return
    for spec in formaat.BESTANDEN:
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
