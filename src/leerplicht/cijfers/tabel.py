"""The one table model of the figures: a table of cells read from rapporten by their path.

Every screen and file with figures (the dashboard, the jaarverslag in HTML, PDF, XLSX and
CSV, the Doorstroompunt's figures) lays out `Tabel`s of `Cel`s. A number cell knows where
it comes from in the rapport JSON (`Cel.bron`: school year, gemeente code or "totaal",
section, key, ...), a computed cell the paths it is computed from (`Cel.uit`), so every
format and the drill-down read the same thing, and a test can follow any cell back to
`leerplicht rapport --format json`. Nothing is counted here: a cell holds a value of the
rapport, or a change, share or sum of a few of them.

Pure Python (no Django). Texts in Dutch notation (`domein.formattering`); a format that
keeps numbers as numbers (XLSX, CSV) reads `Cel.waarde` and `Cel.soort`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from leerplicht.domein.formattering import getal, procent

#: The key of the sum over the gemeenten of a rapport.
TOTAAL = "totaal"
#: A path into the rapport JSON: below a gemeente's part (("werkprocessen", "totaal")), or
#: from the top with the school year and the gemeente in front
#: (("2024-2025", "GM0225", "werkprocessen", "relatief_verzuim")).
Pad = tuple[str, ...]
Waarde = int | float | None

#: For screen readers, in an empty cell.
NIET_BESCHIKBAAR = "niet beschikbaar"
GEEN_PERCENTAGE = "geen percentage"


class Soort(StrEnum):
    #: A count from the rapport (an integer).
    AANTAL = "aantal"
    #: A percentage from the rapport (e.g. werkprocessen.percentage_leerlingen).
    PROCENT = "procent"
    #: The change between two counts, (nieuw - oud) / oud × 100 (figures.md); None when
    #: oud is 0. Not in the JSON: computed from the two cells named in `uit`.
    VERANDERING = "verandering"
    #: A percentage published by another region or the country (benchmark import).
    EXTERN_PROCENT = "extern_procent"
    #: A share of the leerlingen, percentage(deel, geheel) (domein.percentage); None without
    #: leerlingen. Not in the JSON: computed from the two cells named in `uit`.
    AANDEEL = "aandeel"


def knoop_op(knoop: object, pad: Pad) -> object:
    """What is at `pad` below `knoop` (a number, a dict, ...); None where a key is missing
    (a rapport frozen before that figure existed)."""
    for sleutel in pad:
        if not isinstance(knoop, dict) or sleutel not in knoop:
            return None
        knoop = knoop[sleutel]
    return knoop


def getal_op(knoop: object, pad: Pad) -> Waarde:
    """The number at `pad` below `knoop`; None where there is none."""
    waarde = knoop_op(knoop, pad)
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return None
    return waarde


def opgemaakt(waarde: Waarde, soort: Soort) -> str:
    """A value as people read it: "1.209", "12,17%", "+28,16%"; "" for no value."""
    if waarde is None:
        return ""
    if soort is Soort.VERANDERING:
        return procent(float(waarde), teken=True)
    if soort in (Soort.PROCENT, Soort.EXTERN_PROCENT, Soort.AANDEEL):
        return procent(float(waarde))
    return getal(int(waarde))


@dataclass(frozen=True)
class Cel:
    waarde: Waarde
    soort: Soort = Soort.AANTAL
    #: Where the number is in the rapport JSON (AANTAL, PROCENT): from the school year.
    bron: Pad | None = None
    #: The paths a computed value comes from: (nieuw, oud) of a VERANDERING, (deel, geheel)
    #: of an AANDEEL, the parts of a sum.
    uit: tuple[Pad, ...] | None = None
    #: A drill-down link to what the number counts (only for users who may see it).
    link: str = ""
    #: For screen readers only, in an empty cell ("niet beschikbaar", "geen percentage").
    uitleg: str = ""

    @property
    def tekst(self) -> str:
        return opgemaakt(self.waarde, self.soort)


def lees_cel(rapporten: Mapping[str, dict], pad: Pad, soort: Soort = Soort.AANTAL) -> Cel:
    """The cell at `pad` (school year, gemeente code or TOTAAL, section, key, ...) of
    `rapporten` (school year name -> maak_rapport)."""
    jaar, code, *rest = pad
    waarde = getal_op(rapporten[jaar]["gemeenten"].get(code), tuple(rest))
    return Cel(waarde, soort, bron=pad, uitleg="" if waarde is not None else leeg(soort))


def leeg(soort: Soort) -> str:
    """Why a cell of this kind is empty, for screen readers."""
    return GEEN_PERCENTAGE if soort is Soort.PROCENT else NIET_BESCHIKBAAR


@dataclass(frozen=True)
class Rij:
    kop: str
    cellen: tuple[Cel, ...]
    #: A total row (shown bold, or in the table's foot; never re-summed by a format).
    totaal: bool = False


@dataclass(frozen=True)
class Kolom:
    tekst: str
    #: Added for screen readers only (e.g. the school year behind "Vorig jaar").
    voor_schermlezers: str = ""


@dataclass(frozen=True)
class Tabel:
    #: Stable id, e.g. "werkprocessen-per-gemeente" (anchors, XLSX sheet cells, CSV).
    id: str
    titel: str
    #: The header of the row-label column, e.g. "Werkproces".
    rijkop: str
    #: The headers of the value columns, e.g. gemeente names or school years.
    kolommen: tuple[str, ...]
    rijen: tuple[Rij, ...]
    #: One plain sentence under the table (what is counted; figures.md in words).
    toelichting: str = ""
    #: Names above groups of columns (equally wide); empty: one header row.
    kolomgroepen: tuple[str, ...] = ()
    #: Per column, text for screen readers added to its header; empty: none.
    schermlezers: tuple[str, ...] = ()
    #: Said when a school type is chosen and this table does not follow it (fully).
    filteruitleg: str = ""

    def __post_init__(self) -> None:
        for rij in self.rijen:
            if len(rij.cellen) != len(self.kolommen):
                raise ValueError(f"tabel {self.id}: rij {rij.kop!r} past niet bij de kolommen")

    @property
    def koppen(self) -> tuple[Kolom, ...]:
        extra = self.schermlezers or ("",) * len(self.kolommen)
        return tuple(Kolom(t, s) for t, s in zip(self.kolommen, extra, strict=True))

    @property
    def groepsbreedte(self) -> int:
        return len(self.kolommen) // max(1, len(self.kolomgroepen))

    @property
    def voet(self) -> Rij | None:
        """The closing total row, for a table foot (a screen shows it there)."""
        return self.rijen[-1] if self.rijen and self.rijen[-1].totaal else None

    @property
    def lichaam(self) -> tuple[Rij, ...]:
        """The rows above the foot."""
        return self.rijen[:-1] if self.voet else self.rijen

    @property
    def ontbreekt(self) -> bool:
        """Whether a value is missing from the rapport (frozen before it was counted)."""
        return any(c.uitleg == NIET_BESCHIKBAAR for r in self.rijen for c in r.cellen)
