"""De regels van de wet voor interventies in een werkproces (domain.md, "Methodische
Aanpak Schoolverzuim"; Leerplichtwet 1969 art. 22).

Each rule is one function that returns a Dutch message when the interventie breaks it,
or None. `controleer_interventie` runs all of them. Pure Python: the casework services
(werkprocessen.diensten) ask here before they save, forms show the messages.

Ages follow `domein.leeftijd` (29 February turns a year older on 1 March).

A proces-verbaal is about verzuim that happened earlier, often months earlier: the
leerplicht and the age of 12 are judged on that verzuim (`verzuim_van`/`verzuim_tot`),
not on the day the PV is drawn up (domain.md, MAS route 4). Without a period the PV
date stands in for it, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .formattering import datum_tekst
from .leeftijd import leeftijd_op
from .leerplicht import is_leer_of_kwalificatieplichtig, leerplichtstatus_van

#: Halt schoolverzuim is for pupils of 12 and older (MAS, route 2).
HALT_VANAF = 12
#: ... and for minors only: the Halt-afdoening is for 12 to 17 year olds (art. 77e Sr).
HALT_TOT = 18
#: Criminal responsibility starts at 12: a proces-verbaal against the pupil (art. 22 lid 3).
PV_JONGERE_VANAF = 12
#: Leer- and kwalificatieplicht end at 18 (art. 4a): no proces-verbaal after that.
LEERPLICHT_TOT = 18
#: The SVB (kinderbijslag) is told about 16 and 17 year olds (MAS, route 4).
SVB_VANAF, SVB_TOT = 16, 18

PROCES_VERBAAL = "proces_verbaal"
HALT = "halt"
SVB = "svb"
TEGEN_OUDERS, TEGEN_JONGERE = "ouders", "jongere"
PV_VERZUIM = ("absoluut", "relatief", "luxe")
HALT_UITKOMSTEN = ("positief", "negatief")


def _jaar(n: int) -> str:
    return f"{n} jaar"


@dataclass(frozen=True)
class Interventiegegevens:
    """What is known of an interventie when it is checked (new, or with new OM data)."""

    soort: str
    datum: date
    geboortedatum: date
    tegen: str | None = None
    verzuim: str | None = None
    uitkomst: str | None = None
    #: Whether any OM field (beslissing, beslist op, zittingsdatum, sanctie) is filled in.
    om_gegevens: bool = False
    om_beslist_op: date | None = None
    zittingsdatum: date | None = None
    startkwalificatie: date | None = None
    #: The register's facts that end a leerplicht early (`domein.leerplichtfeiten`).
    twaalf_schooljaren_voltooid: date | None = None
    kwalificatieplicht_vervallen: date | None = None
    #: A proces-verbaal: the period of the verzuim it is about (one day: van only).
    verzuim_van: date | None = None
    verzuim_tot: date | None = None


def leeftijd_tekst(g: Interventiegegevens, op: date | None = None) -> str:
    op = op or g.datum
    return f"op {datum_tekst(op)} {_jaar(leeftijd_op(g.geboortedatum, op))}"


def verzuimperiode(g: Interventiegegevens) -> tuple[date, date]:
    """First and last day of the verzuim the interventie is about: the period given, one
    day when only `verzuim_van` is given, else the date of the interventie itself."""
    van = g.verzuim_van or g.verzuim_tot or g.datum
    return van, g.verzuim_tot or van


def _heeft_periode(g: Interventiegegevens) -> bool:
    return g.verzuim_van is not None or g.verzuim_tot is not None


def _was_of_is(g: Interventiegegevens, op: date) -> str:
    """How old the pupil was on the last day of the verzuim, or is on the PV date."""
    if _heeft_periode(g):
        jaar = _jaar(leeftijd_op(g.geboortedatum, op))
        return f"de leerling was op de laatste dag van het verzuim ({datum_tekst(op)}) {jaar}"
    return f"de leerling is {leeftijd_tekst(g, op)}"


# --- the rules ---------------------------------------------------------------------------


def halt_vanaf_twaalf(g: Interventiegegevens) -> str | None:
    """Halt-interventie schoolverzuim: only for pupils of 12 and older on the date (MAS
    route 2; Halt's own criterion for schoolverzuim)."""
    if g.soort == HALT and leeftijd_op(g.geboortedatum, g.datum) < HALT_VANAF:
        return (
            f"Een Halt-verwijzing kan pas vanaf {HALT_VANAF} jaar (art. 77e Wetboek van "
            f"Strafrecht); de leerling is {leeftijd_tekst(g)}."
        )
    return None


def halt_tot_achttien(g: Interventiegegevens) -> str | None:
    """Art. 77e Wetboek van Strafrecht: the Halt-afdoening is for minors, so a
    Halt-verwijzing is for 12 to 17 year olds; from the 18th birthday it is refused
    (domain.md MAS route 2 gives the lower bound, "12 and older"). Judged on the date
    of the verwijzing, like the lower bound: Halt works with the jongere from then on."""
    if g.soort == HALT and leeftijd_op(g.geboortedatum, g.datum) >= HALT_TOT:
        return (
            f"Een Halt-verwijzing kan alleen tot {HALT_TOT} jaar: Halt is voor minderjarigen "
            f"van {HALT_VANAF} tot en met {HALT_TOT - 1} jaar (art. 77e Wetboek van "
            f"Strafrecht); de leerling is {leeftijd_tekst(g)}."
        )
    return None


def proces_verbaal_zegt_tegen_wie(g: Interventiegegevens) -> str | None:
    """A proces-verbaal is against the parents (art. 22 lid 2) or the pupil (lid 3):
    the OM must know whom it prosecutes (exchange format: `tegen`)."""
    if g.soort == PROCES_VERBAAL and g.tegen not in (TEGEN_OUDERS, TEGEN_JONGERE):
        return "Kies tegen wie het proces-verbaal is: de ouders of de jongere."
    return None


def proces_verbaal_zegt_welk_verzuim(g: Interventiegegevens) -> str | None:
    """A proces-verbaal names the kind of verzuim (absoluut, relatief, luxe): the
    Leerplichttelling counts them per kind."""
    if g.soort == PROCES_VERBAAL and g.verzuim not in PV_VERZUIM:
        return "Kies voor welk verzuim het proces-verbaal is: absoluut, relatief of luxe verzuim."
    return None


def proces_verbaal_jongere_vanaf_twaalf(g: Interventiegegevens) -> str | None:
    """Art. 22 lid 3 Leerplichtwet: the pupil is prosecuted only for verzuim from 12
    (criminal responsibility starts at 12, art. 486 Sr). What counts is the age when the
    verzuim happened, not when the PV is drawn up: the pupil must be 12 by the last day
    of the verzuim (the days from the 12th birthday on are punishable)."""
    if g.soort != PROCES_VERBAAL or g.tegen != TEGEN_JONGERE:
        return None
    _, tot = verzuimperiode(g)
    if leeftijd_op(g.geboortedatum, tot) < PV_JONGERE_VANAF:
        return (
            f"Een proces-verbaal tegen de jongere kan pas vanaf {PV_JONGERE_VANAF} jaar "
            f"(art. 22 lid 3 Leerplichtwet); {_was_of_is(g, tot)}."
        )
    return None


def _leerplichtig_op(g: Interventiegegevens, dag: date) -> bool:
    return is_leer_of_kwalificatieplichtig(leerplichtstatus_van(g, dag))


def proces_verbaal_alleen_bij_leerplicht(g: Interventiegegevens) -> str | None:
    """Art. 22 lid 2 and 3: the offence is failing the leer- or kwalificatieplicht, so a
    proces-verbaal (against parents or pupil) only about verzuim that happened while the
    pupil was leerplichtig or kwalificatieplichtig: not before leerplicht starts, not from
    18, not after a startkwalificatie (art. 4a) or after the kwalificatieplicht lapsed
    (art. 4a lid 2). The PV itself may be drawn up later,
    after the 18th birthday or the startkwalificatie (domain.md, MAS route 4).

    Leerplicht is one unbroken stretch of days, so a period of verzuim overlaps it
    exactly when its first or its last day lies in it."""
    if g.soort != PROCES_VERBAAL:
        return None
    van, tot = verzuimperiode(g)
    if _leerplichtig_op(g, van) or _leerplichtig_op(g, tot):
        return None
    status = leerplichtstatus_van(g, tot)
    if _heeft_periode(g):
        return (
            "Een proces-verbaal kan alleen over verzuim uit de tijd dat de leerling "
            "leerplichtig of kwalificatieplichtig was (art. 22 lid 2 en 3 Leerplichtwet); "
            f"{_was_of_is(g, tot)} ({status.label})."
        )
    return (
        "Een proces-verbaal kan alleen zolang de leerling leerplichtig of "
        "kwalificatieplichtig is (art. 22 lid 2 en 3 Leerplichtwet); de leerling is "
        f"{leeftijd_tekst(g)} ({status.label}). Gaat het om eerder verzuim, vul dan de "
        "periode van het verzuim in."
    )


def verzuimperiode_klopt(g: Interventiegegevens) -> str | None:
    """The period of the verzuim is only for a proces-verbaal (what art. 22 judges), runs
    forward, and lies before the PV: a PV is drawn up about verzuim that happened."""
    if not _heeft_periode(g):
        return None
    if g.soort != PROCES_VERBAAL:
        return "De periode van het verzuim vult u alleen in bij een proces-verbaal (art. 22)."
    van, tot = verzuimperiode(g)
    if tot < van:
        return "Het verzuim kan niet eindigen vóór het begon."
    if tot > g.datum:
        return (
            f"Het verzuim ({datum_tekst(tot)}) kan niet na het proces-verbaal "
            f"({datum_tekst(g.datum)}) liggen (art. 22 Leerplichtwet)."
        )
    return None


def uitkomst_alleen_bij_halt(g: Interventiegegevens) -> str | None:
    """Only a Halt-verwijzing ends positive or negative."""
    if g.uitkomst and g.soort != HALT:
        return "Een uitkomst (positief of negatief) hoort alleen bij een Halt-verwijzing."
    if g.uitkomst and g.uitkomst not in HALT_UITKOMSTEN:
        return "De uitkomst van een Halt-verwijzing is positief of negatief."
    return None


def tegen_en_verzuim_alleen_bij_proces_verbaal(g: Interventiegegevens) -> str | None:
    """`tegen` and `verzuim` describe a proces-verbaal only (exchange format)."""
    if g.soort != PROCES_VERBAAL and (g.tegen or g.verzuim):
        return "Tegen wie en welk verzuim vult u alleen in bij een proces-verbaal."
    return None


def om_gegevens_alleen_bij_proces_verbaal(g: Interventiegegevens) -> str | None:
    """The OM decides on a proces-verbaal; no other interventie has an OM decision."""
    if g.om_gegevens and g.soort != PROCES_VERBAAL:
        return "Een beslissing van het OM hoort alleen bij een proces-verbaal."
    return None


def om_data_na_proces_verbaal(g: Interventiegegevens) -> str | None:
    """The OM decides, and the court sits, after the proces-verbaal was made."""
    for wat, d in (("De beslissing van het OM", g.om_beslist_op), ("De zitting", g.zittingsdatum)):
        if d is not None and d < g.datum:
            return (
                f"{wat} ({datum_tekst(d)}) kan niet vóór het proces-verbaal "
                f"({datum_tekst(g.datum)}) liggen."
            )
    return None


def svb_alleen_zestien_zeventien(g: Interventiegegevens) -> str | None:
    """MAS route 4: for 16-17 year olds the SVB is told (kinderbijslag stops while a
    kwalificatieplichtige does not attend school)."""
    if g.soort != SVB:
        return None
    if SVB_VANAF <= leeftijd_op(g.geboortedatum, g.datum) < SVB_TOT:
        return None
    return (
        f"Een melding aan de SVB kan alleen voor een jongere van {SVB_VANAF} of "
        f"{SVB_TOT - 1} jaar; de leerling is {leeftijd_tekst(g)}."
    )


Regel = Callable[[Interventiegegevens], str | None]

#: Every rule, with the form field its message belongs to.
REGELS: tuple[tuple[Regel, str], ...] = (
    (halt_vanaf_twaalf, "soort"),
    (halt_tot_achttien, "soort"),
    (proces_verbaal_zegt_tegen_wie, "tegen"),
    (proces_verbaal_zegt_welk_verzuim, "verzuim"),
    (proces_verbaal_jongere_vanaf_twaalf, "tegen"),
    (proces_verbaal_alleen_bij_leerplicht, "soort"),
    (verzuimperiode_klopt, "verzuim_tot"),
    (uitkomst_alleen_bij_halt, "uitkomst"),
    (tegen_en_verzuim_alleen_bij_proces_verbaal, "tegen"),
    (om_gegevens_alleen_bij_proces_verbaal, "om_beslissing"),
    (om_data_na_proces_verbaal, "zittingsdatum"),
    (svb_alleen_zestien_zeventien, "soort"),
)


def controleer_interventie(g: Interventiegegevens) -> dict[str, list[str]]:
    """Form field -> the Dutch messages of the rules this interventie breaks (empty: fine)."""
    fouten: dict[str, list[str]] = {}
    for regel, veld in REGELS:
        melding = regel(g)
        if melding:
            fouten.setdefault(veld, []).append(melding)
    return fouten


def halt_zonder_uitkomst(soorten_en_uitkomsten: list[tuple[str, str | None]]) -> int:
    """How many Halt-verwijzingen still lack their outcome (closing needs none)."""
    return sum(1 for soort, uitkomst in soorten_en_uitkomsten if soort == HALT and not uitkomst)


#: The MAS routes (domain.md), in their order from light to heavy, and the interventies
#: that show a route was taken. Routes can be combined.
MAS_ROUTES: tuple[tuple[str, frozenset[str]], ...] = (
    ("vrijwillige (jeugd)hulp", frozenset({"verwijzing_hulpverlening"})),
    ("Halt-interventie schoolverzuim", frozenset({HALT})),
    ("dwang in civiel kader", frozenset({"veilig_thuis", "beschermingstafel"})),
    ("dwang in strafrechtelijk kader", frozenset({PROCES_VERBAAL})),
)


def mas_routes(soorten: set[str] | frozenset[str] | list[str]) -> list[str]:
    """The MAS routes taken, derived from the soorten of the interventies done."""
    gedaan = set(soorten)
    return [naam for naam, tekenen in MAS_ROUTES if gedaan & tekenen]
