"""Use cases of vrijstellingen and verlof: registering a request, recording the expert
statement, deciding, withdrawing, the yearly renewal and the registration in DUO's
vrijstellingenregister. The rules are `domein.vrijstellingsregels`; views stay thin.

Every change of a Vrijstelling or Verlofaanvraag carries the `versie` it was loaded
with; a row changed meanwhile raises `Versieconflict` and nothing is stored. A broken rule
raises `Regelfout` (`domein.regelfout`), nothing stored. Who may do this kind of work (the
`Handeling`) is checked by the views; these functions check the schrijfbereik, a rule of
the data (`Regelfout` on the field `gemeente`).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein.regelfout import Bezwaar, Regelfout
from leerplicht.domein.vrijstellingsregels import (
    Aanvraag,
    TeLateKennisgeving,
    bezwaren_tegen_toekenning,
    bezwaren_verlofaanvraag,
    bezwaren_verlofbesluit,
    duur_bezwaren,
    einddatum_bij_toekenning,
    kennisgeving_te_laat,
    verklaarder_bezwaren,
    verlengen_voor,
    volgende_periode,
)
from leerplicht.duo.koppeling import Vrijstellingsregistratie, duo_koppeling
from leerplicht.register.models import Gemeente, Persoon, School
from leerplicht.toegang import beleid
from leerplicht.versiebeheer import Versieconflict, neem_versie
from leerplicht.werkprocessen.models import Document

from . import signalen
from .models import Verlofaanvraag, Vrijstelling

logger = logging.getLogger(__name__)

WAT = "deze aanvraag"
CONFLICTTEKST = str(Versieconflict(WAT))
#: Largest upload accepted for a statement (a scanned letter).
MAXIMALE_BESTANDSGROOTTE = 10 * 1024 * 1024
TOEGESTANE_MEDIATYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
#: What goes to DUO's vrijstellingenregister (and nothing else).
VELDEN_NAAR_DUO = ("bsn", "geboortedatum", "gemeente", "grond", "geldig_van", "geldig_tot")


def _vereist_schrijfbereik(gebruiker, persoon: Persoon, gemeente: Gemeente) -> None:
    """The rule "schrijfbereik": a request of gemeente G only about a person in G's reach
    (a record never brings a person into another gemeente's reach)."""
    if not beleid.mag_schrijven_over(gebruiker, persoon, gemeente.code):
        raise Regelfout(
            [
                Bezwaar(
                    "gemeente",
                    f"Deze persoon hoort niet bij gemeente {gemeente.naam}: registreer de "
                    "aanvraag bij de gemeente waar hij of zij woont.",
                )
            ]
        )


def _naam(gebruiker) -> str:
    return gebruiker.get_username() if gebruiker is not None else ""


def _nieuw_id(vandaag: date) -> str:
    """An internal id without personal data: V + date + random."""
    return f"V{vandaag:%Y%m%d}-{secrets.token_hex(4).upper()}"


def _verhoog_versie(model, pk, versie: int, **velden) -> None:
    """The optimistic lock: change only the row with this versie; else Versieconflict.

    Goes through `save()` so the audit signals log the change.
    """
    neem_versie(model, pk, versie, wat=WAT)
    obj = model.objects.get(pk=pk)
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    obj.save()
    return obj


# --- requests -----------------------------------------------------------------------------


def registreer_vrijstelling(
    gebruiker,
    *,
    persoon: Persoon,
    gemeente: Gemeente,
    grond: str,
    aangevraagd: date,
    geldig_van: date,
    geldig_tot: date | None = None,
) -> Vrijstelling:
    """A request for a vrijstelling or vervangende leerplicht (besluit "open").

    A period longer than art. 6 lid 2 allows is refused here already, except for 5 onder
    a: its statement (recorded later) may say the pupil will never attend (art. 6 lid 3).
    """
    _vereist_schrijfbereik(gebruiker, persoon, gemeente)
    if geldig_tot is not None and geldig_tot < geldig_van:
        raise Regelfout([Bezwaar("geldig_tot", "De einddatum ligt vóór de begindatum.")])
    bezwaren = duur_bezwaren(grond, geldig_van, geldig_tot, nooit_naar_school=grond == "5a")
    if bezwaren:
        raise Regelfout(bezwaren)
    return Vrijstelling.objects.create(
        id=_nieuw_id(aangevraagd),
        persoon=persoon,
        gemeente=gemeente,
        grond=grond,
        aangevraagd=aangevraagd,
        besluit="open",
        geldig_van=geldig_van,
        geldig_tot=geldig_tot,
    )


def registreer_verlof(
    gebruiker,
    *,
    persoon: Persoon,
    gemeente: Gemeente,
    soort: str,
    aangevraagd: date,
    van: date,
    tot: date,
    aantal_schooldagen: int,
    reden: str = "",
    school: School | None = None,
    schoolleider_gehoord_op: date | None = None,
    al_verleend_schooldagen: int = 0,
    al_verleend_peildatum: date | None = None,
    al_verleend_bron: str = "",
) -> Verlofaanvraag:
    """A request for verlof wegens gewichtige omstandigheden that brings the school year
    over 10 school days: `al_verleend_schooldagen` the school head already granted this
    school year plus `aantal_schooldagen` asked (art. 14 lid 1 en 3).

    Vakantieverlof and a school year of up to 10 days are refused with a message pointing
    to the school.
    """
    _vereist_schrijfbereik(gebruiker, persoon, gemeente)
    bron = al_verleend_bron.strip()
    bezwaren = bezwaren_verlofaanvraag(
        soort,
        van,
        tot,
        aantal_schooldagen,
        al_verleend=al_verleend_schooldagen,
        al_verleend_peildatum=al_verleend_peildatum,
        al_verleend_bron=bron,
        aangevraagd=aangevraagd,
    )
    if bezwaren:
        raise Regelfout(bezwaren)
    return Verlofaanvraag.objects.create(
        persoon=persoon,
        gemeente=gemeente,
        school=school,
        soort=soort,
        aangevraagd=aangevraagd,
        van=van,
        tot=tot,
        aantal_schooldagen=aantal_schooldagen,
        al_verleend_schooldagen=al_verleend_schooldagen,
        al_verleend_peildatum=al_verleend_peildatum if al_verleend_schooldagen else None,
        al_verleend_bron=bron if al_verleend_schooldagen else "",
        reden=reden,
        schoolleider_gehoord_op=schoolleider_gehoord_op,
    )


@dataclass(frozen=True)
class Bestand:
    naam: str
    mediatype: str
    inhoud: bytes


@transaction.atomic
def leg_verklaring_vast(
    gebruiker,
    vrijstelling: Vrijstelling,
    *,
    versie: int,
    datum: date,
    door: str,
    nooit_naar_school: bool = False,
    bestand: Bestand | None = None,
) -> Vrijstelling:
    """The expert statement (art. 7 / art. 9): its date and author on the vrijstelling,
    the scan (if any) as a Document of soort "verklaring" linked to it."""
    if vrijstelling.besluit != "open":
        raise Regelfout([Bezwaar("verklaring_datum", "Over deze aanvraag is al besloten.")])
    if datum > timezone.localdate():
        raise Regelfout(
            [Bezwaar("verklaring_datum", "De datum van de verklaring ligt in de toekomst.")]
        )
    if vrijstelling.grond == "5a" and (bezwaren := verklaarder_bezwaren(door)):
        raise Regelfout(bezwaren)  # art. 7 lid 1: not the treating doctor
    if bestand is not None:
        if bestand.mediatype not in TOEGESTANE_MEDIATYPES:
            raise Regelfout([Bezwaar("bestand", "Lever de verklaring aan als PDF, JPEG of PNG.")])
        if len(bestand.inhoud) > MAXIMALE_BESTANDSGROOTTE:
            raise Regelfout([Bezwaar("bestand", "Het bestand is groter dan 10 MB.")])
    v = _verhoog_versie(
        Vrijstelling,
        vrijstelling.pk,
        versie,
        verklaring_datum=datum,
        verklaring_door=door,
        nooit_naar_school=nooit_naar_school,
    )
    if bestand is not None:
        Document.objects.create(
            persoon_id=v.persoon_id,
            vrijstelling=v,
            soort="verklaring",
            titel="Verklaring deskundige",
            bestandsnaam=bestand.naam[:200],
            mediatype=bestand.mediatype,
            inhoud=bestand.inhoud,
            aangemaakt_op=timezone.now(),
            door=_naam(gebruiker),
        )
    return v


# --- decisions ------------------------------------------------------------------------------


def aanvraag_van(v: Vrijstelling, **anders) -> Aanvraag:
    """The domain's view of a vrijstelling (fields in `anders` replace the stored ones)."""
    velden = {
        "grond": v.grond,
        "aangevraagd": v.aangevraagd,
        "geldig_van": v.geldig_van,
        "geldig_tot": v.geldig_tot,
        "geboortedatum": v.persoon.geboortedatum,
        "startkwalificatie": v.persoon.startkwalificatie,
        "twaalf_schooljaren_voltooid": v.persoon.twaalf_schooljaren_voltooid,
        "kwalificatieplicht_vervallen": v.persoon.kwalificatieplicht_vervallen,
        "verklaring_datum": v.verklaring_datum,
        "verklaring_door": v.verklaring_door,
        "nooit_naar_school": v.nooit_naar_school,
        "richting_vorig_jaar": v.richting_vorig_jaar,
        "plan_van_aanpak": v.plan_van_aanpak,
    }
    velden.update(anders)
    return Aanvraag(**velden)


def te_late_kennisgeving(v: Vrijstelling) -> TeLateKennisgeving | None:
    """Art. 6: was the kennisgeving (`aangevraagd`) of this request late? A warning for
    the page, the list and the decision; never a reason to refuse by itself."""
    return kennisgeving_te_laat(v.grond, v.aangevraagd, v.geldig_van, v.persoon.geboortedatum)


@dataclass(frozen=True)
class Besluituitkomst:
    vrijstelling: Vrijstelling
    #: Meldingen withdrawn because they overlap the granted period.
    ingetrokken_meldingen: list[str]
    #: The beschikking (None when no letter could be made; see the log).
    brief: Document | None
    #: The file for Mijn DUO (None when not registered; see the log).
    duo_bestand: object | None
    #: What the team decided despite (Dutch, with the article): a late kennisgeving.
    waarschuwingen: tuple[str, ...] = ()


def besluit_vrijstelling(
    gebruiker,
    vrijstelling: Vrijstelling,
    *,
    versie: int,
    besluit: str,
    besluitdatum: date,
    motivering: str,
    geldig_van: date | None = None,
    geldig_tot: date | None = None,
    richting_vorig_jaar: bool | None = None,
    plan_van_aanpak: bool | None = None,
    brief: Mapping[str, str] | None = None,
) -> Besluituitkomst:
    """Grant or refuse a request, with reasons. A grant must meet the rules of its ground
    (`bezwaren_tegen_toekenning`); it withdraws the open meldingen over the period,
    registers the vrijstelling with DUO and sends the beschikking (`brief`: addressee,
    address and the pupil's name, used only in the letter; None: no letter)."""
    bezwaren: list[Bezwaar] = []
    if besluit not in ("toegekend", "afgewezen"):
        bezwaren.append(Bezwaar("besluit", "Kies toekennen of afwijzen."))
    if not motivering.strip():
        bezwaren.append(Bezwaar("motivering", "Geef de motivering van het besluit."))
    if besluitdatum < vrijstelling.aangevraagd:
        bezwaren.append(Bezwaar("besluitdatum", "De besluitdatum ligt vóór de aanvraag."))
    if besluitdatum > timezone.localdate():
        bezwaren.append(Bezwaar("besluitdatum", "De besluitdatum ligt in de toekomst."))
    if vrijstelling.besluit != "open":
        bezwaren.append(Bezwaar("besluit", "Over deze aanvraag is al besloten."))
    velden = {
        "geldig_van": geldig_van or vrijstelling.geldig_van,
        "geldig_tot": geldig_tot if geldig_tot is not None else vrijstelling.geldig_tot,
        "richting_vorig_jaar": (
            richting_vorig_jaar
            if richting_vorig_jaar is not None
            else vrijstelling.richting_vorig_jaar
        ),
        "plan_van_aanpak": (
            plan_van_aanpak if plan_van_aanpak is not None else vrijstelling.plan_van_aanpak
        ),
    }
    if besluit == "toegekend":
        bezwaren += bezwaren_tegen_toekenning(aanvraag_van(vrijstelling, **velden), besluitdatum)
        # Art. 6 lid 2: an empty end is the end of the school year, stored as such.
        velden["geldig_tot"] = einddatum_bij_toekenning(
            vrijstelling.grond,
            velden["geldig_van"],
            velden["geldig_tot"],
            nooit_naar_school=vrijstelling.nooit_naar_school,
        )
    if bezwaren:
        raise Regelfout(bezwaren)
    with transaction.atomic():
        v = _verhoog_versie(
            Vrijstelling,
            vrijstelling.pk,
            versie,
            besluit=besluit,
            besluitdatum=besluitdatum,
            motivering=motivering.strip(),
            verlengen_voor=(
                verlengen_voor(
                    vrijstelling.grond,
                    velden["geldig_van"],
                    nooit_naar_school=vrijstelling.nooit_naar_school,
                )
                if besluit == "toegekend"
                else None
            ),
            **velden,
        )
        ingetrokken = (
            [
                nummer
                for _, nummers in signalen.vrijstelling_toegekend.send(
                    sender=Vrijstelling, vrijstelling=v
                )
                for nummer in nummers
            ]
            if besluit == "toegekend"
            else []
        )
    duo = registreer_bij_duo([v], "registreren") if besluit == "toegekend" else None
    document = _beschikking(gebruiker, v, brief)
    te_laat = te_late_kennisgeving(v)
    return Besluituitkomst(v, ingetrokken, document, duo, (te_laat.tekst,) if te_laat else ())


def trek_in(
    gebruiker, vrijstelling: Vrijstelling, *, versie: int, per: date, motivering: str
) -> Vrijstelling:
    """Withdraw a granted vrijstelling from `per` on (e.g. the pupil goes back to school):
    besluit "ingetrokken", the period ends the day before, and DUO is told.

    The withdrawal is stored as its own fact (`ingetrokken_per`); `besluitdatum` stays the
    date of the grant, so the grant keeps counting in the figures of that year."""
    bezwaren = []
    if vrijstelling.besluit != "toegekend":
        bezwaren.append(
            Bezwaar("besluit", "Alleen een toegekende vrijstelling kan worden ingetrokken.")
        )
    if not motivering.strip():
        bezwaren.append(Bezwaar("motivering", "Geef de reden van het intrekken."))
    if per <= vrijstelling.geldig_van:
        bezwaren.append(Bezwaar("per", "Intrekken kan vanaf de dag na de begindatum."))
    if bezwaren:
        raise Regelfout(bezwaren)
    eerder = f"{vrijstelling.motivering}\n\n" if vrijstelling.motivering else ""
    with transaction.atomic():
        v = _verhoog_versie(
            Vrijstelling,
            vrijstelling.pk,
            versie,
            besluit="ingetrokken",
            ingetrokken_per=per,
            geldig_tot=per - timedelta(days=1),
            verlengen_voor=None,
            motivering=f"{eerder}Ingetrokken per {per:%d-%m-%Y}: {motivering.strip()}",
        )
    registreer_bij_duo([v], "intrekken")
    return v


@transaction.atomic
def verleng(
    gebruiker, vrijstelling: Vrijstelling, *, versie: int, aangevraagd: date
) -> Vrijstelling:
    """The yearly renewal (art. 6): a new request for the next school year, "open", to be
    decided like the first (for 5 onder a with a new statement, art. 7)."""
    if vrijstelling.besluit != "toegekend" or vrijstelling.verlengen_voor is None:
        raise Regelfout([Bezwaar("verlengen", "Deze vrijstelling hoeft niet te worden verlengd.")])
    if Vrijstelling.objects.filter(vorige=vrijstelling).exists():
        raise Regelfout([Bezwaar("verlengen", "Deze vrijstelling is al verlengd.")])
    # Lock the old period: two clicks on "verlengen" make one renewal.
    _verhoog_versie(Vrijstelling, vrijstelling.pk, versie)
    van, tot = volgende_periode(vrijstelling.geldig_tot, vrijstelling.verlengen_voor)
    return Vrijstelling.objects.create(
        id=_nieuw_id(aangevraagd),
        persoon_id=vrijstelling.persoon_id,
        gemeente_id=vrijstelling.gemeente_id,
        grond=vrijstelling.grond,
        aangevraagd=aangevraagd,
        besluit="open",
        geldig_van=van,
        geldig_tot=tot,
        nooit_naar_school=vrijstelling.nooit_naar_school,
        richting_vorig_jaar=None,
        vorige=vrijstelling,
    )


def besluit_verlof(
    gebruiker,
    aanvraag: Verlofaanvraag,
    *,
    versie: int,
    besluit: str,
    besluitdatum: date,
    motivering: str,
    schoolleider_gehoord_op: date | None,
    brief: Mapping[str, str] | None = None,
) -> Verlofaanvraag:
    """Art. 14 lid 3: the LPA decides when the school year comes to more than 10 days,
    after hearing the school head."""
    bezwaren = bezwaren_verlofbesluit(
        aanvraag.aantal_schooldagen, schoolleider_gehoord_op, aanvraag.al_verleend_schooldagen
    )
    if besluit not in ("toegekend", "afgewezen"):
        bezwaren.append(Bezwaar("besluit", "Kies toekennen of afwijzen."))
    if not motivering.strip():
        bezwaren.append(Bezwaar("motivering", "Geef de motivering van het besluit."))
    if aanvraag.besluit != "open":
        bezwaren.append(Bezwaar("besluit", "Over deze aanvraag is al besloten."))
    if besluitdatum > timezone.localdate():
        bezwaren.append(Bezwaar("besluitdatum", "De besluitdatum ligt in de toekomst."))
    if schoolleider_gehoord_op and schoolleider_gehoord_op > besluitdatum:
        bezwaren.append(
            Bezwaar("schoolleider_gehoord_op", "De directeur wordt gehoord vóór het besluit.")
        )
    if bezwaren:
        raise Regelfout(bezwaren)
    with transaction.atomic():
        a = _verhoog_versie(
            Verlofaanvraag,
            aanvraag.pk,
            versie,
            besluit=besluit,
            besluitdatum=besluitdatum,
            motivering=motivering.strip(),
            schoolleider_gehoord_op=schoolleider_gehoord_op,
        )
    document = _beschikking(gebruiker, a, brief)
    if document is not None:
        Verlofaanvraag.objects.filter(pk=a.pk).update(besluitbrief=document)
        a.besluitbrief = document
    return a


# --- consequences of a grant -----------------------------------------------------------------


def registratie_van(v: Vrijstelling, handeling: str) -> Vrijstellingsregistratie:
    return Vrijstellingsregistratie(
        vrijstelling_id=v.pk,
        bsn=v.persoon.bsn,
        onderwijsnummer=None,
        geboortedatum=v.persoon.geboortedatum,
        grond=v.grond,
        geldig_van=v.geldig_van,
        geldig_tot=v.geldig_tot,
        gemeente=v.gemeente_id,
        handeling=handeling,
    )


def registreer_bij_duo(vrijstellingen: list[Vrijstelling], handeling: str):
    """Register in DUO's vrijstellingenregister through the adapter, after the decision is
    stored. A failure does not undo the decision: `duo_geregistreerd_op` stays empty and
    the overzicht lists it as "nog niet bij DUO" (the command
    `vrijstellingen-naar-duo` tries again)."""
    if not vrijstellingen:
        return None
    try:
        resultaat = duo_koppeling().registreer_vrijstellingen(
            [registratie_van(v, handeling) for v in vrijstellingen]
        )
    except Exception:  # any adapter failure leaves the decision standing
        logger.exception(
            "Registratie in het vrijstellingenregister mislukt voor %s",
            ", ".join(v.pk for v in vrijstellingen),
        )
        return None
    nu = timezone.now()
    Vrijstelling.objects.filter(pk__in=[v.pk for v in vrijstellingen]).update(
        duo_geregistreerd_op=nu
    )
    for v in vrijstellingen:
        v.duo_geregistreerd_op = nu
        # Personal data (BSN) leaves the system in a file: an export, per person.
        registreer(
            "exporteren",
            object_type="vrijstelling",
            object_id=v.pk,
            persoon_id=v.persoon_id,
            velden=list(VELDEN_NAAR_DUO),
            toelichting={"bestemming": "vrijstellingenregister DUO", "handeling": handeling},
        )
    return resultaat


def nog_niet_bij_duo() -> QuerySet[Vrijstelling]:
    """Decided vrijstellingen whose registration with DUO is missing."""
    return Vrijstelling.objects.filter(
        besluit__in=("toegekend", "ingetrokken"),
        duo_geregistreerd_op__isnull=True,
        versie__gt=1,  # imported rows (versie 1, never decided here) are DUO's already
    )


#: What the letter needs that the system does not keep (no names or addresses are stored).
BRIEFVELDEN = ("aan_naam", "aan_adres", "leerling_naam")


def _beschikking(
    gebruiker, object_: Vrijstelling | Verlofaanvraag, brief: Mapping[str, str] | None
) -> Document | None:
    """The beschikking letter, after the decision is stored: made by the letters app, which
    sits above this one and listens to `signalen.besluit_genomen` (brieven.beschikking).
    None without address fields, or when the letter could not be made."""
    if not brief:
        return None
    antwoorden = signalen.besluit_genomen.send(
        sender=type(object_), gebruiker=gebruiker, besluit=object_, brief=brief
    )
    return next((document for _, document in antwoorden if document is not None), None)
