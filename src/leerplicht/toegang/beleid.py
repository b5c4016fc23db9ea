"""The one place that decides access. Views, exports, search and reports ask here.

A user without a Medewerker record (or inactive) has no rol and sees nothing.

What each rol may do is the table `BEVOEGDHEDEN` below; which persons and
records a rol with dossier access sees is decided by the `*_voor(gebruiker)`
querysets (one per model that holds person data) and `mag_zien(gebruiker,
obj)`, which asks the same querysets, so a list, a search and a detail page
can never disagree. Nothing outside this module filters on rol or gemeente.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from leerplicht.domein.codes import DOORSTROOMPUNT_WERKPROCESSEN
from leerplicht.domein.doorstroompunt_doelgroep import (
    ONDERGRENS_LEEFTIJD,
    geldende_leeftijdsgrens,
)
from leerplicht.domein.leeftijd import verjaardag
from leerplicht.domein.rollen import HANDELINGEN, ZIET_CIJFERS, ZIET_DOSSIERS, Handeling, Rol
from leerplicht.modellen import M, OpModel
from leerplicht.register.models import Gemeente, Inschrijving, Persoon

from .models import Medewerker

if TYPE_CHECKING:
    from leerplicht.audit.models import Auditregel
    from leerplicht.doorstroompunt.models import Voorstel, Vsv
    from leerplicht.jikp.models import Jikpregistratie
    from leerplicht.meldingen.models import Melding
    from leerplicht.thuiszitters.models import Thuiszitter
    from leerplicht.vrijstellingen.models import Verlofaanvraag, Vrijstelling
    from leerplicht.werkprocessen.models import (
        Document,
        Gebeurtenis,
        Interventie,
        Notitie,
        Werkproces,
    )


Gebruiker = AbstractBaseUser | AnonymousUser


class Dossierbereik(StrEnum):
    """How far a rol reaches into the person data of its own gemeenten."""

    #: No person, no record: figures, settings or the audit log only.
    GEEN = "geen"
    #: Every person and record of the gemeenten (leerplicht and Doorstroompunt alike).
    GEMEENTE = "gemeente"
    #: Only the 18+ work of the gemeenten: see `doorstroompunt_personen`.
    DOORSTROOMPUNT = "doorstroompunt"


@dataclass(frozen=True)
class Bevoegdheden:
    dossiers: Dossierbereik
    #: Aggregated figures (rapport, start page) of the own gemeenten.
    cijfers: bool
    #: Reads the audit log ("wie keek in dit dossier").
    auditlog: bool
    #: Manages users, gemeenten, schools and settings (never dossiers).
    beheer: bool


#: What each rol may do (domain.md "Who uses it", issue 3). Always within the
#: gemeenten the medewerker works for; a rol never widens by itself.
BEVOEGDHEDEN: dict[Rol, Bevoegdheden] = {
    # Takes in meldingen, completes dossiers, registers vrijstellingen: all cases.
    Rol.ADMINISTRATIEF_MEDEWERKER: Bevoegdheden(
        Dossierbereik.GEMEENTE, cijfers=True, auditlog=False, beheer=False
    ),
    # Owns cases of pupils 5-18 and hands some over to the Doorstroompunt.
    Rol.LEERPLICHTAMBTENAAR: Bevoegdheden(
        Dossierbereik.GEMEENTE, cijfers=True, auditlog=False, beheer=False
    ),
    # Owns 18-23 (27 from 2026) year olds: verzuim 18+, vsv, JIKP.
    Rol.CONSULENT_DOORSTROOMPUNT: Bevoegdheden(
        Dossierbereik.DOORSTROOMPUNT, cijfers=True, auditlog=False, beheer=False
    ),
    # Caseload, lead times, the annual report: needs the cases behind the figures.
    Rol.TEAMMANAGER: Bevoegdheden(
        Dossierbereik.GEMEENTE, cijfers=True, auditlog=False, beheer=False
    ),
    # Reads figures of its own gemeente only; never a person.
    Rol.BELEIDSMEDEWERKER: Bevoegdheden(
        Dossierbereik.GEEN, cijfers=True, auditlog=False, beheer=False
    ),
    # Users, gemeenten, schools, imports: no need to read a child's file.
    Rol.APPLICATIEBEHEERDER: Bevoegdheden(
        Dossierbereik.GEEN, cijfers=False, auditlog=False, beheer=True
    ),
    # Supervises who looked at what; reads the log, not the dossiers themselves.
    Rol.PRIVACY_OFFICER: Bevoegdheden(
        Dossierbereik.GEEN, cijfers=False, auditlog=True, beheer=False
    ),
}

#: The kind of melding that goes to the Doorstroompunt.
DOORSTROOMPUNT_MELDINGEN: frozenset[str] = frozenset({"18plus"})


# --- what is asked once per request ------------------------------------------------

#: Answers that do not change while one request is handled (the user's gemeenten, the
#: persons filter), per thread/task; None outside a request, so scripts and tests always
#: ask afresh. Decisions are the same with or without it (tests/snelheid).
_per_verzoek: ContextVar[dict | None] = ContextVar("toegang_per_verzoek", default=None)


@contextmanager
def per_verzoek() -> Iterator[None]:
    """Inside: `gemeenten_van` asks the database once per medewerker, and the persons
    filter of a reach is built once (`_personen_van_gemeenten`)."""
    token = _per_verzoek.set({})
    try:
        yield
    finally:
        _per_verzoek.reset(token)


def _vergeet_per_verzoek(**_: object) -> None:
    cache = _per_verzoek.get()
    if cache is not None:
        cache.clear()


class PerVerzoekMiddleware:
    """Opens `per_verzoek` for each request (settings.MIDDLEWARE, before the first
    middleware that asks for a rol)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with per_verzoek():
            return self.get_response(request)


# A medewerker whose rol or gemeenten change is asked afresh, also within the request.
m2m_changed.connect(
    _vergeet_per_verzoek, sender=Medewerker.gemeenten.through, dispatch_uid="toegang_m2m"
)
post_save.connect(_vergeet_per_verzoek, sender=Medewerker, dispatch_uid="toegang_opslaan")
post_delete.connect(_vergeet_per_verzoek, sender=Medewerker, dispatch_uid="toegang_wissen")


# --- who is the user ---------------------------------------------------------------


def medewerker_van(gebruiker: Gebruiker) -> Medewerker | None:
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return None
    try:
        return gebruiker.medewerker
    except Medewerker.DoesNotExist:
        return None


def rol_van(gebruiker: Gebruiker) -> Rol | None:
    medewerker = medewerker_van(gebruiker)
    return Rol(medewerker.rol) if medewerker else None


def gemeenten_van(gebruiker: Gebruiker) -> frozenset[str]:
    """CBS-codes of the gemeenten the user works for (empty without a rol).

    Within a web request (`PerVerzoekMiddleware`) asked of the database once: a page
    asks it for every queryset it scopes. A change of the medewerker's gemeenten
    empties the cache (signals below), so even within the request it is never stale.
    """
    medewerker = medewerker_van(gebruiker)
    if medewerker is None:
        return frozenset()
    cache = _per_verzoek.get()
    sleutel = ("gemeenten", medewerker.pk)
    if cache is not None and sleutel in cache:
        return cache[sleutel]
    gemeenten = frozenset(medewerker.gemeenten.values_list("code", flat=True))
    if cache is not None:
        cache[sleutel] = gemeenten
    return gemeenten


def bevoegdheden_van(gebruiker: Gebruiker) -> Bevoegdheden | None:
    rol = rol_van(gebruiker)
    return BEVOEGDHEDEN[rol] if rol else None


def dossierbereik_van(gebruiker: Gebruiker) -> Dossierbereik:
    bevoegd = bevoegdheden_van(gebruiker)
    return bevoegd.dossiers if bevoegd else Dossierbereik.GEEN


def ziet_dossiers(gebruiker: Gebruiker) -> bool:
    return rol_van(gebruiker) in ZIET_DOSSIERS


def ziet_cijfers(gebruiker: Gebruiker) -> bool:
    return rol_van(gebruiker) in ZIET_CIJFERS


def mag(gebruiker: Gebruiker, handeling: Handeling) -> bool:
    """Whether the user's rol does this kind of work (buttons and forms ask this too)."""
    return rol_van(gebruiker) in HANDELINGEN[handeling]


def leest_auditlog(gebruiker: Gebruiker) -> bool:
    bevoegd = bevoegdheden_van(gebruiker)
    return bool(bevoegd and bevoegd.auditlog)


def beheert(gebruiker: Gebruiker) -> bool:
    bevoegd = bevoegdheden_van(gebruiker)
    return bool(bevoegd and bevoegd.beheer)


# --- the Doorstroompunt doelgroep as a database filter ------------------------------


def uiterste_geboortedatum(leeftijd: int, peildatum: date) -> date:
    """The latest birth date of someone who is at least `leeftijd` on `peildatum`.

    Ages follow `domein.leeftijd.verjaardag` (29 February turns a year older on
    1 March), so the database filter and the domain core agree on every day.
    """
    try:
        kandidaat = peildatum.replace(year=peildatum.year - leeftijd)
    except ValueError:  # 29 February, `leeftijd` years earlier is no leap year
        kandidaat = date(peildatum.year - leeftijd, 2, 28)
    een_dag = date.resolution
    while verjaardag(kandidaat + een_dag, leeftijd) <= peildatum:
        kandidaat += een_dag
    while verjaardag(kandidaat, leeftijd) > peildatum:
        kandidaat -= een_dag
    return kandidaat


def in_doelgroep_doorstroompunt_q(peildatum: date) -> Q:
    """Persons in the Doorstroompunt doelgroep on `peildatum`, as a filter on Persoon.

    Same rule as `domein.doorstroompunt_doelgroep.in_doelgroep_doorstroompunt`:
    18 up to the age limit in force (23, or 27 from 1 January 2026), without a
    startkwalificatie on `peildatum`. Leavers of pro and vso (in the doelgroep
    from 2026 even with a certificate) are not in the register as such; they
    reach the Doorstroompunt through a JIKP werkproces (see `doorstroompunt_personen`).
    """
    grens = geldende_leeftijdsgrens(peildatum)
    return (
        Q(geboortedatum__lte=uiterste_geboortedatum(ONDERGRENS_LEEFTIJD, peildatum))
        & Q(geboortedatum__gt=uiterste_geboortedatum(grens.tot_leeftijd, peildatum))
        & (Q(startkwalificatie__isnull=True) | Q(startkwalificatie__gt=peildatum))
    )


# --- querysets scoped to the user ---------------------------------------------------


@dataclass(frozen=True)
class Reikwijdte:
    """What a user reaches: the dossier reach and the gemeenten (asked once per call)."""

    bereik: Dossierbereik
    gemeenten: frozenset[str]

    @classmethod
    def van(cls, gebruiker: Gebruiker) -> Reikwijdte:
        bereik = dossierbereik_van(gebruiker)
        gemeenten = gemeenten_van(gebruiker) if bereik is not Dossierbereik.GEEN else frozenset()
        if not gemeenten:
            return cls(Dossierbereik.GEEN, frozenset())
        return cls(bereik, gemeenten)


def werkprocessen_voor(gebruiker: Gebruiker) -> QuerySet[Werkproces]:
    return _werkprocessen(Reikwijdte.van(gebruiker))


def _werkprocessen(r: Reikwijdte) -> QuerySet[Werkproces]:
    """GEMEENTE: every werkproces of the gemeenten; DOORSTROOMPUNT: only its kinds."""
    if r.bereik is Dossierbereik.GEMEENTE:
        return M.Werkproces.objects.filter(gemeente__in=r.gemeenten)
    if r.bereik is Dossierbereik.DOORSTROOMPUNT:
        return M.Werkproces.objects.filter(
            gemeente__in=r.gemeenten, type__in=DOORSTROOMPUNT_WERKPROCESSEN
        )
    return M.Werkproces.objects.none()


def interventies_voor(gebruiker: Gebruiker) -> QuerySet[Interventie]:
    """An interventie is seen with its werkproces."""
    return M.Interventie.objects.filter(werkproces__in=werkprocessen_voor(gebruiker))


def notities_voor(gebruiker: Gebruiker) -> QuerySet[Notitie]:
    """A notitie is seen with its werkproces."""
    return M.Notitie.objects.filter(werkproces__in=werkprocessen_voor(gebruiker))


def gebeurtenissen_voor(gebruiker: Gebruiker) -> QuerySet[Gebeurtenis]:
    """A gebeurtenis (status change) is seen with its werkproces."""
    return M.Gebeurtenis.objects.filter(werkproces__in=werkprocessen_voor(gebruiker))


def documenten_voor(gebruiker: Gebruiker) -> QuerySet[Document]:
    """A document is seen with what it belongs to: its werkproces; else its melding; else
    its vrijstelling; a document of the person alone only with the GEMEENTE reach (the
    Doorstroompunt sees the files of its own work, not the leerplicht file)."""
    r = Reikwijdte.van(gebruiker)
    if r.bereik is Dossierbereik.GEEN:
        return M.Document.objects.none()
    zonder_werkproces = Q(werkproces__isnull=True)
    zonder_melding = zonder_werkproces & Q(melding__isnull=True)
    alleen_persoon = zonder_melding & Q(vrijstelling__isnull=True)
    voorwaarde = (
        Q(werkproces__in=_werkprocessen(r))
        | (zonder_werkproces & Q(melding__in=_meldingen(r)))
        | (zonder_melding & Q(vrijstelling__in=_vrijstellingen(r)))
    )
    if r.bereik is Dossierbereik.GEMEENTE:
        voorwaarde |= alleen_persoon & Q(persoon__in=_personen_van_gemeenten(r))
    return M.Document.objects.filter(voorwaarde)


def overdrachten_voor(gebruiker: Gebruiker) -> QuerySet[Werkproces]:
    """The warm transfers at 18 the user may take on: leerplicht werkprocessen of the own
    gemeenten closed with resultaat `overdracht_dsp`. For the Doorstroompunt reach this is
    the only door to a leerplicht werkproces, and only to its number, closing date and the
    person's age (the list); taking it on opens a Doorstroompunt werkproces, which brings
    the person into reach (`doorstroompunt_personen`), not the leerplicht file."""
    r = Reikwijdte.van(gebruiker)
    if r.bereik is Dossierbereik.GEEN:
        return M.Werkproces.objects.none()
    return M.Werkproces.objects.filter(
        gemeente__in=r.gemeenten, resultaat="overdracht_dsp", gesloten__isnull=False
    )


def meldingen_voor(gebruiker: Gebruiker) -> QuerySet[Melding]:
    return _meldingen(Reikwijdte.van(gebruiker))


def _meldingen(r: Reikwijdte) -> QuerySet[Melding]:
    """GEMEENTE: every melding of the gemeenten; DOORSTROOMPUNT: verzuim 18+ and the
    meldingen that belong to one of its werkprocessen."""
    if r.bereik is Dossierbereik.GEMEENTE:
        return M.Melding.objects.filter(gemeente__in=r.gemeenten)
    if r.bereik is Dossierbereik.DOORSTROOMPUNT:
        return M.Melding.objects.filter(gemeente__in=r.gemeenten).filter(
            Q(soort__in=DOORSTROOMPUNT_MELDINGEN)
            | Q(
                werkproces__type__in=DOORSTROOMPUNT_WERKPROCESSEN,
                werkproces__gemeente__in=r.gemeenten,
            )
        )
    return M.Melding.objects.none()


def vrijstellingen_voor(gebruiker: Gebruiker) -> QuerySet[Vrijstelling]:
    return _vrijstellingen(Reikwijdte.van(gebruiker))


def _vrijstellingen(r: Reikwijdte) -> QuerySet[Vrijstelling]:
    """Vrijstellingen are leerplicht matters (under 18): not for the Doorstroompunt."""
    if r.bereik is Dossierbereik.GEMEENTE:
        return M.Vrijstelling.objects.filter(gemeente__in=r.gemeenten)
    return M.Vrijstelling.objects.none()


def verlofaanvragen_voor(gebruiker: Gebruiker) -> QuerySet[Verlofaanvraag]:
    return _verlofaanvragen(Reikwijdte.van(gebruiker))


def _verlofaanvragen(r: Reikwijdte) -> QuerySet[Verlofaanvraag]:
    """Verlof (art. 14) is a leerplicht matter, like vrijstellingen: GEMEENTE reach only."""
    if r.bereik is Dossierbereik.GEMEENTE:
        return M.Verlofaanvraag.objects.filter(gemeente__in=r.gemeenten)
    return M.Verlofaanvraag.objects.none()


def thuiszitters_voor(gebruiker: Gebruiker) -> QuerySet[Thuiszitter]:
    return _thuiszitters(Reikwijdte.van(gebruiker))


def _thuiszitters(r: Reikwijdte) -> QuerySet[Thuiszitter]:
    """Thuiszitters are leer- or kwalificatieplichtig (under 18): not for the Doorstroompunt."""
    if r.bereik is Dossierbereik.GEMEENTE:
        return M.Thuiszitter.objects.filter(gemeente__in=r.gemeenten)
    return M.Thuiszitter.objects.none()


def vsv_voor(gebruiker: Gebruiker) -> QuerySet[Vsv]:
    return _vsv(Reikwijdte.van(gebruiker))


def _vsv(r: Reikwijdte) -> QuerySet[Vsv]:
    """Vsv-trajecten are Doorstroompunt work, also seen by the leerplicht team."""
    if r.bereik is Dossierbereik.GEEN:
        return M.Vsv.objects.none()
    return M.Vsv.objects.filter(gemeente__in=r.gemeenten)


def vsv_voorstellen_voor(gebruiker: Gebruiker) -> QuerySet[Voorstel]:
    """A proposal "geen doelgroep meer" is seen with its vsv-traject."""
    return M.Voorstel.objects.filter(vsv__in=vsv_voor(gebruiker))


def jikp_voor(gebruiker: Gebruiker) -> QuerySet[Jikpregistratie]:
    """JIKP registrations of the own gemeenten. The Doorstroompunt reach: only of the persons
    the consulent may open anyway (a JIKP registration does not widen that reach)."""
    r = Reikwijdte.van(gebruiker)
    if r.bereik is Dossierbereik.GEEN:
        return M.Jikpregistratie.objects.none()
    rijen = M.Jikpregistratie.objects.filter(gemeente__in=r.gemeenten)
    if r.bereik is Dossierbereik.DOORSTROOMPUNT:
        rijen = rijen.filter(persoon__in=doorstroompunt_personen(r, timezone.localdate()))
    return rijen


def _heeft(queryset: QuerySet) -> Exists:
    return Exists(queryset.filter(persoon=OuterRef("pk")))


def personen_voor(gebruiker: Gebruiker, *, peildatum: date | None = None) -> QuerySet[Persoon]:
    """The persons whose dossier the user may open (`peildatum`: default today).

    GEMEENTE: a person who lives in one of the gemeenten, or for whom one of
    them holds a record (melding, werkproces, vrijstelling, thuiszitperiode or
    vsv-traject; e.g. someone who moved away during a case). The dossier page
    then shows only the records the user may see, one `*_voor` each.

    DOORSTROOMPUNT: see `doorstroompunt_personen`.
    """
    r = Reikwijdte.van(gebruiker)
    if r.bereik is Dossierbereik.DOORSTROOMPUNT:
        return doorstroompunt_personen(r, peildatum or timezone.localdate())
    if r.bereik is Dossierbereik.GEMEENTE:
        return _personen_van_gemeenten(r)
    return Persoon.objects.none()


def _personen_van_gemeenten(r: Reikwijdte) -> QuerySet[Persoon]:
    """Living in one of the gemeenten, or with a record of one of them.

    Building this filter (seven conditions) costs milliseconds of Python; within a
    request it is built once per reach and handed out as a fresh copy (`.all()`), so a
    caller's filters or evaluation never touch the kept one.
    """
    cache = _per_verzoek.get()
    if cache is None:
        return _bouw_personen_van_gemeenten(r)
    sleutel = ("personen_van_gemeenten", r)
    if sleutel not in cache:
        cache[sleutel] = _bouw_personen_van_gemeenten(r)
    return cache[sleutel].all()


def _bouw_personen_van_gemeenten(r: Reikwijdte) -> QuerySet[Persoon]:
    return Persoon.objects.filter(
        Q(gemeente__in=r.gemeenten)
        | _heeft(_meldingen(r))
        | _heeft(_werkprocessen(r))
        | _heeft(_vrijstellingen(r))
        | _heeft(_verlofaanvragen(r))
        | _heeft(_thuiszitters(r))
        | _heeft(_vsv(r))
    )


def doorstroompunt_personen(r: Reikwijdte, peildatum: date) -> QuerySet[Persoon]:
    """The persons a consulent Doorstroompunt may open: the 18+ work of the gemeenten.

    A person is visible when
    1. they live in one of the gemeenten and are in the Doorstroompunt
       doelgroep on `peildatum` (18 up to 23, or 27 from 1 January 2026,
       without startkwalificatie: `in_doelgroep_doorstroompunt_q`), or
    2. one of the gemeenten holds Doorstroompunt work about them: a werkproces
       of a kind in `DOORSTROOMPUNT_WERKPROCESSEN` (verzuim 18+, zorg en
       preventie 18+, vsv, JIKP), a melding verzuim 18+, or a vsv-traject.
       This keeps their own cases open after the person turns 23/27 or
       obtains a startkwalificatie, and covers JIKP pupils under 18.

    A 12-year-old of the same gemeente is not visible, nor are the leerplicht
    records (vrijstellingen, thuiszitperiodes, leerplicht werkprocessen and
    meldingen) of a visible person: the Leerplichtwet file passes to the
    Doorstroompunt only by a handover, which opens a Doorstroompunt werkproces.
    """
    return Persoon.objects.filter(
        (Q(gemeente__in=r.gemeenten) & in_doelgroep_doorstroompunt_q(peildatum))
        | _heeft(_werkprocessen(r))
        | _heeft(_meldingen(r))
        | _heeft(_vsv(r))
    )


# --- who a write may touch (regel "schrijfbereik") ---------------------------------------
#
# A person comes into a gemeente's reach only through facts that put them there: living
# there, a record of that gemeente made from such a fact (a DUO melding or
# de-registration about a resident, a move, a confirmed warm transfer). Never because a
# user typed a BSN, an onderwijsnummer, a file row or an id: a write for gemeente G may
# touch only a person already in G's reach, or register someone the register does not
# know at all as a new resident of G. Everything else is refused with one message that
# is the same whether the person exists elsewhere or not (docs/gebruikers/rollen.md).


class _Systeem:
    """The command line and the background tasks, run by the applicatiebeheerder on the
    server: trusted like the exchange-format import. Always named, never a default."""

    def __repr__(self) -> str:
        return "SYSTEEM"


SYSTEEM = _Systeem()
#: Who writes: a medewerker (the rule "schrijfbereik" applies) or the SYSTEEM.
Schrijver = AbstractBaseUser | AnonymousUser | _Systeem

#: The one answer to a write about a person outside the gemeente's reach: the same
#: whether the register knows them elsewhere or not, and naming nothing of theirs.
BUITEN_BEREIK_TEKST = (
    "deze leerling hoort niet bij gemeente {gemeente}; een melding of gegeven over een "
    "leerling hoort bij de gemeente waar hij of zij woont (art. 21 Leerplichtwet). "
    "Controleer het nummer"
)


def personen_in_bereik_van(gemeente: str) -> QuerySet[Persoon]:
    """The persons a write for `gemeente` may touch: living there, or with a record of it
    (the GEMEENTE reach of that one gemeente, so a write for G never reaches through
    another gemeente of the same user)."""
    return _personen_van_gemeenten(Reikwijdte(Dossierbereik.GEMEENTE, frozenset({gemeente})))


def mag_schrijven_over(gebruiker: Gebruiker, persoon: Persoon, gemeente: str) -> bool:
    """Whether the user may make a record of `gemeente` about `persoon`.

    The gemeente must be one of the user's, and the person already in that gemeente's
    reach as the user's rol sees it (a consulent Doorstroompunt: the doelgroep and own
    work of G). A write never widens what anyone of G sees.
    """
    r = Reikwijdte.van(gebruiker)
    if gemeente not in r.gemeenten:
        return False
    een = Reikwijdte(r.bereik, frozenset({gemeente}))
    if r.bereik is Dossierbereik.GEMEENTE:
        personen = _personen_van_gemeenten(een)
    elif r.bereik is Dossierbereik.DOORSTROOMPUNT:
        personen = doorstroompunt_personen(een, timezone.localdate())
    else:
        return False
    return personen.filter(pk=persoon.pk).exists()


@dataclass(frozen=True)
class Persoonsvondst:
    """A person named in a write (by BSN or onderwijsnummer), as the write may see them."""

    #: The person, when in the reach of the write's gemeente.
    persoon: Persoon | None
    #: Identified, but outside that reach: the write is refused, nothing is touched.
    buiten_bereik: bool = False

    @property
    def onbekend(self) -> bool:
        """Known nowhere in the register: may be registered as a new resident."""
        return self.persoon is None and not self.buiten_bereik


#: Names asked of the database at once (well under SQLite's and PostgreSQL's limits).
_PER_KEER = 500


def _in_delen(waarden: set[str]) -> Iterator[list[str]]:
    lijst = sorted(waarden)
    for begin in range(0, len(lijst), _PER_KEER):
        yield lijst[begin : begin + _PER_KEER]


def zoek_voor_schrijven(
    gemeente: str, namen: Sequence[tuple[str | None, str | None]]
) -> list[Persoonsvondst]:
    """Find the persons a write for `gemeente` names, one (bsn, onderwijsnummer) each: by
    BSN, else by the onderwijsnummer of an earlier melding, only within
    `personen_in_bereik_van(gemeente)`; otherwise whether the register knows them at all.

    Set-based: a delivery of thousands of rows asks a few queries, not a few per row.
    """
    bereik = personen_in_bereik_van(gemeente)
    bsns = {bsn for bsn, _ in namen if bsn}
    nummers = {nummer for _, nummer in namen if nummer}
    binnen_bsn: dict[str, str] = {}
    ergens_bsn: set[str] = set()
    for deel in _in_delen(bsns):
        binnen_bsn.update(bereik.filter(bsn__in=deel).values_list("bsn", "pk"))
        ergens_bsn.update(Persoon.objects.filter(bsn__in=deel).values_list("bsn", flat=True))
    binnen_nummer: dict[str, str] = {}
    ergens_nummer: set[str] = set()
    for deel in _in_delen(nummers):
        eerdere = M.Melding.objects.filter(onderwijsnummer__in=deel)
        # Oldest first, so the person of the latest melding wins.
        binnen_nummer.update(
            eerdere.filter(persoon__in=bereik)
            .order_by("datum", "meldingsnummer")
            .values_list("onderwijsnummer", "persoon")
        )
        ergens_nummer.update(eerdere.values_list("onderwijsnummer", flat=True))
    personen = Persoon.objects.in_bulk({*binnen_bsn.values(), *binnen_nummer.values()})

    def vondst(bsn: str | None, nummer: str | None) -> Persoonsvondst:
        if bsn and bsn in binnen_bsn:
            return Persoonsvondst(personen[binnen_bsn[bsn]])
        if bsn and bsn in ergens_bsn:
            return Persoonsvondst(None, buiten_bereik=True)
        if nummer and nummer in binnen_nummer:
            return Persoonsvondst(personen[binnen_nummer[nummer]])
        if nummer and nummer in ergens_nummer:
            return Persoonsvondst(None, buiten_bereik=True)
        return Persoonsvondst(None)

    return [vondst(bsn, nummer) for bsn, nummer in namen]


def personen_voor_inzage(gebruiker: Gebruiker) -> QuerySet[Persoon]:
    """The persons whose audit entries and inzage export (AVG art. 15) the user may see.

    The privacy officer reads no dossiers, but supervises the processing of the
    own gemeenten: the persons of those gemeenten (as `personen_voor` with the
    GEMEENTE reach). Every other rol: none.
    """
    bevoegd = bevoegdheden_van(gebruiker)
    gemeenten = gemeenten_van(gebruiker) if bevoegd and bevoegd.auditlog else frozenset()
    if not gemeenten:
        return Persoon.objects.none()
    return _personen_van_gemeenten(Reikwijdte(Dossierbereik.GEMEENTE, gemeenten))


def auditregels_voor(gebruiker: Gebruiker) -> QuerySet[Auditregel]:
    """The audit entries the privacy officer may read.

    About a person: the persons of the own gemeenten (`personen_voor_inzage`). About no
    person (sign-ins, imports, lists): only when the officer works for every gemeente the
    entry concerns; an entry of the whole installation (a system action, an entry from
    before gemeenten were recorded) only for an officer of every gemeente.
    """
    bevoegd = bevoegdheden_van(gebruiker)
    gemeenten = gemeenten_van(gebruiker) if bevoegd and bevoegd.auditlog else frozenset()
    if not gemeenten:
        return M.Auditregel.objects.none()
    andere = Gemeente.objects.exclude(code__in=gemeenten).values_list("code", flat=True)
    zonder_persoon = Q(persoon_id="")
    for code in andere:
        zonder_persoon &= ~Q(gemeenten="") & ~Q(gemeenten__contains=f",{code},")
    over_persoon = Q(persoon_id__in=personen_voor_inzage(gebruiker).values("pk"))
    return M.Auditregel.objects.filter(over_persoon | zonder_persoon)


def inschrijvingen_voor(gebruiker: Gebruiker) -> QuerySet[Inschrijving]:
    """Inschrijvingen are part of the person's register data: seen with the person."""
    return Inschrijving.objects.filter(persoon__in=personen_voor(gebruiker))


#: Every model that holds person data, with its scoped queryset. A new model with
#: person data must be added here (tests check the list against the models).
ZICHTBAAR: OpModel[Callable[[Gebruiker], QuerySet]] = OpModel(
    {
        Persoon: personen_voor,
        Inschrijving: inschrijvingen_voor,
        "meldingen.Melding": meldingen_voor,
        "werkprocessen.Werkproces": werkprocessen_voor,
        "werkprocessen.Interventie": interventies_voor,
        "vrijstellingen.Vrijstelling": vrijstellingen_voor,
        "vrijstellingen.Verlofaanvraag": verlofaanvragen_voor,
        "thuiszitters.Thuiszitter": thuiszitters_voor,
        "doorstroompunt.Vsv": vsv_voor,
        "doorstroompunt.Voorstel": vsv_voorstellen_voor,
        "jikp.Jikpregistratie": jikp_voor,
        "werkprocessen.Notitie": notities_voor,
        "werkprocessen.Gebeurtenis": gebeurtenissen_voor,
        "werkprocessen.Document": documenten_voor,
    }
)


def zichtbaar(gebruiker: Gebruiker, model: type[models.Model]) -> QuerySet:
    """The rows of `model` the user may see; unknown models fail closed (TypeError)."""
    try:
        return ZICHTBAAR[model](gebruiker)
    except KeyError:
        raise TypeError(f"geen toegangsregel voor {model.__name__}") from None


def mag_zien(gebruiker: Gebruiker, obj: models.Model) -> bool:
    """Whether the user may see `obj`: asks the same queryset a list would use."""
    return zichtbaar(gebruiker, type(obj)).filter(pk=obj.pk).exists()
