"""Percentages en veranderingen zoals de cijfers ze tonen (figures.md).

Rounded half up to 2 decimals, the way a reader checks a report by hand
(4.8907... gives 4.89; 28.155... gives 28.16). Python's round() on floats
rounds half to even and drifts on binary fractions, so Decimal is used.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_HONDERDSTE = Decimal("0.01")


def afgerond(waarde: Decimal) -> float:
    """Half up (away from zero for negatives: -0.125 gives -0.13, as 0.125 gives 0.13).

    A tiny negative value rounds to -0.00, which would show as "-0,00%" and as
    -0.0 in JSON; it is returned as 0.0.
    """
    uitkomst = float(waarde.quantize(_HONDERDSTE, rounding=ROUND_HALF_UP))
    return uitkomst if uitkomst != 0 else 0.0


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
