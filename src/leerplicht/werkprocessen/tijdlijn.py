"""The timeline of one werkproces: meldingen, interventies, notities, documenten and
gebeurtenissen, newest first, as plain dataclasses for the template.

Every record is fetched through `toegang.beleid.zichtbaar`, so the timeline never shows
more than the user may see. Meldingen are numbered in date order within the werkproces:
the 2nd, 3rd, ... is a repeat melding (recidive) and marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone

from leerplicht.domein.interventieregels import mas_routes
from leerplicht.toegang.beleid import Gebruiker, zichtbaar

from .models import Document, Gebeurtenis, Interventie, Notitie, Werkproces

#: Within one day: gebeurtenissen after notities after documenten after interventies
#: after meldingen (the order work usually happens in).
_VOLGORDE = {"melding": 0, "interventie": 1, "document": 2, "notitie": 3, "gebeurtenis": 4}


@dataclass(frozen=True)
class Tijdlijnregel:
    soort: str  # melding, interventie, notitie, document, gebeurtenis
    datum: date
    titel: str
    details: list[str] = field(default_factory=list)
    door: str = ""
    #: Free text written by a medewerker (notitie, toelichting), shown as a paragraph.
    tekst: str = ""
    #: A download link (documenten).
    url: str = ""
    #: Recidive: the number of this melding within the werkproces (1 = the first).
    volgnummer: int | None = None
    tijdstip: datetime | None = None
    #: Position among records of the same kind (stable order within a day).
    rang: int = 0

    @property
    def herhaald(self) -> bool:
        return bool(self.volgnummer and self.volgnummer > 1)

    def sleutel(self) -> tuple:
        tijd = self.tijdstip.timestamp() if self.tijdstip else 0.0
        return (self.datum, _VOLGORDE[self.soort], tijd, self.rang)


def _lokaal(tijdstip: datetime) -> date:
    return timezone.localtime(tijdstip).date()


def _meldingen(gebruiker: Gebruiker, werkproces: Werkproces) -> list[Tijdlijnregel]:
    # The meldingen app sits above this one: its model is reached through the relation.
    melding = Werkproces._meta.get_field("meldingen").related_model
    rijen = (
        zichtbaar(gebruiker, melding)
        .filter(werkproces=werkproces)
        .select_related("school")
        .order_by("datum", "meldingsnummer")
    )
    regels = []
    for n, m in enumerate(rijen, start=1):
        details = [m.get_soort_display()]
        if m.school:
            details.append(f"school {m.school.naam} ({m.school.pk})")
        if n > 1:
            details.append(f"herhaalde melding ({n}e in dit werkproces)")
        regels.append(
            Tijdlijnregel(
                "melding", m.datum, f"Melding {m.meldingsnummer}", details, volgnummer=n, rang=n
            )
        )
    return regels


def _interventies(gebruiker: Gebruiker, werkproces: Werkproces) -> list[Tijdlijnregel]:
    rijen = zichtbaar(gebruiker, Interventie).filter(werkproces=werkproces).order_by("datum", "pk")
    regels = []
    for n, i in enumerate(rijen):
        details = []
        if i.tegen:
            details.append(f"tegen {i.get_tegen_display()}, {i.get_verzuim_display()}")
        if i.verzuim_van:
            tot = f" t/m {i.verzuim_tot:%d-%m-%Y}" if i.verzuim_tot else ""
            details.append(f"over verzuim van {i.verzuim_van:%d-%m-%Y}{tot}")
        if i.soort == "halt":
            details.append(
                f"uitkomst {i.get_uitkomst_display()}" if i.uitkomst else "uitkomst nog onbekend"
            )
        if i.om_beslissing:
            wanneer = f" op {i.om_beslist_op:%d-%m-%Y}" if i.om_beslist_op else ""
            details.append(f"OM: {i.get_om_beslissing_display()}{wanneer}")
        if i.zittingsdatum:
            details.append(f"zitting {i.zittingsdatum:%d-%m-%Y}")
        if i.sanctie:
            details.append(f"sanctie: {i.sanctie}")
        regels.append(
            Tijdlijnregel(
                "interventie",
                i.datum,
                i.get_soort_display().capitalize(),
                details,
                door=i.door,
                tekst=i.toelichting,
                rang=n,
            )
        )
    return regels


def _notities(gebruiker: Gebruiker, werkproces: Werkproces) -> list[Tijdlijnregel]:
    rijen = zichtbaar(gebruiker, Notitie).filter(werkproces=werkproces)
    return [
        Tijdlijnregel(
            "notitie",
            _lokaal(n.tijdstip),
            "Notitie",
            door=n.door,
            tekst=n.tekst,
            tijdstip=n.tijdstip,
            rang=n.pk,
        )
        for n in rijen
    ]


def _documenten(gebruiker: Gebruiker, werkproces: Werkproces) -> list[Tijdlijnregel]:
    rijen = (
        zichtbaar(gebruiker, Document)
        .filter(werkproces=werkproces)
        .defer("inhoud")
        .order_by("aangemaakt_op", "pk")
    )
    return [
        Tijdlijnregel(
            "document",
            _lokaal(d.aangemaakt_op),
            f"Document: {d.titel}",
            [d.get_soort_display()],
            door=d.door,
            url=reverse("werkprocessen:document", kwargs={"pk": d.pk}),
            tijdstip=d.aangemaakt_op,
            rang=d.pk,
        )
        for d in rijen
    ]


def _gebeurtenissen(gebruiker: Gebruiker, werkproces: Werkproces) -> list[Tijdlijnregel]:
    rijen = zichtbaar(gebruiker, Gebeurtenis).filter(werkproces=werkproces)
    return [
        Tijdlijnregel(
            "gebeurtenis",
            _lokaal(g.tijdstip),
            g.get_soort_display().capitalize(),
            [g.omschrijving],
            door=g.door,
            tijdstip=g.tijdstip,
            rang=g.pk,
        )
        for g in rijen
    ]


def tijdlijn(gebruiker: Gebruiker, werkproces: Werkproces) -> list[Tijdlijnregel]:
    """Everything that happened in the werkproces, newest first."""
    regels = [
        *_meldingen(gebruiker, werkproces),
        *_interventies(gebruiker, werkproces),
        *_notities(gebruiker, werkproces),
        *_documenten(gebruiker, werkproces),
        *_gebeurtenissen(gebruiker, werkproces),
    ]
    return sorted(regels, key=Tijdlijnregel.sleutel, reverse=True)


def gebruikte_routes(gebruiker: Gebruiker, werkproces: Werkproces) -> list[str]:
    """The MAS routes taken in this werkproces (from its interventies)."""
    soorten = zichtbaar(gebruiker, Interventie).filter(werkproces=werkproces)
    return mas_routes(set(soorten.values_list("soort", flat=True)))
