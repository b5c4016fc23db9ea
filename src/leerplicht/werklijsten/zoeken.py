"""Zoeken: one box for BSN, persoonsnummer, meldingsnummer, werkprocesnummer or school.

Persons have no names in this system (only id, BSN, birth date, gemeente), so a school
(BRIN, BRIN + vestiging, or part of its name) leads to its pupils with open work: a
current inschrijving there and an open werkproces or a melding still in the queue.

Every lookup goes through `toegang.beleid.zichtbaar`: outside the user's reach and not
existing give the same answer. The term itself is never stored or logged; the audit
entry says which kind of term it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q, Subquery

from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.rollen import Handeling
from leerplicht.domein.verzuimmelding_route import OPEN as OPEN_MELDINGSTATUSSEN
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon, School
from leerplicht.toegang import beleid
from leerplicht.werkprocessen.models import Werkproces

#: At most this many pupils of a school, and schools matching a name.
MAXIMUM_LEERLINGEN = 200
MAXIMUM_SCHOLEN = 25
#: A school name is searched from this many characters on (fewer matches too much).
MINIMUM_NAAM = 3

_BSN = re.compile(r"^[0-9]{8,9}$")
_BRIN = re.compile(r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$")


@dataclass(frozen=True)
class Treffer:
    soort: str
    pad: str
    #: What the results list shows: numbers and codes only, no free text.
    tekst: str
    persoon_id: str


@dataclass
class Zoekresultaat:
    treffers: list[Treffer] = field(default_factory=list)
    #: The kinds of term that matched (for the audit entry), e.g. {"bsn"}.
    soorten: set[str] = field(default_factory=set)
    afgekapt: bool = False

    def voeg_toe(self, treffer: Treffer) -> None:
        if all(t.pad != treffer.pad for t in self.treffers):
            self.treffers.append(treffer)
        self.soorten.add(treffer.soort)


def soort_zoekterm(term: str) -> str:
    """The shape of a term, for the audit entry (never the term itself)."""
    term = term.strip()
    if _BSN.match(term):
        return "bsn_of_nummer"
    if _BRIN.match(term.upper()):
        return "brin_of_nummer"
    return "tekst"


def _dossier(persoon_id: str) -> str:
    return f"/personen/{persoon_id}/"


def zoek(gebruiker: beleid.Gebruiker, term: str, vandaag: date) -> Zoekresultaat:
    term = term.strip()
    resultaat = Zoekresultaat()
    if not term:
        return resultaat
    personen = beleid.zichtbaar(gebruiker, Persoon)

    # Persoonsnummer and BSN in one query: the reach filter is the costly part to build.
    bsn = term.zfill(9) if _BSN.match(term) else None
    op_persoon = Q(pk=term) | Q(bsn=bsn) if bsn else Q(pk=term)
    gevonden = list(personen.filter(op_persoon).values_list("id", "bsn").order_by("id"))
    for pk, _ in gevonden:
        if pk == term:
            resultaat.voeg_toe(Treffer("persoonsnummer", _dossier(pk), f"persoon {pk}", pk))
    for pk, bsn_van_persoon in gevonden:
        if bsn and bsn_van_persoon == bsn:
            resultaat.voeg_toe(Treffer("bsn", _dossier(pk), f"persoon {pk}", pk))

    melding = (
        beleid.zichtbaar(gebruiker, Melding)
        .filter(pk=term)
        .values_list("meldingsnummer", "persoon_id", "datum")
        .first()
    )
    if melding is not None:
        nr, persoon_id, datum = melding
        # The melding page is the administratie's queue; others go to the dossier.
        pad = (
            f"/meldingen/{nr}/"
            if beleid.mag(gebruiker, Handeling.MELDINGEN_VERWERKEN)
            else f"{_dossier(persoon_id)}#meldingen"
        )
        resultaat.voeg_toe(
            Treffer("meldingsnummer", pad, f"melding {nr} van {datum:%d-%m-%Y}", persoon_id)
        )

    werkproces = (
        beleid.zichtbaar(gebruiker, Werkproces)
        .filter(pk=term)
        .values_list("id", "persoon_id", "type")
        .first()
    )
    if werkproces is not None:
        wid, persoon_id, soort = werkproces
        resultaat.voeg_toe(
            Treffer(
                "werkprocesnummer",
                f"/werkprocessen/{wid}/",
                f"werkproces {wid} ({WERKPROCES_TYPEN.get(soort, soort)})",
                persoon_id,
            )
        )

    _zoek_school(gebruiker, term, vandaag, personen, resultaat)
    return resultaat


def _zoek_school(gebruiker, term: str, vandaag: date, personen, resultaat: Zoekresultaat) -> None:
    voorwaarde = Q(brin__iexact=term) | Q(id__iexact=term)
    if len(term) >= MINIMUM_NAAM:
        voorwaarde |= Q(naam__icontains=term)
    scholen = list(School.objects.filter(voorwaarde).values_list("id", flat=True)[:MAXIMUM_SCHOLEN])
    if not scholen:
        return
    huidig = Inschrijving.objects.filter(
        persoon=OuterRef("pk"), school__in=scholen, van__lte=vandaag
    ).filter(Q(tot__isnull=True) | Q(tot__gte=vandaag))
    open_werk = Exists(
        beleid.zichtbaar(gebruiker, Werkproces).filter(
            persoon=OuterRef("pk"), gesloten__isnull=True
        )
    ) | Exists(
        beleid.zichtbaar(gebruiker, Melding).filter(
            persoon=OuterRef("pk"), status__in=list(OPEN_MELDINGSTATUSSEN)
        )
    )
    rijen = list(
        personen.filter(Exists(huidig))
        .filter(open_werk)
        .annotate(school_naam=Subquery(huidig.order_by("-van").values("school__naam")[:1]))
        .values_list("id", "school_naam")
        .order_by("id")[: MAXIMUM_LEERLINGEN + 1]
    )
    resultaat.afgekapt = len(rijen) > MAXIMUM_LEERLINGEN
    for persoon_id, school_naam in rijen[:MAXIMUM_LEERLINGEN]:
        resultaat.voeg_toe(
            Treffer(
                "school",
                _dossier(persoon_id),
                f"leerling van {school_naam} met open werk",
                persoon_id,
            )
        )
