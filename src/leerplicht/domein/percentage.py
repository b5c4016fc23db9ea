"""Percentages en veranderingen zoals de cijfers ze tonen (figures.md).

Rounded half up to 2 decimals, the way a reader checks a report by hand
(4.8907... gives 4.89; 28.155... gives 28.16). Python's round() on floats
rounds half to even and drifts on binary fractions, so Decimal is used.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_HONDERDSTE = Decimal("0.01")


def afgerond(waarde: Decimal) -> float:
    return float(waarde.quantize(_HONDERDSTE, rounding=ROUND_HALF_UP))


def percentage(deel: int, geheel: int) -> float | None:
    """`deel` / `geheel` × 100, rounded; None when `geheel` is 0."""
    if geheel == 0:
        return None
    return afgerond(Decimal(deel) * 100 / Decimal(geheel))


def verandering(nieuw: int, oud: int) -> float | None:
    """(nieuw - oud) / oud × 100, rounded; None (no percentage shown) when `oud` is 0."""
    if oud == 0:
        return None
    return afgerond(Decimal(nieuw - oud) * 100 / Decimal(oud))
