"""Doorlooptijden: median and 90th percentile of lead times in days (the team view).

The median is the usual one (mean of the two middle values for an even count); the
percentile is the nearest-rank percentile (always one of the measured values), so
"90% van de zaken binnen N dagen" is literally true.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass


def percentiel(waarden: Iterable[float], p: float) -> float | None:
    """Nearest-rank percentile `p` (0 < p <= 100); None for no values."""
    if not 0 < p <= 100:
        raise ValueError(f"percentiel {p} ligt niet tussen 0 en 100")
    rij = sorted(waarden)
    if not rij:
        return None
    rang = math.ceil(p / 100 * len(rij))
    return rij[max(rang, 1) - 1]


def mediaan(waarden: Iterable[float]) -> float | None:
    rij = list(waarden)
    return statistics.median(rij) if rij else None


@dataclass(frozen=True)
class Samenvatting:
    aantal: int
    mediaan: float | None
    p90: float | None


def samenvatting(waarden: Iterable[float]) -> Samenvatting:
    rij = sorted(waarden)
    return Samenvatting(len(rij), mediaan(rij), percentiel(rij, 90))


def dagen_tekst(waarde: float | None) -> str:
    """12 -> "12", 12.5 -> "12,5", None -> "-" (Dutch decimals)."""
    if waarde is None:
        return "-"
    if float(waarde).is_integer():
        return f"{int(waarde):,}".replace(",", ".")
    return f"{waarde:.1f}".replace(".", ",")
