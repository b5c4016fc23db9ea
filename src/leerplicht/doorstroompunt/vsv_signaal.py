"""Vsv intake from the enrolment feed: the daily sweep over the leerplichtadministratie.

A school's de-registration reaches the register in three ways: DUO's list of
de-registrations without startkwalificatie (`uitschrijvingen.py`), a medewerker recording
it (`diensten.meld_uitschrijving`), and the enrolment feed itself (the exchange-format
import sets an inschrijving's `tot`). This sweep covers the third: the same rule as the
other two, decided from what the register says, so every path ends in one traject.

A de-registration becomes a nieuwe vsv melding (a traject for the consulent of the
woongemeente) when `domein.uitschrijving.gevolg_van_uitschrijving` says vsv (18 up to the
age limit in force, no startkwalificatie, on the last day enrolled) and:
- no other enrolment runs on after it (a move to another school is not leaving school);
- no vsv traject is open, and none started on or after that de-registration (the DUO list
  or a medewerker got there first).
Under 18 the person is leerplichtig: the absoluut-verzuim sweep of the meldingen
(`meldingen.absoluut_verzuim`) raises the melding, not this one.

Only de-registrations of the last `LEERPLICHT_VSV_SIGNAAL_DAGEN` days (default 90) are
looked at: older ones are history (an imported past, handled in the old system) and must
not suddenly open trajecten; a gap longer than the window between import runs is a fault of
the feed, reported by the count of zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein.doorstroompunt_doelgroep import LEEFTIJDSGRENZEN, ONDERGRENS_LEEFTIJD
from leerplicht.domein.leeftijd import verjaardag
from leerplicht.domein.uitschrijving import Gevolg, gevolg_van_uitschrijving
from leerplicht.register.models import Inschrijving

from .diensten import SYSTEEM, nieuw_vsv_traject
from .models import Vsv


def venster_dagen() -> int:
    """De-registrations older than this many days are history, not new vsv'ers."""
    return settings.LEERPLICHT_VSV_SIGNAAL_DAGEN


@dataclass(frozen=True)
class Vsvsignalen:
    peildatum: date
    trajecten: tuple[str, ...]

    @property
    def aantal(self) -> int:
        return len(self.trajecten)


def laatste_uitschrijvingen(peildatum: date, dagen: int) -> QuerySet[Inschrijving]:
    """Enrolments that ended in the window before `peildatum` and after which nothing runs
    on, of persons with no open traject and none since; age and startkwalificatie are
    judged per row by the rule itself (`gevolg_van_uitschrijving`)."""
    vanaf = peildatum - timedelta(days=dagen)
    oudste_grens = max(g.tot_leeftijd for g in LEEFTIJDSGRENZEN)
    daarna_ingeschreven = Inschrijving.objects.filter(
        persoon=OuterRef("persoon"), van__lte=peildatum
    ).filter(Q(tot__isnull=True) | Q(tot__gt=OuterRef("tot")))
    traject_sinds = Vsv.objects.filter(persoon=OuterRef("persoon")).filter(
        Q(afgerond_op__isnull=True) | Q(uitgeschreven__gte=OuterRef("tot"))
    )
    return (
        Inschrijving.objects.filter(tot__gte=vanaf, tot__lt=peildatum)
        # Coarse bounds on the birth date; the rule decides exactly below.
        .filter(
            persoon__geboortedatum__lte=verjaardag(peildatum, -ONDERGRENS_LEEFTIJD),
            persoon__geboortedatum__gte=verjaardag(vanaf, -oudste_grens) - timedelta(days=1),
        )
        .filter(~Exists(daarna_ingeschreven), ~Exists(traject_sinds))
        .select_related("persoon", "school")
        .order_by("persoon_id", "-tot", "-van")
    )


def signaleer_vsv(peildatum: date | None = None, door: str = SYSTEEM) -> Vsvsignalen:
    """Open a vsv traject for every new vsv'er in the register; returns their ids."""
    peildatum = peildatum or timezone.localdate()
    ids: list[str] = []
    gezien: set[int] = set()
    with transaction.atomic():
        for inschrijving in laatste_uitschrijvingen(peildatum, venster_dagen()):
            persoon = inschrijving.persoon
            if persoon.pk in gezien:
                continue  # two enrolments ending the same day: one traject
            gezien.add(persoon.pk)
            gevolg = gevolg_van_uitschrijving(
                persoon.geboortedatum,
                inschrijving.tot,
                startkwalificatie=persoon.startkwalificatie,
                onderwijssoort=inschrijving.school.onderwijssoort,
            )
            if gevolg is not Gevolg.VSV:
                continue  # under 18: the absoluut-verzuim sweep; else nothing follows
            vsv = nieuw_vsv_traject(persoon, inschrijving.school, inschrijving.tot, door)
            if vsv is not None:
                ids.append(vsv.pk)
        registreer(
            "aanmaken",
            object_type="signaal_vsv",
            toelichting={"peildatum": peildatum.isoformat(), "trajecten": len(ids)},
        )
    return Vsvsignalen(peildatum, tuple(ids))
