"""Use cases of the letters: send one (render, store in the dossier, register the
interventie), and manage the templates (upload a new version, load the defaults)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.domein.rollen import NAMEN as ROLNAMEN
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.versiebeheer import neem_versie
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.diensten import Regelfout, Versieconflict, voeg_interventie_toe
from leerplicht.werkprocessen.models import Document, Werkproces

from . import weergave
from .models import Briefsjabloon
from .plaatshouders import (
    BESLUIT_UITKOMSTEN,
    Brieffeiten,
    Meldingfeit,
    afzender,
    datum_tekst,
    maak_context,
    ontbrekende_velden,
)
from .soorten import BESLUITBRIEVEN, BRIEFSOORTEN, INTERVENTIE_VAN_BRIEF, MET_KOPIE_AAN_SCHOOL
from .standaardsjablonen import standaard_docx

__all__ = ["Brieffout", "Regelfout", "Sjabloonconflict", "Versieconflict", "verstuur_brief"]

PDF = "application/pdf"


class Brieffout(Regelfout):
    """The letter cannot be made with these data: form field -> Dutch messages."""


class Sjabloonconflict(Exception):
    def __init__(self) -> None:
        super().__init__(
            "Iemand anders heeft dit sjabloon intussen gewijzigd. Laad de pagina opnieuw; "
            "uw nieuwe versie is niet opgeslagen."
        )


# --- templates ----------------------------------------------------------------------------


def sjabloon_voor(soort: str) -> bytes:
    """The current template of `soort`: the uploaded one, else the built-in default."""
    rij = Briefsjabloon.objects.filter(soort=soort).values_list("docx", flat=True).first()
    return bytes(rij) if rij is not None else standaard_docx(soort)


def laad_standaardsjablonen(*, overschrijven: bool = False, door: str = "") -> list[str]:
    """Store the default template of every soort that has none (or all: `overschrijven`).
    Returns the soorten stored."""
    opgeslagen = []
    for soort, naam in BRIEFSOORTEN.items():
        bestaand = Briefsjabloon.objects.filter(soort=soort).first()
        if bestaand is not None and not overschrijven:
            continue
        if bestaand is None:
            Briefsjabloon.objects.create(
                soort=soort,
                naam=naam,
                docx=standaard_docx(soort),
                gewijzigd_op=timezone.now(),
                gewijzigd_door=door,
            )
        else:
            Briefsjabloon.objects.filter(pk=bestaand.pk).update(
                docx=standaard_docx(soort),
                versie=F("versie") + 1,
                gewijzigd_op=timezone.now(),
                gewijzigd_door=door,
            )
        opgeslagen.append(soort)
    return opgeslagen


def vervang_sjabloon(
    soort: str, inhoud: bytes, *, door: str, versie: int | None, bestandsnaam: str = ""
) -> Briefsjabloon:
    """Store a new version of the template after every check (weergave.controleer_sjabloon).

    `versie` is the version the beheerder's page showed (None: no template stored yet);
    someone else uploading in between gives Sjabloonconflict, nothing is overwritten.
    """
    if soort not in BRIEFSOORTEN:
        raise weergave.Sjabloonfout("Onbekende soort brief.")
    weergave.controleer_sjabloon(inhoud, soort, bestandsnaam or "het bestand")
    nu = timezone.now()
    with transaction.atomic():
        if versie is None:
            if Briefsjabloon.objects.filter(soort=soort).exists():
                raise Sjabloonconflict
            return Briefsjabloon.objects.create(
                soort=soort,
                naam=BRIEFSOORTEN[soort],
                docx=inhoud,
                versie=2,  # version 1 is the built-in default
                gewijzigd_op=nu,
                gewijzigd_door=door,
            )
        bijgewerkt = Briefsjabloon.objects.filter(soort=soort, versie=versie).update(
            docx=inhoud, versie=versie + 1, gewijzigd_op=nu, gewijzigd_door=door
        )
        if bijgewerkt == 0:
            raise Sjabloonconflict
        return Briefsjabloon.objects.get(soort=soort)


# --- sending a letter -------------------------------------------------------------------------


def _school(persoon: Persoon, werkproces: Werkproces | None, op: date) -> tuple[str, str]:
    """(name, code) of the school: of the latest melding of the werkproces that names one,
    else of the enrolment on `op`; empty when unknown."""
    if werkproces is not None:
        melding = (
            werkproces.meldingen.filter(school__isnull=False)
            .select_related("school")
            .order_by("-datum", "-pk")
            .first()
        )
        if melding is not None:
            return melding.school.naam, melding.school.pk
    inschrijving = (
        Inschrijving.objects.filter(persoon=persoon, van__lte=op)
        .filter(Q(tot__isnull=True) | Q(tot__gte=op))
        .select_related("school")
        .order_by("-van", "-school_id")
        .first()
    )
    if inschrijving is not None:
        return inschrijving.school.naam, inschrijving.school.pk
    return "", ""


def _besluitgegevens(vrijstelling: Vrijstelling, gegevens: Mapping[str, Any]) -> dict[str, Any]:
    """What the vrijstelling already says, unless the medewerker typed something else."""
    standaard = {
        "besluit_uitkomst": vrijstelling.besluit if vrijstelling.besluit in BESLUIT_UITKOMSTEN
        else "",
        "besluit_grond": codes.VRIJSTELLING_GRONDEN.get(vrijstelling.grond, vrijstelling.grond),
        "besluit_geldig_van": vrijstelling.geldig_van,
        "besluit_geldig_tot": vrijstelling.geldig_tot,
    }  # fmt: skip
    return {**standaard, **{k: v for k, v in gegevens.items() if v not in (None, "")}}


def _naam(door) -> str:
    return (door.get_full_name() or door.get_username()).strip()


def _functie(door) -> str:
    from leerplicht.toegang.beleid import rol_van

    rol = rol_van(door)
    return ROLNAMEN[rol] if rol else ""


def verstuur_brief(
    werkproces: Werkproces | None,
    soort: str,
    *,
    door,
    gegevens: Mapping[str, Any],
    kopie_aan_school: bool = False,
    vrijstelling: Vrijstelling | None = None,
    persoon: Persoon | None = None,
    versie: int | None = None,
    vandaag: date | None = None,
) -> Document:
    """Render the letter `soort`, store it as a Document (soort "brief") in the dossier and,
    for a letter that is an interventie, register that interventie on the werkproces.

    The letter hangs on a werkproces, or (besluit letters, Task D) on a `vrijstelling=` or a
    `persoon=`. `door` is the user who sends it. `gegevens` are the inputs of the form
    (`plaatshouders.VELDEN`; dates as date or ISO text). With `kopie_aan_school` (the
    waarschuwing) a second document "kopie aan school" is stored. `versie`: the werkproces
    versie the form was loaded with (Versieconflict when someone saved in between).
    Returns the letter (not the copy). Raises Brieffout / Regelfout (Dutch, per field),
    Versieconflict, weergave.Sjabloonfout; nothing is stored then.
    """
    vandaag = vandaag or timezone.localdate()
    if soort not in BRIEFSOORTEN:
        raise Brieffout("Kies een soort brief uit de lijst.", "soort")
    if werkproces is None and vrijstelling is None and persoon is None:
        raise TypeError("verstuur_brief: geef een werkproces, vrijstelling of persoon")
    persoon = (
        werkproces.persoon if werkproces else vrijstelling.persoon if vrijstelling else persoon
    )
    assert persoon is not None
    if soort in INTERVENTIE_VAN_BRIEF and werkproces is None:
        raise Brieffout(f"Een {BRIEFSOORTEN[soort].lower()} hoort bij een werkproces.", "soort")
    if werkproces is not None and werkproces.gesloten is not None:
        raise Brieffout(
            f"Dit werkproces is gesloten op {datum_tekst(werkproces.gesloten)}; er kan geen "
            "brief meer bij."
        )
    gegevens = dict(gegevens)
    if vrijstelling is not None and soort in BESLUITBRIEVEN:
        gegevens = _besluitgegevens(vrijstelling, gegevens)
    fouten = {v.sleutel: [f"Vul '{v.label}' in."] for v in ontbrekende_velden(soort, gegevens)}
    school_naam, school_code = _school(persoon, werkproces, vandaag)
    if kopie_aan_school and soort not in MET_KOPIE_AAN_SCHOOL:
        fouten["kopie_aan_school"] = ["Alleen de waarschuwingsbrief gaat in kopie naar de school."]
    elif kopie_aan_school and not school_naam:
        fouten["kopie_aan_school"] = [
            "Er is geen school bekend (geen melding met school en geen inschrijving): "
            "een kopie aan school kan niet."
        ]
    if fouten:
        raise Brieffout(fouten)

    gemeente = werkproces.gemeente if werkproces else (
        vrijstelling.gemeente if vrijstelling else persoon.gemeente
    )  # fmt: skip
    meldingen = (
        tuple(
            Meldingfeit(m.meldingsnummer, m.datum, m.soort)
            for m in werkproces.meldingen.order_by("datum", "pk")
        )
        if werkproces
        else ()
    )
    kenmerk = werkproces.pk if werkproces else vrijstelling.pk if vrijstelling else persoon.pk
    feiten = Brieffeiten(
        soort=soort,
        datum=vandaag,
        kenmerk=kenmerk,
        afzender=afzender(),
        gegevens=gegevens,
        persoonsnummer=persoon.pk,
        geboortedatum=persoon.geboortedatum,
        gemeente_naam=gemeente.naam,
        behandelaar_naam=_naam(door),
        behandelaar_functie=_functie(door),
        behandelaar_email=door.email or "",
        school_naam=school_naam,
        school_brin=school_code,
        werkproces_id=werkproces.pk if werkproces else "",
        werkproces_type=werkproces.type if werkproces else "",
        werkproces_geopend=werkproces.geopend if werkproces else None,
        meldingen=meldingen,
    )
    # Rendering is the slow part (about a second): done before the transaction.
    sjabloon = sjabloon_voor(soort)
    brief = weergave.maak_pdf(sjabloon, maak_context(feiten))
    kopie = None
    if kopie_aan_school:
        kopie = weergave.maak_pdf(sjabloon, maak_context(_met(feiten, kopie_aan=school_naam)))

    gebruiker = door.get_username()
    with transaction.atomic():
        interventie = None
        if soort in INTERVENTIE_VAN_BRIEF:
            assert werkproces is not None
            # Raises the werkproces versie itself (and checks the law's rules, e.g. Halt
            # from age 12).
            interventie = voeg_interventie_toe(
                werkproces,
                soort=INTERVENTIE_VAN_BRIEF[soort],
                datum=vandaag,
                door=gebruiker,
                toelichting=f"{BRIEFSOORTEN[soort]} verstuurd",
                versie=versie,
            )
        elif werkproces is not None:
            neem_versie(Werkproces, werkproces.pk, versie, wat="dit werkproces")
        basis = {
            "persoon": persoon,
            "werkproces": werkproces,
            "vrijstelling": vrijstelling,
            "interventie": interventie,
            "soort": "brief",
            "mediatype": PDF,
            "aangemaakt_op": timezone.now(),
            "door": gebruiker,
        }
        naam = f"{soort}-{kenmerk}-{vandaag.isoformat()}"
        document = Document.objects.create(
            titel=f"{BRIEFSOORTEN[soort]} van {datum_tekst(vandaag)}",
            bestandsnaam=f"{naam}.pdf",
            inhoud=brief,
            **basis,
        )
        if kopie is not None:
            Document.objects.create(
                titel=f"{BRIEFSOORTEN[soort]} van {datum_tekst(vandaag)}, kopie aan school",
                bestandsnaam=f"{naam}-kopie-aan-school.pdf",
                inhoud=kopie,
                **basis,
            )
    return document


def _met(feiten: Brieffeiten, **anders: Any) -> Brieffeiten:
    return replace(feiten, **anders)
