"""Tables and charts of the dashboard, laid out from rapporten (cijfers.rapport.maak_rapport).

Nothing is counted here: every number in a cell is a number of the rapport, or the sum of a
few of its numbers (a `Cijfer` with several paths, e.g. all meldingen over the soorten), so
the dashboard agrees with `leerplicht rapport`. Changes are `domein.percentage.verandering`,
texts `domein.formattering`. Pure Python (no Django): the view hands in the rapporten and
the function that makes a drill-down link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.percentage import verandering
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.document import Grafiek, Grafieksoort, Reeks

from .filters import Filter

TOTAAL = "totaal"
Pad = tuple[str, ...]
Waarde = int | float | None
#: (school year, gemeente code or "totaal", drill-down parameters) -> URL, or "" for no link.
Koppeling = Callable[[Schooljaar, str, tuple[tuple[str, str], ...]], str]


@dataclass(frozen=True)
class Cijfer:
    """One figure of a gemeente's part of the rapport: the value at `paden[0]`, or the sum
    of the values at `paden`. `doorklik`: the parameters of the list of werkprocessen it
    counts (type or resultaat, and groep), empty when it counts something else."""

    label: str
    paden: tuple[Pad, ...]
    soort: str = "aantal"  # or "percentage"
    doorklik: tuple[tuple[str, str], ...] = ()

    def waarde(self, deel: dict | None) -> Waarde:
        """None when a path is missing (a rapport frozen before the section existed)."""
        waarden = [_waarde(deel, pad) for pad in self.paden]
        if any(w is None for w in waarden):
            return None
        if len(waarden) == 1:
            return waarden[0]
        return sum(int(w) for w in waarden if w is not None)


def cijfer(label: str, *pad: str, **kw) -> Cijfer:
    return Cijfer(label, (tuple(pad),), **kw)


def som(label: str, paden: Sequence[Pad], **kw) -> Cijfer:
    return Cijfer(label, tuple(paden), **kw)


def _waarde(deel: dict | None, pad: Pad) -> Waarde:
    waarde: object = deel
    for sleutel in pad:
        if not isinstance(waarde, dict) or sleutel not in waarde:
            return None
        waarde = waarde[sleutel]
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return None
    return waarde


# --- cells, rows, tables -----------------------------------------------------------------


@dataclass(frozen=True)
class Cel:
    tekst: str
    #: A drill-down link (only for users who may see the werkprocessen behind it).
    link: str = ""
    #: Text for screen readers only, for an empty cell ("niet beschikbaar", "geen percentage").
    uitleg: str = ""


@dataclass(frozen=True)
class Kolom:
    tekst: str
    #: Added for screen readers only (e.g. the school year behind "Vorig jaar").
    voor_schermlezers: str = ""


@dataclass(frozen=True)
class Rij:
    kop: str
    cellen: tuple[Cel, ...]


@dataclass(frozen=True)
class Tabel:
    id: str
    titel: str
    toelichting: str
    rijkop: str
    #: Names above groups of columns; empty: one header row.
    kolomgroepen: tuple[str, ...]
    kolommen: tuple[Kolom, ...]
    rijen: tuple[Rij, ...]
    totaal: Rij | None = None
    #: Said when a school type is chosen and this table does not follow it (fully).
    filteruitleg: str = ""

    @property
    def groepsbreedte(self) -> int:
        return len(self.kolommen) // max(1, len(self.kolomgroepen))


@dataclass(frozen=True)
class Bron:
    """What a tab is built from: the filter, the rapporten of the last three school years
    (oldest first, over the chosen gemeenten) and the drill-down link maker."""

    filter: Filter
    rapporten: tuple[dict, dict, dict]
    koppeling: Koppeling

    @property
    def nu(self) -> dict:
        return self.rapporten[-1]

    @property
    def vorig(self) -> dict:
        return self.rapporten[-2]

    @property
    def jaar(self) -> Schooljaar:
        return self.filter.jaar

    @property
    def gemeenten(self) -> list[tuple[str, str]]:
        """(code, naam) of the gemeenten of the rapport, by name."""
        per = {c: g["naam"] for c, g in self.nu["gemeenten"].items() if c != TOTAAL}
        return sorted(per.items(), key=lambda cn: (cn[1], cn[0]))

    @property
    def meerdere(self) -> bool:
        return len(self.gemeenten) > 1

    @property
    def bereik(self) -> str:
        """Whose figures: the one gemeente's name, or "al uw gemeenten"."""
        if self.filter.gemeente:
            return self.nu["gemeenten"][self.filter.gemeente]["naam"]
        return "al uw gemeenten" if self.meerdere else self.gemeenten[0][1]

    def deel(self, rapport: dict, code: str = TOTAAL) -> dict | None:
        return rapport["gemeenten"].get(code)


def _tekst(waarde: Waarde, soort: str) -> str:
    if waarde is None:
        return ""
    return procent(waarde) if soort == "percentage" else getal(int(waarde))


def waardecel(b: Bron, c: Cijfer, rapport: dict, jaar: Schooljaar, code: str) -> Cel:
    waarde = c.waarde(b.deel(rapport, code))
    if waarde is None:
        uitleg = "geen percentage" if c.soort == "percentage" else "niet beschikbaar"
        return Cel("", uitleg=uitleg)
    link = b.koppeling(jaar, code, c.doorklik) if c.doorklik and waarde else ""
    return Cel(_tekst(waarde, c.soort), link=link)


def veranderingscel(c: Cijfer, nu: Waarde, vorig: Waarde) -> Cel:
    if c.soort != "aantal":
        return Cel("", uitleg="geen verandering bij een percentage")
    if nu is None or vorig is None:
        return Cel("", uitleg="niet beschikbaar")
    verschil = verandering(int(nu), int(vorig))
    if verschil is None:
        return Cel("", uitleg="geen percentage, vorig jaar 0")
    return Cel(procent(verschil, teken=True))


def _drie(b: Bron, c: Cijfer, code: str) -> tuple[Cel, Cel, Cel]:
    """This year, the year before, the change."""
    nu = waardecel(b, c, b.nu, b.jaar, code)
    vorig = waardecel(b, c, b.vorig, b.jaar.vorige(), code)
    return (
        nu,
        vorig,
        veranderingscel(c, c.waarde(b.deel(b.nu, code)), c.waarde(b.deel(b.vorig, code))),
    )


def jaarkolommen(b: Bron) -> tuple[Kolom, Kolom, Kolom]:
    return (
        Kolom(b.jaar.naam),
        Kolom("Vorig jaar", f" ({b.jaar.vorige().naam})"),
        Kolom("Verandering"),
    )


def vergelijking(
    b: Bron,
    id: str,
    titel: str,
    toelichting: str,
    rijkop: str,
    rijen: Sequence[Sequence[Cijfer]],
    *,
    kolomgroepen: Sequence[str] = (),
    totaal: Sequence[Cijfer] | None = None,
    filteruitleg: str = "",
) -> Tabel:
    """Rows of figures (one `Cijfer` per column group) over the chosen gemeenten together:
    this year, the year before, the change. The row header is the first Cijfer's label."""

    def rij(cijfers: Sequence[Cijfer], kop: str | None = None) -> Rij:
        cellen = tuple(cel for c in cijfers for cel in _drie(b, c, TOTAAL))
        return Rij(kop or cijfers[0].label, cellen)

    groepen = tuple(kolomgroepen) or ("",)
    return Tabel(
        id=id,
        titel=f"{titel}, {b.bereik}",
        toelichting=toelichting,
        rijkop=rijkop,
        kolomgroepen=tuple(kolomgroepen),
        kolommen=jaarkolommen(b) * len(groepen),
        rijen=tuple(rij(r) for r in rijen),
        totaal=rij(totaal) if totaal else None,
        filteruitleg=filteruitleg,
    )


def per_gemeente(
    b: Bron,
    id: str,
    titel: str,
    toelichting: str,
    cijfers: Sequence[Cijfer],
    *,
    filteruitleg: str = "",
) -> Tabel | None:
    """One row per gemeente, then the total of the rapport; None with only one gemeente."""
    if not b.meerdere:
        return None

    def rij(code: str, kop: str) -> Rij:
        return Rij(kop, tuple(cel for c in cijfers for cel in _drie(b, c, code)))

    return Tabel(
        id=id,
        titel=titel,
        toelichting=toelichting,
        rijkop="Gemeente",
        kolomgroepen=tuple(c.label for c in cijfers) if len(cijfers) > 1 else (),
        kolommen=jaarkolommen(b) * len(cijfers),
        rijen=tuple(rij(code, naam) for code, naam in b.gemeenten),
        totaal=rij(TOTAAL, "Totaal"),
        filteruitleg=filteruitleg,
    )


def kruistabel(
    b: Bron,
    id: str,
    titel: str,
    toelichting: str,
    rijkop: str,
    kolommen: Sequence[str],
    rijen: Sequence[tuple[str, Sequence[Cijfer]]],
    *,
    totaal: tuple[str, Sequence[Cijfer]] | None = None,
    filteruitleg: str = "",
) -> Tabel:
    """This school year only, over the chosen gemeenten together: one Cijfer per cell."""

    def rij(kop: str, cijfers: Sequence[Cijfer]) -> Rij:
        return Rij(kop, tuple(waardecel(b, c, b.nu, b.jaar, TOTAAL) for c in cijfers))

    return Tabel(
        id=id,
        titel=f"{titel}, {b.bereik}, {b.jaar.naam}",
        toelichting=toelichting,
        rijkop=rijkop,
        kolomgroepen=(),
        kolommen=tuple(Kolom(k) for k in kolommen),
        rijen=tuple(rij(k, c) for k, c in rijen),
        totaal=rij(*totaal) if totaal else None,
        filteruitleg=filteruitleg,
    )


# --- charts --------------------------------------------------------------------------------


def _opsomming(delen: Sequence[tuple[str, Waarde]], soort: str) -> str:
    return "; ".join(f"{naam}: {_tekst(w, soort) or 'niet beschikbaar'}" for naam, w in delen)


def staaf_per_gemeente(b: Bron, id: str, titel: str, c: Cijfer, tabel: str) -> Grafiek | None:
    """Bars per gemeente, the year before beside this year (only with several gemeenten)."""
    if not b.meerdere:
        return None
    namen = tuple(naam for _, naam in b.gemeenten)
    reeksen = []
    beschrijving = []
    for rapport in (b.vorig, b.nu):
        waarden = tuple(c.waarde(b.deel(rapport, code)) for code, _ in b.gemeenten)
        reeksen.append(Reeks(rapport["schooljaar"], waarden))
        beschrijving.append(
            f"{rapport['schooljaar']}: "
            + _opsomming(list(zip(namen, waarden, strict=True)), c.soort)
        )
    return Grafiek(
        id=id,
        titel=titel,
        soort=Grafieksoort.STAAF,
        categorieen=namen,
        reeksen=tuple(reeksen),
        tekstalternatief=f"Staafdiagram per gemeente. {'. '.join(beschrijving)}.",
        eenheid="procent" if c.soort == "percentage" else "aantal",
        tabel_id=tabel,
    )


def trend(b: Bron, id: str, titel: str, cijfers: Sequence[Cijfer], tabel: str) -> Grafiek:
    """Lines over the last three school years, over the chosen gemeenten together."""
    jaren = tuple(r["schooljaar"] for r in b.rapporten)
    reeksen = []
    beschrijving = []
    for c in cijfers:
        waarden = tuple(c.waarde(b.deel(r)) for r in b.rapporten)
        reeksen.append(Reeks(c.label, waarden))
        beschrijving.append(
            f"{c.label}: {_opsomming(list(zip(jaren, waarden, strict=True)), c.soort)}"
        )
    return Grafiek(
        id=id,
        titel=titel,
        soort=Grafieksoort.LIJN,
        categorieen=jaren,
        reeksen=tuple(reeksen),
        tekstalternatief=(
            f"Lijndiagram over de schooljaren {jaren[0]} tot en met {jaren[-1]}, {b.bereik}. "
            f"{'. '.join(beschrijving)}."
        ),
        tabel_id=tabel,
    )


def verdeling(b: Bron, id: str, titel: str, cijfers: Sequence[Cijfer], tabel: str) -> Grafiek:
    """Horizontal bars: how this year's total divides over its parts."""
    waarden = tuple(c.waarde(b.deel(b.nu)) for c in cijfers)
    labels = tuple(c.label for c in cijfers)
    return Grafiek(
        id=id,
        titel=titel,
        soort=Grafieksoort.VERDELING,
        categorieen=labels,
        reeksen=(Reeks(b.jaar.naam, waarden),),
        tekstalternatief=(
            f"Staafdiagram, {b.bereik}, schooljaar {b.jaar.naam}. "
            f"{_opsomming(list(zip(labels, waarden, strict=True)), 'aantal')}."
        ),
        tabel_id=tabel,
    )
