"""Intake: take in verzuimmeldingen (a DUO delivery, or one entered by hand).

All or nothing: every problem of a delivery is found before anything is stored, and
reported located (`bestand:regel: kolom: melding`); the writes run in one transaction.

Decisions (docs/ontwikkelaars/duo-koppeling.md):
- the pupil is matched by BSN, else by onderwijsnummer (through earlier meldingen:
  the register keeps no onderwijsnummer), else registered as a new Persoon;
- the gemeente of the melding is the gemeente the delivery is for (DUO delivers per
  gemeente; the upload screen and `--gemeente` ask for it); without it, the gemeente
  of the school. A new Persoon gets that gemeente as woongemeente until the register
  says otherwise;
- a meldingsnummer seen before is refused;
- a melding whose period overlaps a granted vrijstelling is `ingetrokken` at once,
  with DUO status `ingetrokken` (to report back).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.domein.uitwisselformaat import school_code
from leerplicht.domein.verzuimmelding_route import Meldingstatus
from leerplicht.domein.verzuimstaat import periode_overlapt
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import Verzuimmelding
from leerplicht.register.models import Gemeente, Persoon, School
from leerplicht.uitwisseling.fouten import Foutenlijst
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


def vind_persoon(bsn: str | None, onderwijsnummer: str | None) -> Persoon | None:
    """By BSN, else by onderwijsnummer (of an earlier melding), else None."""
    if bsn:
        persoon = Persoon.objects.filter(bsn=bsn).first()
        if persoon is not None:
            return persoon
    if onderwijsnummer:
        eerder = (
            Melding.objects.filter(onderwijsnummer=onderwijsnummer)
            .order_by("-datum")
            .select_related("persoon")
            .first()
        )
        if eerder is not None:
            return eerder.persoon
    return None


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


def _controleer(meldingen: list[Verzuimmelding], fouten: Foutenlijst) -> dict[str, School]:
    """Every check that needs the database, before anything is written."""
    nummers = [m.meldingsnummer for m in meldingen]
    bestaand = set(
        Melding.objects.filter(meldingsnummer__in=nummers).values_list("meldingsnummer", flat=True)
    )
    codes = {school_code(m.brin, m.vestiging) for m in meldingen}
    scholen = {s.pk: s for s in School.objects.filter(pk__in=codes).select_related("gemeente")}
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
        if code not in scholen:
            fouten.voeg_toe(
                bestand,
                regel,
                "vestiging" if m.vestiging else "brin",
                f"school {code} staat niet in de leerplichtadministratie",
            )
        if not m.bsn and not m.onderwijsnummer:
            fouten.voeg_toe(bestand, regel, "bsn", "vul een BSN of een onderwijsnummer in")
        if m.geboortedatum is None and vind_persoon(m.bsn, m.onderwijsnummer) is None:
            fouten.voeg_toe(
                bestand,
                regel,
                "geboortedatum",
                "leerling niet gevonden: de geboortedatum is nodig om hem of haar te registreren",
            )
    return scholen


def neem_in(
    meldingen: list[Verzuimmelding],
    *,
    gemeente: Gemeente | None,
    bron: str = "duo",
    request: HttpRequest | None = None,
    max_fouten: int = 200,
) -> Intakeresultaat:
    """Store the meldingen (status nieuw) or raise OngeldigeLevering with every error."""
    fouten = Foutenlijst(max_fouten)
    scholen = _controleer(meldingen, fouten)
    if fouten:
        raise OngeldigeLevering(fouten)
    resultaat = Intakeresultaat()
    nu = timezone.now()
    try:
        with transaction.atomic():
            for m in meldingen:
                school = scholen[school_code(m.brin, m.vestiging)]
                _neem_een_in(m, school, gemeente or school.gemeente, bron, nu, resultaat)
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
    gemeente: Gemeente,
    bron: str,
    nu,
    resultaat: Intakeresultaat,
) -> Melding:
    persoon = vind_persoon(m.bsn, m.onderwijsnummer)
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
