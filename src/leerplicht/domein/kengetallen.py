"""Kengetallen: shares of the leerlingen that regions and the country publish, so a region
can put its own figures beside theirs (the benchmark of the jaarverslag).

Each kengetal is one count of the rapport (a single key: never a sum, so the number is
exactly one cell of `leerplicht rapport --format json`) divided by the leerlingen on the
peildatum (`leerlingen.totaal`), as `domein.percentage.percentage`: rounded half up to 2
decimals, None without leerlingen. `werkprocessen` is therefore the rapport's own
`werkprocessen.percentage_leerlingen`.

The codes are the contract of the benchmark import (docs/gebruikers/jaarverslag.md,
"Benchmark"): a published figure is only comparable when it counts the same thing.

Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from leerplicht.domein.percentage import percentage

#: A path below a gemeente (or "totaal") in the rapport JSON.
Pad = tuple[str, ...]

#: The whole every kengetal is a share of: leerlingen on the peildatum.
GEHEEL: Pad = ("leerlingen", "totaal")


@dataclass(frozen=True)
class Kengetal:
    code: str
    #: Dutch, as a row header ("Absoluut verzuim"); the unit is always "% van de leerlingen".
    label: str
    #: The numerator in the rapport.
    deel: Pad


KENGETALLEN: tuple[Kengetal, ...] = (
    Kengetal("werkprocessen", "Werkprocessen", ("werkprocessen", "totaal")),
    Kengetal(
        "absoluut_verzuim",
        "Absoluut verzuim",
        ("leerplichttelling", "absoluut_verzuim", "totaal"),
    ),
    Kengetal(
        "relatief_verzuim",
        "Relatief verzuim",
        ("leerplichttelling", "relatief_verzuim", "totaal"),
    ),
    Kengetal(
        "langdurig_relatief_verzuim",
        "Langdurig relatief verzuim",
        ("leerplichttelling", "langdurig_relatief_verzuim", "totaal"),
    ),
    Kengetal("luxe_verzuim", "Luxe verzuim", ("leerplichttelling", "luxe_verzuim", "totaal")),
    Kengetal(
        "thuiszitters_nieuw",
        "Nieuwe thuiszitters",
        ("leerplichttelling", "thuiszitters_nieuw", "totaal"),
    ),
    # Art. 5 onder a is the vrijstelling regions and OCW publish as a share; a sum over all
    # articles would be a number that no rapport cell holds.
    Kengetal(
        "vrijstelling_5a",
        "Vrijstelling art. 5 onder a",
        ("leerplichttelling", "vrijstelling_5a", "totaal"),
    ),
    Kengetal("halt", "Halt-verwijzingen", ("handhaving", "halt")),
    Kengetal("proces_verbaal", "Processen-verbaal", ("handhaving", "proces_verbaal", "totaal")),
)

#: code -> label, in the order of the report (for code lists, choices and CHECK constraints).
KENGETAL_LABELS: dict[str, str] = {k.code: k.label for k in KENGETALLEN}
KENGETAL_OP_CODE: dict[str, Kengetal] = {k.code: k for k in KENGETALLEN}


def waarde_op(cijfers: Mapping, pad: Pad) -> int:
    """The count at `pad` in the figures of one gemeente (or the totaal) of a rapport."""
    knoop = cijfers
    for deel in pad:
        knoop = knoop[deel]
    return knoop  # type: ignore[return-value]


def aandeel(cijfers: Mapping, kengetal: Kengetal) -> float | None:
    """The kengetal as a percentage of the leerlingen; None without leerlingen."""
    return percentage(waarde_op(cijfers, kengetal.deel), waarde_op(cijfers, GEHEEL))
