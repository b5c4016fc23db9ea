"""Use cases of the thuiszitters: find signals, confirm one into a period, start and end
a period by hand. The rules themselves are in `domein.thuiszitten`.

Signals are not stored: they are asked of the meldingen each time (a melding
"langdurig", or "absoluut" of 4 weeks or more, still standing, of a leer- or
kwalificatieplichtige without vrijstelling and without a thuiszitperiode since the
melding began). Confirming one creates the `Thuiszitter` period; from then on the
period itself keeps the signal away.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from leerplicht.domein import thuiszitten as regels
from leerplicht.domein.codes import THUISZITTER_REDENEN_EINDE
from leerplicht.domein.regelfout import Regelfout
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid
from leerplicht.versiebeheer import Versieconflict, neem_versie
from leerplicht.vrijstellingen.models import Vrijstelling

from .models import Thuiszitter

#: Someone else saved the period since it was loaded (leerplicht.versiebeheer).
Conflict = Versieconflict


@dataclass(frozen=True)
class Signaal:
    """A proposed thuiszitperiode: who, since when, from which melding and why."""

    persoon_id: str
    gemeente_id: str
    meldingsnummer: str
    begin: date
    reden: regels.Reden
    dagen: int

    @property
    def duur(self) -> str:
        return regels.duur_tekst(self.dagen)


def _periode_sinds_begin() -> Exists:
    """The person has a thuiszitperiode that is open or ended on/after the melding began."""
    begin = Coalesce(OuterRef("verzuim_van"), OuterRef("datum"))
    return Exists(
        Thuiszitter.objects.filter(persoon=OuterRef("persoon")).filter(
            Q(tot__isnull=True) | Q(tot__gte=begin)
        )
    )


def kandidaat_meldingen(meldingen: QuerySet[Melding]) -> QuerySet[Melding]:
    """Meldingen that may signal: the right kind, still standing (as far as the database
    can tell), and no thuiszitperiode since they began."""
    staand = Q(werkproces__isnull=False, werkproces__gesloten__isnull=True) | Q(
        werkproces__isnull=True, status__in=regels.OPEN_MELDINGSTATUSSEN
    )
    return (
        meldingen.filter(soort__in=regels.SIGNAALSOORTEN)
        .exclude(status__in=regels.AFGEDANE_MELDINGSTATUSSEN)
        .filter(staand)
        .filter(~_periode_sinds_begin())
    )


def _vrijgesteld(persoon_ids: Iterable[str], peildatum: date) -> set[str]:
    return set(
        Vrijstelling.objects.filter(
            persoon__in=list(persoon_ids), besluit="toegekend", geldig_van__lte=peildatum
        )
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=peildatum))
        .values_list("persoon_id", flat=True)
    )


def signalen(meldingen: QuerySet[Melding], peildatum: date) -> list[Signaal]:
    """One signal per person (the longest-standing melding), longest at home first."""
    rijen = list(
        kandidaat_meldingen(meldingen).values_list(
            "meldingsnummer",
            "persoon_id",
            "gemeente_id",
            "soort",
            "datum",
            "verzuim_van",
            "status",
            "werkproces__gesloten",
            "werkproces_id",
            "persoon__geboortedatum",
            "persoon__startkwalificatie",
            "persoon__twaalf_schooljaren_voltooid",
            "persoon__kwalificatieplicht_vervallen",
        )
    )
    vrijgesteld = _vrijgesteld({r[1] for r in rijen}, peildatum)
    per_persoon: dict[str, Signaal] = {}
    for rij in rijen:
        nr, persoon, gemeente, soort, datum, verzuim_van, status, gesloten, wp = rij[:9]
        geb, sk, twaalf, vervallen = rij[9:]
        feit = regels.Verzuimfeit(
            soort=soort,
            begin=verzuim_van or datum,
            onopgelost=regels.melding_onopgelost(status, (gesloten is not None) if wp else None),
        )
        leerling = regels.Leerling(
            geb,
            sk,
            vrijgesteld=persoon in vrijgesteld,
            twaalf_schooljaren_voltooid=twaalf,
            kwalificatieplicht_vervallen=vervallen,
        )
        reden = regels.thuiszitreden(feit, leerling, peildatum)
        if reden is None:
            continue
        signaal = Signaal(
            persoon, gemeente, nr, feit.begin, reden,
            regels.duur_in_dagen(feit.begin, None, peildatum),
        )  # fmt: skip
        eerder = per_persoon.get(persoon)
        if eerder is None or (signaal.begin, signaal.meldingsnummer) < (
            eerder.begin,
            eerder.meldingsnummer,
        ):
            per_persoon[persoon] = signaal
    return sorted(per_persoon.values(), key=lambda s: (s.begin, s.persoon_id))


def signalen_voor(gebruiker: beleid.Gebruiker, peildatum: date) -> list[Signaal]:
    """The signals in the user's reach (the meldingen they may see)."""
    return signalen(beleid.zichtbaar(gebruiker, Melding), peildatum)


def _nieuw_id() -> str:
    return f"TZ-{uuid.uuid4().hex[:12].upper()}"


def _controleer_van(van: date, peildatum: date) -> None:
    if van > peildatum:
        raise Regelfout("De begindatum ligt in de toekomst.", "van")


def _geen_open_periode(persoon_id: str) -> None:
    if Thuiszitter.objects.filter(persoon_id=persoon_id, tot__isnull=True).exists():
        raise Regelfout(
            "Deze persoon heeft al een open thuiszitperiode. Beëindig die eerst.", "persoon"
        )


@transaction.atomic
def bevestig_signaal(
    gebruiker: beleid.Gebruiker, meldingsnummer: str, peildatum: date, toelichting: str = ""
) -> Thuiszitter:
    """The medewerker confirms a signal: the period starts on the melding's begin date.

    The signal is asked again (it may have gone since the page was loaded)."""
    zichtbaar = beleid.zichtbaar(gebruiker, Melding)
    gevonden = signalen(zichtbaar.filter(pk=meldingsnummer), peildatum)
    if not gevonden:
        raise Regelfout(
            "Dit signaal staat niet meer open: er is intussen een thuiszitperiode, een "
            "vrijstelling, of de melding is afgehandeld. Laad de pagina opnieuw.",
            "melding",
        )
    signaal = gevonden[0]
    _geen_open_periode(signaal.persoon_id)
    return Thuiszitter.objects.create(
        id=_nieuw_id(),
        persoon_id=signaal.persoon_id,
        gemeente_id=signaal.gemeente_id,
        van=signaal.begin,
        toelichting=toelichting,
    )


@transaction.atomic
def start_periode(
    gebruiker: beleid.Gebruiker,
    persoon: Persoon,
    van: date,
    peildatum: date,
    toelichting: str = "",
) -> Thuiszitter:
    """Start a period by hand (e.g. a thuiszitter known from an MDO, not from a melding).

    Registered in the person's woongemeente, which must be one of the user's gemeenten."""
    if persoon.gemeente_id not in beleid.gemeenten_van(gebruiker):
        raise Regelfout(
            "Deze persoon woont niet in een van uw gemeenten; registreer de periode in de "
            "woongemeente.",
            "persoon",
        )
    _controleer_van(van, peildatum)
    _geen_open_periode(persoon.pk)
    return Thuiszitter.objects.create(
        id=_nieuw_id(), persoon=persoon, gemeente_id=persoon.gemeente_id, van=van,
        toelichting=toelichting,
    )  # fmt: skip


@transaction.atomic
def werk_periode_bij(
    periode: Thuiszitter,
    versie: int,
    peildatum: date,
    *,
    tot: date | None,
    reden_einde: str | None,
    aanbod: date | None,
    toelichting: str | None = None,
) -> Thuiszitter:
    """End a period (tot + reden_einde) and/or record the offer of education or care.

    Saved only if nobody changed it since `versie` was loaded (else `Conflict`)."""
    if (tot is None) != (not reden_einde):
        raise Regelfout(
            "Vul bij het beëindigen zowel de einddatum als de reden in.",
            "tot" if tot is None else "reden_einde",
        )
    if reden_einde and reden_einde not in THUISZITTER_REDENEN_EINDE:
        raise Regelfout("Kies een reden uit de lijst.", "reden_einde")
    if tot is not None:
        if tot < periode.van:
            raise Regelfout(
                f"De einddatum ligt vóór het begin van de periode ({periode.van:%d-%m-%Y}).",
                "tot",
            )
        if tot > peildatum:
            raise Regelfout("De einddatum ligt in de toekomst.", "tot")
    if aanbod is not None and aanbod < periode.van:
        raise Regelfout(
            f"De datum van het aanbod ligt vóór het begin van de periode ({periode.van:%d-%m-%Y}).",
            "aanbod",
        )
    # Compare-and-set first: the row lock makes a second writer wait, then miss.
    neem_versie(Thuiszitter, periode.pk, versie, wat="deze thuiszitperiode")
    actueel = Thuiszitter.objects.get(pk=periode.pk)
    actueel.tot = tot
    actueel.reden_einde = reden_einde or None
    actueel.aanbod = aanbod
    if toelichting is not None:
        actueel.toelichting = toelichting
    actueel.save()  # through save(): the audit log records the change
    return actueel
