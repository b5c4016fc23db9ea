"""The file-based DUO adapter: read a Verzuimloket export, write files for Mijn DUO.

The layout lives in `verzuimloket_formaat` (assumed, see there); reading reuses the
exchange format's CSV reader, so errors look the same everywhere:
`bestand:regel: kolom: wat er mis is`, every error up to a cap, never half a list.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from leerplicht.invoer.fouten import STANDAARD_MAXIMUM, Foutenlijst
from leerplicht.invoer.lezer import Bestandslezer

from . import uitschrijvingen_formaat
from . import verzuimloket_formaat as formaat
from .fouten import OngeldigeLevering
from .koppeling import Terugmelding, Uitschrijving, Verzuimmelding, Vrijstellingsregistratie


class Bestandskoppeling:
    """`DuoKoppeling` with files; the default (settings.LEERPLICHT_DUO_KOPPELING)."""

    def __init__(self, map: Path | None = None, max_fouten: int = STANDAARD_MAXIMUM):
        self.map = Path(map or settings.LEERPLICHT_DUO_MAP)
        self.max_fouten = max_fouten

    # --- Verzuimloket: meldingen in ---------------------------------------------------

    def lees_verzuimmeldingen(self, bron: Path) -> list[Verzuimmelding]:
        bron = Path(bron)
        fouten = Foutenlijst(self.max_fouten)
        naam = bron.name
        if not bron.is_file():
            fouten.voeg_toe(naam, 1, "", "bestand bestaat niet of is geen bestand")
            raise OngeldigeLevering(fouten)
        lezer = Bestandslezer(formaat.bestandsspec(naam), fouten)
        meldingen: list[Verzuimmelding] = []
        gezien: dict[str, int] = {}
        with bron.open("rb") as invoer:
            for regel, rij in lezer.rijen(invoer):
                nummer = str(rij["meldingsnummer"])
                if nummer in gezien:
                    fouten.voeg_toe(
                        naam,
                        regel,
                        "meldingsnummer",
                        f"meldingsnummer {nummer} staat ook op regel {gezien[nummer]}",
                    )
                    continue
                gezien[nummer] = regel
                meldingen.append(formaat.naar_verzuimmelding(rij, f"{naam}:{regel}"))
        if fouten:
            raise OngeldigeLevering(fouten)
        return meldingen

    # --- de-registrations without startkwalificatie --------------------------------------

    def lees_uitschrijvingen(self, bron: Path) -> list[Uitschrijving]:
        """Layout: `uitschrijvingen_formaat` (assumed, see there)."""
        bron = Path(bron)
        fouten = Foutenlijst(self.max_fouten)
        naam = bron.name
        if not bron.is_file():
            fouten.voeg_toe(naam, 1, "", "bestand bestaat niet of is geen bestand")
            raise OngeldigeLevering(fouten)
        lezer = Bestandslezer(uitschrijvingen_formaat.bestandsspec(naam), fouten)
        with bron.open("rb") as invoer:
            uitschrijvingen = [
                uitschrijvingen_formaat.naar_uitschrijving(rij, f"{naam}:{regel}")
                for regel, rij in lezer.rijen(invoer)
            ]
        if fouten:
            raise OngeldigeLevering(fouten)
        return uitschrijvingen

    # --- Verzuimloket: statuses back --------------------------------------------------

    def meld_status(self, terugmeldingen: list[Terugmelding]) -> Path | None:
        """Write the status file to upload in Mijn DUO; None when there is nothing to say."""
        if not terugmeldingen:
            return None
        stempel = timezone.localtime().strftime("%Y%m%dT%H%M%S%f")
        return self._schrijf(
            f"verzuimloket-terugmelding-{stempel}.csv",
            formaat.TERUGMELDING_KOLOMMEN,
            [formaat.terugmeldingsrij(t) for t in terugmeldingen],
        )

    # --- vrijstellingenregister --------------------------------------------------------

    def registreer_vrijstellingen(
        self, registraties: list[Vrijstellingsregistratie]
    ) -> Path | None:
        """One file per gemeente for Mijn DUO; layout: `vrijstellingenregister_formaat`."""
        from .vrijstellingenregister_bestand import registreer

        return registreer(registraties, self.map)

    # --- helpers ---------------------------------------------------------------------

    def _schrijf(self, naam: str, kolommen: tuple[str, ...], rijen: list[list[str]]) -> Path:
        """Write atomically (temporary file, then rename): never half a file to upload."""
        self.map.mkdir(parents=True, exist_ok=True)
        doel = self.map / naam
        fd, tijdelijk = tempfile.mkstemp(dir=self.map, prefix=".", suffix=".csv")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as uit:
                schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
                schrijver.writerow(kolommen)
                schrijver.writerows(rijen)
            os.replace(tijdelijk, doel)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise
        return doel
