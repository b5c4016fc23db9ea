"""The region: gemeenten, their schools and behandelaars, drawn first and from their own stream.

Why a module of its own: the region is small, made once per run and sent to every worker;
the persons only pick from it (`Regio.keuze`, `Regio.lpa`). Names are made up from
syllables and lists: none is meant to be a real gemeente, school or person.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from leerplicht.domein import uitwisselformaat as formaat

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

# fmt: on


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
