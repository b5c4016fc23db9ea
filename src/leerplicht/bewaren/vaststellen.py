"""Schooljaar vaststellen: freeze the figures of a closed school year.

Once frozen, `leerplicht rapport` prints the stored text for that school year on the
default peildatum, byte for byte, whatever happens to the underlying rows later
(bewaartermijn). A subset of gemeenten is taken from the stored figures, with the
`totaal` summed by the same function as `maak_rapport` (cijfers.rapport.totaal_van).
"""

from __future__ import annotations

import json
from datetime import date

from django.db import transaction
from django.utils import timezone

from leerplicht.cijfers.rapport import (
    ALLE_GEMEENTEN,
    Gemeentekeuze,
    gekozen_codes,
    maak_rapport,
    totaal_van,
)
from leerplicht.domein.schooljaar import Schooljaar

from . import auditspoor
from .models import Vastgesteldrapport, sha256_van


class NietVastTeStellen(ValueError):
    """A school year that cannot be frozen (still open, or frozen already)."""


class RapportNietBeschikbaar(ValueError):
    """A rapport that cannot be given for a frozen school year; the message says why."""


def rapport_als_tekst(rapport: dict) -> str:
    """The JSON text exactly as `leerplicht rapport --format json` prints it."""
    return json.dumps(rapport, ensure_ascii=False, indent=2)


def is_afgesloten(schooljaar: Schooljaar, vandaag: date) -> bool:
    """A school year is closed from the day after 31 July."""
    return schooljaar.einde < vandaag


def is_vastgesteld(schooljaar: Schooljaar) -> bool:
    return Vastgesteldrapport.objects.filter(schooljaar=schooljaar.naam).exists()


@transaction.atomic
def stel_vast(
    schooljaar: Schooljaar, *, vandaag: date | None = None, door: str = ""
) -> Vastgesteldrapport:
    """Freeze the rapport of a closed school year over all gemeenten."""
    vandaag = vandaag or timezone.localdate()
    if not is_afgesloten(schooljaar, vandaag):
        raise NietVastTeStellen(
            f"schooljaar {schooljaar.naam} is nog niet afgesloten: het loopt tot en met "
            f"{schooljaar.einde.day} juli {schooljaar.einde.year}; vaststellen kan vanaf "
            f"1 augustus {schooljaar.einde.year}"
        )
    if is_vastgesteld(schooljaar):
        raise NietVastTeStellen(f"schooljaar {schooljaar.naam} is al vastgesteld")
    tekst = rapport_als_tekst(maak_rapport(schooljaar, gemeenten=ALLE_GEMEENTEN))
    vastgesteld = Vastgesteldrapport.objects.create(
        schooljaar=schooljaar.naam,
        peildatum=schooljaar.standaard_peildatum,
        json=tekst,
        sha256=sha256_van(tekst),
        vastgesteld_op=timezone.now(),
        vastgesteld_door=door,
    )
    auditspoor.registreer(
        "vaststellen",
        object_type="vastgesteldrapport",
        object_id=schooljaar.naam,
        toelichting={"sha256": vastgesteld.sha256, "door": door},
    )
    return vastgesteld


def vastgesteld_rapport(
    schooljaar: Schooljaar, peildatum: date | None, gemeenten: Gemeentekeuze
) -> str | None:
    """The frozen rapport text for this question, or None when it is to be computed.

    Raises RapportNietBeschikbaar for a question the frozen figures cannot answer and
    the remaining data no longer can either.
    """
    vastgesteld = Vastgesteldrapport.objects.filter(schooljaar=schooljaar.naam).first()
    if vastgesteld is None:
        return None
    if not vastgesteld.ongeschonden:
        raise RapportNietBeschikbaar(
            f"de vastgestelde cijfers van {schooljaar.naam} zijn gewijzigd na het vaststellen "
            "(controlegetal klopt niet); zet ze terug uit een backup"
        )
    if peildatum is not None and peildatum != vastgesteld.peildatum:
        if vastgesteld.opgeschoond_op is not None:
            raise RapportNietBeschikbaar(
                f"schooljaar {schooljaar.naam} is vastgesteld en daarna zijn gegevens "
                "opgeschoond (bewaartermijn); cijfers zijn er alleen nog op peildatum "
                f"{vastgesteld.peildatum.isoformat()}"
            )
        return None
    gemeenten = gekozen_codes(gemeenten)
    if gemeenten is None:
        return vastgesteld.json
    if not gemeenten:
        return None  # no gemeenten: maak_rapport's empty rapport (a totaal of zeros)
    rapport = json.loads(vastgesteld.json)
    alle = {code: cijfers for code, cijfers in rapport["gemeenten"].items() if code != "totaal"}
    onbekend = sorted(set(gemeenten) - set(alle))
    if onbekend:
        raise RapportNietBeschikbaar(
            f"onbekende gemeente(n) in de vastgestelde cijfers van {schooljaar.naam}: "
            + ", ".join(onbekend)
        )
    deel = {code: alle[code] for code in sorted(set(gemeenten))}
    rapport["gemeenten"] = {**deel, "totaal": totaal_van(list(deel.values()))}
    return rapport_als_tekst(rapport)


def markeer_opgeschoond(tot_en_met: Schooljaar) -> int:
    """Note on every frozen school year up to `tot_en_met` that data was removed."""
    return Vastgesteldrapport.objects.filter(
        schooljaar__lte=tot_en_met.naam, opgeschoond_op__isnull=True
    ).update(opgeschoond_op=timezone.now())


def rapport_van(
    schooljaar: Schooljaar, peildatum: date | None = None, *, gemeenten: Gemeentekeuze
) -> dict:
    """The rapport as a dict for screens: the frozen figures where they answer the
    question, else computed (so a closed year shows the same figures as `rapport`)."""
    try:
        tekst = vastgesteld_rapport(schooljaar, peildatum, gemeenten)
    except RapportNietBeschikbaar:
        tekst = None
    return (
        json.loads(tekst)
        if tekst is not None
        else maak_rapport(schooljaar, peildatum, gemeenten=gemeenten)
    )
