"""Nederlandse getalnotatie voor mensen: 1.209 en 12,17% (figures.md)."""

from __future__ import annotations


def getal(waarde: int) -> str:
    """1209 -> "1.209"."""
    return f"{waarde:,}".replace(",", ".")


def procent(waarde: float | None, *, teken: bool = False) -> str:
    """12.17 -> "12,17%"; with `teken` a "+" for rises ("+28,16%"); None -> ""."""
    if waarde is None:
        return ""
    tekst = f"{waarde:+,.2f}" if teken else f"{waarde:,.2f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".") + "%"
