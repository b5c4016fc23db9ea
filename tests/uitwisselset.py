"""Build data in the exchange format for tests: rows per file, written as a folder or zip.

Tests of figures build their data through the exchange format (not the ORM), so
what they check is what a team gets after `leerplicht import`.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.bsn import test_bsn
from leerplicht.uitwisseling.importeren import Importresultaat, importeer


@dataclass
class Uitwisselset:
    rijen: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    _teller: int = 0

    def voeg_toe(self, bestand: str, **waarden: object) -> dict[str, object]:
        spec = formaat.BESTAND_OP_NAAM[bestand]
        onbekend = set(waarden) - set(spec.kolomnamen)
        assert not onbekend, f"onbekende kolommen {onbekend} voor {bestand}"
        self.rijen.setdefault(bestand, []).append(waarden)
        return waarden

    def volgend_id(self, voorvoegsel: str) -> str:
        self._teller += 1
        return f"{voorvoegsel}{self._teller:06d}"

    # Shorthands with sensible defaults ------------------------------------------------

    def gemeente(self, code: str = "GM0225", naam: str = "Druten") -> str:
        self.voeg_toe("gemeenten.csv", code=code, naam=naam)
        return code

    def school(
        self, brin: str, onderwijssoort: str, gemeente: str = "GM0225", vestiging: str = "00"
    ):
        self.voeg_toe(
            "scholen.csv",
            brin=brin,
            vestiging=vestiging,
            naam=f"School {brin}",
            onderwijssoort=onderwijssoort,
            gemeente=gemeente,
        )
        return formaat.school_code(brin, vestiging)

    def persoon(self, geboortedatum: str, gemeente: str = "GM0225", **extra: object) -> str:
        id_ = self.volgend_id("P")
        bsn = None
        volgnummer = self._teller
        while bsn is None:
            bsn = test_bsn(volgnummer)
            volgnummer += 1_000_000
        self.voeg_toe(
            "personen.csv", id=id_, bsn=bsn, geboortedatum=geboortedatum, gemeente=gemeente, **extra
        )
        return id_

    def inschrijving(self, persoon: str, school: str, van: str, tot: str | None = None) -> None:
        self.voeg_toe("inschrijvingen.csv", persoon=persoon, school=school, van=van, tot=tot)

    def melding(self, persoon: str, datum: str, soort: str, gemeente: str = "GM0225", **extra):
        nummer = self.volgend_id("M")
        self.voeg_toe(
            "meldingen.csv",
            meldingsnummer=nummer,
            persoon=persoon,
            gemeente=gemeente,
            datum=datum,
            soort=soort,
            **extra,
        )
        return nummer

    def werkproces(
        self,
        persoon: str,
        geopend: str,
        type: str = "relatief_verzuim",
        gemeente: str = "GM0225",
        **extra,
    ) -> str:
        id_ = self.volgend_id("W")
        self.voeg_toe(
            "werkprocessen.csv",
            id=id_,
            persoon=persoon,
            gemeente=gemeente,
            type=type,
            geopend=geopend,
            **extra,
        )
        return id_

    def interventie(self, werkproces: str, datum: str, soort: str, **extra: object) -> None:
        self.voeg_toe("interventies.csv", werkproces=werkproces, datum=datum, soort=soort, **extra)

    # Writing ------------------------------------------------------------------------------

    def schrijf(self, map_: Path, scheiding: str = ",") -> Path:
        map_.mkdir(parents=True, exist_ok=True)
        for bestand, rijen in self.rijen.items():
            spec = formaat.BESTAND_OP_NAAM[bestand]
            with (map_ / bestand).open("w", encoding="utf-8", newline="") as uit:
                schrijver = csv.writer(uit, delimiter=scheiding, lineterminator="\n")
                schrijver.writerow(spec.kolomnamen)
                for rij in rijen:
                    schrijver.writerow([_tekst(rij.get(k)) for k in spec.kolomnamen])
        return map_

    def schrijf_zip(self, pad: Path) -> Path:
        map_ = self.schrijf(pad.with_suffix(""))
        with zipfile.ZipFile(pad, "w") as zf:
            for bestand in map_.iterdir():
                zf.write(bestand, bestand.name)
        return pad

    def importeer(self, map_: Path) -> Importresultaat:
        resultaat = importeer(self.schrijf(map_))
        assert not resultaat.fouten, resultaat.fouten.regels()
        return resultaat


def _tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(waarde)
