"""Take in DUO's list of de-registrations without startkwalificatie (13-23 year olds).

All or nothing: every problem is found (and reported located, `bestand:regel: kolom:
melding`) before anything is stored, and the writes run in one transaction; a rule that
fails while storing rolls the whole delivery back.

Per row: the person by BSN (unknown: registered like `meldingen.intake` does, with the
gemeente of the delivery, else of the school, as woongemeente); the enrolment the list
reports is recorded when the register does not have it yet (from the uitschrijfdatum:
the start is unknown); then `diensten.meld_uitschrijving` decides: 18 or older -> a new
vsv traject, under 18 -> a melding absoluut verzuim for leerplicht, a startkwalificatie
or an open traject -> nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from leerplicht.audit.logboek import registreer
from leerplicht.domein.formattering import getal
from leerplicht.domein.uitwisselformaat import school_code
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import Uitschrijving
from leerplicht.meldingen.intake import nieuw_persoonsnummer
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.uitwisseling.fouten import Foutenlijst

from . import diensten


@dataclass
class Uitschrijvingsresultaat:
    regels: int = 0
    nieuwe_vsv: int = 0
    absoluut_verzuim: int = 0
    nieuwe_personen: int = 0
    #: Rows that led to nothing new (a startkwalificatie, or already an open traject).
    zonder_gevolg: int = 0

    def als_telling(self) -> dict[str, int]:
        return {
            "regels": self.regels,
            "nieuwe_vsv": self.nieuwe_vsv,
            "absoluut_verzuim": self.absoluut_verzuim,
            "nieuwe_personen": self.nieuwe_personen,
            "zonder_gevolg": self.zonder_gevolg,
        }

    def samenvatting(self) -> str:
        """Dutch, for the screen and the command; counts only, no personal data."""
        return (
            f"Uitschrijvingen ingelezen: {_aantal(self.regels, 'regel', 'regels')}, "
            f"{_aantal(self.nieuwe_vsv, 'nieuwe vsv-melding', 'nieuwe vsv-meldingen')}, "
            f"{_aantal(self.absoluut_verzuim, 'melding', 'meldingen')} absoluut verzuim, "
            f"{_aantal(self.nieuwe_personen, 'nieuwe persoon', 'nieuwe personen')}, "
            f"{getal(self.zonder_gevolg)} zonder gevolg."
        )


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def _plaats(herkomst: str) -> tuple[str, int]:
    naam, _, regel = herkomst.rpartition(":")
    if naam and regel.isdigit():
        return naam, int(regel)
    return herkomst or "levering", 1


def _controleer(uitschrijvingen: list[Uitschrijving], fouten: Foutenlijst) -> dict[str, School]:
    """Every check that needs the database, before anything is written."""
    codes = {school_code(u.brin, u.vestiging) for u in uitschrijvingen}
    scholen = {s.pk: s for s in School.objects.filter(pk__in=codes).select_related("gemeente")}
    bekend = {
        p.bsn: p
        for p in Persoon.objects.filter(bsn__in={u.bsn for u in uitschrijvingen}).only(
            "bsn", "geboortedatum"
        )
    }
    for u in uitschrijvingen:
        bestand, regel = _plaats(u.herkomst)
        code = school_code(u.brin, u.vestiging)
        if code not in scholen:
            fouten.voeg_toe(
                bestand,
                regel,
                "vestiging" if u.vestiging else "brin",
                f"school {code} staat niet in de leerplichtadministratie",
            )
        persoon = bekend.get(u.bsn)
        if persoon is not None and persoon.geboortedatum != u.geboortedatum:
            fouten.voeg_toe(
                bestand,
                regel,
                "geboortedatum",
                "wijkt af van de geboortedatum in de leerplichtadministratie bij dit BSN",
            )
    return scholen


def neem_uitschrijvingen_in(
    uitschrijvingen: list[Uitschrijving],
    *,
    gemeente: Gemeente | None,
    door: str = diensten.SYSTEEM,
    request: HttpRequest | None = None,
    max_fouten: int = 200,
) -> Uitschrijvingsresultaat:
    """Store the delivery or raise OngeldigeLevering with every located error."""
    fouten = Foutenlijst(max_fouten)
    scholen = _controleer(uitschrijvingen, fouten)
    if fouten:
        raise OngeldigeLevering(fouten)
    resultaat = Uitschrijvingsresultaat()
    with transaction.atomic():
        for u in uitschrijvingen:
            school = scholen[school_code(u.brin, u.vestiging)]
            try:
                _neem_een_in(u, school, gemeente or school.gemeente, door, resultaat)
            except diensten.Regelfout as fout:
                bestand, regel = _plaats(u.herkomst)
                kolom = "uitschrijfdatum" if fout.veld == "datum" else ""
                fouten.voeg_toe(bestand, regel, kolom, fout.bericht)
        if fouten:
            raise OngeldigeLevering(fouten)  # rolls back every row of the delivery
        registreer(
            "importeren",
            request=request,
            object_type="vsv",
            toelichting={"bron": "duo_uitschrijvingen", **resultaat.als_telling()},
        )
    return resultaat


def _neem_een_in(
    u: Uitschrijving,
    school: School,
    gemeente: Gemeente,
    door: str,
    resultaat: Uitschrijvingsresultaat,
) -> None:
    resultaat.regels += 1
    persoon = Persoon.objects.filter(bsn=u.bsn).first()
    if persoon is None:
        persoon = Persoon.objects.create(
            id=nieuw_persoonsnummer(), bsn=u.bsn, geboortedatum=u.geboortedatum, gemeente=gemeente
        )
        resultaat.nieuwe_personen += 1
    ingeschreven = Inschrijving.objects.filter(
        persoon=persoon, school=school, van__lte=u.uitschrijfdatum
    ).filter(Q(tot__isnull=True) | Q(tot__gte=u.uitschrijfdatum))
    if not ingeschreven.exists():
        # DUO reports the enrolment; the register did not know it (start unknown).
        Inschrijving.objects.get_or_create(persoon=persoon, school=school, van=u.uitschrijfdatum)
    gevolg = diensten.meld_uitschrijving(persoon, school, u.uitschrijfdatum, door=door)
    if gevolg.vsv is not None:
        resultaat.nieuwe_vsv += 1
    elif gevolg.melding is not None:
        resultaat.absoluut_verzuim += 1
    else:
        resultaat.zonder_gevolg += 1
