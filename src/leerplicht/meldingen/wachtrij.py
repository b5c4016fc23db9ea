"""The administratie's queue and the next steps on one melding: the rules behind the pages
of `meldingen.views`, without the request.

- The queue's sections (nieuw, opgevraagd, te laat, compleet) are filters on the meldingen
  the user may see (`toegang.beleid.zichtbaar`, asked by the view). "Te laat" is the rule
  of `domein.verzuimstaat.is_te_laat` as a database filter (`verzuimstaat_te_laat`); the
  melding page asks the rule itself (`te_laat`).
- The buttons on a melding are the route's table (`domein.verzuimmelding_route.ROUTE`):
  the transitions from the melding's status whose Handeling (`Overgang.nodig`) the user's
  rol does (`toegang.beleid.mag`). The table is the one place that says which steps exist
  and who takes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from leerplicht.domein.overdracht import werkprocestype_voor
from leerplicht.domein.rollen import Handeling
from leerplicht.domein.route import Overgang
from leerplicht.domein.verzuimmelding_route import ROUTE, Meldingstatus
from leerplicht.domein.verzuimstaat import is_te_laat
from leerplicht.toegang.beleid import Gebruiker, mag
from leerplicht.werkprocessen.toewijzing import actieve_regels, kies_behandelaar

from . import route
from .models import Melding

S = Meldingstatus

#: Rows per section of the queue (the rest is counted).
MAX_RIJEN = 100


# --- the queue ----------------------------------------------------------------------------


def verzuimstaat_te_laat(vandaag: date) -> Q:
    """`domein.verzuimstaat.is_te_laat` as a filter: the school's term has passed on
    `vandaag` (the deadline day itself is still in time; no term is never late)."""
    return Q(verzuimstaat_termijn__lt=vandaag)


@dataclass(frozen=True)
class Filter:
    """One section of the queue: which meldingen are in it, and how the page names it."""

    sleutel: str
    titel: str
    uitleg: str
    q: Q


def filters(vandaag: date) -> list[Filter]:
    """The queue's sections on `vandaag`, in the page's order."""
    opgevraagd = Q(status=S.VERZUIMSTAAT_OPGEVRAAGD)
    te_laat = verzuimstaat_te_laat(vandaag)
    return [
        Filter("nieuw", "Nieuw", "Nieuwe meldingen: verzuimstaat opvragen, compleet maken of "
               "ter kennisneming aannemen.", Q(status=S.NIEUW)),
        Filter("opgevraagd", "Verzuimstaat opgevraagd",
               "Wachten op de school (termijn één week).", opgevraagd & ~te_laat),
        Filter("te-laat", "Te laat",
               "De termijn van de school is verstreken: stuur een herinnering.",
               opgevraagd & te_laat),
        Filter("compleet", "Compleet", "Klaar om over te dragen aan de leerplichtambtenaar.",
               Q(status=S.COMPLEET)),
    ]  # fmt: skip


@dataclass
class Sectie:
    sleutel: str
    titel: str
    uitleg: str
    aantal: int
    meldingen: list[Melding]


def secties(basis: QuerySet[Melding], *, gemeente: str = "", vandaag: date) -> list[Sectie]:
    """The queue: per section the number of meldingen and the first `MAX_RIJEN`, oldest
    term first. `basis` is what the user may see; `gemeente` ("": all) one of theirs. The
    complete meldingen carry `toegewezen_aan`: the behandelaar they would go to."""
    if gemeente:
        basis = basis.filter(gemeente_id=gemeente)
    lijst = filters(vandaag)
    aantallen = basis.aggregate(**{f.sleutel: Count("pk", filter=f.q) for f in lijst})
    regels = actieve_regels()
    uitkomst = []
    for f in lijst:
        rijen = list(
            basis.filter(f.q)
            .select_related("gemeente", "school")
            .order_by("verzuimstaat_termijn", "datum", "meldingsnummer")[:MAX_RIJEN]
        )
        if f.sleutel == "compleet":
            for m in rijen:
                m.toegewezen_aan = beoogde_behandelaar(m, regels)
        uitkomst.append(Sectie(f.sleutel, f.titel, f.uitleg, aantallen[f.sleutel], rijen))
    return uitkomst


def beoogde_behandelaar(melding: Melding, regels) -> str | None:
    """Who gets the melding when it is passed on: the behandelaar of the open werkproces,
    else the first toewijzingsregel that fits."""
    lopend = route.lopend_werkproces(melding)
    if lopend is not None:
        return lopend.behandelaar
    school = melding.school
    return kies_behandelaar(
        gemeente=melding.gemeente_id,
        onderwijssoort=melding.onderwijssoort or (school.onderwijssoort if school else None),
        school=melding.school_id,
        werkprocestype=werkprocestype_voor(melding.soort),
        regels=regels,
    )


def te_laat(melding: Melding, vandaag: date) -> bool:
    """The melding waits for a verzuimstaat whose term has passed (the "te laat" section)."""
    return melding.status == S.VERZUIMSTAAT_OPGEVRAAGD and is_te_laat(
        melding.verzuimstaat_termijn, vandaag
    )


# --- the next steps on one melding ----------------------------------------------------------

#: The code a button posts for each transition of the route (`views.melding_route`).
HANDELINGEN: dict[tuple[str, str], str] = {
    (S.NIEUW, S.VERZUIMSTAAT_OPGEVRAAGD): "opvragen",
    (S.VERZUIMSTAAT_OPGEVRAAGD, S.COMPLEET): "ontvangen",
    (S.NIEUW, S.COMPLEET): "compleet",
    (S.COMPLEET, S.OVERGEDRAGEN): "overdragen",
    (S.NIEUW, S.OVERGEDRAGEN): "overdragen",
    (S.NIEUW, S.TER_KENNISNEMING): "ter_kennisneming",
    (S.NIEUW, S.INGETROKKEN): "intrekken",
    (S.VERZUIMSTAAT_OPGEVRAAGD, S.INGETROKKEN): "intrekken",
    (S.COMPLEET, S.INGETROKKEN): "intrekken",
}

#: Joining an open werkproces (recidive): only when the pupil has one.
TOEVOEGEN = (S.NIEUW, S.OVERGEDRAGEN)

#: A reminder is no transition (the status stays); it is the administratie's work.
HERINNEREN_NODIG = Handeling.MELDINGEN_VERWERKEN


@dataclass(frozen=True)
class Knop:
    """One button on the melding page: the code it posts, its text and the rule."""

    handeling: str
    tekst: str
    regel: str
    #: The step takes an uploaded verzuimstaat.
    bestand: bool = False


HERINNEREN = Knop(
    "herinneren",
    "Herinnering vastleggen",
    "De school kreeg een herinnering (bijvoorbeeld na de termijn).",
)


def knop(overgang: Overgang[Meldingstatus]) -> Knop:
    return Knop(
        handeling=HANDELINGEN[(overgang.van, overgang.naar)],
        tekst=overgang.handeling,
        regel=overgang.regel,
        bestand=overgang.naar == S.COMPLEET and overgang.van != S.NIEUW,
    )


def knoppen(melding: Melding, gebruiker: Gebruiker) -> list[Knop]:
    """The steps the user can take on the melding now, in the route's order (a reminder
    first while the school is asked). A melding of an earlier registration has none."""
    if melding.status is None:
        return []
    uitkomst = []
    for overgang in ROUTE.overgangen_vanuit(melding.status):
        if not mag(gebruiker, overgang.nodig):
            continue
        if (overgang.van, overgang.naar) == TOEVOEGEN and route.lopend_werkproces(melding) is None:
            continue  # joining needs an open werkproces
        uitkomst.append(knop(overgang))
    if melding.status == S.VERZUIMSTAAT_OPGEVRAAGD and mag(gebruiker, HERINNEREN_NODIG):
        uitkomst.insert(0, HERINNEREN)
    return uitkomst
