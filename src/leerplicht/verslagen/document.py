"""The jaarverslag as a document, before it is any format.

One builder (`jaarverslag.bouw_jaarverslag`) turns the rapporten of three school years into
a `Verslag`; every format (HTML in the web app and as a file, PDF, XLSX, CSV) only lays out
this one object. So the formats cannot disagree: they show the same cells, and every
number cell says where in the rapport JSON it comes from (`Cel.bron`), which the
acceptance test follows back to `leerplicht rapport --format json`. The tables are the
one table model of the figures (`cijfers.tabel`: `Tabel`, `Rij`, `Cel`, `Soort`), the
same the dashboard and the Doorstroompunt's figures show.

Pure Python: no Django, no formatting (the renderers format with `domein.formattering`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from leerplicht.cijfers.tabel import Tabel


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
