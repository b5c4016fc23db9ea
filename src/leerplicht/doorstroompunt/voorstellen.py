"""Stored proposals "geen doelgroep meer" (or "meeverhuizen") for vsv-trajecten.

The rule is `domein.vsv_traject.voorstel_geen_doelgroep`: what applies to a traject today.
A daily sweep (`maak_voorstellen`) stores it as a `Voorstel`; the consulent confirms it
(`bevestig`: closed with geen_doelgroep, or the traject moves along) or rejects it with a
reason (`wijs_af`). Stored, so a rejection holds: the sweep does not make it again.

What the sweep does per open traject, comparing the rule with the open proposal:
- the same proposal is open: nothing (the sweep is idempotent);
- another one applies (moved on, turned the age limit, birth date corrected): the open one
  lapses ("vervallen", replaced) and the new one is made - at most one open per traject;
- nothing applies any more (moved back): the open one lapses;
- what applies was rejected before (same reden and woongemeente): nothing.
A closed traject's open proposal lapses (`diensten.rond_af` at once; the sweep for a
traject closed otherwise, e.g. by an import).

Every change raises the traject's versie (`versiebeheer.neem_versie`), like the other
steps: a form loaded before the proposal changed gets a conflict, never confirms another
proposal than the one it showed. A traject saved during the sweep is left for the next.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein import vsv_traject as regels
from leerplicht.register.models import Gemeente
from leerplicht.versiebeheer import Versieconflict, neem_versie

from . import diensten
from .diensten import WAT, Regelfout
from .models import Voorstel, Voorstelstatus, Vsv

Status = Voorstelstatus

VERVANGEN = "Vervangen door een nieuwer voorstel."
NIET_MEER = "Niet meer van toepassing: de gegevens van de jongere zijn veranderd."


class Voorstelvervallen(Exception):
    """The proposal no longer matches the register (changed since the sweep): nothing was
    confirmed; the traject's proposals were brought up to date instead."""

    bericht = (
        "Dit voorstel geldt niet meer: de gegevens van de jongere zijn veranderd sinds het "
        "werd gemaakt. Er is niets afgerond; bekijk het traject opnieuw."
    )


def regiogemeenten() -> frozenset[str]:
    """The gemeenten of the region: those in the register."""
    return frozenset(Gemeente.objects.values_list("code", flat=True))


def berekend(
    vsv: Vsv, vandaag: date, regio: frozenset[str] | None = None
) -> regels.Voorstel | None:
    """What the rule proposes for `vsv` (with its persoon) today."""
    return regels.voorstel_geen_doelgroep(
        geboortedatum=vsv.persoon.geboortedatum,
        uitgeschreven=vsv.uitgeschreven,
        woongemeente=vsv.persoon.gemeente_id,
        trajectgemeente=vsv.gemeente_id,
        afgerond_op=vsv.afgerond_op,
        vandaag=vandaag,
        regiogemeenten=regiogemeenten() if regio is None else regio,
    )


def naar_gemeente(voorstel: regels.Voorstel, vsv: Vsv) -> str:
    """The woongemeente a move proposal is about; "" for the age limit."""
    return "" if voorstel.reden is regels.Voorstelreden.LEEFTIJD else vsv.persoon.gemeente_id


def _zelfde(opgeslagen: Voorstel, nu: regels.Voorstel, naar: str) -> bool:
    """The stored proposal is what the rule says now. A move's `vanaf` is the day it was
    first seen (later sweeps see it again on their own day); the age limit's day is fixed
    by the birth date, so a corrected birth date makes it another proposal."""
    if (opgeslagen.reden, opgeslagen.naar_gemeente) != (nu.reden.value, naar):
        return False
    return nu.reden is not regels.Voorstelreden.LEEFTIJD or opgeslagen.vanaf == nu.vanaf


def _sluit(voorstel: Voorstel, status: Voorstelstatus, door: str, toelichting: str) -> None:
    voorstel.status = status
    voorstel.behandeld_door = door
    voorstel.behandeld_op = timezone.now()
    voorstel.toelichting = toelichting
    voorstel.save(update_fields=["status", "behandeld_door", "behandeld_op", "toelichting"])


def open_voorstel(vsv: Vsv) -> Voorstel | None:
    """The open proposal of an open traject (a closed traject's is moot)."""
    if vsv.afgerond_op is not None:
        return None
    return Voorstel.objects.filter(vsv=vsv, status=Status.OPEN).first()


def behandelde_voorstellen(vsv: Vsv) -> QuerySet[Voorstel]:
    """Confirmed, rejected and lapsed proposals: the history on the traject page."""
    return Voorstel.objects.filter(vsv=vsv).exclude(status=Status.OPEN).order_by("-gemaakt_op")


def open_voorstellen(trajecten: QuerySet[Vsv]) -> QuerySet[Voorstel]:
    """The open proposals of the open trajecten among `trajecten` (the overview list)."""
    return (
        Voorstel.objects.filter(
            status=Status.OPEN, vsv__in=trajecten.filter(afgerond_op__isnull=True)
        )
        .select_related("vsv")
        .order_by("vanaf", "vsv_id")
    )


# --- the sweep ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Voorsteltelling:
    """What one sweep did, in counts (no ids: the result is kept with the task)."""

    peildatum: str
    nieuw: int = 0
    vervallen: int = 0
    eerder_afgewezen: int = 0
    overgeslagen: int = 0

    def als_dict(self) -> dict[str, int | str]:
        return asdict(self)


def _werk_bij(
    vsv: Vsv,
    nu: regels.Voorstel | None,
    huidig: Voorstel | None,
    afgewezen: set[tuple[str, str]],
) -> tuple[str, ...]:
    """Bring one open traject's proposals in line with the rule; what happened."""
    naar = naar_gemeente(nu, vsv) if nu else ""
    blijft = huidig is not None and nu is not None and _zelfde(huidig, nu, naar)
    if blijft:
        return ()
    eerder_afgewezen = nu is not None and (nu.reden.value, naar) in afgewezen
    maken = nu is not None and not eerder_afgewezen
    if huidig is None and not maken:
        return ("eerder_afgewezen",) if eerder_afgewezen else ()
    try:
        with transaction.atomic():
            neem_versie(Vsv, vsv.pk, vsv.versie, wat=WAT)
            gedaan: list[str] = []
            if huidig is not None:
                _sluit(
                    huidig, Status.VERVALLEN, diensten.SYSTEEM, VERVANGEN if maken else NIET_MEER
                )
                gedaan.append("vervallen")
            if maken and nu is not None:
                Voorstel.objects.create(vsv=vsv, reden=nu.reden.value, vanaf=nu.vanaf,
                                        naar_gemeente=naar)  # fmt: skip
                gedaan.append("nieuw")
            elif eerder_afgewezen:
                gedaan.append("eerder_afgewezen")
    except Versieconflict:
        return ("overgeslagen",)  # saved meanwhile: the next sweep looks again
    return tuple(gedaan)


def _afgewezen_per_traject(trajecten: Iterable[str] | None) -> dict[str, set[tuple[str, str]]]:
    rijen = Voorstel.objects.filter(status=Status.AFGEWEZEN)
    if trajecten is not None:
        rijen = rijen.filter(vsv_id__in=list(trajecten))
    uitkomst: dict[str, set[tuple[str, str]]] = {}
    for vsv_id, reden, naar in rijen.values_list("vsv_id", "reden", "naar_gemeente"):
        uitkomst.setdefault(vsv_id, set()).add((reden, naar))
    return uitkomst


def maak_voorstellen(vandaag: date | None = None) -> Voorsteltelling:
    """The daily sweep over every open traject (idempotent); returns the counts."""
    vandaag = vandaag or timezone.localdate()
    tellingen = dict.fromkeys(("nieuw", "vervallen", "eerder_afgewezen", "overgeslagen"), 0)
    tellingen["vervallen"] += diensten.voorstellen_vervallen(
        Vsv.objects.filter(afgerond_op__isnull=False)
    )
    regio = regiogemeenten()
    open_ = {
        v.vsv_id: v
        for v in Voorstel.objects.filter(status=Status.OPEN, vsv__afgerond_op__isnull=True)
    }
    afgewezen = _afgewezen_per_traject(None)
    trajecten = list(diensten.open_trajecten(Vsv.objects.all()).order_by("pk"))
    for vsv in trajecten:
        nu = berekend(vsv, vandaag, regio)
        for wat in _werk_bij(vsv, nu, open_.get(vsv.pk), afgewezen.get(vsv.pk, set())):
            tellingen[wat] += 1
    telling = Voorsteltelling(vandaag.isoformat(), **tellingen)
    registreer("aanmaken", object_type="vsv_voorstellen", toelichting=telling.als_dict())
    return telling


def werk_traject_bij(vsv: Vsv, vandaag: date | None = None) -> tuple[str, ...]:
    """The sweep for one traject (after a confirmation found its proposal outdated)."""
    vsv = Vsv.objects.select_related("persoon").get(pk=vsv.pk)
    if vsv.afgerond_op is not None:
        diensten.voorstellen_vervallen(Vsv.objects.filter(pk=vsv.pk))
        return ("vervallen",)
    nu = berekend(vsv, vandaag or timezone.localdate())
    afgewezen = _afgewezen_per_traject([vsv.pk]).get(vsv.pk, set())
    return _werk_bij(vsv, nu, open_voorstel(vsv), afgewezen)


# --- the consulent's answer -------------------------------------------------------------------


def _neem_open(voorstel: Voorstel, versie: int | None) -> Voorstel:
    """Lock the traject (versie), then read the proposal as stored: still open, traject open."""
    neem_versie(Vsv, voorstel.vsv_id, versie, wat=WAT)
    vers = Voorstel.objects.select_related("vsv__persoon").get(pk=voorstel.pk)
    if vers.vsv.afgerond_op is not None:
        raise Regelfout("Dit vsv-traject is al afgerond.")
    if vers.status != Status.OPEN:
        raise Regelfout("Over dit voorstel is al beslist.")
    return vers


def bevestig(
    voorstel: Voorstel, *, door: str, versie: int | None, vandaag: date | None = None
) -> Vsv:
    """The consulent confirms: "geen doelgroep meer" closes the traject with resultaat
    geen_doelgroep on the day the age limit was reached (after a move out of the region:
    the day the move was first seen), never before the traject's last step; "meeverhuizen"
    moves the open traject to the new woongemeente (`diensten.verhuis_mee`).

    The rule is asked again first: when the register changed since the sweep (another
    move, a corrected birth date) nothing is confirmed (`Voorstelvervallen`) and the
    traject's proposals are brought up to date."""
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        voorstel = _neem_open(voorstel, versie)
        vsv = voorstel.vsv
        nu = berekend(vsv, vandaag)
        geldig = nu is not None and _zelfde(voorstel, nu, naar_gemeente(nu, vsv))
        if geldig:
            _sluit(voorstel, Status.BEVESTIGD, door, "")
            reden = regels.Voorstelreden(voorstel.reden)
            if reden is regels.Voorstelreden.MEEVERHUIZEN:
                return diensten.verhuis_mee(vsv, door=door, versie=None)
            datum = max(voorstel.vanaf, vsv.monitoring_vanaf or vsv.uitgeschreven)
            return diensten.rond_af(
                vsv, resultaat="geen_doelgroep", datum=datum, door=door, versie=None,
                toelichting=f"Geen doelgroep meer: {regels.VOORSTELREDENEN[reden]}.",
            )  # fmt: skip
    werk_traject_bij(vsv, vandaag)
    raise Voorstelvervallen()


def wijs_af(voorstel: Voorstel, *, door: str, toelichting: str, versie: int | None) -> Voorstel:
    """The consulent rejects (the move was registered wrongly, the birth date is being
    corrected ...): kept with the reason; the same proposal is not made again."""
    toelichting = toelichting.strip()
    if not toelichting:
        raise Regelfout("Schrijf op waarom u het voorstel afwijst.", "toelichting")
    with transaction.atomic():
        voorstel = _neem_open(voorstel, versie)
        _sluit(voorstel, Status.AFGEWEZEN, door, toelichting)
    return voorstel
