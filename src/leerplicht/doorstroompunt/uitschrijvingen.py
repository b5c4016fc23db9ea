"""Take in DUO's list of de-registrations without startkwalificatie (13-23 year olds).

All or nothing: every problem is found (and reported located, `bestand:regel: kolom:
melding`) before anything is stored, and the writes run in one transaction; a rule that
fails while storing rolls the whole delivery back.

Per row: the person by BSN, by the rule "schrijfbereik" (`toegang.beleid`, as
`meldingen.intake`): within the reach of the delivery's gemeente (else of the school);
unknown to the register: registered with that gemeente as woongemeente; known outside
that reach: refused for a medewerker (one message, no birth date compared), taken as
it is from the command line (`door=SYSTEEM`: the consequence follows the person's own
woongemeente, as `meld_uitschrijving` decides). The enrolment the list
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

from leerplicht.audit.inzien import registreer_weigering
from leerplicht.audit.logboek import registreer
from leerplicht.domein.formattering import getal
from leerplicht.domein.uitwisselformaat import school_code
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.koppeling import Uitschrijving
from leerplicht.invoer.fouten import Foutenlijst
from leerplicht.meldingen.intake import nieuw_persoonsnummer
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.toegang.beleid import (
    BUITEN_BEREIK_TEKST,
    SYSTEEM,
    Schrijver,
    gemeenten_van,
    zoek_voor_schrijven,
)

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


def _controleer(
    uitschrijvingen: list[Uitschrijving],
    gemeente: Gemeente | None,
    door: Schrijver,
    fouten: Foutenlijst,
) -> tuple[dict[str, School], int]:
    """Every check that needs the database, before anything is written; also how many
    rows the rule "schrijfbereik" refused."""
    codes = {school_code(u.brin, u.vestiging) for u in uitschrijvingen}
    scholen = {s.pk: s for s in School.objects.filter(pk__in=codes).select_related("gemeente")}
    bsns = {u.bsn for u in uitschrijvingen}
    bekend = {
        p.bsn: p
        for p in Persoon.objects.filter(bsn__in=bsns).only("bsn", "geboortedatum", "gemeente")
    }
    eigen = None if door is SYSTEEM else gemeenten_van(door)
    in_bereik: dict[str, set[str]] = {}
    geweigerd = 0
    for u in uitschrijvingen:
        bestand, regel = _plaats(u.herkomst)
        code = school_code(u.brin, u.vestiging)
        school = scholen.get(code)
        if school is None:
            fouten.voeg_toe(
                bestand,
                regel,
                "vestiging" if u.vestiging else "brin",
                f"school {code} staat niet in de leerplichtadministratie",
            )
            if gemeente is None:
                continue
        doel = gemeente or school.gemeente
        if eigen is not None and doel.code not in eigen:
            fouten.voeg_toe(bestand, regel, "gemeente", "u werkt niet voor deze gemeente")
            continue
        persoon = bekend.get(u.bsn)
        if persoon is None:
            continue
        if eigen is not None:
            if doel.code not in in_bereik:
                in_bereik[doel.code] = _binnen_bereik(doel.code, bsns)
            if u.bsn not in in_bereik[doel.code]:
                # Nothing of theirs is compared or told: not even the birth date.
                fouten.voeg_toe(
                    bestand, regel, "bsn", BUITEN_BEREIK_TEKST.format(gemeente=doel.naam)
                )
                geweigerd += 1
                continue
        if persoon.geboortedatum != u.geboortedatum:
            fouten.voeg_toe(
                bestand,
                regel,
                "geboortedatum",
                "wijkt af van de geboortedatum in de leerplichtadministratie bij dit BSN",
            )
    return scholen, geweigerd


def _binnen_bereik(gemeente: str, bsns: set[str]) -> set[str]:
    """The BSNs of the delivery that the rule "schrijfbereik" lets a write for `gemeente`
    touch (the same lookup as `meldingen.intake`)."""
    namen = sorted(bsns)
    vondsten = zoek_voor_schrijven(gemeente, [(bsn, None) for bsn in namen])
    return {bsn for bsn, v in zip(namen, vondsten, strict=True) if v.persoon is not None}


def neem_uitschrijvingen_in(
    uitschrijvingen: list[Uitschrijving],
    *,
    gemeente: Gemeente | None,
    door: Schrijver,
    request: HttpRequest | None = None,
    max_fouten: int = 200,
) -> Uitschrijvingsresultaat:
    """Store the delivery or raise OngeldigeLevering with every located error.

    `door`: the medewerker who uploads, or `SYSTEEM` for the command line (never a
    default: who writes decides what the write may touch).
    """
    fouten = Foutenlijst(max_fouten)
    scholen, geweigerd = _controleer(uitschrijvingen, gemeente, door, fouten)
    if fouten:
        if geweigerd:
            registreer_weigering(request, object_type="vsv", aantal=geweigerd)
        raise OngeldigeLevering(fouten)
    naam = diensten.SYSTEEM if door is SYSTEEM else door.get_username()
    resultaat = Uitschrijvingsresultaat()
    with transaction.atomic():
        for u in uitschrijvingen:
            school = scholen[school_code(u.brin, u.vestiging)]
            try:
                _neem_een_in(u, school, gemeente or school.gemeente, naam, resultaat)
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
