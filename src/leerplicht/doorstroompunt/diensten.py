"""Use cases of the Doorstroompunt: vsv intake, the vsv traject and the arrival of a warm
transfer from leerplicht. The proposals "geen doelgroep meer" are in `voorstellen.py`.

The rules are in `domein.vsv_traject` (statuses, transitions, monitoring interval, the
age limit); this module stores, locks (`versiebeheer.neem_versie`) and logs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.domein import vsv_traject as regels
from leerplicht.domein.regelfout import Regelfout
from leerplicht.domein.uitschrijving import Gevolg, gevolg_van_uitschrijving
from leerplicht.domein.verzuimmelding_route import OPEN, Meldingstatus
from leerplicht.domein.verzuimstaat import datum_tekst
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon, School
from leerplicht.versiebeheer import Versieconflict, neem_versie
from leerplicht.werkprocessen.models import Gebeurtenis, Werkproces
from leerplicht.werkprocessen.toewijzing import kies_behandelaar

from .models import Voorstel, Voorstelstatus, Vsv

WAT = "dit vsv-traject"
CONFLICTMELDING = str(Versieconflict(WAT))
#: Who an automatic step is recorded as (no user).
SYSTEEM = "systeem"

__all__ = ["CONFLICTMELDING", "Regelfout", "Versieconflict"]


def monitoring_maanden() -> int:
    """The team's monitoring interval (setting LEERPLICHT_VSV_MONITORING_MAANDEN)."""
    return settings.LEERPLICHT_VSV_MONITORING_MAANDEN


def status(vsv: Vsv, vandaag: date | None = None) -> regels.Vsvstatus:
    return regels.status_op(
        vandaag or timezone.localdate(),
        monitoring_vanaf=vsv.monitoring_vanaf,
        afgerond_op=vsv.afgerond_op,
    )


def volgende_monitoring(vsv: Vsv) -> date | None:
    if vsv.afgerond_op is not None:
        return None
    return regels.volgende_monitoring(
        vsv.monitoring_vanaf, vsv.laatste_monitoring, monitoring_maanden()
    )


# --- intake -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Uitschrijving:
    """What a de-registration led to: a vsv traject, a melding absoluut verzuim, or nothing
    (a startkwalificatie, or already an open traject)."""

    vsv: Vsv | None = None
    melding: Melding | None = None


def _nieuw_vsv_id(datum: date) -> str:
    return f"VSV{datum:%Y}-{uuid.uuid4().hex[:8].upper()}"


def meld_uitschrijving(
    persoon: Persoon,
    school: School,
    datum: date,
    *,
    door: str = SYSTEEM,
) -> Uitschrijving:
    """A school de-registered `persoon` on `datum` (the last day enrolled).

    The inschrijving gets its `tot`; what follows is `gevolg_van_uitschrijving`: a new vsv
    traject for the consulent of their gemeente (unless one is still open), or under 18 a
    melding absoluut verzuim (bron register) for leerplicht (unless one is still open or
    another school still enrols them), or nothing.
    """
    with transaction.atomic():
        inschrijving = (
            Inschrijving.objects.select_for_update()
            .filter(persoon=persoon, school=school, van__lte=datum)
            .filter(Q(tot__isnull=True) | Q(tot__gte=datum))
            .order_by("-van")
            .first()
        )
        if inschrijving is None:
            raise Regelfout(
                f"Geen inschrijving bij school {school.pk} op {datum_tekst(datum)}.", "datum"
            )
        inschrijving.tot = datum
        inschrijving.save(update_fields=["tot"])
        gevolg = gevolg_van_uitschrijving(
            persoon.geboortedatum,
            datum,
            startkwalificatie=persoon.startkwalificatie,
            onderwijssoort=school.onderwijssoort,
            twaalf_schooljaren_voltooid=persoon.twaalf_schooljaren_voltooid,
            kwalificatieplicht_vervallen=persoon.kwalificatieplicht_vervallen,
        )
        if gevolg is Gevolg.VSV:
            return Uitschrijving(vsv=nieuw_vsv_traject(persoon, school, datum, door))
        if gevolg is Gevolg.ABSOLUUT_VERZUIM:
            return Uitschrijving(melding=_absoluut_verzuim(persoon, school, datum))
        return Uitschrijving()


def nieuw_vsv_traject(persoon: Persoon, school: School, datum: date, door: str) -> Vsv | None:
    """A nieuwe vsv melding: a traject for the consulent of the woongemeente, unless one is
    still open (a second would count the person twice)."""
    if Vsv.objects.filter(persoon=persoon, afgerond_op__isnull=True).exists():
        return None
    return Vsv.objects.create(
        id=_nieuw_vsv_id(datum),
        persoon=persoon,
        gemeente_id=persoon.gemeente_id,
        uitgeschreven=datum,
        onderwijssoort=school.onderwijssoort,
        behandelaar=kies_behandelaar(
            gemeente=persoon.gemeente_id,
            onderwijssoort=school.onderwijssoort,
            school=school.pk,
            werkprocestype="vsv",
        ),
    )


def _absoluut_verzuim(persoon: Persoon, school: School, datum: date) -> Melding | None:
    """The same signal as `meldingen.absoluut_verzuim.signaleer`, for one person, at once."""
    dag_erna = date.fromordinal(datum.toordinal() + 1)
    elders = Inschrijving.objects.filter(persoon=persoon, van__lte=dag_erna).filter(
        Q(tot__isnull=True) | Q(tot__gte=dag_erna)
    )
    open_signaal = Melding.objects.filter(persoon=persoon, soort="absoluut").filter(
        Q(status__in=[s.value for s in OPEN])
        | Q(status=Meldingstatus.OVERGEDRAGEN, werkproces__gesloten__isnull=True)
    )
    if elders.exists() or open_signaal.exists():
        return None
    return Melding.objects.create(
        meldingsnummer=f"REG{datum:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}",
        persoon=persoon,
        gemeente_id=persoon.gemeente_id,
        datum=dag_erna,
        soort="absoluut",
        school=school,
        onderwijssoort=school.onderwijssoort,
        status=Meldingstatus.NIEUW,
        bron="register",
        ontvangen_op=timezone.now(),
        verzuim_van=dag_erna,
    )


# --- the traject --------------------------------------------------------------------------


def _vergrendel(vsv: Vsv, versie: int | None) -> Vsv:
    neem_versie(Vsv, vsv.pk, versie, wat=WAT)
    return Vsv.objects.select_related("persoon").get(pk=vsv.pk)


def stand(vsv: Vsv) -> regels.Vsvstatus:
    """The stored state, whatever the dates (a step may be dated before today)."""
    return status(vsv, date.max)


def _overgang(vsv: Vsv, naar: regels.Vsvstatus) -> None:
    van = stand(vsv)
    if not regels.mag_naar(van, naar):
        raise Regelfout(regels.onmogelijke_overgang(van, naar))


def _datum_niet_voor(datum: date, eerder: date, wat: str) -> None:
    if datum < eerder:
        raise Regelfout(f"De datum ligt voor {wat} ({datum_tekst(eerder)}).", "datum")


def naar_monitoring(
    vsv: Vsv, *, resultaat: str, datum: date, toelichting: str, door: str, versie: int | None
) -> Vsv:
    """In behandeling -> monitoring, with the monitoring result of the exchange format."""
    if resultaat not in codes.VSV_RESULTATEN_MONITORING:
        raise Regelfout("Kies een monitoringsresultaat.", "resultaat")
    with transaction.atomic():
        vsv = _vergrendel(vsv, versie)
        if stand(vsv) != regels.Vsvstatus.IN_BEHANDELING:
            raise Regelfout("Dit vsv-traject is al in monitoring of afgerond.")
        _overgang(vsv, regels.Vsvstatus.MONITORING)
        _datum_niet_voor(datum, vsv.uitgeschreven, "de uitschrijving")
        vsv.monitoring_vanaf = datum
        vsv.laatste_monitoring = datum
        vsv.resultaat = resultaat
        vsv.toelichting = toelichting
        vsv.behandelaar = vsv.behandelaar or door
        vsv.save()
    return vsv


def leg_monitoring_vast(
    vsv: Vsv, *, resultaat: str, datum: date, toelichting: str, door: str, versie: int | None
) -> Vsv:
    """A monitoring contact: the current result; the next contact is due after the interval."""
    if resultaat not in codes.VSV_RESULTATEN_MONITORING:
        raise Regelfout("Kies een monitoringsresultaat.", "resultaat")
    with transaction.atomic():
        vsv = _vergrendel(vsv, versie)
        if stand(vsv) != regels.Vsvstatus.MONITORING:
            raise Regelfout("Dit vsv-traject is niet in monitoring.")
        _overgang(vsv, regels.Vsvstatus.MONITORING)
        _datum_niet_voor(
            datum, vsv.laatste_monitoring or vsv.monitoring_vanaf, "het vorige contact"
        )
        vsv.laatste_monitoring = datum
        vsv.resultaat = resultaat
        vsv.toelichting = toelichting
        vsv.save()
    return vsv


def rond_af(
    vsv: Vsv, *, resultaat: str, datum: date, toelichting: str, door: str, versie: int | None
) -> Vsv:
    """Close with a closing result (school, geen doelgroep, startkwalificatie, overig)."""
    if resultaat not in codes.VSV_RESULTATEN_AFGEROND:
        raise Regelfout("Kies een afsluitresultaat.", "resultaat")
    with transaction.atomic():
        vsv = _vergrendel(vsv, versie)
        _overgang(vsv, regels.Vsvstatus.AFGEROND)
        _datum_niet_voor(datum, vsv.monitoring_vanaf or vsv.uitgeschreven, "de vorige stap")
        vsv.afgerond_op = datum
        vsv.resultaat = resultaat
        vsv.toelichting = toelichting
        vsv.save()
        voorstellen_vervallen(Vsv.objects.filter(pk=vsv.pk))
    return vsv


def voorstellen_vervallen(trajecten: QuerySet[Vsv]) -> int:
    """A closed traject's open proposal is moot: it lapses ("vervallen"; nobody decided on
    it), so no list shows it and the history says why (`voorstellen.py`)."""
    aantal = 0
    for voorstel in Voorstel.objects.filter(status=Voorstelstatus.OPEN, vsv__in=trajecten):
        voorstel.status = Voorstelstatus.VERVALLEN
        voorstel.behandeld_door = SYSTEEM
        voorstel.behandeld_op = timezone.now()
        voorstel.toelichting = "Het traject is afgerond."
        voorstel.save(update_fields=["status", "behandeld_door", "behandeld_op", "toelichting"])
        aantal += 1
    return aantal


# --- lists --------------------------------------------------------------------------------


def open_trajecten(trajecten: QuerySet[Vsv]) -> QuerySet[Vsv]:
    return trajecten.filter(afgerond_op__isnull=True).select_related("persoon")


def monitoring_verlopen(trajecten: Iterable[Vsv], vandaag: date) -> list[tuple[Vsv, date]]:
    """Trajecten in monitoring whose next contact is due (today or earlier)."""
    uitkomst = []
    for vsv in trajecten:
        volgende = volgende_monitoring(vsv)
        if volgende is not None and volgende <= vandaag:
            uitkomst.append((vsv, volgende))
    return sorted(uitkomst, key=lambda p: (p[1], p[0].pk))


def verhuis_mee(vsv: Vsv, *, door: str, versie: int | None) -> Vsv:
    """Moved within the region: the open traject goes to the new woongemeente (and its
    consulent by the assignment rules); nothing is closed, the dates stay."""
    with transaction.atomic():
        neem_versie(Vsv, vsv.pk, versie, wat="dit vsv-traject")
        vers = Vsv.objects.select_related("persoon").get(pk=vsv.pk)
        vers.gemeente_id = vers.persoon.gemeente_id
        vers.behandelaar = (
            kies_behandelaar(
                gemeente=vers.gemeente_id,
                onderwijssoort=vers.onderwijssoort,
                school=None,
                werkprocestype="vsv",
            )
            or vers.behandelaar
        )
        vers.save(update_fields=["gemeente", "behandelaar"])
        return vers


# --- warm transfer from leerplicht ----------------------------------------------------------

#: The kinds of Doorstroompunt werkproces a warm transfer can open.
OVERDRACHTTYPEN = ("verzuim_18plus", "vsv")


def overgedragen_door_leerplicht(overdrachten: QuerySet[Werkproces]) -> QuerySet[Werkproces]:
    """Of `overdrachten` (from `toegang.beleid.overdrachten_voor`): those for which the
    Doorstroompunt has not yet opened a werkproces for the person since."""
    opgepakt = Werkproces.objects.filter(
        persoon=OuterRef("persoon"),
        gemeente=OuterRef("gemeente"),
        type__in=OVERDRACHTTYPEN,
        geopend__gte=OuterRef("gesloten"),
    )
    return (
        overdrachten.filter(resultaat="overdracht_dsp", gesloten__isnull=False)
        .filter(~Exists(opgepakt))
        .select_related("persoon")
        .order_by("gesloten", "pk")
    )


def type_na_overdracht(persoon: Persoon, datum: date) -> str:
    """Still enrolled on the day -> verzuim 18+ (the verzuim goes on at school); no school
    -> vsv (the person left without startkwalificatie)."""
    ingeschreven = Inschrijving.objects.filter(persoon=persoon, van__lte=datum).filter(
        Q(tot__isnull=True) | Q(tot__gte=datum)
    )
    return "verzuim_18plus" if ingeschreven.exists() else "vsv"


def neem_overdracht_aan(
    overdracht: Werkproces, *, door: str, vandaag: date | None = None
) -> Werkproces:
    """The consulent opens a Doorstroompunt werkproces for the transferred person; from then
    on the person is in the consulent's reach (toegang.beleid.doorstroompunt_personen)."""
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        if overdracht.resultaat != "overdracht_dsp" or overdracht.gesloten is None:
            raise Regelfout("Dit werkproces is niet overgedragen aan het Doorstroompunt.")
        if not overgedragen_door_leerplicht(Werkproces.objects.filter(pk=overdracht.pk)).exists():
            raise Regelfout("Deze overdracht is al aangenomen.")
        type_ = type_na_overdracht(overdracht.persoon, vandaag)
        werkproces = Werkproces.objects.create(
            id=f"W{vandaag:%Y}-{uuid.uuid4().hex[:8].upper()}",
            persoon_id=overdracht.persoon_id,
            gemeente_id=overdracht.gemeente_id,
            type=type_,
            geopend=max(vandaag, overdracht.gesloten),
            onderwijssoort=overdracht.onderwijssoort,
            behandelaar=door,
        )
        Gebeurtenis.objects.create(
            werkproces=werkproces,
            tijdstip=timezone.now(),
            door=door,
            soort="geopend",
            omschrijving=(
                f"Geopend na warme overdracht van werkproces {overdracht.pk} "
                f"({codes.WERKPROCES_TYPEN[type_]})"
            ),
        )
    return werkproces
