"""The administratie's use cases on a melding, following `domein.verzuimmelding_route`:
verzuimstaat opvragen, herinneren, ontvangen, compleet, overdragen, ter kennisneming,
intrekken. Each checks the route's table, sets the DUO status to report back, and saves
with optimistic locking on `Melding.versie` (a stale form raises `Conflict`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.domein.overdracht import PASSENDE_WERKPROCESSEN, werkprocestype_voor
from leerplicht.domein.regelfout import Regelfout
from leerplicht.domein.verzuimmelding_route import (
    Meldingstatus,
    mag_naar,
    onmogelijke_overgang,
)
from leerplicht.domein.verzuimstaat import datum_tekst, termijn
from leerplicht.duo.verzuimloket_formaat import AFSLUITREDENEN, reden_voor_resultaat
from leerplicht.versiebeheer import Versieconflict, neem_versie
from leerplicht.werkprocessen.diensten import nieuw_werkprocesnummer
from leerplicht.werkprocessen.models import Document, Gebeurtenis, Werkproces
from leerplicht.werkprocessen.toewijzing import kies_behandelaar

from .melding_18plus import markeer_contact_ondanks
from .models import Melding

S = Meldingstatus

WAT = "deze melding"
CONFLICTMELDING = str(Versieconflict(WAT))

#: An uploaded verzuimstaat: at most this large, of these kinds.
MAX_VERZUIMSTAAT_BYTES = 10 * 1024 * 1024
VERZUIMSTAAT_TYPEN: dict[str, str] = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


#: The melding changed since the form was loaded: nothing saved (leerplicht.versiebeheer).
Conflict = Versieconflict


@dataclass(frozen=True)
class Overdracht:
    werkproces: Werkproces
    nieuw: bool
    behandelaar: str | None


def _opslaan(
    melding: Melding,
    versie: int,
    naar: Meldingstatus | None = None,
    *,
    duo_status: str | None = None,
    duo_reden: str | None = None,
    **velden: object,
) -> Melding:
    """Check the route, claim `versie` (else Conflict), then save the changed fields.

    The claim is one UPDATE on (pk, versie); the fields themselves are saved through the
    ORM so the audit log records before and after. Call inside a transaction.
    """
    if melding.versie != versie:
        raise Conflict(WAT)
    if naar is not None:
        if melding.status is None:
            raise Regelfout(
                "Deze melding komt uit een eerdere registratie en staat in geen wachtrij; "
                "de route van de administratie geldt er niet voor."
            )
        if not mag_naar(melding.status, naar):
            raise Regelfout(onmogelijke_overgang(melding.status, naar))
    melding.versie = neem_versie(Melding, melding.pk, versie, wat=WAT)
    gewijzigd = dict(velden)
    if naar is not None:
        gewijzigd["status"] = naar.value
    if duo_status is not None and (duo_status, duo_reden) != (
        melding.duo_status,
        melding.duo_reden,
    ):
        # A new status to report: `duo_terugmelding` picks up what has no report date.
        gewijzigd |= {"duo_status": duo_status, "duo_reden": duo_reden, "duo_teruggemeld_op": None}
    for veld, waarde in gewijzigd.items():
        setattr(melding, veld, waarde)
    if gewijzigd:
        melding.save(update_fields=list(gewijzigd))
    return melding


def verzuimstaat_opvragen(melding: Melding, versie: int, *, vandaag: date | None = None) -> Melding:
    """Ask the school for the verzuimstaat; the school has one week (domein.verzuimstaat)."""
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        return _opslaan(
            melding,
            versie,
            S.VERZUIMSTAAT_OPGEVRAAGD,
            duo_status="in_behandeling",
            verzuimstaat_opgevraagd_op=vandaag,
            verzuimstaat_termijn=termijn(vandaag),
        )


def herinneren(melding: Melding, versie: int, *, vandaag: date | None = None) -> Melding:
    """Record that the school was reminded (the status stays: still waiting)."""
    if melding.status != S.VERZUIMSTAAT_OPGEVRAAGD:
        raise Regelfout("Alleen bij een opgevraagde verzuimstaat kunt u de school herinneren.")
    with transaction.atomic():
        return _opslaan(melding, versie, verzuimstaat_herinnerd_op=vandaag or timezone.localdate())


def controleer_verzuimstaat(bestand: UploadedFile) -> str:
    """The media type of an acceptable upload, or Regelfout with a Dutch message."""
    naam = (bestand.name or "").lower()
    extensie = naam[naam.rfind(".") :] if "." in naam else ""
    if extensie not in VERZUIMSTAAT_TYPEN:
        raise Regelfout(
            "verzuimstaat: dit soort bestand kan niet worden opgeslagen (toegestaan: "
            + ", ".join(VERZUIMSTAAT_TYPEN)
            + ")."
        )
    if bestand.size is None or bestand.size > MAX_VERZUIMSTAAT_BYTES:
        raise Regelfout("verzuimstaat: het bestand is te groot (hoogstens 10 MB).")
    if bestand.size == 0:
        raise Regelfout("verzuimstaat: het bestand is leeg.")
    return VERZUIMSTAAT_TYPEN[extensie]


def verzuimstaat_ontvangen(
    melding: Melding,
    versie: int,
    *,
    door: str,
    bestand: UploadedFile | None = None,
    vandaag: date | None = None,
) -> Melding:
    """The verzuimstaat came in: the dossier is complete. The file (optional) is kept as a
    Document of the person, linked to the melding."""
    vandaag = vandaag or timezone.localdate()
    mediatype = controleer_verzuimstaat(bestand) if bestand is not None else None
    with transaction.atomic():
        _opslaan(melding, versie, S.COMPLEET, verzuimstaat_ontvangen_op=vandaag)
        if bestand is not None:
            Document.objects.create(
                persoon_id=melding.persoon_id,
                melding=melding,
                soort="verzuimstaat",
                titel=f"Verzuimstaat melding {melding.meldingsnummer}",
                bestandsnaam=(bestand.name or "verzuimstaat")[-200:],
                mediatype=mediatype or "application/octet-stream",
                inhoud=bestand.read(),
                aangemaakt_op=timezone.now(),
                door=door,
            )
    return melding


def compleet(melding: Melding, versie: int) -> Melding:
    """Complete without a verzuimstaat (absoluut, luxe, or all data already there)."""
    with transaction.atomic():
        return _opslaan(melding, versie, S.COMPLEET, duo_status="in_behandeling")


def ter_kennisneming(melding: Melding, versie: int) -> Melding:
    with transaction.atomic():
        return _opslaan(melding, versie, S.TER_KENNISNEMING, duo_status="ter_kennisneming")


def intrekken(melding: Melding, versie: int) -> Melding:
    with transaction.atomic():
        return _opslaan(melding, versie, S.INGETROKKEN, duo_status="ingetrokken")


def lopend_werkproces(melding: Melding) -> Werkproces | None:
    """An open werkproces of the pupil, of a fitting kind, in the melding's gemeente."""
    typen = PASSENDE_WERKPROCESSEN[werkprocestype_voor(melding.soort)]
    return (
        Werkproces.objects.filter(
            persoon_id=melding.persoon_id,
            gemeente_id=melding.gemeente_id,
            gesloten__isnull=True,
            type__in=typen,
        )
        .order_by("geopend", "pk")
        .first()
    )


def overdragen(
    melding: Melding, versie: int, *, door: str, vandaag: date | None = None
) -> Overdracht:
    """Hand over: join the pupil's open werkproces (recidive), else open a new one for the
    behandelaar the toewijzingsregels name (or nobody: "niet toegewezen")."""
    vandaag = vandaag or timezone.localdate()
    nu = timezone.now()
    soortnaam = codes.MELDING_SOORTEN[melding.soort]
    with transaction.atomic():
        lopend = lopend_werkproces(melding)
        if lopend is not None:
            _opslaan(melding, versie, S.OVERGEDRAGEN, duo_status="in_behandeling",
                     werkproces=lopend)  # fmt: skip
            aantal = Melding.objects.filter(werkproces=lopend).count()
            Gebeurtenis.objects.create(
                werkproces=lopend,
                tijdstip=nu,
                door=door,
                soort="melding_toegevoegd",
                omschrijving=(
                    f"Melding {melding.meldingsnummer} ({soortnaam}) toegevoegd: "
                    f"melding {aantal} in dit werkproces (recidive)"
                ),
            )
            # Verzuim 18+: a repeated "geen actie gewenst" still asks for contact.
            markeer_contact_ondanks(melding, lopend, door=door)
            return Overdracht(lopend, nieuw=False, behandelaar=lopend.behandelaar)
        if melding.status != S.COMPLEET:
            raise Regelfout(
                "Alleen een compleet dossier gaat naar de leerplichtambtenaar. Vraag eerst de "
                "verzuimstaat op of markeer de melding als compleet."
            )
        type_ = werkprocestype_voor(melding.soort)
        school = melding.school
        onderwijssoort = melding.onderwijssoort or (school.onderwijssoort if school else None)
        behandelaar = kies_behandelaar(
            gemeente=melding.gemeente_id,
            onderwijssoort=onderwijssoort,
            school=melding.school_id,
            werkprocestype=type_,
        )
        werkproces = Werkproces.objects.create(
            id=nieuw_werkprocesnummer(vandaag),
            persoon_id=melding.persoon_id,
            gemeente_id=melding.gemeente_id,
            type=type_,
            geopend=vandaag,
            onderwijssoort=melding.onderwijssoort,
            behandelaar=behandelaar,
        )
        _opslaan(melding, versie, S.OVERGEDRAGEN, duo_status="in_behandeling",
                 werkproces=werkproces)  # fmt: skip
        Gebeurtenis.objects.create(
            werkproces=werkproces,
            tijdstip=nu,
            door=door,
            soort="geopend",
            omschrijving=f"Werkproces geopend na melding {melding.meldingsnummer} ({soortnaam})",
        )
        Gebeurtenis.objects.create(
            werkproces=werkproces,
            tijdstip=nu,
            door=door,
            soort="overgedragen",
            omschrijving=(
                f"Overgedragen aan {behandelaar}"
                if behandelaar
                else "Niet toegewezen: geen toewijzingsregel past"
            ),
        )
        # Verzuim 18+: a repeated "geen actie gewenst" still asks for contact.
        markeer_contact_ondanks(melding, werkproces, door=door)
        return Overdracht(werkproces, nieuw=True, behandelaar=behandelaar)


def werkproces_gesloten(werkproces: Werkproces) -> int:
    """For the werkproces use cases: its meldingen are reported to DUO as `afgesloten`
    with the reason that follows from the resultaat. Returns how many changed."""
    reden = reden_voor_resultaat(werkproces.resultaat)
    assert reden in AFSLUITREDENEN
    aantal = 0
    with transaction.atomic():
        for melding in Melding.objects.filter(werkproces=werkproces, status=S.OVERGEDRAGEN):
            _opslaan(melding, melding.versie, duo_status="afgesloten", duo_reden=reden)
            aantal += 1
    return aantal


def meld_werkproces_gesloten(sender: object, *, werkproces: Werkproces, **_: object) -> None:
    """Receiver of `werkprocessen.signalen.werkproces_gesloten` (connected in apps.py)."""
    werkproces_gesloten(werkproces)


# --- the prepared texts to the school --------------------------------------------------


def verzoek_verzuimstaat_tekst(melding: Melding) -> str:
    """The e-mail (or letter) text to the school, shown to copy. About the melding only."""
    aanhef = f"Beste {melding.melder_naam}," if melding.melder_naam else "Geachte heer, mevrouw,"
    termijn_tekst = (
        datum_tekst(melding.verzuimstaat_termijn)
        if melding.verzuimstaat_termijn
        else "binnen een week"
    )
    school = melding.school.naam if melding.school else "uw school"
    return (
        f"Onderwerp: verzuimstaat bij verzuimmelding {melding.meldingsnummer}\n\n"
        f"{aanhef}\n\n"
        f"Op {datum_tekst(melding.datum)} heeft {school} via het Verzuimloket van DUO een "
        f"verzuimmelding gedaan (meldingsnummer {melding.meldingsnummer}, "
        f"{codes.MELDING_SOORTEN[melding.soort]}).\n\n"
        "Om de melding te kunnen behandelen, vragen wij u ons de volgende gegevens te sturen:\n"
        "- de verzuimstaat (een overzicht van de aanwezigheid) over de afgelopen periode;\n"
        "- wat de school al heeft gedaan (gesprekken, contact met ouders, zorgteam);\n"
        "- de contactgegevens van ouders en mentor, als die ontbreken.\n\n"
        f"Wij ontvangen de gegevens graag uiterlijk {termijn_tekst}. Zonder deze gegevens kan "
        "de melding niet worden doorgezet naar de leerplichtambtenaar.\n\n"
        "Met vriendelijke groet,\n\nTeam Leerplicht, administratie"
    )


def herinnering_tekst(melding: Melding) -> str:
    termijn_tekst = (
        datum_tekst(melding.verzuimstaat_termijn) if melding.verzuimstaat_termijn else ""
    )
    return (
        f"Onderwerp: herinnering verzuimstaat bij verzuimmelding {melding.meldingsnummer}\n\n"
        "Geachte heer, mevrouw,\n\n"
        f"Wij vroegen u om de verzuimstaat bij verzuimmelding {melding.meldingsnummer}"
        f"{' uiterlijk ' + termijn_tekst if termijn_tekst else ''} te sturen. Wij hebben die "
        "nog niet ontvangen. Wilt u de verzuimstaat zo snel mogelijk sturen?\n\n"
        "Met vriendelijke groet,\n\nTeam Leerplicht, administratie"
    )
