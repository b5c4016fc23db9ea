"""Nederlandse getalnotatie voor mensen: 1.209 en 12,17% (figures.md)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

_HONDERDSTE = Decimal("0.01")


def getal(waarde: int) -> str:
    """1209 -> "1.209"."""
    return f"{waarde:,}".replace(",", ".")


def procent(waarde: float | None, *, teken: bool = False) -> str:
    """12.17 -> "12,17%"; with `teken` a "+" for rises ("+28,16%"); None -> "".

    Rounded half up to 2 decimals like `percentage.afgerond` (0.125 -> "0,13%"),
    from the shortest decimal form of the float; a float format would round half
    to even on the binary value (0.125 -> "0,12%", 2.675 -> "2,67%"). Zero never
    shows a minus sign.
    """
    if waarde is None:
        return ""
    afgerond = Decimal(repr(waarde)).quantize(_HONDERDSTE, rounding=ROUND_HALF_UP)
    if afgerond == 0:
        afgerond = abs(afgerond)  # -0.00 -> 0.00
    tekst = f"{afgerond:+,.2f}" if teken else f"{afgerond:,.2f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".") + "%"


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip


def datum_tekst(d: date) -> str:
    """date(2025, 3, 5) -> "5 maart 2025" (how letters, messages and reports write a date)."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
