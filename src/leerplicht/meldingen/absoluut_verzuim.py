"""Signalen absoluut verzuim uit de leerplichtadministratie.

A person who is volledig leerplichtig or kwalificatieplichtig on the peildatum
(`domein.leerplicht`), with no inschrijving covering that date and no granted
vrijstelling covering it, is absoluut verzuim (domain.md, "Kinds of verzuim"). The
signal is a melding soort `absoluut`, bron `register`, status `nieuw`, once per person
per episode: no second one while an absoluut melding of that person is still open
(in the administratie's queue, or handed over to a werkproces that is not closed).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein.leerplicht import (
    geboortedata_kwalificatieplichtig,
    geboortedata_volledig_leerplichtig,
)
from leerplicht.domein.verzuimmelding_route import OPEN, Meldingstatus
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


def leerplichtig_op(peildatum: date) -> Q:
    """Volledig leerplichtig, or kwalificatieplichtig without startkwalificatie, by age."""
    lv, lt = geboortedata_volledig_leerplichtig(peildatum)
    kv, kt = geboortedata_kwalificatieplichtig(peildatum)
    return Q(geboortedatum__range=(lv, lt)) | (
        Q(geboortedatum__range=(kv, kt))
        & (Q(startkwalificatie__isnull=True) | Q(startkwalificatie__gt=peildatum))
    )


def zonder_school_of_vrijstelling(peildatum: date) -> QuerySet[Persoon]:
    """The persons in absoluut verzuim on `peildatum`, by the register."""
    ingeschreven = Inschrijving.objects.filter(persoon=OuterRef("pk"), van__lte=peildatum).filter(
        Q(tot__isnull=True) | Q(tot__gte=peildatum)
    )
    vrijgesteld = Vrijstelling.objects.filter(
        persoon=OuterRef("pk"), besluit="toegekend", geldig_van__lte=peildatum
    ).filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=peildatum))
    open_signaal = Melding.objects.filter(persoon=OuterRef("pk"), soort="absoluut").filter(
        Q(status__in=[s.value for s in OPEN])
        | Q(status=Meldingstatus.OVERGEDRAGEN, werkproces__gesloten__isnull=True)
    )
    return (
        Persoon.objects.filter(leerplichtig_op(peildatum))
        .filter(~Exists(ingeschreven), ~Exists(vrijgesteld), ~Exists(open_signaal))
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
