"""Intake: take in verzuimmeldingen (a DUO delivery, or one entered by hand).

All or nothing: every problem of a delivery is found before anything is stored, and
reported located (`bestand:regel: kolom: melding`); the writes run in one transaction.

Decisions (docs/ontwikkelaars/duo-koppeling.md, docs/gebruikers/rollen.md):
- the gemeente of the melding is the gemeente the delivery is for (DUO delivers per
  woongemeente; the upload screen and `--gemeente` ask for it); without it, the
  gemeente of the school;
- the pupil is matched by BSN, else by onderwijsnummer (through earlier meldingen:
  the register keeps no onderwijsnummer), only among the persons in that gemeente's
  reach (`toegang.beleid.zoek_voor_schrijven`, the rule "schrijfbereik"); someone the
  register does not know at all is registered as a new Persoon living there;
- a pupil the register knows outside that reach: from a medewerker (screen, upload)
  the melding is refused with one message that says nothing about that person; from
  the command line (`door=SYSTEEM`, the operator's DUO delivery) the melding goes to
  the pupil's woongemeente in the register (art. 21 Leerplichtwet), never to the
  gemeente of the delivery: a delivery never widens a gemeente's reach;
- a meldingsnummer seen before is refused;
- a melding whose period overlaps a granted vrijstelling is `ingetrokken` at once,
  with DUO status `ingetrokken` (to report back).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from leerplicht.audit.inzien import registreer_weigering
from leerplicht.audit.logboek import registreer
from leerplicht.domein.uitwisselformaat import school_code
from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.domein.verzuimstaat import periode_overlapt
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import Verzuimmelding
from leerplicht.invoer.fouten import Foutenlijst
from leerplicht.register.models import Gemeente, Persoon, School
from leerplicht.toegang.beleid import (
    BUITEN_BEREIK_TEKST,
    SYSTEEM,
    Persoonsvondst,
    Schrijver,
    gemeenten_van,
    zoek_voor_schrijven,
)
from leerplicht.vrijstellingen.models import Vrijstelling

from .models import Melding


@dataclass
class Intakeresultaat:
    meldingsnummers: list[str] = field(default_factory=list)
    nieuwe_personen: int = 0
    ingetrokken: int = 0

    @property
    def aantal(self) -> int:
        return len(self.meldingsnummers)

    def als_telling(self) -> dict[str, int]:
        return {
            "meldingen": self.aantal,
            "nieuwe_personen": self.nieuwe_personen,
            "ingetrokken": self.ingetrokken,
        }


def _plaats(herkomst: str) -> tuple[str, int]:
    """ "bestand.csv:12" -> ("bestand.csv", 12); a form has no line: 1."""
    naam, _, regel = herkomst.rpartition(":")
    if naam and regel.isdigit():
        return naam, int(regel)
    return herkomst or "formulier", 1


def nieuw_persoonsnummer() -> str:
    return f"N{uuid.uuid4().hex[:11].upper()}"


def nieuw_meldingsnummer(vandaag: date | None = None) -> str:
    """The number of a melding without one from DUO (entered by hand): H, the date, and a
    random part ("H20250114-3FA9C2"). A clash is refused like any number seen before."""
    vandaag = vandaag or timezone.localdate()
    return f"H{vandaag:%Y%m%d}-{uuid.uuid4().hex[:6].upper()}"


def met_meldingsnummer(meldingen: list[Verzuimmelding]) -> list[Verzuimmelding]:
    """Every melding with a meldingsnummer: one without gets `nieuw_meldingsnummer`."""
    return [
        m if m.meldingsnummer else replace(m, meldingsnummer=nieuw_meldingsnummer())
        for m in meldingen
    ]


def overlapt_vrijstelling(persoon: Persoon, van: date, tot: date | None) -> bool:
    """Whether a granted vrijstelling of the person covers part of [van, tot]."""
    eind = tot or van
    kandidaten = Vrijstelling.objects.filter(
        persoon=persoon, besluit="toegekend", geldig_van__lte=eind
    ).filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=van))
    return any(
        periode_overlapt(van, tot, v.geldig_van, v.geldig_tot)
        for v in kandidaten.only("geldig_van", "geldig_tot")
    )


@dataclass(frozen=True)
class _Doel:
    """Where one melding goes: its gemeente and the pupil (None: register a new one)."""

    gemeente: Gemeente | None
    persoon: Persoon | None


#: A melding refused by the rule "schrijfbereik" (counted for the audit log).
_BUITEN_BEREIK = _Doel(None, None)


def _controleer(
    meldingen: list[Verzuimmelding],
    gemeente: Gemeente | None,
    door: Schrijver,
    fouten: Foutenlijst,
) -> tuple[dict[str, School], list[_Doel]]:
    """Every check that needs the database, before anything is written."""
    nummers = [m.meldingsnummer for m in meldingen]
    bestaand = set(
        Melding.objects.filter(meldingsnummer__in=nummers).values_list("meldingsnummer", flat=True)
    )
    codes = {school_code(m.brin, m.vestiging) for m in meldingen}
    scholen = {s.pk: s for s in School.objects.filter(pk__in=codes).select_related("gemeente")}
    eigen = None if door is SYSTEEM else gemeenten_van(door)
    te_zoeken: list[tuple[Verzuimmelding, Gemeente]] = []
    gezien: set[str] = set()
    for m in meldingen:
        bestand, regel = _plaats(m.herkomst)
        if m.meldingsnummer in bestaand:
            fouten.voeg_toe(
                bestand,
                regel,
                "meldingsnummer",
                f"meldingsnummer {m.meldingsnummer} is al eerder ontvangen; "
                "een melding wordt maar één keer ingelezen",
            )
        elif m.meldingsnummer in gezien:
            fouten.voeg_toe(
                bestand, regel, "meldingsnummer", f"meldingsnummer {m.meldingsnummer} dubbel"
            )
        gezien.add(m.meldingsnummer)
        code = school_code(m.brin, m.vestiging)
        school = scholen.get(code)
        if school is None:
            fouten.voeg_toe(
                bestand,
                regel,
                "vestiging" if m.vestiging else "brin",
                f"school {code} staat niet in de leerplichtadministratie",
            )
        if not m.bsn and not m.onderwijsnummer:
            fouten.voeg_toe(bestand, regel, "bsn", "vul een BSN of een onderwijsnummer in")
            continue
        doel_gemeente = gemeente or (school.gemeente if school else None)
        if doel_gemeente is None:
            continue
        if eigen is not None and doel_gemeente.code not in eigen:
            fouten.voeg_toe(bestand, regel, "gemeente", "u werkt niet voor deze gemeente")
            continue
        te_zoeken.append((m, doel_gemeente))
    return scholen, _doelen(te_zoeken, door, fouten)


def _doelen(
    te_zoeken: list[tuple[Verzuimmelding, Gemeente]], door: Schrijver, fouten: Foutenlijst
) -> list[_Doel]:
    """The rule "schrijfbereik" for every melding, one lookup per gemeente of the delivery."""
    per_gemeente: dict[str, list[Verzuimmelding]] = {}
    for m, g in te_zoeken:
        per_gemeente.setdefault(g.code, []).append(m)
    vondsten: dict[int, Persoonsvondst] = {}
    for code, groep in per_gemeente.items():
        gevonden = zoek_voor_schrijven(code, [(m.bsn, m.onderwijsnummer) for m in groep])
        vondsten.update(zip(map(id, groep), gevonden, strict=True))
    return [
        doel
        for m, g in te_zoeken
        if (doel := _doel(m, g, vondsten[id(m)], door, fouten)) is not None
    ]


def _doel(
    m: Verzuimmelding,
    gemeente: Gemeente,
    vondst: Persoonsvondst,
    door: Schrijver,
    fouten: Foutenlijst,
) -> _Doel | None:
    """Where one melding goes (see the module docstring), or None with an error."""
    bestand, regel = _plaats(m.herkomst)
    if vondst.persoon is not None:
        return _Doel(gemeente, vondst.persoon)
    if m.geboortedatum is None:
        # The same answer whether the register knows the pupil elsewhere or not at all.
        fouten.voeg_toe(
            bestand,
            regel,
            "geboortedatum",
            "leerling niet gevonden: de geboortedatum is nodig om hem of haar te registreren",
        )
        return None
    if vondst.onbekend:
        return _Doel(gemeente, None)
    if door is SYSTEEM:
        persoon = _elders(m)
        return _Doel(persoon.gemeente, persoon)
    fouten.voeg_toe(
        bestand, regel, "bsn" if m.bsn else "onderwijsnummer",
        BUITEN_BEREIK_TEKST.format(gemeente=gemeente.naam),
    )  # fmt: skip
    return _BUITEN_BEREIK


def _elders(m: Verzuimmelding) -> Persoon:
    """The pupil the register knows outside the delivery's reach (trusted intake only)."""
    if m.bsn:
        persoon = Persoon.objects.filter(bsn=m.bsn).first()
        if persoon is not None:
            return persoon
    eerder = (
        Melding.objects.filter(onderwijsnummer=m.onderwijsnummer)
        .order_by("-datum")
        .select_related("persoon__gemeente")
        .first()
    )
    assert eerder is not None  # zoek_voor_schrijven found it
    return eerder.persoon


def neem_in(
    meldingen: list[Verzuimmelding],
    *,
    gemeente: Gemeente | None,
    door: Schrijver,
    bron: str = "duo",
    request: HttpRequest | None = None,
    max_fouten: int = 200,
) -> Intakeresultaat:
    """Store the meldingen (status nieuw) or raise OngeldigeLevering with every error.
    A melding without a meldingsnummer (entered by hand) gets one here.

    `door`: the medewerker who hands the delivery in, or `SYSTEEM` for the command line
    (never a default: who writes decides what the write may touch).
    """
    meldingen = met_meldingsnummer(meldingen)
    fouten = Foutenlijst(max_fouten)
    scholen, doelen = _controleer(meldingen, gemeente, door, fouten)
    if fouten:
        geweigerd = sum(1 for d in doelen if d is _BUITEN_BEREIK)
        if geweigerd:
            registreer_weigering(request, object_type="melding", aantal=geweigerd)
        raise OngeldigeLevering(fouten)
    resultaat = Intakeresultaat()
    nu = timezone.now()
    try:
        with transaction.atomic():
            for m, doel in zip(meldingen, doelen, strict=True):
                school = scholen[school_code(m.brin, m.vestiging)]
                _neem_een_in(m, school, doel, bron, nu, resultaat)
            registreer(
                "importeren",
                request=request,
                object_type="melding",
                toelichting={"bron": bron, **resultaat.als_telling()},
            )
    except IntegrityError:
        # Someone took in the same meldingsnummer at the same moment: nothing stored.
        fouten.voeg_toe(
            _plaats(meldingen[0].herkomst)[0] if meldingen else "levering",
            1,
            "meldingsnummer",
            "een meldingsnummer is intussen door iemand anders ingelezen; er is niets "
            "opgeslagen, lees de levering opnieuw in",
        )
        raise OngeldigeLevering(fouten) from None
    return resultaat


def _neem_een_in(
    m: Verzuimmelding,
    school: School,
    doel: _Doel,
    bron: str,
    nu,
    resultaat: Intakeresultaat,
) -> Melding:
    gemeente, persoon = doel.gemeente, doel.persoon
    if persoon is None:
        assert m.geboortedatum is not None  # checked in _controleer
        persoon = Persoon.objects.create(
            id=nieuw_persoonsnummer(), bsn=m.bsn, geboortedatum=m.geboortedatum, gemeente=gemeente
        )
        resultaat.nieuwe_personen += 1
    # The period of the verzuim: as reported, else up to the day of the melding.
    van = m.verzuim_van or m.meldingsdatum
    tot = m.verzuim_tot or max(van, m.meldingsdatum)
    ingetrokken = overlapt_vrijstelling(persoon, van, tot)
    melding = Melding.objects.create(
        meldingsnummer=m.meldingsnummer,
        persoon=persoon,
        gemeente=gemeente,
        datum=m.meldingsdatum,
        soort=m.soort,
        school=school,
        actie_gewenst=m.actie_gewenst,
        status=Meldingstatus.INGETROKKEN if ingetrokken else Meldingstatus.NIEUW,
        duo_status="ingetrokken" if ingetrokken else None,
        bron=bron,
        ontvangen_op=nu,
        onderwijsnummer=m.onderwijsnummer,
        leslocatie=m.leslocatie,
        verzuim_van=m.verzuim_van,
        verzuim_tot=m.verzuim_tot,
        vermoedelijke_reden=m.vermoedelijke_reden,
        alle_lessen_verzuimd=m.alle_lessen_verzuimd,
        verzuimde_dagen=m.verzuimde_dagen,
        verzuimde_uren=m.verzuimde_uren,
        schoolactie=m.schoolactie,
        melder_naam=m.melder_naam,
        melder_functie=m.melder_functie,
        melder_telefoon=m.melder_telefoon,
        melder_email=m.melder_email,
        telefoon_ouders=m.telefoon_ouders,
        afwijkend_verblijfadres=m.afwijkend_verblijfadres,
    )
    resultaat.meldingsnummers.append(melding.meldingsnummer)
    if ingetrokken:
        resultaat.ingetrokken += 1
    return melding
