"""Benchmark figures: percentages of the leerlingen published by other regions and the
country, read in from a small CSV file and shown beside the region's own in the jaarverslag.

    bron;schooljaar;kengetal;percentage
    Landelijk;2024-2025;absoluut_verzuim;0,12

The layout is documented in docs/gebruikers/jaarverslag.md ("Benchmark"). Read with the
exchange format's reader (`uitwisseling.lezer.Bestandslezer`: UTF-8 with or without BOM,
";" or "," sniffed from the header), so errors read `bestand:regel: kolom: melding` like
every other import. All or nothing: one error and nothing is stored. A figure already
stored for the same bron, schooljaar and kengetal is replaced (a corrected publication).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein import uitwisselformaat as f
from leerplicht.domein.kengetallen import KENGETAL_LABELS
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.uitwisseling.fouten import STANDAARD_MAXIMUM, Foutenlijst
from leerplicht.uitwisseling.lezer import Bestandslezer

from .models import Benchmarkcijfer

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


def importeer(pad: Path, *, door: str, max_fouten: int = STANDAARD_MAXIMUM) -> Resultaat:
    """Read `pad` and store its figures in one transaction (all or nothing)."""
    cijfers = lees(pad, max_fouten=max_fouten)
    nu = timezone.now()
    with transaction.atomic():
        bestaand = {
            (c.bron, c.schooljaar, c.kengetal): c
            for c in Benchmarkcijfer.objects.select_for_update().filter(
                bron__in={s[0] for s in cijfers}, schooljaar__in={s[1] for s in cijfers}
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
            },
        )
    return resultaat


def benchmark_voor(schooljaren: Iterable[str]) -> dict[Sleutel, float]:
    """The stored figures of these school years, (bron, schooljaar, kengetal) -> percentage,
    as the jaarverslag's `Bron.benchmark` takes them."""
    return {
        (bron, schooljaar, kengetal): float(percentage)
        for bron, schooljaar, kengetal, percentage in Benchmarkcijfer.objects.filter(
            schooljaar__in=list(schooljaren)
        ).values_list("bron", "schooljaar", "kengetal", "percentage")
    }
