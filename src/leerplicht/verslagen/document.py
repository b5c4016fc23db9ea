"""The jaarverslag as a document, before it is any format.

One builder (`jaarverslag.bouw_jaarverslag`) turns the rapporten of three school years into
a `Verslag`; every format (HTML in the web app and as a file, PDF, XLSX, CSV) only lays out
this one object. So the formats cannot disagree: they show the same cells, and every
number cell says where in the rapport JSON it comes from (`Cel.bron`), which the
acceptance test follows back to `leerplicht rapport --format json`.

Pure Python: no Django, no formatting (the renderers format with `domein.formattering`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

#: A path into the rapporten: (schooljaar, gemeente code or "totaal", section, key, ...),
#: e.g. ("2024-2025", "GM0225", "werkprocessen", "relatief_verzuim").
Pad = tuple[str, ...]


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


@dataclass(frozen=True)
class Cel:
    waarde: int | float | None
    soort: Soort = Soort.AANTAL
    #: Where the number is in the rapport JSON (AANTAL, PROCENT).
    bron: Pad | None = None
    #: (nieuw, oud) paths a VERANDERING is computed from; (deel, geheel) of an AANDEEL.
    uit: tuple[Pad, Pad] | None = None


@dataclass(frozen=True)
class Rij:
    kop: str
    cellen: tuple[Cel, ...]
    #: A total row (shown bold, kept with the table; never re-summed by a renderer).
    totaal: bool = False


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

    def __post_init__(self) -> None:
        for rij in self.rijen:
            if len(rij.cellen) != len(self.kolommen):
                raise ValueError(f"tabel {self.id}: rij {rij.kop!r} past niet bij de kolommen")


class Grafieksoort(StrEnum):
    #: Bars per category (e.g. per gemeente), one colour per series.
    STAAF = "staaf"
    #: Lines over school years.
    LIJN = "lijn"
    #: Horizontal bars of one series: a distribution (e.g. meldingen per soort).
    VERDELING = "verdeling"


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: tuple[int | float | None, ...]


@dataclass(frozen=True)
class Grafiek:
    id: str
    titel: str
    soort: Grafieksoort
    #: The x-axis (bars, lines) or the bars (distribution).
    categorieen: tuple[str, ...]
    reeksen: tuple[Reeks, ...]
    #: The text alternative: what the chart shows, in words (WCAG 1.1.1).
    tekstalternatief: str
    #: The unit of the values, for the axis: "aantal" or "procent".
    eenheid: str = "aantal"
    #: The table with the same numbers (charts never carry numbers of their own).
    tabel_id: str = ""

    def __post_init__(self) -> None:
        for reeks in self.reeksen:
            if len(reeks.waarden) != len(self.categorieen):
                raise ValueError(f"grafiek {self.id}: reeks {reeks.naam!r} past niet")


@dataclass(frozen=True)
class Tekstblok:
    """A text the team edits before publishing: generated draft sentences, or their own
    introduction. `concept` is what the numbers say; `tekst` what is published (the
    edited text, or the concept while nobody edited it)."""

    id: str
    titel: str
    concept: str
    tekst: str
    bewerkt: bool = False


Onderdeel = Tabel | Grafiek | Tekstblok


@dataclass(frozen=True)
class Hoofdstuk:
    id: str
    titel: str
    onderdelen: tuple[Onderdeel, ...]


@dataclass(frozen=True)
class Verslag:
    titel: str
    #: "Regio Rivierenland" or the gemeente's name.
    gebied: str
    #: The gemeente codes the figures cover (one for a gemeente's report).
    gemeenten: tuple[str, ...]
    schooljaar: str
    #: The school years shown beside each other, oldest first (e.g. three).
    schooljaren: tuple[str, ...]
    peildatum: str
    hoofdstukken: tuple[Hoofdstuk, ...]
    #: Where the figures come from, for the colophon ("leerplicht rapport ...").
    verantwoording: tuple[str, ...] = field(default_factory=tuple)

    def tabellen(self) -> Iterator[tuple[Hoofdstuk, Tabel]]:
        for hoofdstuk in self.hoofdstukken:
            for onderdeel in hoofdstuk.onderdelen:
                if isinstance(onderdeel, Tabel):
                    yield hoofdstuk, onderdeel

    def grafieken(self) -> Iterator[tuple[Hoofdstuk, Grafiek]]:
        for hoofdstuk in self.hoofdstukken:
            for onderdeel in hoofdstuk.onderdelen:
                if isinstance(onderdeel, Grafiek):
                    yield hoofdstuk, onderdeel

    def tekstblokken(self) -> Iterator[Tekstblok]:
        for hoofdstuk in self.hoofdstukken:
            for onderdeel in hoofdstuk.onderdelen:
                if isinstance(onderdeel, Tekstblok):
                    yield onderdeel
