"""Mijn werk: what a medewerker starts the day with, within their gemeenten.

Every part is asked of `toegang.beleid.zichtbaar`, so a consulent Doorstroompunt sees
the 18+ meldingen only, and nobody sees another gemeente's work. Each list is capped
(`MAXIMUM`) with its full count, so the page stays fast on a large region.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from leerplicht.meldingen.models import Melding
from leerplicht.meldingen.wachtrij import verzuimstaat_te_laat
from leerplicht.toegang import beleid
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Interventie, Werkproces

MAXIMUM = 100
#: "Deze week": today and the six days after it.
WEEK = timedelta(days=6)


@dataclass(frozen=True)
class Termijn:
    """One deadline: what, when, about whom, and where to act on it."""

    wat: str
    datum: date
    persoon_id: str
    pad: str
    linktekst: str


@dataclass(frozen=True)
class Deel:
    rijen: list
    aantal: int

    @property
    def afgekapt(self) -> bool:
        return self.aantal > len(self.rijen)


def _deel(queryset) -> Deel:
    rijen = list(queryset[:MAXIMUM])
    aantal = len(rijen) if len(rijen) < MAXIMUM else queryset.count()
    return Deel(rijen, aantal)


@dataclass(frozen=True)
class Werklijst:
    werkprocessen: Deel
    termijnen: list[Termijn]
    te_laat: Deel
    nieuw: Deel
    tot_en_met: date


def werklijst(gebruiker: beleid.Gebruiker, vandaag: date) -> Werklijst:
    naam = gebruiker.get_username()
    einde_week = vandaag + WEEK
    meldingen = beleid.zichtbaar(gebruiker, Melding)
    mijn = (
        beleid.zichtbaar(gebruiker, Werkproces)
        .filter(behandelaar=naam, gesloten__isnull=True)
        .only("id", "persoon_id", "type", "geopend", "gemeente_id")
        .order_by("geopend", "id")
    )
    wacht_op_verzuimstaat = meldingen.filter(
        status="verzuimstaat_opgevraagd", verzuimstaat_ontvangen_op__isnull=True
    ).only("meldingsnummer", "persoon_id", "datum", "soort", "verzuimstaat_termijn")

    termijnen: list[Termijn] = []
    for m in wacht_op_verzuimstaat.filter(
        verzuimstaat_termijn__range=(vandaag, einde_week)
    ).order_by("verzuimstaat_termijn")[:MAXIMUM]:
        termijnen.append(
            Termijn("Verzuimstaat van de school", m.verzuimstaat_termijn, m.persoon_id,
                    f"/meldingen/{m.meldingsnummer}/", f"melding {m.meldingsnummer}")
        )  # fmt: skip
    vrijstellingen = (
        beleid.zichtbaar(gebruiker, Vrijstelling)
        .filter(besluit="toegekend", geldig_tot__range=(vandaag, einde_week))
        .only("id", "persoon_id", "geldig_tot", "grond")
        .order_by("geldig_tot")[:MAXIMUM]
    )
    for v in vrijstellingen:
        termijnen.append(
            Termijn(f"Vrijstelling loopt af ({v.get_grond_display()}): verlengen?", v.geldig_tot,
                    v.persoon_id, f"/vrijstellingen/{v.pk}/", f"vrijstelling {v.pk}")
        )  # fmt: skip
    halt = (
        beleid.zichtbaar(gebruiker, Interventie)
        .filter(
            soort="halt",
            uitkomst__isnull=True,
            werkproces__behandelaar=naam,
            werkproces__gesloten__isnull=True,
        )
        .values_list("datum", "werkproces_id", "werkproces__persoon_id")
        .order_by("datum")[:MAXIMUM]
    )
    for datum, werkproces_id, persoon_id in halt:
        termijnen.append(
            Termijn(f"Halt-verwijzing van {datum:%d-%m-%Y} zonder uitkomst", datum, persoon_id,
                    f"/werkprocessen/{werkproces_id}/", f"werkproces {werkproces_id}")
        )  # fmt: skip
    termijnen.sort(key=lambda t: (t.datum, t.persoon_id))
    return Werklijst(
        werkprocessen=_deel(mijn),
        termijnen=termijnen,
        te_laat=_deel(
            wacht_op_verzuimstaat.filter(verzuimstaat_te_laat(vandaag)).order_by(
                "verzuimstaat_termijn", "meldingsnummer"
            )
        ),
        nieuw=_deel(
            meldingen.filter(status="nieuw")
            .only("meldingsnummer", "persoon_id", "datum", "soort", "gemeente_id")
            .order_by("datum", "meldingsnummer")
        ),
        tot_en_met=einde_week,
    )
