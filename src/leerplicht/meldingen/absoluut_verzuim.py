"""Signalen absoluut verzuim uit de leerplichtadministratie.

A person who is volledig leerplichtig or kwalificatieplichtig on the peildatum
(`domein.leerplicht`, with both exceptions the register holds: twaalf volledige
schooljaren, art. 3 lid 1 onder a, and kwalificatieplicht vervallen, art. 4a lid 2),
with no inschrijving covering that date and no granted vrijstelling covering it
(`domein.vrijstellingsduur`: without `geldig_tot` only to 31 July of its school year,
unless art. 5 onder a "nooit naar school"), is absoluut verzuim (domain.md, "Kinds of
verzuim"). The signal is a melding soort `absoluut`, bron `register`, status `nieuw`,
once per person per episode:

- no second one while an absoluut melding of that person is still open (in the
  administratie's queue, or handed over to a werkproces that is not closed);
- no second one for the same episode either after the last one was taken ter
  kennisneming, withdrawn or its werkproces closed: an episode starts the day after the
  last inschrijving ended, so only a new inschrijving that ended after that melding
  (the situation changed) makes room for a new signal.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein.leerplicht import (
    geboortedata_kwalificatieplichtig,
    geboortedata_volledig_leerplichtig,
)
from leerplicht.domein.verzuimmelding_route import OPEN, Meldingstatus
from leerplicht.domein.vrijstellingsduur import (
    GROND_LICHAMELIJK_OF_PSYCHISCH,
    vroegste_begin_zonder_einddatum,
)
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.vrijstellingen.models import Vrijstelling

from .models import Melding


@dataclass(frozen=True)
class Signaleringsresultaat:
    peildatum: date
    meldingsnummers: tuple[str, ...]

    @property
    def aantal(self) -> int:
        return len(self.meldingsnummers)


def _niet_op_of_voor(veld: str, peildatum: date) -> Q:
    """`veld` is unknown or after `peildatum` (the fact does not count yet)."""
    return Q(**{f"{veld}__isnull": True}) | Q(**{f"{veld}__gt": peildatum})


def leerplichtig_op(peildatum: date) -> Q:
    """Volledig leerplichtig or kwalificatieplichtig on `peildatum`, in SQL.

    The same rule as `domein.leerplicht.leerplichtstatus` with the person's facts: the
    birth-date intervals come from the rule itself, then full leerplicht ends early
    after twaalf volledige schooljaren (art. 3 lid 1 onder a), and the
    kwalificatieplicht ends with a startkwalificatie or lapses with a praktijkonderwijs
    certificate or vso profile (art. 4a lid 2). Tests compare the two person by person.
    """
    lv, lt = geboortedata_volledig_leerplichtig(peildatum)
    kv, kt = geboortedata_kwalificatieplichtig(peildatum)
    volledig_naar_leeftijd = Q(geboortedatum__range=(lv, lt))
    twaalf_nog_niet_voltooid = Q(twaalf_schooljaren_voltooid__isnull=True) | Q(
        twaalf_schooljaren_voltooid__gte=peildatum
    )
    kwalificatieplichtig_naar_leeftijd = Q(geboortedatum__range=(kv, kt)) | (
        volledig_naar_leeftijd & ~twaalf_nog_niet_voltooid
    )
    return (volledig_naar_leeftijd & twaalf_nog_niet_voltooid) | (
        kwalificatieplichtig_naar_leeftijd
        & _niet_op_of_voor("startkwalificatie", peildatum)
        & _niet_op_of_voor("kwalificatieplicht_vervallen", peildatum)
    )


def vrijgesteld_op(peildatum: date) -> Q:
    """A granted vrijstelling covers `peildatum` (`domein.vrijstellingsduur`), in SQL.

    With `geldig_tot` it covers up to that day; without, only the art. 6 lid 3 exception
    (5 onder a, never able to attend) covers for good, any other up to 31 July of the
    school year it started in (art. 6 lid 2).
    """
    zonder_einde = Q(geldig_tot__isnull=True) & (
        Q(grond=GROND_LICHAMELIJK_OF_PSYCHISCH, nooit_naar_school=True)
        | Q(geldig_van__gte=vroegste_begin_zonder_einddatum(peildatum))
    )
    return Q(besluit="toegekend", geldig_van__lte=peildatum) & (
        Q(geldig_tot__gte=peildatum) | zonder_einde
    )


def _signaal_van_deze_episode(peildatum: date) -> QuerySet[Melding]:
    """Absoluut meldingen of the person (OuterRef "pk") that already cover this episode.

    Open ones always do; any other one (ter kennisneming, withdrawn, its werkproces
    closed) when it is dated after the last inschrijving that ended before `peildatum`.
    """
    laatste_einde = (
        Inschrijving.objects.filter(persoon=OuterRef("persoon"), tot__lt=peildatum)
        .order_by("-tot")
        .values("tot")[:1]
    )
    return Melding.objects.filter(persoon=OuterRef("pk"), soort="absoluut").filter(
        Q(status__in=[s.value for s in OPEN])
        | Q(status=Meldingstatus.OVERGEDRAGEN, werkproces__gesloten__isnull=True)
        # Never enrolled before: the episode started at birth.
        | Q(datum__gt=Coalesce(Subquery(laatste_einde), F("persoon__geboortedatum")))
    )


def zonder_school_of_vrijstelling(peildatum: date) -> QuerySet[Persoon]:
    """The persons in absoluut verzuim on `peildatum`, by the register."""
    ingeschreven = Inschrijving.objects.filter(persoon=OuterRef("pk"), van__lte=peildatum).filter(
        Q(tot__isnull=True) | Q(tot__gte=peildatum)
    )
    vrijgesteld = Vrijstelling.objects.filter(vrijgesteld_op(peildatum), persoon=OuterRef("pk"))
    return (
        Persoon.objects.filter(leerplichtig_op(peildatum))
        .filter(
            ~Exists(ingeschreven),
            ~Exists(vrijgesteld),
            ~Exists(_signaal_van_deze_episode(peildatum)),
        )
        .order_by("pk")
    )


def signaleer(peildatum: date | None = None) -> Signaleringsresultaat:
    """Raise a melding for every person newly in absoluut verzuim; returns their numbers."""
    peildatum = peildatum or timezone.localdate()
    nu = timezone.now()
    nummers: list[str] = []
    with transaction.atomic():
        for persoon in zonder_school_of_vrijstelling(peildatum).only("pk", "gemeente_id"):
            nummer = f"REG{peildatum:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"
            Melding.objects.create(
                meldingsnummer=nummer,
                persoon=persoon,
                gemeente_id=persoon.gemeente_id,
                datum=peildatum,
                soort="absoluut",
                onderwijssoort="geen",
                status=Meldingstatus.NIEUW,
                bron="register",
                ontvangen_op=nu,
                verzuim_van=peildatum,
            )
            nummers.append(nummer)
        registreer(
            "aanmaken",
            object_type="signaal_absoluut_verzuim",
            toelichting={"peildatum": peildatum.isoformat(), "meldingen": len(nummers)},
        )
    return Signaleringsresultaat(peildatum, tuple(nummers))
