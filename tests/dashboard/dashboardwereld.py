"""Data for the dashboard tests, built in the exchange format and imported, relative to
today: three school years up to the last closed one, in two gemeenten of the team (Druten,
Wijchen) and one of another team (Heumen), with every kind of werkproces, every resultaat,
meldingen of every soort from schools of every group, handhaving, vrijstellingen,
thuiszitters and vsv."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.test import Client
from django.utils import timezone

from leerplicht.domein.codes import MELDING_SOORTEN, WERKPROCES_RESULTATEN, WERKPROCES_TYPEN
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.register.models import Gemeente
from toegang.toegangswereld import aangemeld, maak_gebruiker
from uitwisselset import Uitwisselset

A, B, C = "GM0225", "GM0296", "GM0252"  # Druten, Wijchen (the team's), Heumen (another's)
NAMEN = {A: "Druten", B: "Wijchen", C: "Heumen"}
#: Heumen's werkprocessen and meldingen: numbers the team's figures never reach.
C_WERKPROCESSEN, C_MELDINGEN = 37, 41
SCHOOLSOORTEN = ("bao", "sbo", "so", "vso", "vo", "pro", "isk", "mbo", "vavo", "onbekend")


@dataclass(frozen=True)
class Dashboardwereld:
    #: The last closed school year: every date of the data lies in the past.
    jaar: Schooljaar


def laatste_afgesloten() -> Schooljaar:
    return Schooljaar.van_datum(timezone.localdate()).vorige()


def bouw(map_: Path) -> Dashboardwereld:
    j = laatste_afgesloten()
    s = Uitwisselset()
    for code, naam in NAMEN.items():
        s.gemeente(code, naam)
    scholen = {soort: s.school(f"{i:02d}DD", soort) for i, soort in enumerate(SCHOOLSOORTEN)}
    keuzes = [*SCHOOLSOORTEN, None]  # None: no inschrijving (geen)
    teller = 0

    def persoon(gemeente: str, geboren: str = "2012-05-05") -> str:
        nonlocal teller
        teller += 1
        p = s.persoon(geboren, gemeente=gemeente)
        soort = keuzes[teller % len(keuzes)]
        if soort:
            s.inschrijving(p, scholen[soort], "2015-08-01")
        return p

    for jaar, schuif in ((j, 0), (j.vorige(), 1), (j.vorige(2), 2)):
        for gemeente in (A, B):
            for i, soort in enumerate(WERKPROCES_TYPEN):
                for n in range((i + schuif + (gemeente == B)) % 4 + 1):
                    extra = {"onderwijssoort": "mbo"} if (i + n) % 5 == 0 else {}
                    geopend = jaar.begin + timedelta(days=(7 * i + 31 * n) % 360)
                    s.werkproces(
                        persoon(gemeente),
                        geopend.isoformat(),
                        type=soort,
                        gemeente=gemeente,
                        **extra,
                    )
            for i, resultaat in enumerate([*WERKPROCES_RESULTATEN, None]):
                for n in range((i + schuif) % 3 + 1):
                    # Opened the year before (also counted there), closed in this one.
                    geopend = jaar.begin - timedelta(days=40 + i)
                    gesloten = jaar.begin + timedelta(days=(11 * i + 29 * n) % 360)
                    s.werkproces(
                        persoon(gemeente),
                        geopend.isoformat(),
                        gemeente=gemeente,
                        gesloten=gesloten.isoformat(),
                        resultaat=resultaat,
                    )
            for i, soort in enumerate(MELDING_SOORTEN):
                p = persoon(gemeente, "2004-04-04" if soort == "18plus" else "2011-03-03")
                for n in range((i + schuif) % 3 + 1):
                    datum = jaar.begin + timedelta(days=13 * i + 40 * n)
                    s.melding(p, datum.isoformat(), soort, gemeente=gemeente)
            w = s.werkproces(
                persoon(gemeente), (jaar.begin + timedelta(days=3)).isoformat(), gemeente=gemeente
            )
            for n, (soort, extra) in enumerate(
                [
                    ("waarschuwing", {}),
                    ("halt", {"uitkomst": "positief"}),
                    ("halt", {}),
                    ("proces_verbaal", {"tegen": "ouders", "verzuim": "relatief"}),
                    ("proces_verbaal", {"tegen": "ouders", "verzuim": "luxe"}),
                ][: 5 - schuif]
            ):
                s.interventie(w, (jaar.begin + timedelta(days=20 + n)).isoformat(), soort, **extra)
            besluit = (jaar.begin + timedelta(days=50)).isoformat()
            for grond, uitkomst in (("5a", "toegekend"), ("3a", "toegekend"), ("5b", "afgewezen")):
                s.voeg_toe(
                    "vrijstellingen.csv",
                    id=s.volgend_id("V"),
                    persoon=persoon(gemeente),
                    gemeente=gemeente,
                    grond=grond,
                    aangevraagd=besluit,
                    besluit=uitkomst,
                    besluitdatum=besluit,
                    geldig_van=besluit,
                )
            s.voeg_toe(
                "thuiszitters.csv",
                id=s.volgend_id("T"),
                persoon=persoon(gemeente),
                gemeente=gemeente,
                van=(jaar.begin + timedelta(days=60 + schuif)).isoformat(),
            )
            s.voeg_toe(
                "vsv.csv",
                id=s.volgend_id("S"),
                persoon=persoon(gemeente, "2004-06-06"),
                gemeente=gemeente,
                uitgeschreven=(jaar.begin + timedelta(days=9)).isoformat(),
            )
    # Heumen: another team's gemeente, in the last closed year only.
    for n in range(C_WERKPROCESSEN):
        s.werkproces(persoon(C), (j.begin + timedelta(days=n)).isoformat(), gemeente=C)
    q = persoon(C)
    for n in range(C_MELDINGEN):
        s.melding(q, (j.begin + timedelta(days=n)).isoformat(), "wettelijk", gemeente=C)
    s.importeer(map_)
    return Dashboardwereld(j)


def client_voor(rol: Rol, *codes: str, naam: str = "gebruiker") -> Client:
    gemeenten = list(Gemeente.objects.filter(code__in=codes))
    return aangemeld(maak_gebruiker(naam, rol, gemeenten))
