"""A valid Verzuimloket delivery for given persons: for tests, the demo and the browser
journey. Writes the layout of `verzuimloket_formaat` (so it follows that module)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from . import verzuimloket_formaat as formaat


class Leerling(Protocol):
    bsn: str | None
    geboortedatum: date


def voorbeeldrijen(
    personen: Iterable[Leerling],
    *,
    brin: str,
    vestiging: str | None = None,
    meldingsdatum: date | None = None,
    verzuimsoort: str = "16uur4weken",
    meldingsnummers: Sequence[str] | None = None,
    voorvoegsel: str = "VL",
) -> list[dict[str, str]]:
    """One row per person (column -> text), every column of the layout filled in."""
    datum = meldingsdatum or date.today()
    rijen = []
    for i, persoon in enumerate(personen):
        nummer = (
            meldingsnummers[i] if meldingsnummers else f"{voorvoegsel}{datum:%Y%m%d}{i + 1:04d}"
        )
        rij = dict.fromkeys(formaat.KOLOMMEN, "")
        rij.update(
            meldingsnummer=nummer,
            meldingsdatum=datum.isoformat(),
            bsn=persoon.bsn or "",
            onderwijsnummer="" if persoon.bsn else f"{100000000 + i:09d}",
            geboortedatum=persoon.geboortedatum.isoformat(),
            brin=brin,
            vestiging=vestiging or "",
            leslocatie="Hoofdgebouw",
            verzuimsoort=verzuimsoort,
            verzuim_van=(datum - timedelta(days=27)).isoformat(),
            verzuim_tot=(datum - timedelta(days=1)).isoformat(),
            vermoedelijke_reden="Spijbelen, vaak op maandag.",
            alle_lessen_verzuimd="nee",
            verzuimde_dagen="3",
            verzuimde_uren="17,5",
            schoolactie="Gesprek met mentor en ouders; geen verbetering.",
            actie_gewenst="ja",
            melder_naam="J. de Mentor",
            melder_functie="mentor",
            melder_telefoon="030-1234567",
            melder_email="mentor@school.example",
            telefoon_ouders="06-12345678",
        )
        rijen.append(rij)
    return rijen


def schrijf_verzuimloket_bestand(pad: Path, personen: Iterable[Leerling], **opties) -> list[str]:
    """Write the delivery to `pad`; returns the meldingsnummers in it (see `voorbeeldrijen`)."""
    rijen = voorbeeldrijen(personen, **opties)
    with Path(pad).open("w", encoding="utf-8", newline="") as uit:
        schrijver = csv.DictWriter(uit, fieldnames=formaat.KOLOMMEN, delimiter=";")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    return [r["meldingsnummer"] for r in rijen]


def schrijf_uitschrijvingen_bestand(
    pad: Path,
    personen: Iterable[Leerling],
    *,
    brin: str,
    vestiging: str | None = None,
    uitschrijfdatum: date | None = None,
    onderwijssoort: str = "mbo",
) -> int:
    """Write a list of de-registrations without startkwalificatie (layout:
    `uitschrijvingen_formaat`) to `pad`; returns the number of rows."""
    from . import uitschrijvingen_formaat

    datum = uitschrijfdatum or date.today()
    rijen = [
        {
            "bsn": persoon.bsn or "",
            "geboortedatum": persoon.geboortedatum.isoformat(),
            "brin": brin,
            "vestiging": vestiging or "",
            "uitschrijfdatum": datum.isoformat(),
            "onderwijssoort": onderwijssoort,
        }
        for persoon in personen
    ]
    with Path(pad).open("w", encoding="utf-8", newline="") as uit:
        schrijver = csv.DictWriter(uit, fieldnames=uitschrijvingen_formaat.KOLOMMEN, delimiter=";")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    return len(rijen)
