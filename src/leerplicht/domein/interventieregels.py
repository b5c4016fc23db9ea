"""De regels van de wet voor interventies in een werkproces (domain.md, "Methodische
Aanpak Schoolverzuim"; Leerplichtwet 1969 art. 22).

Each rule is one function that returns a Dutch message when the interventie breaks it,
or None. `controleer_interventie` runs all of them. Pure Python: the casework services
(werkprocessen.diensten) ask here before they save, forms show the messages.

Ages follow `domein.leeftijd` (29 February turns a year older on 1 March).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .formattering import datum_tekst
from .leeftijd import leeftijd_op
from .leerplicht import is_leer_of_kwalificatieplichtig, leerplichtstatus

#: Halt schoolverzuim is for pupils of 12 and older (MAS, route 2).
HALT_VANAF = 12
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


def leeftijd_tekst(g: Interventiegegevens) -> str:
    return f"op {datum_tekst(g.datum)} {_jaar(leeftijd_op(g.geboortedatum, g.datum))}"


# --- the rules ---------------------------------------------------------------------------


def halt_vanaf_twaalf(g: Interventiegegevens) -> str | None:
    """Halt-interventie schoolverzuim: only for pupils of 12 and older on the date (MAS
    route 2; Halt's own criterion for schoolverzuim)."""
    if g.soort == HALT and leeftijd_op(g.geboortedatum, g.datum) < HALT_VANAF:
        return (
            f"Een Halt-verwijzing kan pas vanaf {HALT_VANAF} jaar; "
            f"de leerling is {leeftijd_tekst(g)}."
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
    """Art. 22 lid 3 Leerplichtwet: the pupil is prosecuted only from 12 (criminal
    responsibility starts at 12, art. 486 Sr)."""
    if g.soort != PROCES_VERBAAL or g.tegen != TEGEN_JONGERE:
        return None
    if leeftijd_op(g.geboortedatum, g.datum) < PV_JONGERE_VANAF:
        return (
            f"Een proces-verbaal tegen de jongere kan pas vanaf {PV_JONGERE_VANAF} jaar; "
            f"de leerling is {leeftijd_tekst(g)}."
        )
    return None


def proces_verbaal_alleen_bij_leerplicht(g: Interventiegegevens) -> str | None:
    """Art. 22 lid 2 and 3: the offence is failing the leer- or kwalificatieplicht, so a
    proces-verbaal (against parents or pupil) only while the pupil is leerplichtig or
    kwalificatieplichtig on the date: not before leerplicht starts, not from 18, not after
    a startkwalificatie (art. 4a)."""
    if g.soort != PROCES_VERBAAL:
        return None
    status = leerplichtstatus(g.geboortedatum, g.datum, startkwalificatie=g.startkwalificatie)
    if is_leer_of_kwalificatieplichtig(status):
        return None
    return (
        "Een proces-verbaal kan alleen zolang de leerling leerplichtig of "
        f"kwalificatieplichtig is; de leerling is {leeftijd_tekst(g)} ({status.label})."
    )


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
    (proces_verbaal_zegt_tegen_wie, "tegen"),
    (proces_verbaal_zegt_welk_verzuim, "verzuim"),
    (proces_verbaal_jongere_vanaf_twaalf, "tegen"),
    (proces_verbaal_alleen_bij_leerplicht, "soort"),
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
