"""Use cases of the werkproces page: interventies with the law's rules, Halt outcome, OM
data, notities, documenten, closing, reopening, the warm transfer to the Doorstroompunt
and changing the behandelaar.

Every use case runs in one transaction and first raises `Werkproces.versie` with
`filter(pk=..., versie=v).update(versie=v+1)` (optimistic locking). That update is also
the row lock that serialises two saves on the same werkproces; zero rows changed means
someone else saved first: `Versieconflict`, and nothing is stored. Internal callers (the
letters of Task C) pass `versie=None`: no check, but the same lock and the same bump.

A broken rule raises `Regelfout` with Dutch messages per form field; the transaction rolls
back, so nothing is half-stored. Access (who may do this to which werkproces) is decided
by the views through `leerplicht.toegang`; these functions trust their caller.

Interventie ids are f"{werkproces.id}-I{n}", n counting on from the number of
interventies the werkproces has (skipping ids taken, e.g. by an import).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.domein import interventieregels as regels
from leerplicht.domein import werkproces_route as route
from leerplicht.domein.regelfout import Regelfout
from leerplicht.domein.rollen import HANDELINGEN, Handeling
from leerplicht.versiebeheer import Versieconflict, neem_versie

from . import signalen
from .models import (
    DOCUMENTSOORTEN,
    OM_BESLISSINGEN,
    Document,
    Gebeurtenis,
    Interventie,
    Notitie,
    Werkproces,
)

WAT = "dit werkproces"
CONFLICTMELDING = str(Versieconflict(WAT))


# --- the lock ---------------------------------------------------------------------------


def nieuw_werkprocesnummer(vandaag: date) -> str:
    """The one generator of werkproces numbers: the year and 8 random hex digits."""
    return f"W{vandaag:%Y}-{uuid.uuid4().hex[:8].upper()}"


def vergrendel(werkproces: Werkproces, versie: int | None) -> Werkproces:
    """Raise the versie (checking it unless None) and return the werkproces as stored now.

    Call inside transaction.atomic(); on an exception the raise is rolled back with the rest.
    """
    neem_versie(Werkproces, werkproces.pk, versie, wat=WAT)
    return Werkproces.objects.select_related("persoon").get(pk=werkproces.pk)


def leg_gebeurtenis_vast(werkproces: Werkproces, soort: str, omschrijving: str, door: str) -> None:
    Gebeurtenis.objects.create(
        werkproces=werkproces,
        tijdstip=timezone.now(),
        door=door,
        soort=soort,
        omschrijving=omschrijving,
    )


def moet_open(werkproces: Werkproces) -> None:
    if werkproces.gesloten is not None:
        raise Regelfout(
            f"Dit werkproces is gesloten op {regels.datum_tekst(werkproces.gesloten)}; "
            "de teammanager kan het heropenen."
        )


# --- interventies -----------------------------------------------------------------------

PV_HALT_VELDEN = frozenset(
    {
        "tegen",
        "verzuim",
        "verzuim_van",
        "verzuim_tot",
        "uitkomst",
        "om_beslissing",
        "om_beslist_op",
        "zittingsdatum",
        "sanctie",
    }
)


def _nieuw_interventie_id(werkproces: Werkproces) -> str:
    n = werkproces.interventies.count() + 1
    while Interventie.objects.filter(pk=f"{werkproces.pk}-I{n}").exists():
        n += 1
    return f"{werkproces.pk}-I{n}"


def _leeg(waarde: Any) -> Any:
    return None if waarde in ("", None) else waarde


def voeg_interventie_toe(
    werkproces: Werkproces,
    *,
    soort: str,
    datum: date,
    door: str,
    toelichting: str = "",
    versie: int | None = None,
    **pv_halt_velden: Any,
) -> Interventie:
    """Record an interventie (gesprek, Halt-verwijzing, proces-verbaal, ...) after checking
    the law's rules (`domein.interventieregels`). `pv_halt_velden`: tegen, verzuim,
    verzuim_van, verzuim_tot (a proces-verbaal: the period of the verzuim it is about, on
    which leerplicht and the age of 12 are judged), uitkomst (Halt), om_beslissing,
    om_beslist_op, zittingsdatum, sanctie."""
    onbekend = set(pv_halt_velden) - PV_HALT_VELDEN
    if onbekend:
        raise TypeError(f"onbekende velden voor een interventie: {sorted(onbekend)}")
    velden = {k: _leeg(v) for k, v in pv_halt_velden.items()}
    sanctie = velden.pop("sanctie", None) or ""
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        moet_open(vers)
        fouten: dict[str, list[str]] = {}
        if soort not in codes.INTERVENTIE_SOORTEN:
            fouten["soort"] = ["Kies een soort interventie uit de lijst."]
        if datum > timezone.localdate():
            fouten.setdefault("datum", []).append(
                "De datum van een interventie kan niet in de toekomst liggen."
            )
        om = velden.get("om_beslissing")
        if om is not None and om not in OM_BESLISSINGEN:
            fouten.setdefault("om_beslissing", []).append("Kies een beslissing van het OM.")
        gegevens = regels.Interventiegegevens(
            soort=soort,
            datum=datum,
            geboortedatum=vers.persoon.geboortedatum,
            tegen=velden.get("tegen"),
            verzuim=velden.get("verzuim"),
            uitkomst=velden.get("uitkomst"),
            om_gegevens=bool(
                om or sanctie or velden.get("om_beslist_op") or velden.get("zittingsdatum")
            ),
            om_beslist_op=velden.get("om_beslist_op"),
            zittingsdatum=velden.get("zittingsdatum"),
            startkwalificatie=vers.persoon.startkwalificatie,
            twaalf_schooljaren_voltooid=vers.persoon.twaalf_schooljaren_voltooid,
            kwalificatieplicht_vervallen=vers.persoon.kwalificatieplicht_vervallen,
            verzuim_van=velden.get("verzuim_van"),
            verzuim_tot=velden.get("verzuim_tot"),
        )
        for veld, meldingen in regels.controleer_interventie(gegevens).items():
            fouten.setdefault(veld, []).extend(meldingen)
        if fouten:
            raise Regelfout(fouten)
        return Interventie.objects.create(
            id=_nieuw_interventie_id(vers),
            werkproces=vers,
            soort=soort,
            datum=datum,
            toelichting=toelichting,
            door=door,
            sanctie=sanctie,
            **velden,
        )


def _interventie(werkproces: Werkproces, interventie_id: str, soort: str) -> Interventie:
    interventie = werkproces.interventies.filter(pk=interventie_id, soort=soort).first()
    if interventie is None:
        naam = codes.INTERVENTIE_SOORTEN[soort]
        raise Regelfout(f"Kies een {naam} van dit werkproces.", "interventie")
    return interventie


def leg_halt_uitkomst_vast(
    werkproces: Werkproces, *, interventie_id: str, uitkomst: str, door: str, versie: int | None
) -> Interventie:
    """The outcome of a Halt-verwijzing (positief or negatief), when Halt reports it."""
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        interventie = _interventie(vers, interventie_id, regels.HALT)
        if uitkomst not in regels.HALT_UITKOMSTEN:
            raise Regelfout("Kies de uitkomst: positief of negatief.", "uitkomst")
        interventie.uitkomst = uitkomst
        interventie.save(update_fields=["uitkomst"])
        return interventie


def leg_om_gegevens_vast(
    werkproces: Werkproces,
    *,
    interventie_id: str,
    om_beslissing: str | None,
    om_beslist_op: date | None,
    zittingsdatum: date | None,
    sanctie: str,
    door: str,
    versie: int | None,
) -> Interventie:
    """After a proces-verbaal: the OM's decision, the hearing date and the sanction, as
    they come in (months later; a closed werkproces may still receive them)."""
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        interventie = _interventie(vers, interventie_id, regels.PROCES_VERBAAL)
        om_beslissing = _leeg(om_beslissing)
        if om_beslissing is not None and om_beslissing not in OM_BESLISSINGEN:
            raise Regelfout("Kies een beslissing van het OM.", "om_beslissing")
        gegevens = regels.Interventiegegevens(
            soort=interventie.soort,
            datum=interventie.datum,
            geboortedatum=vers.persoon.geboortedatum,
            tegen=interventie.tegen,
            verzuim=interventie.verzuim,
            om_gegevens=True,
            om_beslist_op=om_beslist_op,
            zittingsdatum=zittingsdatum,
        )
        fouten = {
            veld: m
            for veld, m in regels.controleer_interventie(gegevens).items()
            if veld in ("om_beslissing", "zittingsdatum")
        }
        if fouten:
            raise Regelfout(fouten)
        interventie.om_beslissing = om_beslissing
        interventie.om_beslist_op = om_beslist_op
        interventie.zittingsdatum = zittingsdatum
        interventie.sanctie = sanctie or ""
        interventie.save(
            update_fields=["om_beslissing", "om_beslist_op", "zittingsdatum", "sanctie"]
        )
        return interventie


# --- notities and documenten --------------------------------------------------------------

MAX_NOTITIE = 10_000


def voeg_notitie_toe(
    werkproces: Werkproces, *, tekst: str, door: str, versie: int | None
) -> Notitie:
    tekst = tekst.strip()
    if not tekst:
        raise Regelfout("Schrijf een notitie.", "tekst")
    if len(tekst) > MAX_NOTITIE:
        raise Regelfout(f"Een notitie is hoogstens {MAX_NOTITIE:_} tekens.".replace("_", "."))
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        return Notitie.objects.create(
            werkproces=vers, tijdstip=timezone.now(), door=door, tekst=tekst
        )


#: What may be uploaded: extension -> (media type, how the file starts). The content is
#: checked, not the browser's claim, so a renamed executable is refused.
TOEGESTANE_BESTANDEN: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
MAX_DOCUMENT = 10 * 1024 * 1024  # 10 MB: a scanned verzuimstaat or statement


class Bestand(Protocol):
    name: str
    size: int

    def read(self, n: int = -1) -> bytes: ...


@dataclass(frozen=True)
class Gecontroleerd:
    extensie: str
    mediatype: str
    inhoud: bytes


def controleer_bestand(bestand: Bestand) -> Gecontroleerd:
    """Size and type of an upload, by its extension and its first bytes."""
    naam = (bestand.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    soorten = ", ".join(sorted({e.upper() for e in TOEGESTANE_BESTANDEN} - {"JPEG"}))
    if extensie not in TOEGESTANE_BESTANDEN:
        raise Regelfout(f"Dit soort bestand kan niet; kies een {soorten}-bestand.", "bestand")
    if bestand.size > MAX_DOCUMENT:
        raise Regelfout("Het bestand is groter dan 10 MB.", "bestand")
    inhoud = bestand.read(MAX_DOCUMENT + 1)
    if not inhoud:
        raise Regelfout("Het bestand is leeg.", "bestand")
    if len(inhoud) > MAX_DOCUMENT:
        raise Regelfout("Het bestand is groter dan 10 MB.", "bestand")
    mediatype, begin = TOEGESTANE_BESTANDEN[extensie]
    if not inhoud.startswith(begin):
        raise Regelfout(
            f"De inhoud van het bestand is geen {extensie.upper()}; kies een {soorten}-bestand.",
            "bestand",
        )
    return Gecontroleerd(extensie, mediatype, inhoud)


def upload_document(
    werkproces: Werkproces,
    *,
    bestand: Bestand,
    soort: str,
    titel: str,
    door: str,
    versie: int | None,
) -> Document:
    """Store an uploaded file in the dossier of the werkproces's person."""
    if soort not in DOCUMENTSOORTEN:
        raise Regelfout("Kies een soort document.", "soort")
    titel = titel.strip()
    if not titel:
        raise Regelfout("Geef het document een titel.", "titel")
    gecontroleerd = controleer_bestand(bestand)
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        return Document.objects.create(
            persoon=vers.persoon,
            werkproces=vers,
            soort=soort,
            titel=titel[:200],
            bestandsnaam=(bestand.name or "")[-200:],
            mediatype=gecontroleerd.mediatype,
            inhoud=gecontroleerd.inhoud,
            aangemaakt_op=timezone.now(),
            door=door,
        )


def downloadnaam(document: Document) -> str:
    """The file name of a download: the internal id only, never a name or a title."""
    extensie = next(
        (e for e, (m, _) in TOEGESTANE_BESTANDEN.items() if m == document.mediatype), "bin"
    )
    return f"document-{document.pk}.{extensie}"


# --- status ------------------------------------------------------------------------------


def _halt_zonder_uitkomst(werkproces: Werkproces) -> int:
    rijen = werkproces.interventies.values_list("soort", "uitkomst")
    return regels.halt_zonder_uitkomst(list(rijen))


def _sluit(
    werkproces: Werkproces,
    *,
    resultaat: str | None,
    datum: date,
    door: str,
    versie: int | None,
    gebeurtenis: tuple[str, str],
) -> Werkproces:
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        status = route.status_van(vers.gesloten)
        if not route.mag_naar(status, route.Werkprocesstatus.GESLOTEN):
            raise Regelfout(route.onmogelijke_overgang(status, route.Werkprocesstatus.GESLOTEN))
        fouten = route.bezwaren_tegen_sluiten(
            route.Sluitgegevens(
                type=vers.type,
                geopend=vers.geopend,
                resultaat=resultaat,
                datum=datum,
                geboortedatum=vers.persoon.geboortedatum,
                vandaag=timezone.localdate(),
                halt_zonder_uitkomst=_halt_zonder_uitkomst(vers),
            )
        )
        if fouten:
            raise Regelfout(fouten)
        vers.gesloten = datum
        vers.resultaat = resultaat
        vers.save(update_fields=["gesloten", "resultaat"])
        leg_gebeurtenis_vast(vers, *gebeurtenis, door=door)
        # Its meldingen go back to DUO as afgesloten (the meldingen app listens).
        signalen.werkproces_gesloten.send(sender=Werkproces, werkproces=vers)
        return vers


def sluit(
    werkproces: Werkproces, *, resultaat: str | None, datum: date, door: str, versie: int | None
) -> Werkproces:
    """Close with a resultaat (werkproces_route: the guards)."""
    naam = codes.WERKPROCES_RESULTATEN.get(resultaat or "", "")
    return _sluit(
        werkproces,
        resultaat=resultaat,
        datum=datum,
        door=door,
        versie=versie,
        gebeurtenis=("gesloten", f"Gesloten met resultaat '{naam}'."),
    )


def draag_over_aan_doorstroompunt(
    werkproces: Werkproces, *, datum: date, door: str, versie: int | None
) -> Werkproces:
    """The warm transfer at 18: close with resultaat `overdracht_dsp` and record the
    gebeurtenis "overdracht_dsp" that the Doorstroompunt side picks up (issue 5)."""
    return _sluit(
        werkproces,
        resultaat="overdracht_dsp",
        datum=datum,
        door=door,
        versie=versie,
        gebeurtenis=("overdracht_dsp", "Warm overgedragen aan het Doorstroompunt."),
    )


def heropen(werkproces: Werkproces, *, door: str, versie: int | None) -> Werkproces:
    """A correction: the werkproces is open again, closing date and resultaat cleared."""
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        status = route.status_van(vers.gesloten)
        if not route.mag_naar(status, route.Werkprocesstatus.OPEN):
            raise Regelfout(route.onmogelijke_overgang(status, route.Werkprocesstatus.OPEN))
        vers.gesloten = None
        vers.resultaat = None
        vers.save(update_fields=["gesloten", "resultaat"])
        leg_gebeurtenis_vast(vers, "heropend", "Heropend (correctie).", door)
        return vers


# --- behandelaar -------------------------------------------------------------------------


def mogelijke_behandelaars(werkproces: Werkproces) -> list[str]:
    """User names of active medewerkers who handle werkprocessen and may see this one
    (asked of `toegang.beleid`, so a consulent DSP is offered only for 18+ work)."""
    from leerplicht.toegang.beleid import mag_zien

    rollen = [r.value for r in HANDELINGEN[Handeling.WERKPROCES_BEHANDELEN]]
    kandidaten = (
        get_user_model()
        .objects.filter(
            is_active=True,
            medewerker__rol__in=rollen,
            medewerker__gemeenten=werkproces.gemeente_id,
        )
        .distinct()
        .order_by("username")
    )
    return [g.get_username() for g in kandidaten if mag_zien(g, werkproces)]


def wijzig_behandelaar(
    werkproces: Werkproces, *, behandelaar: str, door: str, versie: int | None
) -> Werkproces:
    with transaction.atomic():
        vers = vergrendel(werkproces, versie)
        if behandelaar not in mogelijke_behandelaars(vers):
            raise Regelfout(
                "Kies een behandelaar die werkprocessen van deze gemeente behandelt.",
                "behandelaar",
            )
        if behandelaar == vers.behandelaar:
            raise Regelfout("Dit is al de behandelaar.", "behandelaar")
        vorige = vers.behandelaar
        vers.behandelaar = behandelaar
        vers.save(update_fields=["behandelaar"])
        leg_gebeurtenis_vast(
            vers,
            "overgedragen",
            f"Behandelaar {vorige or '(geen)'} → {behandelaar}.",
            door,
        )
        return vers
