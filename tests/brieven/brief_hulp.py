"""Helpers of the letter tests: a small case (gemeente, school, pupil, werkproces with a
melding), users per rol, and reading a PDF's text."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from pypdf import PdfReader

from leerplicht.domein.rollen import Rol
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.toegang.models import Medewerker
from leerplicht.werkprocessen.models import Werkproces

VANDAAG = date(2025, 3, 5)

GEGEVENS = {
    "aan_naam": "De ouders van Noor Jansen",
    "aanhef": "Geachte heer en mevrouw Jansen",
    "aan_adres": "Kerkstraat 12\n4001 AB Tiel",
    "leerling_naam": "Noor Jansen",
    "gesprek_datum": "2025-03-12",
    "gesprek_tijd": "09.45",
    "gesprek_plaats": "Stadhuis Tiel, kamer 3",
    "afspraken": "Noor gaat elke dag naar school.\nDe mentor belt elke week.",
    "pv_nummer": "PV-2025-17",
    "pv_tegen": "ouders",
    "pv_verzuim": "relatief",
    "besluit_uitkomst": "toegekend",
    "besluit_grond": "artikel 5 onder a",
    "besluit_geldig_van": "2025-03-10",
    "besluit_geldig_tot": "2025-07-31",
    "besluit_motivering": "De jeugdarts verklaart dat school nu niet gaat.",
}


def pdf_tekst(inhoud: bytes) -> str:
    """The text of a PDF, with line breaks and hyphenation folded to single spaces."""
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(inhoud))).pages)
    return " ".join(tekst.split())


@dataclass
class Zaak:
    gemeente: Gemeente
    school: School
    persoon: Persoon
    werkproces: Werkproces
    melding: Melding


def maak_zaak(
    code: str = "GM9301", naam: str = "Tielerwaard", geboortedatum: date = date(2012, 6, 15)
) -> Zaak:
    gemeente = Gemeente.objects.create(code=code, naam=naam)
    school = School.objects.create(
        id=f"{code[-2:]}BR00",
        brin=f"{code[-2:]}BR",
        vestiging="00",
        naam=f"Het Lyceum {naam}",
        onderwijssoort="vo",
        gemeente=gemeente,
    )
    persoon = Persoon.objects.create(id=f"P-{code}", geboortedatum=geboortedatum, gemeente=gemeente)
    Inschrijving.objects.create(persoon=persoon, school=school, van=date(2024, 8, 19))
    werkproces = Werkproces.objects.create(
        id=f"W-{code}",
        persoon=persoon,
        gemeente=gemeente,
        type="relatief_verzuim",
        geopend=date(2025, 2, 3),
    )
    melding = Melding.objects.create(
        meldingsnummer=f"M-{code}-1",
        persoon=persoon,
        gemeente=gemeente,
        datum=date(2025, 1, 28),
        soort="wettelijk",
        school=school,
        werkproces=werkproces,
    )
    return Zaak(gemeente, school, persoon, werkproces, melding)


def maak_medewerker(naam: str, rol: Rol, *gemeenten: Gemeente, volledige_naam: str = ""):
    voornaam, _, achternaam = volledige_naam.partition(" ")
    gebruiker = get_user_model().objects.create_user(
        naam, email=f"{naam}@example.org", first_name=voornaam, last_name=achternaam
    )
    medewerker = Medewerker.objects.create(gebruiker=gebruiker, rol=rol)
    medewerker.gemeenten.set(gemeenten)
    return gebruiker
