"""What the `leerplicht` commands share: reading a date or school year from an option with
a Dutch message, and writing an output file whole or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import CommandError

from leerplicht.domein.schooljaar import Schooljaar


def datum_optie(tekst: str | None, optie: str = "--peildatum") -> date | None:
    """`2025-03-05` -> a date; empty -> None (the command's default, usually today)."""
    if not tekst:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"{optie}: {tekst!r} is geen datum (verwacht JJJJ-MM-DD).") from None


def schooljaar_optie(tekst: str) -> Schooljaar:
    try:
        return Schooljaar.van_naam(tekst)
    except ValueError as fout:
        raise CommandError(str(fout)) from None


def schrijf_heel(pad: Path, inhoud: bytes) -> None:
    """Whole or not at all: a half-written file never stands where a scheduled run expects
    the last good one (written beside it, then renamed in one step)."""
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_name(pad.name + ".deel")
        tijdelijk.write_bytes(inhoud)
        tijdelijk.replace(pad)
    except OSError as fout:
        raise CommandError(f"{pad}: kan niet schrijven ({fout.strerror})") from None
