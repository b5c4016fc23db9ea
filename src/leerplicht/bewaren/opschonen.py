"""The retention run: find what is past its bewaartermijn, then remove or anonymise it.

`maak_plan` only reads (the dry run prints it); `voer_uit` does it in one transaction:
first it freezes every closed school year that is not frozen yet (so the figures of
closed years never change), then removes rows, then anonymises the persons that rows
still kept refer to, and writes one audit entry with the counts.

Per kind (the terms: domein/bewaartermijn.py):
- werkproces: removed with its interventies (cascade);
- melding: removed, but stays as long as its werkproces stays (one case file);
- vrijstelling, thuiszitter, vsv: removed;
- persoon: removed with its inschrijvingen when nothing kept refers to it; otherwise
  anonymised: BSN cleared, geboortedatum and startkwalificatie coarsened to 1 January of
  their year (the person is past the doelgroep, so no age figure of an open year moves);
- auditregel: only counted (the audit log is append-only, chained by hashes).

Reports contain counts only, never ids or other personal data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.db import models, transaction
from django.db.models import Min
from django.utils import timezone

from leerplicht.domein.bewaartermijn import (
    Bewaartermijn,
    Soort,
    bewaartermijnen,
    einde_vrijstelling,
    jaren_later,
    laatste_einde_doelgroep,
    verlopen,
)
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.vrijstellingen.models import Verlofaanvraag, Vrijstelling
from leerplicht.werkprocessen.models import Document, Interventie, Werkproces

from . import auditspoor
from .models import Vastgesteldrapport
from .taakresultaten import ruim_taakresultaten_op
from .vaststellen import markeer_opgeschoond, stel_vast

#: Rows per DELETE/UPDATE statement (well under SQLite's limit on parameters).
_PLUK = 500


class OngeldigePeildatum(ValueError):
    pass


@dataclass
class Plan:
    peildatum: date
    termijnen: dict[Soort, Bewaartermijn]
    werkprocessen: set[str] = field(default_factory=set)
    meldingen: set[str] = field(default_factory=set)
    vrijstellingen: set[str] = field(default_factory=set)
    thuiszitters: set[str] = field(default_factory=set)
    vsv: set[str] = field(default_factory=set)
    #: Verlof follows the vrijstelling's term (both are leerplicht decisions, art. 14).
    verlofaanvragen: set[int] = field(default_factory=set)
    personen_weg: set[str] = field(default_factory=set)
    personen_anoniem: set[str] = field(default_factory=set)
    #: Counted along with their parent rows (removed by cascade).
    interventies: int = 0
    inschrijvingen: int = 0
    #: Audit entries past their term: reported, not removed (None: no audit app).
    auditregels_verlopen: int | None = None
    #: Closed school years to freeze before anything is removed.
    vast_te_stellen: list[Schooljaar] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not (
            self.werkprocessen
            or self.meldingen
            or self.vrijstellingen
            or self.thuiszitters
            or self.vsv
            or self.verlofaanvragen
            or self.personen_weg
            or self.personen_anoniem
        )

    def aantallen(self) -> dict[str, dict[str, int]]:
        """Per kind: how many rows are removed and anonymised (counts only)."""
        return {
            "persoon": {
                "verwijderen": len(self.personen_weg),
                "anonimiseren": len(self.personen_anoniem),
            },
            "inschrijving (met de persoon)": {"verwijderen": self.inschrijvingen},
            "melding": {"verwijderen": len(self.meldingen)},
            "werkproces": {"verwijderen": len(self.werkprocessen)},
            "interventie (met het werkproces)": {"verwijderen": self.interventies},
            "vrijstelling": {"verwijderen": len(self.vrijstellingen)},
            "thuiszitter": {"verwijderen": len(self.thuiszitters)},
            "vsv": {"verwijderen": len(self.vsv)},
            "verlofaanvraag": {"verwijderen": len(self.verlofaanvragen)},
        }


def termijnen_uit_instellingen() -> dict[Soort, Bewaartermijn]:
    return bewaartermijnen(getattr(settings, "BEWAARTERMIJN_JAREN", {}))


def _uiterste_begin(peildatum: date, termijn: Bewaartermijn) -> date:
    """A start date after which no term can have ended on `peildatum` (a prefilter only;
    the exact rule is applied per row)."""
    jaar = peildatum.year - termijn.jaren
    return date(max(jaar, 1), 12, 31)


def maak_plan(
    peildatum: date,
    termijnen: dict[Soort, Bewaartermijn] | None = None,
    *,
    vandaag: date | None = None,
) -> Plan:
    """What a run on `peildatum` would do (reads only)."""
    termijnen = termijnen or termijnen_uit_instellingen()
    vandaag = vandaag or timezone.localdate()
    plan = Plan(peildatum, termijnen)
    geboren = dict(Persoon.objects.values_list("id", "geboortedatum"))

    def verlopen_rijen(model, begin_veld: str, soort: Soort, extra: Iterable[str] = ()):
        termijn = termijnen[soort]
        uiterst = _uiterste_begin(peildatum, termijn)
        rijen = model.objects.filter(
            **{f"{begin_veld}__isnull": False, f"{begin_veld}__lte": uiterst}
        ).values_list("pk", "persoon_id", begin_veld, *extra)
        for pk, persoon_id, begin, *rest in rijen.iterator(chunk_size=2000):
            if verlopen(begin, termijn, peildatum, geboortedatum=geboren[persoon_id]):
                yield pk, rest

    plan.werkprocessen = {pk for pk, _ in verlopen_rijen(Werkproces, "gesloten", Soort.WERKPROCES)}
    plan.meldingen = {
        pk
        for pk, (werkproces_id,) in verlopen_rijen(
            Melding, "datum", Soort.MELDING, ("werkproces_id",)
        )
        if werkproces_id is None or werkproces_id in plan.werkprocessen
    }
    plan.thuiszitters = {pk for pk, _ in verlopen_rijen(Thuiszitter, "tot", Soort.THUISZITTER)}
    plan.vsv = {pk for pk, _ in verlopen_rijen(Vsv, "afgerond_op", Soort.VSV)}
    termijn = termijnen[Soort.VRIJSTELLING]
    for pk, persoon_id, besluit, besluitdatum, geldig_tot in Vrijstelling.objects.values_list(
        "pk", "persoon_id", "besluit", "besluitdatum", "geldig_tot"
    ).iterator(chunk_size=2000):
        geboortedatum = geboren[persoon_id]
        begin = einde_vrijstelling(besluit, besluitdatum, geldig_tot, geboortedatum)
        if verlopen(begin, termijn, peildatum, geboortedatum=geboortedatum):
            plan.vrijstellingen.add(pk)
    for pk, persoon_id, besluit, besluitdatum, tot in Verlofaanvraag.objects.values_list(
        "pk", "persoon_id", "besluit", "besluitdatum", "tot"
    ).iterator(chunk_size=2000):
        geboortedatum = geboren[persoon_id]
        begin = einde_vrijstelling(besluit, besluitdatum, tot, geboortedatum)
        if verlopen(begin, termijn, peildatum, geboortedatum=geboortedatum):
            plan.verlofaanvragen.add(pk)
    plan.interventies = _aantal(Interventie, "werkproces_id", plan.werkprocessen)

    termijn = termijnen[Soort.PERSOON]
    voorbij = {
        pk
        for pk, geboortedatum in geboren.items()
        if jaren_later(laatste_einde_doelgroep(geboortedatum), termijn.jaren) <= peildatum
    }
    if voorbij:
        blijft = _personen_met_rijen(plan)
        plan.personen_weg = voorbij - blijft
        al_anoniem = _al_anoniem(voorbij & blijft)
        plan.personen_anoniem = (voorbij & blijft) - al_anoniem
        plan.inschrijvingen = _aantal(Inschrijving, "persoon_id", plan.personen_weg)

    termijn = termijnen[Soort.AUDITREGEL]
    grens = timezone.make_aware(datetime.combine(jaren_later(peildatum, -termijn.jaren), time()))
    plan.auditregels_verlopen = auditspoor.aantal_regels_voor(grens)

    if not plan.leeg:
        plan.vast_te_stellen = _vast_te_stellen(vandaag)
    return plan


def _aantal(model: type[models.Model], veld: str, waarden: set[str]) -> int:
    lijst = sorted(waarden)
    return sum(
        model.objects.filter(**{f"{veld}__in": lijst[i : i + _PLUK]}).count()
        for i in range(0, len(lijst), _PLUK)
    )


def _personen_met_rijen(plan: Plan) -> set[str]:
    """Persons that rows kept after this run still refer to."""
    blijft: set[str] = set()
    for model, weg in (
        (Melding, plan.meldingen),
        (Werkproces, plan.werkprocessen),
        (Vrijstelling, plan.vrijstellingen),
        (Thuiszitter, plan.thuiszitters),
        (Vsv, plan.vsv),
        (Verlofaanvraag, plan.verlofaanvragen),
    ):
        for pk, persoon_id in model.objects.values_list("pk", "persoon_id").iterator(
            chunk_size=5000
        ):
            if pk not in weg:
                blijft.add(persoon_id)
    return blijft


def _al_anoniem(personen: set[str]) -> set[str]:
    lijst = sorted(personen)
    anoniem: set[str] = set()
    for i in range(0, len(lijst), _PLUK):
        for pk, bsn, geboren, startkwalificatie in Persoon.objects.filter(
            pk__in=lijst[i : i + _PLUK]
        ).values_list("pk", "bsn", "geboortedatum", "startkwalificatie"):
            if bsn is None and _eerste_januari(geboren) and _eerste_januari(startkwalificatie):
                anoniem.add(pk)
    return anoniem


def _eerste_januari(datum: date | None) -> bool:
    return datum is None or (datum.month, datum.day) == (1, 1)


def _vast_te_stellen(vandaag: date) -> list[Schooljaar]:
    """Every closed school year from the first one with data that is not frozen yet.

    Removing a person changes population figures of every year they were in, so this
    takes all closed years with data, not only those of the removed rows.
    """
    eerste = [
        waarde
        for model, veld in (
            (Inschrijving, "van"),
            (Melding, "datum"),
            (Werkproces, "geopend"),
            (Vrijstelling, "aangevraagd"),
            (Thuiszitter, "van"),
            (Vsv, "uitgeschreven"),
        )
        if (waarde := model.objects.aggregate(eerste=Min(veld))["eerste"]) is not None
    ]
    if not eerste:
        return []
    laatste = laatste_afgesloten_schooljaar(vandaag)
    vastgesteld = set(Vastgesteldrapport.objects.values_list("schooljaar", flat=True))
    jaar = Schooljaar.van_datum(min(eerste))
    jaren = []
    while jaar <= laatste:
        if jaar.naam not in vastgesteld:
            jaren.append(jaar)
        jaar = jaar.volgende()
    return jaren


def controleer_peildatum(peildatum: date, vandaag: date, *, uitvoeren: bool) -> None:
    if uitvoeren and peildatum > vandaag:
        raise OngeldigePeildatum(
            f"peildatum {peildatum.isoformat()} ligt in de toekomst: dat kan alleen als "
            "proefdraai (zonder --uitvoeren)"
        )


@transaction.atomic
def voer_uit(plan: Plan, *, vandaag: date | None = None) -> list[Schooljaar]:
    """Do what `plan` says; return the school years frozen first. Always one audit entry."""
    vandaag = vandaag or timezone.localdate()
    controleer_peildatum(plan.peildatum, vandaag, uitvoeren=True)
    vastgesteld: list[Schooljaar] = []
    if not plan.leeg:
        for jaar in plan.vast_te_stellen:
            stel_vast(jaar, vandaag=vandaag, door="bewaartermijn")
            vastgesteld.append(jaar)
        with auditspoor.zonder_regels_per_rij():
            for model, pks in (
                (Melding, plan.meldingen),
                (Werkproces, plan.werkprocessen),
                (Vrijstelling, plan.vrijstellingen),
                (Thuiszitter, plan.thuiszitters),
                (Vsv, plan.vsv),
                (Verlofaanvraag, plan.verlofaanvragen),
                (Persoon, plan.personen_weg),
            ):
                _verwijder(model, pks)
            _anonimiseer(plan.personen_anoniem)
        markeer_opgeschoond(laatste_afgesloten_schooljaar(vandaag))
    taakresultaten = ruim_taakresultaten_op(timezone.now())
    # Also a run with nothing to do is logged: evidence that retention runs.
    auditspoor.registreer(
        "opschonen",
        object_type="bewaartermijn",
        toelichting={
            "peildatum": plan.peildatum.isoformat(),
            "aantallen": plan.aantallen(),
            "vastgesteld": [j.naam for j in vastgesteld],
            "taakresultaten": taakresultaten,
        },
    )
    return vastgesteld


def _verwijder(model: type[models.Model], pks: set[str]) -> None:
    lijst = sorted(pks)
    for i in range(0, len(lijst), _PLUK):
        model.objects.filter(pk__in=lijst[i : i + _PLUK]).delete()


def _anonimiseer(pks: set[str]) -> None:
    """BSN cleared; dates coarsened to 1 January of their year (counts by year stay).
    Documents of the person alone (not of a kept melding, werkproces or vrijstelling)
    go: a letter names the person."""
    lijst = sorted(pks)
    for i in range(0, len(lijst), _PLUK):
        Document.objects.filter(
            persoon_id__in=lijst[i : i + _PLUK],
            werkproces__isnull=True,
            melding__isnull=True,
            vrijstelling__isnull=True,
        ).delete()
        for persoon in Persoon.objects.filter(pk__in=lijst[i : i + _PLUK]).only(
            "pk", "geboortedatum", "startkwalificatie"
        ):
            Persoon.objects.filter(pk=persoon.pk).update(
                bsn=None,
                geboortedatum=date(persoon.geboortedatum.year, 1, 1),
                startkwalificatie=(
                    date(persoon.startkwalificatie.year, 1, 1)
                    if persoon.startkwalificatie
                    else None
                ),
            )
