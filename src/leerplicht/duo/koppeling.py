"""The contract of the DUO adapter (`DuoKoppeling`) and the factory `duo_koppeling()`.

Implementations: `leerplicht.duo.bestanden.Bestandskoppeling` (files, the default).
Everything crossing the border is a plain dataclass, so the casework never sees a DUO
file layout or message format (those live in `leerplicht.duo.verzuimloket_formaat`,
`leerplicht.duo.uitschrijvingen_formaat` and `leerplicht.duo.vrijstellingenregister_formaat`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Verzuimmelding:
    """One melding as DUO delivers it (Besluit verzuimmelding), before matching."""

    meldingsnummer: str
    #: Where in the source it came from, for error messages ("bestand.csv:12").
    herkomst: str
    bsn: str | None
    onderwijsnummer: str | None
    geboortedatum: date | None
    brin: str
    vestiging: str | None
    leslocatie: str
    meldingsdatum: date
    verzuim_van: date | None
    verzuim_tot: date | None
    #: DUO's kind of verzuim as a code of the exchange format (`domein.codes.MELDING_SOORTEN`).
    soort: str
    vermoedelijke_reden: str
    alle_lessen_verzuimd: bool | None
    verzuimde_dagen: int | None
    verzuimde_uren: Decimal | None
    schoolactie: str
    actie_gewenst: bool | None
    melder_naam: str
    melder_functie: str
    melder_telefoon: str
    melder_email: str
    telefoon_ouders: str
    afwijkend_verblijfadres: str


@dataclass(frozen=True)
class Terugmelding:
    """The gemeente's status of one melding, reported back to DUO."""

    meldingsnummer: str
    #: `meldingen.models.DUO_STATUSSEN`: in_behandeling, afgesloten, ter_kennisneming,
    #: ingetrokken.
    status: str
    #: For afgesloten: e.g. terug_naar_school, inschrijving_beeindigd (see the format module).
    reden: str | None
    datum: date


@dataclass(frozen=True)
class Vrijstellingsregistratie:
    """A vrijstelling or vervangende leerplicht, for DUO's vrijstellingenregister."""

    vrijstelling_id: str
    bsn: str | None
    onderwijsnummer: str | None
    geboortedatum: date
    #: `domein.codes.VRIJSTELLING_GRONDEN`: 3a, 3b, 5a, 5b, 5c, 15.
    grond: str
    geldig_van: date
    geldig_tot: date | None
    gemeente: str
    #: "registreren", "wijzigen" or "intrekken".
    handeling: str


@dataclass(frozen=True)
class Uitschrijving:
    """One row of DUO's list of de-registrations without startkwalificatie (13-23)."""

    #: Where in the source it came from, for error messages ("bestand.csv:12").
    herkomst: str
    bsn: str
    geboortedatum: date
    brin: str
    vestiging: str | None
    #: The last day enrolled.
    uitschrijfdatum: date
    #: A code of `domein.onderwijssoort.ONDERWIJSSOORTEN`, if DUO gave one.
    onderwijssoort: str | None


class DuoKoppeling(Protocol):
    def lees_verzuimmeldingen(self, bron: Path) -> list[Verzuimmelding]:
        """The meldingen of one delivery. Raises `uitwisseling`'s located Dutch errors
        (file, line, field) for a delivery that cannot be read; never half a list."""
        ...

    def lees_uitschrijvingen(self, bron: Path) -> list[Uitschrijving]:
        """The de-registrations without startkwalificatie of one delivery; the same
        located errors as `lees_verzuimmeldingen`, never half a list."""
        ...

    def meld_status(self, terugmeldingen: list[Terugmelding]) -> Path | None:
        """Report statuses back; the file-based one returns the file to upload."""
        ...

    def registreer_vrijstellingen(
        self, registraties: list[Vrijstellingsregistratie]
    ) -> Path | None:
        """Register in the vrijstellingenregister; the file-based one returns the file."""
        ...


def duo_koppeling() -> DuoKoppeling:
    """The configured implementation (LEERPLICHT_DUO_KOPPELING, a dotted class path)."""
    return import_string(settings.LEERPLICHT_DUO_KOPPELING)()
