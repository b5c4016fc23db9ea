"""De regels voor vrijstellingen, vervangende leerplicht en verlof (Leerplichtwet 1969).

Each rule is one function naming its article. A check returns a list of `Bezwaar`
(`domein.regelfout`: field + Dutch message); an empty list means the rule is met. Pure Python: the
services in `leerplicht.vrijstellingen.diensten` ask these before they save.

Dates: "at most three months old" and "every year before 1 July" are calendar rules;
the four weeks of art. 3a/3b are 28 days; "ending within six weeks" is 42 days,
today included.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .leeftijd import leeftijd_op
from .leerplicht import (
    Leerplichtstatus,
    begin_volledige_leerplicht,
    einde_volledige_leerplicht,
    leerplichtstatus_van,
)
from .regelfout import Bezwaar
from .schooljaar import Schooljaar

#: Who may write the statement a vrijstelling rests on (art. 7 for 5 onder a, art. 9
#: for 5 onder c).
VERKLAARDERS: dict[str, str] = {
    "arts": "door het college aangewezen arts (GGD-jeugdarts), niet de behandelend arts",
    "pedagoog": "door het college aangewezen pedagoog",
    "psycholoog": "door het college aangewezen psycholoog",
    #: Recorded so the statement can be refused for what it is (art. 7 lid 1).
    "behandelend_arts": "behandelend arts (niet toegestaan, art. 7)",
    "schoolhoofd_buitenland": "hoofd van de school in het buitenland",
}
#: Art. 7 lid 1: for 5 onder a a designated doctor, pedagoog or psycholoog.
VERKLAARDERS_5A: frozenset[str] = frozenset({"arts", "pedagoog", "psycholoog"})
#: Art. 9: for 5 onder c the head of the school abroad.
VERKLAARDERS_5C: frozenset[str] = frozenset({"schoolhoofd_buitenland"})

#: Grounds of art. 5 (vrijstelling van de plicht tot inschrijving): the yearly
#: notification of art. 6 applies to these.
ARTIKEL_5: frozenset[str] = frozenset({"5a", "5b", "5c"})
#: Vervangende leerplicht: decided within four weeks (art. 3a lid 3, art. 3b lid 3).
VERVANGENDE_LEERPLICHT: frozenset[str] = frozenset({"3a", "3b"})
#: Grounds that free the pupil from attending school: a melding of verzuim over such a
#: period is withdrawn. Vervangende leerplicht is no such ground: the pupil must still
#: attend the substitute programme.
VRIJ_VAN_SCHOOLBEZOEK: frozenset[str] = frozenset({"5a", "5b", "5c", "15"})

MAXIMALE_OUDERDOM_VERKLARING_MAANDEN = 3
BESLISTERMIJN_VERVANGENDE_LEERPLICHT = timedelta(weeks=4)
VENSTER_EINDIGT_BINNENKORT = timedelta(weeks=6)
#: Art. 14 lid 1: up to 10 school days the school head decides; more: the LPA (lid 3).
MAXIMUM_SCHOOLLEIDER_SCHOOLDAGEN = 10

#: The kinds of verlof this system records. Vakantieverlof (art. 11 onder f, 13a) is
#: deliberately absent: it is the school head's alone.
VERLOFSOORTEN: dict[str, str] = {
    "gewichtige_omstandigheden": "verlof wegens gewichtige omstandigheden (art. 11 onder g, 14)",
}


# --- dates ------------------------------------------------------------------------------


def maanden_eerder(datum: date, maanden: int) -> date:
    """The same day `maanden` months earlier; a day the month lacks becomes its last day."""
    totaal = datum.year * 12 + (datum.month - 1) - maanden
    jaar, maand = divmod(totaal, 12)
    maand += 1
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def oudste_geldige_verklaringsdatum(kennisgeving: date) -> date:
    """Art. 7 lid 1: the statement comes with the kennisgeving and is then at most three
    months old. Its age counts at the kennisgeving (`aangevraagd`), not at the decision:
    the parents cannot help how long the gemeente takes to decide.

    A statement dated exactly three months before the kennisgeving still counts.
    """
    return maanden_eerder(kennisgeving, MAXIMALE_OUDERDOM_VERKLARING_MAANDEN)


def verklaring_recent_genoeg(verklaring_datum: date, kennisgeving: date) -> bool:
    """Art. 7 lid 1: at the kennisgeving not older than three months, and not dated after
    it (the statement comes with the kennisgeving)."""
    return oudste_geldige_verklaringsdatum(kennisgeving) <= verklaring_datum <= kennisgeving


def verklaarder_bezwaren(verklaring_door: str | None) -> list[Bezwaar]:
    """Art. 7 lid 1: for 5 onder a, a doctor designated by the college who is not the
    treating doctor, or a designated pedagoog or psycholoog. The treating doctor is named
    on purpose: it is the usual mistake, and the law rules it out."""
    if verklaring_door in VERKLAARDERS_5A:
        return []
    if verklaring_door == "behandelend_arts":
        tekst = (
            "Een verklaring van de behandelend arts telt niet voor art. 5 onder a: nodig is "
            "een door het college aangewezen arts die de leerling niet behandelt, of een "
            "aangewezen pedagoog of psycholoog (art. 7 lid 1)."
        )
    else:
        tekst = (
            "Voor art. 5 onder a is een verklaring nodig van een door het college "
            "aangewezen arts (niet de behandelend arts), pedagoog of psycholoog (art. 7 lid 1)."
        )
    return [Bezwaar("verklaring_door", tekst)]


def verlengen_voor(grond: str, geldig_van: date, *, nooit_naar_school: bool = False) -> date | None:
    """Art. 6 lid 1 onder b: the parents notify again before 1 July preceding each next
    school year. The date returned is that 1 July (the notification must come before it):
    the first 1 July after `geldig_van`.

    None when no renewal is due: vervangende leerplicht (3a, 3b) and art. 15 are not
    art. 5 vrijstellingen, and for 5 onder a the statement may say the pupil will never
    be able to attend a school (art. 7 lid 2).
    """
    if grond not in ARTIKEL_5:
        return None
    if grond == "5a" and nooit_naar_school:
        return None
    eerste_juli = date(geldig_van.year, 7, 1)
    return eerste_juli if eerste_juli > geldig_van else date(geldig_van.year + 1, 7, 1)


def uiterste_einddatum(
    grond: str, geldig_van: date, *, nooit_naar_school: bool = False
) -> date | None:
    """Art. 6 lid 2 en 3: the last day an art. 5 vrijstelling may run.

    The parents notify every year again before 1 July, so one notification covers one
    school year at most: the period ends on 31 July of the school year it starts in. The
    exception is art. 5 onder a when the statement says the pupil will never be able to
    attend a school (art. 6 lid 3): no end. Vervangende leerplicht (3a, 3b) and art. 15
    are not art. 5 vrijstellingen: art. 6 sets no end for them (None).
    """
    if grond not in ARTIKEL_5 or (grond == "5a" and nooit_naar_school):
        return None
    return Schooljaar.van_datum(geldig_van).einde


def einddatum_bij_toekenning(
    grond: str, geldig_van: date, geldig_tot: date | None, *, nooit_naar_school: bool = False
) -> date | None:
    """The end date stored with a grant: the one asked for, or, left empty, the latest the
    law allows (art. 6 lid 2: 31 July of the school year). Empty only when the law sets
    no end (art. 6 lid 3, or not an art. 5 ground)."""
    if geldig_tot is not None:
        return geldig_tot
    return uiterste_einddatum(grond, geldig_van, nooit_naar_school=nooit_naar_school)


def duur_bezwaren(
    grond: str, geldig_van: date, geldig_tot: date | None, *, nooit_naar_school: bool = False
) -> list[Bezwaar]:
    """Art. 6 lid 2 en 3: an art. 5 vrijstelling runs one school year at most, unless
    (5 onder a) the statement says the pupil will never be able to attend a school."""
    uiterst = uiterste_einddatum(grond, geldig_van, nooit_naar_school=nooit_naar_school)
    if uiterst is None or geldig_tot is None or geldig_tot <= uiterst:
        return []
    uitzondering = (
        " Alleen als de verklaring zegt dat de leerling nooit naar school zal kunnen, mag "
        "de vrijstelling langer duren (art. 6 lid 3)."
        if grond == "5a"
        else ""
    )
    return [
        Bezwaar(
            "geldig_tot",
            "Een vrijstelling op grond van art. 5 geldt hoogstens één schooljaar: "
            f"uiterlijk tot en met {uiterst:%d-%m-%Y} (art. 6 lid 2). De ouders doen elk "
            f"jaar vóór 1 juli opnieuw kennisgeving.{uitzondering}",
        )
    ]


@dataclass(frozen=True)
class TeLateKennisgeving:
    """A kennisgeving after its art. 6 deadline: not a valid claim, but the team may still
    decide on it, so this is a warning to show, never a refusal."""

    kennisgeving: date
    #: The last day the kennisgeving was on time.
    uiterlijk: date
    artikel: str
    tekst: str


def uiterste_kennisgevingsdatum(grond: str, geldig_van: date, geboortedatum: date) -> date | None:
    """Art. 6: the last day the parents' kennisgeving of an art. 5 vrijstelling is on time.

    - The vrijstelling concerns the start of leerplicht (it begins on or before
      `begin_volledige_leerplicht`): at least one month before leerplicht starts.
    - Otherwise (art. 6 lid 2): before 1 July preceding the school year it concerns,
      so 30 June at the latest.

    None for grounds outside art. 5 (vervangende leerplicht, art. 15): no such deadline.
    """
    if grond not in ARTIKEL_5:
        return None
    begin = begin_volledige_leerplicht(geboortedatum)
    if geldig_van <= begin:
        return maanden_eerder(begin, 1)
    return date(Schooljaar.van_datum(geldig_van).beginjaar, 6, 30)


def kennisgeving_te_laat(
    grond: str, kennisgeving: date, geldig_van: date, geboortedatum: date
) -> TeLateKennisgeving | None:
    """Art. 6: a kennisgeving after `uiterste_kennisgevingsdatum`, with the Dutch text the
    team sees (the article and the dates); None when it was on time or no deadline applies."""
    uiterlijk = uiterste_kennisgevingsdatum(grond, geldig_van, geboortedatum)
    if uiterlijk is None or kennisgeving <= uiterlijk:
        return None
    begin = begin_volledige_leerplicht(geboortedatum)
    if geldig_van <= begin:
        artikel = "art. 6"
        regel = (
            f"bij een vrijstelling vanaf het begin van de leerplicht ({begin:%d-%m-%Y}) doen "
            f"de ouders ten minste een maand ervoor kennisgeving, uiterlijk {uiterlijk:%d-%m-%Y}"
        )
    else:
        artikel = "art. 6 lid 2"
        schooljaar = Schooljaar.van_datum(geldig_van)
        regel = (
            f"voor schooljaar {schooljaar.naam} doen de ouders vóór 1 juli "
            f"{schooljaar.beginjaar} kennisgeving, uiterlijk {uiterlijk:%d-%m-%Y}"
        )
    tekst = (
        f"Kennisgeving te laat ({artikel}): {regel}. De kennisgeving is van "
        f"{kennisgeving:%d-%m-%Y}. Een te late kennisgeving is geen geldig beroep op "
        "vrijstelling; u kunt wel een besluit nemen."
    )
    return TeLateKennisgeving(kennisgeving, uiterlijk, artikel, tekst)


def volgende_periode(geldig_tot: date | None, verlengen_voor_datum: date) -> tuple[date, date]:
    """The period of the renewal: the school year after the 1 July deadline.

    Starts the day after the current period ends, or on 1 August of that school year.
    """
    schooljaar = Schooljaar.van_datum(verlengen_voor_datum).volgende()
    van = schooljaar.begin
    if geldig_tot is not None and geldig_tot + timedelta(days=1) > van:
        van = geldig_tot + timedelta(days=1)
    return van, max(van, schooljaar.einde)


def beslistermijn(grond: str, aangevraagd: date) -> date | None:
    """Art. 3a lid 3, art. 3b lid 3: vervangende leerplicht is decided within four weeks
    of the request. Other grounds have no deadline of their own in this law (None)."""
    if grond not in VERVANGENDE_LEERPLICHT:
        return None
    return aangevraagd + BESLISTERMIJN_VERVANGENDE_LEERPLICHT


def venster_eindigt_binnenkort(vandaag: date) -> tuple[date, date]:
    """(first, last) day of "ending within six weeks": today up to and including today
    plus 42 days. A list in the database filters `geldig_tot` on this window."""
    return vandaag, vandaag + VENSTER_EINDIGT_BINNENKORT


def eindigt_binnen_zes_weken(geldig_tot: date | None, vandaag: date) -> bool:
    """A vrijstelling without an end date never ends "soon"."""
    if geldig_tot is None:
        return False
    eerste, laatste = venster_eindigt_binnenkort(vandaag)
    return eerste <= geldig_tot <= laatste


def perioden_overlappen(van_a: date, tot_a: date | None, van_b: date, tot_b: date | None) -> bool:
    """Two periods (both ends included, an open end runs forever) share a day."""
    return (tot_b is None or van_a <= tot_b) and (tot_a is None or van_b <= tot_a)


# --- the decision on a vrijstelling --------------------------------------------------------


@dataclass(frozen=True)
class Aanvraag:
    """What the decision on a vrijstelling or vervangende leerplicht looks at."""

    grond: str
    aangevraagd: date
    geldig_van: date
    geldig_tot: date | None
    geboortedatum: date
    startkwalificatie: date | None = None
    #: The register's facts that end a leerplicht early (domein.leerplichtfeiten).
    twaalf_schooljaren_voltooid: date | None = None
    kwalificatieplicht_vervallen: date | None = None
    verklaring_datum: date | None = None
    verklaring_door: str | None = None
    nooit_naar_school: bool = False
    richting_vorig_jaar: bool | None = None
    plan_van_aanpak: bool | None = None


def periode_bezwaren(a: Aanvraag) -> list[Bezwaar]:
    """The period must run forwards."""
    if a.geldig_tot is not None and a.geldig_tot < a.geldig_van:
        return [Bezwaar("geldig_tot", "De einddatum ligt vóór de begindatum.")]
    return []


def verklaringsdatum_bezwaren(verklaring_datum: date | None, kennisgeving: date) -> list[Bezwaar]:
    """Art. 7 lid 1: the statement's date, aged at the kennisgeving."""
    if verklaring_datum is None:
        return [Bezwaar("verklaring_datum", "Leg de datum van de verklaring vast (art. 7 lid 1).")]
    if verklaring_recent_genoeg(verklaring_datum, kennisgeving):
        return []
    oudste = oudste_geldige_verklaringsdatum(kennisgeving)
    return [
        Bezwaar(
            "verklaring_datum",
            "De verklaring hoort bij de kennisgeving en mag dan hoogstens drie maanden oud "
            f"zijn (art. 7 lid 1): bij een kennisgeving van {kennisgeving:%d-%m-%Y} "
            f"gedateerd tussen {oudste:%d-%m-%Y} en {kennisgeving:%d-%m-%Y}.",
        )
    ]


def bezwaren_5a(a: Aanvraag, besluitdatum: date) -> list[Bezwaar]:
    """Art. 5 onder a, art. 7: a statement of a designated doctor (not the treating one),
    pedagoog or psycholoog, at most three months old at the kennisgeving (`aangevraagd`).
    The decision date does not age it (`besluitdatum` is unused on purpose)."""
    return verklaarder_bezwaren(a.verklaring_door) + verklaringsdatum_bezwaren(
        a.verklaring_datum, a.aangevraagd
    )


def bezwaren_5b(a: Aanvraag) -> list[Bezwaar]:
    """Art. 5 onder b, art. 8: no vrijstelling if the pupil attended, in the year before,
    a school of the denomination the parents now object to. The medewerker answers."""
    if a.richting_vorig_jaar is None:
        return [
            Bezwaar(
                "richting_vorig_jaar",
                "Beantwoord of de leerling het vorige jaar een school van deze richting "
                "bezocht (art. 8).",
            )
        ]
    if a.richting_vorig_jaar:
        return [
            Bezwaar(
                "richting_vorig_jaar",
                "Geen vrijstelling op grond van art. 5 onder b: de leerling bezocht het "
                "vorige jaar een school van deze richting (art. 8).",
            )
        ]
    return []


def bezwaren_5c(a: Aanvraag) -> list[Bezwaar]:
    """Art. 5 onder c, art. 9: a statement of the head of the school abroad that the
    pupil is enrolled there and attends regularly."""
    if a.verklaring_door not in VERKLAARDERS_5C or a.verklaring_datum is None:
        return [
            Bezwaar(
                "verklaring_door",
                "Voor art. 5 onder c is een verklaring nodig van het hoofd van de school "
                "in het buitenland (art. 9).",
            )
        ]
    return []


def bezwaren_3a(a: Aanvraag) -> list[Bezwaar]:
    """Art. 3a: vervangende leerplicht for a pupil of 14 or 15 years old."""
    if leeftijd_op(a.geboortedatum, a.geldig_van) not in (14, 15):
        return [
            Bezwaar(
                "geldig_van",
                "Vervangende leerplicht op grond van art. 3a is alleen voor leerlingen van "
                "14 of 15 jaar op de begindatum.",
            )
        ]
    return []


def _einde_volledige_leerplicht(a: Aanvraag) -> date:
    """Full leerplicht ends with the school year of the 16th birthday (art. 4 lid 1), or
    earlier after twaalf volledige schooljaren (art. 3 lid 1 onder a)."""
    einde = einde_volledige_leerplicht(a.geboortedatum)
    if a.twaalf_schooljaren_voltooid is not None:
        einde = min(einde, a.twaalf_schooljaren_voltooid)
    return einde


def bezwaren_3b(a: Aanvraag) -> list[Bezwaar]:
    """Art. 3b: vervangende leerplicht in the last school year of full leerplicht (which
    twaalf volledige schooljaren may bring forward, art. 3 lid 1 onder a), with a plan
    van aanpak."""
    bezwaren = []
    laatste = Schooljaar.van_datum(_einde_volledige_leerplicht(a))
    if not laatste.bevat(a.geldig_van):
        bezwaren.append(
            Bezwaar(
                "geldig_van",
                "Vervangende leerplicht op grond van art. 3b geldt alleen in het laatste "
                f"schooljaar van de volledige leerplicht ({laatste.naam}).",
            )
        )
    if not a.plan_van_aanpak:
        bezwaren.append(
            Bezwaar(
                "plan_van_aanpak",
                "Voor art. 3b is een plan van aanpak nodig; leg vast dat het er is.",
            )
        )
    return bezwaren


def bezwaren_15(a: Aanvraag) -> list[Bezwaar]:
    """Art. 15: only for a kwalificatieplichtige (not for a volledig leerplichtige); the
    register's facts count (twaalf schooljaren make one kwalificatieplichtig earlier,
    art. 3 lid 1 onder a; a lapsed kwalificatieplicht, art. 4a lid 2, ends it)."""
    status = leerplichtstatus_van(a, a.geldig_van)
    if status is not Leerplichtstatus.KWALIFICATIEPLICHTIG:
        return [
            Bezwaar(
                "grond",
                "Art. 15 geldt alleen voor een kwalificatieplichtige; op de begindatum is "
                f"deze persoon {status.label}.",
            )
        ]
    return []


def bezwaren_tegen_toekenning(a: Aanvraag, besluitdatum: date) -> list[Bezwaar]:
    """Every rule a grant on this ground must meet; empty: it may be granted."""
    bezwaren = periode_bezwaren(a)
    bezwaren += duur_bezwaren(
        a.grond, a.geldig_van, a.geldig_tot, nooit_naar_school=a.nooit_naar_school
    )
    if a.grond == "5a":
        bezwaren += bezwaren_5a(a, besluitdatum)
    elif a.grond == "5b":
        bezwaren += bezwaren_5b(a)
    elif a.grond == "5c":
        bezwaren += bezwaren_5c(a)
    elif a.grond == "3a":
        bezwaren += bezwaren_3a(a)
    elif a.grond == "3b":
        bezwaren += bezwaren_3b(a)
    elif a.grond == "15":
        bezwaren += bezwaren_15(a)
    return bezwaren


# --- verlof ----------------------------------------------------------------------------------


def bezwaren_verlofsoort(soort: str) -> list[Bezwaar]:
    """Art. 11 onder f, 13a: vakantieverlof is decided by the school head alone; there is
    no route to the leerplichtambtenaar."""
    if soort == "vakantieverlof":
        return [
            Bezwaar(
                "soort",
                "Vakantieverlof (art. 11 onder f, art. 13a) beslist alleen de directeur van "
                "de school. Verwijs de ouders naar de school; de leerplichtambtenaar neemt "
                "dit verzoek niet in behandeling.",
            )
        ]
    if soort not in VERLOFSOORTEN:
        return [Bezwaar("soort", "Kies verlof wegens gewichtige omstandigheden.")]
    return []


def beslist_de_leerplichtambtenaar(aantal_schooldagen: int, al_verleend: int = 0) -> bool:
    """Art. 14 lid 1 en 3: the school head grants at most 10 school days per school year
    for the same pupil, all requests together. A request that brings the year over 10
    days (`al_verleend` by the school head this school year + `aantal_schooldagen` asked)
    is the leerplichtambtenaar's of the woongemeente; up to 10 the school head's."""
    return al_verleend + aantal_schooldagen > MAXIMUM_SCHOOLLEIDER_SCHOOLDAGEN


def al_verleend_bezwaren(
    al_verleend: int, peildatum: date | None, bron: str, aangevraagd: date
) -> list[Bezwaar]:
    """The days the school head already granted this school year are a fact the routing
    rests on (art. 14 lid 1), so they need the date they were known on and where they
    come from; and the head cannot have granted more than 10."""
    if al_verleend == 0:
        return []
    bezwaren = []
    if al_verleend > MAXIMUM_SCHOOLLEIDER_SCHOOLDAGEN:
        bezwaren.append(
            Bezwaar(
                "al_verleend_schooldagen",
                "De directeur van de school verleent hoogstens 10 schooldagen per schooljaar "
                "(art. 14 lid 1).",
            )
        )
    if peildatum is None:
        bezwaren.append(
            Bezwaar(
                "al_verleend_peildatum",
                "Leg vast op welke datum bekend was hoeveel dagen de directeur al verleende "
                "(art. 14 lid 1).",
            )
        )
    elif peildatum > aangevraagd:
        bezwaren.append(
            Bezwaar("al_verleend_peildatum", "Deze datum ligt na de datum van de aanvraag.")
        )
    if not bron.strip():
        bezwaren.append(
            Bezwaar(
                "al_verleend_bron",
                "Leg vast waar het aantal al verleende dagen vandaan komt, bijvoorbeeld de "
                "opgave van de directeur (art. 14 lid 1).",
            )
        )
    return bezwaren


def weekdagen(van: date, tot: date) -> int:
    """Monday to Friday from `van` to `tot`, both included: the most school days the period
    can hold (holidays are not known here)."""
    if tot < van:
        return 0
    dagen = (tot - van).days + 1
    volle_weken, rest = divmod(dagen, 7)
    extra = sum(1 for i in range(rest) if (van.weekday() + i) % 7 < 5)
    return volle_weken * 5 + extra


def bezwaren_verlofaanvraag(
    soort: str,
    van: date,
    tot: date,
    aantal_schooldagen: int,
    *,
    al_verleend: int = 0,
    al_verleend_peildatum: date | None = None,
    al_verleend_bron: str = "",
    aangevraagd: date | None = None,
) -> list[Bezwaar]:
    """What makes a request for verlof one the leerplichtambtenaar handles (art. 14):
    counted per school year, the days the school head already granted included."""
    bezwaren = bezwaren_verlofsoort(soort)
    if bezwaren:
        return bezwaren
    if tot < van:
        return [Bezwaar("tot", "De einddatum ligt vóór de begindatum.")]
    if aantal_schooldagen > weekdagen(van, tot):
        return [
            Bezwaar(
                "aantal_schooldagen",
                f"Van {van:%d-%m-%Y} tot en met {tot:%d-%m-%Y} zijn hoogstens "
                f"{weekdagen(van, tot)} schooldagen.",
            )
        ]
    bezwaren = al_verleend_bezwaren(
        al_verleend, al_verleend_peildatum, al_verleend_bron, aangevraagd or van
    )
    if bezwaren:
        return bezwaren
    if not beslist_de_leerplichtambtenaar(aantal_schooldagen, al_verleend):
        return [
            Bezwaar(
                "aantal_schooldagen", tekst_schoolleider_beslist(aantal_schooldagen, al_verleend)
            )
        ]
    return []


def tekst_schoolleider_beslist(aantal_schooldagen: int, al_verleend: int) -> str:
    """Art. 14 lid 1: why the school head decides, with the count of the school year."""
    totaal = al_verleend + aantal_schooldagen
    return (
        "Verlof wegens gewichtige omstandigheden van ten hoogste 10 schooldagen per "
        "schooljaar, alle aanvragen samen, beslist de directeur van de school (art. 14 lid 1). "
        f"Dit schooljaar: {al_verleend} al verleend + {aantal_schooldagen} gevraagd = "
        f"{totaal}. Verwijs de ouders naar de school."
    )


def bezwaren_verlofbesluit(
    aantal_schooldagen: int, schoolleider_gehoord_op: date | None, al_verleend: int = 0
) -> list[Bezwaar]:
    """Art. 14 lid 3: the LPA decides when the school year comes to more than 10 days,
    after hearing the school head."""
    bezwaren = []
    if not beslist_de_leerplichtambtenaar(aantal_schooldagen, al_verleend):
        bezwaren.append(
            Bezwaar(
                "aantal_schooldagen",
                "Over ten hoogste 10 schooldagen per schooljaar beslist de directeur van de "
                "school (art. 14 lid 1), niet de leerplichtambtenaar.",
            )
        )
    if schoolleider_gehoord_op is None:
        bezwaren.append(
            Bezwaar(
                "schoolleider_gehoord_op",
                "Hoor eerst de directeur van de school en leg de datum vast (art. 14 lid 3).",
            )
        )
    return bezwaren
