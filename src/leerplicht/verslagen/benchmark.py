"""Benchmark figures: percentages of the leerlingen published by other regions and the
country, read in from a small CSV file and shown beside the region's own in the jaarverslag.

    bron;schooljaar;kengetal;percentage
    Landelijk;2024-2025;absoluut_verzuim;0,12

The layout is documented in docs/gebruikers/jaarverslag.md ("Benchmark"). Read with the
exchange format's reader (`invoer.lezer.Bestandslezer`: UTF-8 with or without BOM,
";" or "," sniffed from the header), so errors read `bestand:regel: kolom: melding` like
every other import. All or nothing: one error and nothing is stored.

Owners: every figure belongs to a set of gemeenten, those of the teammanager who read it
in (web app), or every gemeente / the `--gemeente`s given (`leerplicht benchmark-import`).
A report over gemeenten S uses a figure only if S is a subset of its owners: who read it
in had authority over every gemeente of the report. Of several figures for one bron,
schooljaar and kengetal that apply, the one with the fewest owners (the most specific)
wins. A figure already stored for the same owners, bron, schooljaar and kengetal is
replaced (a corrected publication); figures of other owners are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein import uitwisselformaat as f
from leerplicht.domein.kengetallen import KENGETAL_LABELS
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.invoer.fouten import STANDAARD_MAXIMUM, Foutenlijst
from leerplicht.invoer.lezer import Bestandslezer
from leerplicht.register.models import Gemeente

from .models import ALLE_GEMEENTEN, Benchmarkcijfer, gebied_sleutel

#: Digits, then at most 2 decimals after one decimal comma or point, an optional "%".
#: No thousands separator: a percentage is at most 100, and "1.234" would be ambiguous.
_PERCENTAGE = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$", re.ASCII)
HONDERD = Decimal(100)


def lees_percentage(tekst: str) -> tuple[Decimal | None, str | None]:
    """A published percentage: "12,17", "12.17", " 7 " and "12,17%" are accepted; anything
    else (a thousands separator, a sign, more than 2 decimals, over 100) gets a Dutch reason.

    Strict on purpose: the jaarverslag shows exactly the published number, so a value that
    would have to be rounded or guessed at ("1.234,5", "12,175") is refused, not changed.
    """
    match = _PERCENTAGE.match(tekst.strip())
    if not match:
        return None, (
            f"{tekst.strip()!r} is geen percentage (verwacht bijvoorbeeld 12,17 of 12.17: "
            "hoogstens 2 decimalen, zonder duizendtalscheiding of teken)"
        )
    heel, decimalen = match.groups()
    waarde = Decimal(f"{heel}.{decimalen or '0'}")
    if waarde > HONDERD:
        return None, f"{tekst.strip()!r} is meer dan 100 procent"
    return waarde, None


def _schooljaar(rij: f.Rij) -> list[f.Fout]:
    try:
        Schooljaar.van_naam(str(rij["schooljaar"]))
    except ValueError as fout:
        return [("schooljaar", str(fout))]
    return []


def _percentage(rij: f.Rij) -> list[f.Fout]:
    _, melding = lees_percentage(str(rij["percentage"]))
    return [("percentage", melding)] if melding else []


BENCHMARK = f.Bestand(
    naam="benchmark.csv",
    kolommen=(
        f.Kolom("bron", max_lengte=100),
        f.Kolom("schooljaar", max_lengte=9),
        f.Kolom("kengetal", f.CODE, codes=KENGETAL_LABELS, max_lengte=32),
        f.Kolom("percentage", max_lengte=20),
    ),
    sleutel=("bron", "schooljaar", "kengetal"),
    regels=(_schooljaar, _percentage),
)


class OngeldigBenchmarkbestand(Exception):
    """The file has errors; nothing was stored. `regels()`: `bestand:regel: kolom: melding`."""

    def __init__(self, fouten: Foutenlijst) -> None:
        self.fouten = fouten
        super().__init__(f"{fouten.aantal} fout(en)")

    def regels(self) -> list[str]:
        return self.fouten.regels()


@dataclass(frozen=True)
class Resultaat:
    nieuw: int
    #: Already stored with another percentage: replaced.
    vervangen: int
    #: Already stored with the same percentage.
    ongewijzigd: int


Sleutel = tuple[str, str, str]


# --- owners -------------------------------------------------------------------------------


class OngeldigeEigenaars(ValueError):
    """The gemeenten that would own the figures are none, or not in the register."""


def _alle_codes() -> frozenset[str]:
    return frozenset(Gemeente.objects.values_list("code", flat=True))


def eigenaarssleutel(gemeenten: Collection[str] | None) -> str:
    """How `Benchmarkcijfer.eigenaars` stores these owners: ALLE_GEMEENTEN for None (every
    gemeente, also one added later), else the sorted codes. No gemeente at all is refused:
    such a figure would be in no report, yet removable by every teammanager."""
    if gemeenten is None:
        return ALLE_GEMEENTEN
    codes = sorted(set(gemeenten))
    if not codes:
        raise OngeldigeEigenaars(
            "geen gemeente: benchmarkcijfers horen bij de gemeenten van wie ze inleest"
        )
    if onbekend := sorted(set(codes) - _alle_codes()):
        raise OngeldigeEigenaars(f"onbekende gemeente(n): {', '.join(onbekend)}")
    return gebied_sleutel(codes)


def eigenaars_van(sleutel: str) -> frozenset[str] | None:
    """The owning gemeenten of a stored key; None for every gemeente."""
    return None if sleutel == ALLE_GEMEENTEN else frozenset(sleutel.split(","))


def geldt_voor(sleutel: str, gebied: Collection[str]) -> bool:
    """Whether a report over `gebied` may use a figure with these owners: every gemeente
    of the report is an owner."""
    eigenaars = eigenaars_van(sleutel)
    return eigenaars is None or set(gebied) <= eigenaars


def mag_bewerken(sleutel: str, gemeenten: Collection[str], alle: Collection[str]) -> bool:
    """Whether a user working for `gemeenten` may remove figures with these owners: they
    have authority over every owner. A figure of every gemeente only if the user works for
    every gemeente in the register (`alle`)."""
    eigenaars = eigenaars_van(sleutel)
    if eigenaars is None:
        return bool(alle) and set(alle) <= set(gemeenten)
    return eigenaars <= set(gemeenten)


def _specifiek(sleutel: str, ingelezen_op: datetime) -> tuple:
    """Sort key of figures for the same bron, schooljaar and kengetal that all apply: the
    fewest owners first (the most specific), every gemeente last; between equally many
    owners the newest upload, then the key itself, so the choice never depends on the
    database's order."""
    eigenaars = eigenaars_van(sleutel)
    if eigenaars is None:
        return (1, 0, -ingelezen_op.timestamp(), sleutel)
    return (0, len(eigenaars), -ingelezen_op.timestamp(), sleutel)


def lees(pad: Path, *, max_fouten: int = STANDAARD_MAXIMUM) -> dict[Sleutel, Decimal]:
    """The figures of the file by (bron, schooljaar, kengetal); raise on any error."""
    pad = Path(pad)
    naam = pad.name
    fouten = Foutenlijst(max_fouten)
    if not pad.is_file():
        fouten.voeg_toe(naam, 1, "", "bestand bestaat niet of is geen bestand")
        raise OngeldigBenchmarkbestand(fouten)
    lezer = Bestandslezer(replace(BENCHMARK, naam=naam), fouten)
    cijfers: dict[Sleutel, Decimal] = {}
    regel_van: dict[Sleutel, int] = {}
    with pad.open("rb") as invoer:
        for regel, rij in lezer.rijen(invoer):
            sleutel = (str(rij["bron"]), str(rij["schooljaar"]), str(rij["kengetal"]))
            if sleutel in regel_van:
                fouten.voeg_toe(
                    naam,
                    regel,
                    "kengetal",
                    f"{sleutel[2]} van {sleutel[0]} voor {sleutel[1]} staat ook op regel "
                    f"{regel_van[sleutel]}",
                )
                continue
            regel_van[sleutel] = regel
            waarde, _ = lees_percentage(str(rij["percentage"]))
            assert waarde is not None  # the row rule refused every other value
            cijfers[sleutel] = waarde
    if not fouten and not cijfers:
        fouten.voeg_toe(naam, 1, "", "het bestand bevat geen cijfers, alleen een kopregel")
    if fouten:
        raise OngeldigBenchmarkbestand(fouten)
    return cijfers


def importeer(
    pad: Path,
    *,
    door: str,
    gemeenten: Collection[str] | None,
    max_fouten: int = STANDAARD_MAXIMUM,
) -> Resultaat:
    """Read `pad` and store its figures in one transaction (all or nothing), owned by
    `gemeenten` (None: every gemeente). Required, not defaulted: the web app must pass the
    uploader's gemeenten, and forgetting them must not silently mean "every gemeente"."""
    eigenaars = eigenaarssleutel(gemeenten)
    cijfers = lees(pad, max_fouten=max_fouten)
    nu = timezone.now()
    with transaction.atomic():
        bestaand = {
            (c.bron, c.schooljaar, c.kengetal): c
            for c in Benchmarkcijfer.objects.select_for_update().filter(
                eigenaars=eigenaars,
                bron__in={s[0] for s in cijfers},
                schooljaar__in={s[1] for s in cijfers},
            )
        }
        nieuw: list[Benchmarkcijfer] = []
        bijwerken: list[Benchmarkcijfer] = []
        vervangen = 0
        for (bron, schooljaar, kengetal), percentage in cijfers.items():
            cijfer = bestaand.get((bron, schooljaar, kengetal))
            if cijfer is None:
                nieuw.append(
                    Benchmarkcijfer(
                        bron=bron,
                        eigenaars=eigenaars,
                        schooljaar=schooljaar,
                        kengetal=kengetal,
                        percentage=percentage,
                        ingelezen_op=nu,
                        ingelezen_door=door,
                    )
                )
                continue
            if cijfer.percentage != percentage:
                vervangen += 1
            cijfer.percentage, cijfer.ingelezen_op, cijfer.ingelezen_door = percentage, nu, door
            bijwerken.append(cijfer)
        Benchmarkcijfer.objects.bulk_create(nieuw)
        Benchmarkcijfer.objects.bulk_update(
            bijwerken, ["percentage", "ingelezen_op", "ingelezen_door"]
        )
        resultaat = Resultaat(len(nieuw), vervangen, len(bijwerken) - vervangen)
        registreer(
            "importeren",
            object_type="benchmark",
            toelichting={
                "nieuw": resultaat.nieuw,
                "vervangen": resultaat.vervangen,
                "ongewijzigd": resultaat.ongewijzigd,
                "bronnen": sorted({s[0] for s in cijfers}),
                "schooljaren": sorted({s[1] for s in cijfers}),
                "gemeenten": _als_toelichting(eigenaars),
            },
        )
    return resultaat


def _als_toelichting(eigenaars: str) -> list[str] | str:
    """The owners in the audit log: gemeente codes (no personal data), or "alle"."""
    codes = eigenaars_van(eigenaars)
    return "alle" if codes is None else sorted(codes)


#: A stored figure as `kies` weighs it: (key, owners, when read in, percentage).
Kandidaat = tuple[Sleutel, str, datetime, float]


def kies(kandidaten: Iterable[Kandidaat], gemeenten: Collection[str]) -> dict[Sleutel, float]:
    """Of `kandidaten`, per (bron, schooljaar, kengetal) the figure a report over
    `gemeenten` shows: only figures owned by every gemeente of the report, and of those
    the most specific (`_specifiek`). Pure, so the rule is tested on its own."""
    gebied = frozenset(gemeenten)
    if not gebied:
        return {}
    gekozen: dict[Sleutel, tuple[tuple, float]] = {}
    for sleutel, eigenaars, ingelezen_op, waarde in kandidaten:
        if not geldt_voor(eigenaars, gebied):
            continue
        rang = _specifiek(eigenaars, ingelezen_op)
        if sleutel not in gekozen or rang < gekozen[sleutel][0]:
            gekozen[sleutel] = (rang, waarde)
    return {sleutel: waarde for sleutel, (_, waarde) in gekozen.items()}


def benchmark_voor(schooljaren: Iterable[str], gemeenten: Collection[str]) -> dict[Sleutel, float]:
    """The figures a report over `gemeenten` may show for these school years, (bron,
    schooljaar, kengetal) -> percentage, as the jaarverslag's `Bron.benchmark` takes them.

    A teammanager's upload changes the reports of their own gemeenten and never a report
    that includes a gemeente they do not work for (`kies`)."""
    rijen = Benchmarkcijfer.objects.filter(schooljaar__in=list(schooljaren)).values_list(
        "bron", "schooljaar", "kengetal", "eigenaars", "ingelezen_op", "percentage"
    )
    return kies(
        (((b, j, k), eigenaars, op, float(p)) for b, j, k, eigenaars, op, p in rijen), gemeenten
    )


# --- what a user may remove -----------------------------------------------------------------


@dataclass(frozen=True)
class Levering:
    """The figures of one bron and school year read in for one set of owners: what the
    benchmark page lists and removes as a whole (a publication, as it was uploaded)."""

    #: The smallest id of its figures: the address of the removal page.
    id: int
    eigenaars: str
    bron: str
    schooljaar: str
    #: (kengetal label, percentage) in the order of the kengetallen.
    cijfers: tuple[tuple[str, Decimal], ...]
    ingelezen_op: datetime

    @property
    def voor_alle_gemeenten(self) -> bool:
        return self.eigenaars == ALLE_GEMEENTEN

    @property
    def gemeenten(self) -> list[str]:
        return sorted(eigenaars_van(self.eigenaars) or ())


def _leveringen(rijen: Iterable[Benchmarkcijfer]) -> list[Levering]:
    volgorde = {code: i for i, code in enumerate(KENGETAL_LABELS)}
    groepen: dict[tuple[str, str, str], list[Benchmarkcijfer]] = {}
    for rij in rijen:
        groepen.setdefault((rij.eigenaars, rij.bron, rij.schooljaar), []).append(rij)
    leveringen = [
        Levering(
            id=min(r.pk for r in groep),
            eigenaars=eigenaars,
            bron=bron,
            schooljaar=schooljaar,
            cijfers=tuple(
                (KENGETAL_LABELS[r.kengetal], r.percentage)
                for r in sorted(groep, key=lambda r: volgorde[r.kengetal])
            ),
            ingelezen_op=max(r.ingelezen_op for r in groep),
        )
        for (eigenaars, bron, schooljaar), groep in groepen.items()
    ]
    # Newest school year first; within it by bron, then owners (the stable second sort).
    leveringen.sort(key=lambda lv: (lv.bron.lower(), lv.bron, lv.eigenaars))
    return sorted(leveringen, key=lambda lv: lv.schooljaar, reverse=True)


def bewerkbare_leveringen(gemeenten: Collection[str]) -> list[Levering]:
    """The uploads a user working for `gemeenten` may remove, newest school year first.
    Nothing of other owners: their bronnen and gemeenten are not this user's business."""
    alle = _alle_codes()
    return _leveringen(
        r for r in Benchmarkcijfer.objects.all() if mag_bewerken(r.eigenaars, gemeenten, alle)
    )


def bewerkbare_levering(id_: int, gemeenten: Collection[str]) -> Levering | None:
    """The upload that figure `id_` belongs to, if this user may remove it; else None (the
    view answers 404 either way: nothing tells another team's upload from none)."""
    cijfer = Benchmarkcijfer.objects.filter(pk=id_).first()
    if cijfer is None or not mag_bewerken(cijfer.eigenaars, gemeenten, _alle_codes()):
        return None
    rijen = Benchmarkcijfer.objects.filter(
        eigenaars=cijfer.eigenaars, bron=cijfer.bron, schooljaar=cijfer.schooljaar
    )
    return _leveringen(rijen)[0]


def verwijder(levering: Levering) -> list[str]:
    """Remove the figures of `levering` (only those: same owners, bron and school year);
    return the kengetal codes removed. The caller writes the audit entry in the same
    transaction."""
    rijen = Benchmarkcijfer.objects.select_for_update().filter(
        eigenaars=levering.eigenaars, bron=levering.bron, schooljaar=levering.schooljaar
    )
    kengetallen = sorted(rijen.values_list("kengetal", flat=True))
    rijen.delete()
    return kengetallen


def verwijder_toelichting(levering: Levering, kengetallen: list[str]) -> dict:
    """What the audit log keeps of a removal: the publication, never who is in it."""
    return {
        "bron": levering.bron,
        "schooljaar": levering.schooljaar,
        "gemeenten": _als_toelichting(levering.eigenaars),
        "kengetallen": kengetallen,
    }
