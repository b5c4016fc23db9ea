"""Tables and charts of the dashboard, laid out from rapporten (cijfers.rapport.maak_rapport).

Nothing is counted here: every number in a cell is a number of the rapport, or the sum of a
few of its numbers (a `Cijfer` with several paths, e.g. all meldingen over the soorten), so
the dashboard agrees with `leerplicht rapport`. The tables are the one table model of the
figures (`cijfers.tabel`): every cell knows its path in the rapport (`Cel.bron`, or the
paths of a sum or change in `Cel.uit`) and its drill-down link. Changes are
`domein.percentage.verandering`. Pure Python (no Django): the view hands in the rapporten
and the function that makes a drill-down link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from leerplicht.cijfers.tabel import (
    NIET_BESCHIKBAAR,
    TOTAAL,
    Cel,
    Pad,
    Rij,
    Soort,
    Tabel,
    Waarde,
    getal_op,
    leeg,
    lees_cel,
    opgemaakt,
)
from leerplicht.domein.percentage import verandering
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.document import Grafiek, Grafieksoort, Reeks

from .filters import Filter

#: (school year, gemeente code or "totaal", drill-down parameters) -> URL, or "" for no link.
Koppeling = Callable[[Schooljaar, str, tuple[tuple[str, str], ...]], str]


@dataclass(frozen=True)
class Cijfer:
    """One figure of a gemeente's part of the rapport: the value at `paden[0]`, or the sum
    of the values at `paden`. `doorklik`: the parameters of the list of werkprocessen it
    counts (type or resultaat, and groep), empty when it counts something else."""

    label: str
    paden: tuple[Pad, ...]
    soort: Soort = Soort.AANTAL  # or Soort.PROCENT
    doorklik: tuple[tuple[str, str], ...] = ()

    def waarde(self, deel: dict | None) -> Waarde:
        """None when a path is missing (a rapport frozen before the section existed)."""
        waarden = [getal_op(deel, pad) for pad in self.paden]
        if any(w is None for w in waarden):
            return None
        if len(waarden) == 1:
            return waarden[0]
        return sum(int(w) for w in waarden if w is not None)


def cijfer(label: str, *pad: str, **kw) -> Cijfer:
    return Cijfer(label, (tuple(pad),), **kw)


def som(label: str, paden: Sequence[Pad], **kw) -> Cijfer:
    return Cijfer(label, tuple(paden), **kw)


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


def waardecel(b: Bron, c: Cijfer, rapport: dict, jaar: Schooljaar, code: str) -> Cel:
    """The cell of `c` below gemeente `code` of `rapport` (of `jaar`), with its drill-down
    link."""
    if len(c.paden) == 1:
        cel = lees_cel({jaar.naam: rapport}, (jaar.naam, code, *c.paden[0]), c.soort)
    else:
        waarde = c.waarde(b.deel(rapport, code))
        uitleg = "" if waarde is not None else leeg(c.soort)
        paden = tuple((jaar.naam, code, *p) for p in c.paden)
        cel = Cel(waarde, c.soort, uit=paden, uitleg=uitleg)
    if c.doorklik and cel.waarde:
        return replace(cel, link=b.koppeling(jaar, code, c.doorklik))
    return cel


def veranderingscel(c: Cijfer, nu: Cel, vorig: Cel) -> Cel:
    """The change from `vorig` to `nu` (counts only)."""
    if c.soort is not Soort.AANTAL:
        return Cel(None, Soort.VERANDERING, uitleg="geen verandering bij een percentage")
    # (nieuw, oud); a change of a sum names its parts in the two cells it compares.
    uit = (nu.bron, vorig.bron) if nu.bron and vorig.bron else None
    if nu.waarde is None or vorig.waarde is None:
        return Cel(None, Soort.VERANDERING, uit=uit, uitleg=NIET_BESCHIKBAAR)
    verschil = verandering(int(nu.waarde), int(vorig.waarde))
    uitleg = "geen percentage, vorig jaar 0" if verschil is None else ""
    return Cel(verschil, Soort.VERANDERING, uit=uit, uitleg=uitleg)


def _drie(b: Bron, c: Cijfer, code: str) -> tuple[Cel, Cel, Cel]:
    """This year, the year before, the change."""
    nu = waardecel(b, c, b.nu, b.jaar, code)
    vorig = waardecel(b, c, b.vorig, b.jaar.vorige(), code)
    return nu, vorig, veranderingscel(c, nu, vorig)


def jaarkolommen(b: Bron, groepen: int = 1) -> dict:
    """The columns this year, the year before, the change (`groepen` times), with the
    school year behind "Vorig jaar" for screen readers."""
    return {
        "kolommen": (b.jaar.naam, "Vorig jaar", "Verandering") * groepen,
        "schermlezers": ("", f" ({b.jaar.vorige().naam})", "") * groepen,
    }


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

    def rij(cijfers: Sequence[Cijfer], kop: str | None = None, totaal: bool = False) -> Rij:
        cellen = tuple(cel for c in cijfers for cel in _drie(b, c, TOTAAL))
        return Rij(kop or cijfers[0].label, cellen, totaal)

    return Tabel(
        id=id,
        titel=f"{titel}, {b.bereik}",
        toelichting=toelichting,
        rijkop=rijkop,
        kolomgroepen=tuple(kolomgroepen),
        **jaarkolommen(b, len(kolomgroepen) or 1),
        rijen=(*(rij(r) for r in rijen), *((rij(totaal, totaal=True),) if totaal else ())),
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

    def rij(code: str, kop: str, totaal: bool = False) -> Rij:
        return Rij(kop, tuple(cel for c in cijfers for cel in _drie(b, c, code)), totaal)

    return Tabel(
        id=id,
        titel=titel,
        toelichting=toelichting,
        rijkop="Gemeente",
        kolomgroepen=tuple(c.label for c in cijfers) if len(cijfers) > 1 else (),
        **jaarkolommen(b, len(cijfers)),
        rijen=(
            *(rij(code, naam) for code, naam in b.gemeenten),
            rij(TOTAAL, "Totaal", totaal=True),
        ),
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

    def rij(kop: str, cijfers: Sequence[Cijfer], totaal: bool = False) -> Rij:
        cellen = tuple(waardecel(b, c, b.nu, b.jaar, TOTAAL) for c in cijfers)
        return Rij(kop, cellen, totaal)

    return Tabel(
        id=id,
        titel=f"{titel}, {b.bereik}, {b.jaar.naam}",
        toelichting=toelichting,
        rijkop=rijkop,
        kolommen=tuple(kolommen),
        rijen=(
            *(rij(k, c) for k, c in rijen),
            *((rij(*totaal, totaal=True),) if totaal else ()),
        ),
        filteruitleg=filteruitleg,
    )


# --- charts --------------------------------------------------------------------------------


def _opsomming(delen: Sequence[tuple[str, Waarde]], soort: Soort) -> str:
    return "; ".join(f"{naam}: {opgemaakt(w, soort) or NIET_BESCHIKBAAR}" for naam, w in delen)


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
        eenheid="procent" if c.soort is Soort.PROCENT else "aantal",
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
            f"{_opsomming(list(zip(labels, waarden, strict=True)), Soort.AANTAL)}."
        ),
        tabel_id=tabel,
    )
