"""Uitwisselformaat v1: files, columns, keys and row rules (exchange-format.md).

This module is the contract in code. The reader, the importer, the exporter
and the generator all take their file names, column names and code lists from
here. Column order is the order the exporter writes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from . import codes
from .leerplichtfeiten import KWALIFICATIEPLICHT_VERVALLEN_GRONDEN, fouten_in_feiten
from .onderwijssoort import ONDERWIJSSOORTEN, SCHOOL_ONDERWIJSSOORTEN
from .vrijstellingsregels import (
    VERLOFSOORTEN,
    al_verleend_bezwaren,
    beslist_de_leerplichtambtenaar,
    weekdagen,
)

# Value kinds.
TEKST = "tekst"
DATUM = "datum"
CODE = "code"
JA_NEE = "janee"
BSN = "bsn"
GEMEENTECODE = "gemeentecode"
BRIN = "brin"
VESTIGING = "vestiging"
VERWIJZING = "verwijzing"
#: A whole number, 0 or more (a count, e.g. school days).
GEHEEL_GETAL = "geheel_getal"


@dataclass(frozen=True)
class Kolom:
    naam: str
    soort: str = TEKST
    verplicht: bool = True
    codes: Mapping[str, object] | None = None
    verwijst_naar: str | None = None  # the file a reference points into
    max_lengte: int = 200
    #: The value of an empty cell or a left-out optional column (None: unknown).
    standaard: object = None


Rij = dict[str, object]
Fout = tuple[str, str]  # (kolom, melding)


@dataclass(frozen=True)
class Bestand:
    naam: str
    kolommen: tuple[Kolom, ...]
    sleutel: tuple[str, ...]
    #: Columns the project added; a file may leave them out.
    extra_kolommen: tuple[str, ...] = ()
    regels: tuple[Callable[[Rij], list[Fout]], ...] = field(default=())
    #: The whole file is the project's (exchange-format.md: "the project may add optional
    #: columns and files"); not in the shared contract.
    toegevoegd: bool = False

    @cached_property  # read for every row by the importer
    def kolomnamen(self) -> tuple[str, ...]:
        return tuple(k.naam for k in self.kolommen)

    def kolom(self, naam: str) -> Kolom:
        return next(k for k in self.kolommen if k.naam == naam)

    @cached_property
    def lege_rij(self) -> Rij:
        """A row with every column at its value for an empty cell."""
        return {k.naam: k.standaard for k in self.kolommen}

    @property
    def verplichte_kopjes(self) -> tuple[str, ...]:
        """Columns a file must have; an optional column may be left out (all its cells unknown)."""
        return tuple(k.naam for k in self.kolommen if k.verplicht)


def _niet_voor(eerder: str, later: str) -> Callable[[Rij], list[Fout]]:
    """Rule: `later` (a date) is not before `eerder`."""

    def regel(rij: Rij) -> list[Fout]:
        a, b = rij.get(eerder), rij.get(later)
        if isinstance(a, date) and isinstance(b, date) and b < a:
            return [(later, f"{b.isoformat()} ligt vóór {eerder} {a.isoformat()}")]
        return []

    return regel


def _ingetrokken_per_regel(rij: Rij) -> list[Fout]:
    """Only a withdrawn vrijstelling has the date it was withdrawn."""
    if rij.get("ingetrokken_per") is not None and rij.get("besluit") != "ingetrokken":
        return [("ingetrokken_per", "alleen in te vullen bij besluit ingetrokken")]
    return []


def _interventie_regels(rij: Rij) -> list[Fout]:
    """A proces-verbaal says against whom and for which verzuim; only Halt has an uitkomst."""
    fouten: list[Fout] = []
    soort = rij.get("soort")
    if soort == "proces_verbaal":
        if rij.get("tegen") is None:
            fouten.append(("tegen", "verplicht bij een proces-verbaal (ouders of jongere)"))
        if rij.get("verzuim") is None:
            fouten.append(
                ("verzuim", "verplicht bij een proces-verbaal (absoluut, relatief of luxe)")
            )
    else:
        for kolom in ("tegen", "verzuim", "verzuim_van", "verzuim_tot"):
            if rij.get(kolom) is not None:
                fouten.append((kolom, "alleen in te vullen bij een proces-verbaal"))
    if soort != "halt" and rij.get("uitkomst") is not None:
        fouten.append(("uitkomst", "alleen in te vullen bij een Halt-verwijzing"))
    return fouten


def _vrijstelling_regels(rij: Rij) -> list[Fout]:
    besluit, besluitdatum = rij.get("besluit"), rij.get("besluitdatum")
    if besluit is not None and besluit != "open" and besluitdatum is None:
        return [("besluitdatum", f"verplicht bij besluit {besluit}")]
    if besluit == "open" and besluitdatum is not None:
        return [("besluitdatum", "hoort leeg te zijn zolang het besluit open is")]
    return []


def _thuiszitter_regels(rij: Rij) -> list[Fout]:
    if rij.get("reden_einde") is not None and rij.get("tot") is None:
        return [("reden_einde", "alleen in te vullen als tot is ingevuld")]
    return []


def _leerplichtfeiten_regels(rij: Rij) -> list[Fout]:
    """The facts that end a leerplicht early are checked as on screen (leerplichtfeiten)."""
    twaalf, vervallen = (
        rij.get("twaalf_schooljaren_voltooid"),
        rij.get("kwalificatieplicht_vervallen"),
    )
    grond = rij.get("kwalificatieplicht_vervallen_grond")
    geboren = rij.get("geboortedatum")
    return fouten_in_feiten(
        twaalf if isinstance(twaalf, date) else None,
        vervallen if isinstance(vervallen, date) else None,
        str(grond) if grond is not None else None,
        geboortedatum=geboren if isinstance(geboren, date) else None,
    )


#: A verlofaanvraag is never "ingetrokken" (vrijstellingen.models.VERLOF_BESLUITEN).
VERLOF_BESLUITEN: dict[str, str] = {
    k: v for k, v in codes.VRIJSTELLING_BESLUITEN.items() if k != "ingetrokken"
}
_ART_14_LID_1 = "art. 14 lid 1 Leerplichtwet 1969"
_ART_14_LID_3 = "art. 14 lid 3 Leerplichtwet 1969"


def _getal(rij: Rij, kolom: str) -> int:
    waarde = rij.get(kolom)
    return waarde if isinstance(waarde, int) else 0


def _verlof_tien_dagen_regel(rij: Rij) -> list[Fout]:
    """Art. 14 lid 1 en 3: only a request that brings the school year over 10 school days,
    the school head's earlier grants included, is the leerplichtambtenaar's. The same
    rule as the service (vrijstellingsregels.beslist_de_leerplichtambtenaar)."""
    if rij.get("aantal_schooldagen") is None:
        return []
    gevraagd, al = _getal(rij, "aantal_schooldagen"), _getal(rij, "al_verleend_schooldagen")
    if beslist_de_leerplichtambtenaar(gevraagd, al):
        return []
    return [
        (
            "aantal_schooldagen",
            f"{al} al verleend + {gevraagd} gevraagd = {al + gevraagd} schooldagen in dit "
            "schooljaar: tot en met 10 beslist de directeur van de school, niet de "
            f"leerplichtambtenaar ({_ART_14_LID_1})",
        )
    ]


def _verlof_al_verleend_regel(rij: Rij) -> list[Fout]:
    """Days the school head already granted need the date they were known on and their
    source, as on screen (vrijstellingsregels.al_verleend_bezwaren)."""
    aangevraagd, peildatum = rij.get("aangevraagd"), rij.get("al_verleend_peildatum")
    if not isinstance(aangevraagd, date):
        return []
    bezwaren = al_verleend_bezwaren(
        _getal(rij, "al_verleend_schooldagen"),
        peildatum if isinstance(peildatum, date) else None,
        str(rij.get("al_verleend_bron") or ""),
        aangevraagd,
    )
    return [(b.veld, b.tekst) for b in bezwaren]


def _verlof_besluit_regel(rij: Rij) -> list[Fout]:
    """A decision has its date (as for vrijstellingen) and comes after hearing the school
    head (art. 14 lid 3)."""
    fouten = _vrijstelling_regels(rij)
    besluit = rij.get("besluit")
    if besluit not in (None, "open") and rij.get("schoolleider_gehoord_op") is None:
        fouten.append(
            (
                "schoolleider_gehoord_op",
                f"verplicht bij besluit {besluit}: de leerplichtambtenaar beslist na het "
                f"horen van de directeur van de school ({_ART_14_LID_3})",
            )
        )
    return fouten


def _verlof_schooldagen_regel(rij: Rij) -> list[Fout]:
    """No more school days than the period has weekdays (vrijstellingsregels.weekdagen)."""
    van, tot, aantal = rij.get("van"), rij.get("tot"), rij.get("aantal_schooldagen")
    if not (isinstance(van, date) and isinstance(tot, date) and isinstance(aantal, int)):
        return []
    if tot >= van and aantal > (hoogstens := weekdagen(van, tot)):
        return [
            (
                "aantal_schooldagen",
                f"van {van.isoformat()} tot en met {tot.isoformat()} zijn hoogstens "
                f"{hoogstens} schooldagen",
            )
        ]
    return []


def _ref(naam: str, bestand: str, verplicht: bool = True) -> Kolom:
    return Kolom(naam, VERWIJZING, verplicht, verwijst_naar=bestand, max_lengte=64)


def _code(naam: str, lijst: Mapping[str, object], verplicht: bool = True) -> Kolom:
    return Kolom(naam, CODE, verplicht, codes=lijst)


def _datum(naam: str, verplicht: bool = True) -> Kolom:
    return Kolom(naam, DATUM, verplicht)


def _geheel_getal(naam: str, verplicht: bool = True, standaard: int | None = None) -> Kolom:
    return Kolom(naam, GEHEEL_GETAL, verplicht, max_lengte=10, standaard=standaard)


_ONDERWIJSSOORT = _code("onderwijssoort", ONDERWIJSSOORTEN, verplicht=False)

GEMEENTEN = Bestand(
    "gemeenten.csv",
    (Kolom("code", GEMEENTECODE), Kolom("naam")),
    sleutel=("code",),
)
SCHOLEN = Bestand(
    "scholen.csv",
    (
        Kolom("brin", BRIN),
        Kolom("vestiging", VESTIGING, verplicht=False),
        Kolom("naam"),
        _code("onderwijssoort", {s: ONDERWIJSSOORTEN[s] for s in SCHOOL_ONDERWIJSSOORTEN}),
        _ref("gemeente", "gemeenten.csv"),
    ),
    sleutel=("brin", "vestiging"),
)
PERSONEN = Bestand(
    "personen.csv",
    (
        Kolom("id", max_lengte=64),
        Kolom("bsn", BSN, verplicht=False),
        _datum("geboortedatum"),
        _ref("gemeente", "gemeenten.csv"),
        _datum("startkwalificatie", verplicht=False),
        # Facts that end a leerplicht early (domein.leerplichtfeiten), added by the project.
        _datum("twaalf_schooljaren_voltooid", verplicht=False),
        Kolom("twaalf_schooljaren_bron", verplicht=False),
        _datum("kwalificatieplicht_vervallen", verplicht=False),
        _code(
            "kwalificatieplicht_vervallen_grond",
            KWALIFICATIEPLICHT_VERVALLEN_GRONDEN,
            verplicht=False,
        ),
        Kolom("kwalificatieplicht_vervallen_bron", verplicht=False),
    ),
    sleutel=("id",),
    extra_kolommen=(
        "twaalf_schooljaren_voltooid",
        "twaalf_schooljaren_bron",
        "kwalificatieplicht_vervallen",
        "kwalificatieplicht_vervallen_grond",
        "kwalificatieplicht_vervallen_bron",
    ),
    regels=(_leerplichtfeiten_regels,),
)
INSCHRIJVINGEN = Bestand(
    "inschrijvingen.csv",
    (
        _ref("persoon", "personen.csv"),
        _ref("school", "scholen.csv"),
        _datum("van"),
        _datum("tot", verplicht=False),
    ),
    sleutel=("persoon", "school", "van"),
    regels=(_niet_voor("van", "tot"),),
)
WERKPROCESSEN = Bestand(
    "werkprocessen.csv",
    (
        Kolom("id", max_lengte=64),
        _ref("persoon", "personen.csv"),
        _ref("gemeente", "gemeenten.csv"),
        _code("type", codes.WERKPROCES_TYPEN),
        _datum("geopend"),
        _datum("gesloten", verplicht=False),
        _code("resultaat", codes.WERKPROCES_RESULTATEN, verplicht=False),
        _ONDERWIJSSOORT,
        Kolom("behandelaar", verplicht=False, max_lengte=150),
    ),
    sleutel=("id",),
    regels=(_niet_voor("geopend", "gesloten"),),
)
MELDINGEN = Bestand(
    "meldingen.csv",
    (
        Kolom("meldingsnummer", max_lengte=64),
        _ref("persoon", "personen.csv"),
        _ref("gemeente", "gemeenten.csv"),
        _datum("datum"),
        _code("soort", codes.MELDING_SOORTEN),
        _ref("school", "scholen.csv", verplicht=False),
        _ONDERWIJSSOORT,
        Kolom("actie_gewenst", JA_NEE, verplicht=False),
        _ref("werkproces", "werkprocessen.csv", verplicht=False),
    ),
    sleutel=("meldingsnummer",),
)
INTERVENTIES = Bestand(
    "interventies.csv",
    (
        Kolom("id", verplicht=False, max_lengte=64),
        _ref("werkproces", "werkprocessen.csv"),
        _datum("datum"),
        _code("soort", codes.INTERVENTIE_SOORTEN),
        _code("tegen", codes.PROCES_VERBAAL_TEGEN, verplicht=False),
        _code("verzuim", codes.PROCES_VERBAAL_VERZUIM, verplicht=False),
        _code("uitkomst", codes.HALT_UITKOMSTEN, verplicht=False),
        # The verzuim a proces-verbaal is about (art. 22), added by the project.
        _datum("verzuim_van", verplicht=False),
        _datum("verzuim_tot", verplicht=False),
    ),
    # Without an `id` an interventie is known by what it is: see interventie_id().
    sleutel=("id",),
    extra_kolommen=("id", "verzuim_van", "verzuim_tot"),
    regels=(_interventie_regels, _niet_voor("verzuim_van", "verzuim_tot")),
)
VRIJSTELLINGEN = Bestand(
    "vrijstellingen.csv",
    (
        Kolom("id", max_lengte=64),
        _ref("persoon", "personen.csv"),
        _ref("gemeente", "gemeenten.csv"),
        _code("grond", codes.VRIJSTELLING_GRONDEN),
        _datum("aangevraagd"),
        _code("besluit", codes.VRIJSTELLING_BESLUITEN),
        _datum("besluitdatum", verplicht=False),
        _datum("geldig_van"),
        _datum("geldig_tot", verplicht=False),
        _ONDERWIJSSOORT,
        # The date a granted vrijstelling was withdrawn, added by the project: the grant
        # still counts in the year it was decided (figures of a closed year stay put).
        _datum("ingetrokken_per", verplicht=False),
    ),
    sleutel=("id",),
    extra_kolommen=("ingetrokken_per",),
    regels=(
        _vrijstelling_regels,
        _ingetrokken_per_regel,
        _niet_voor("aangevraagd", "besluitdatum"),
        _niet_voor("geldig_van", "geldig_tot"),
        _niet_voor("besluitdatum", "ingetrokken_per"),
    ),
)
THUISZITTERS = Bestand(
    "thuiszitters.csv",
    (
        Kolom("id", max_lengte=64),
        _ref("persoon", "personen.csv"),
        _ref("gemeente", "gemeenten.csv"),
        _datum("van"),
        _datum("tot", verplicht=False),
        _code("reden_einde", codes.THUISZITTER_REDENEN_EINDE, verplicht=False),
        _ONDERWIJSSOORT,
    ),
    sleutel=("id",),
    regels=(_niet_voor("van", "tot"), _thuiszitter_regels),
)
VSV = Bestand(
    "vsv.csv",
    (
        Kolom("id", max_lengte=64),
        _ref("persoon", "personen.csv"),
        _ref("gemeente", "gemeenten.csv"),
        _datum("uitgeschreven"),
        _datum("monitoring_vanaf", verplicht=False),
        _datum("afgerond_op", verplicht=False),
        _code("resultaat", codes.VSV_RESULTATEN, verplicht=False),
        _ONDERWIJSSOORT,
    ),
    sleutel=("id",),
    regels=(
        _niet_voor("uitgeschreven", "monitoring_vanaf"),
        _niet_voor("uitgeschreven", "afgerond_op"),
    ),
)
# Added by the project: requests for verlof of more than 10 school days per school year
# (art. 14 lid 3), the leerplichtambtenaar's. The free texts `reden` and `motivering`
# (family or health details) and the decision letter stay out (data minimisation).
VERLOFAANVRAGEN = Bestand(
    "verlofaanvragen.csv",
    (
        _ref("persoon", "personen.csv"),
        _ref("gemeente", "gemeenten.csv"),
        _ref("school", "scholen.csv", verplicht=False),
        _code("soort", VERLOFSOORTEN),
        _datum("aangevraagd"),
        _datum("van"),
        _datum("tot"),
        _geheel_getal("aantal_schooldagen"),
        _geheel_getal("al_verleend_schooldagen", verplicht=False, standaard=0),
        _datum("al_verleend_peildatum", verplicht=False),
        Kolom("al_verleend_bron", verplicht=False, standaard=""),
        _datum("schoolleider_gehoord_op", verplicht=False),
        _code("besluit", VERLOF_BESLUITEN),
        _datum("besluitdatum", verplicht=False),
    ),
    # A request is what a pupil's parents asked on one day for a period from one day on:
    # a refused request asked again later has a new `aangevraagd`.
    sleutel=("persoon", "aangevraagd", "van"),
    toegevoegd=True,
    regels=(
        _niet_voor("van", "tot"),
        _verlof_schooldagen_regel,
        _verlof_al_verleend_regel,
        _verlof_tien_dagen_regel,
        _verlof_besluit_regel,
        _niet_voor("aangevraagd", "besluitdatum"),
        _niet_voor("schoolleider_gehoord_op", "besluitdatum"),
    ),
)

#: All files, in the order an import must take them (references point backwards).
BESTANDEN: tuple[Bestand, ...] = (
    GEMEENTEN,
    SCHOLEN,
    PERSONEN,
    INSCHRIJVINGEN,
    WERKPROCESSEN,
    MELDINGEN,
    INTERVENTIES,
    VRIJSTELLINGEN,
    THUISZITTERS,
    VSV,
    VERLOFAANVRAGEN,
)
BESTAND_OP_NAAM: dict[str, Bestand] = {b.naam: b for b in BESTANDEN}


def school_code(brin: str, vestiging: str | None) -> str:
    """How a school is referred to: brin + vestiging, e.g. 12AB00 (brin alone without vestiging)."""
    return brin + (vestiging or "")


def interventie_id(rij: Rij) -> str:
    """The key of an interventie given without an `id`: what it is, on which day, in which case.

    Two identical rows are then one interventie; give an `id` column to keep them apart.
    """
    delen = [str(rij["werkproces"]), rij["datum"].isoformat(), str(rij["soort"])]  # type: ignore[union-attr]
    delen += [str(rij[k]) for k in ("tegen", "verzuim") if rij.get(k) is not None]
    return ":".join(delen)
