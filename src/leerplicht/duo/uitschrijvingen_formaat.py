"""The file layout of DUO's list of de-registrations without startkwalificatie, as this
project ASSUMES it. The only place that knows its columns.

DUO sends the RMC-regio's a list of young people (13 up to 23 years) who were
de-registered from school without a startkwalificatie. Its real layout is not public in
a form we could check; aligning with the real specification means changing this module
(and its tests) only. The adapter turns rows into `duo.koppeling.Uitschrijving`.

Assumed delivery (one file per delivery):

- CSV, delimiter `;` (a `,` is accepted too: the shared reader detects it), UTF-8
  (a BOM is allowed), a header row with the column names of `UITSCHRIJVINGEN`, one row
  per de-registration; dates `JJJJ-MM-DD`. Errors: `bestand:regel: kolom: wat er mis is`.
- `uitschrijfdatum` is the last day enrolled; `onderwijssoort` is a code of the exchange
  format (`domein.onderwijssoort.ONDERWIJSSOORTEN`, e.g. mbo, vo, vavo).
- A row is identified by bsn + brin + vestiging + uitschrijfdatum (no number of its own).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.domein.uitwisselformaat import Kolom, Rij

from .koppeling import Uitschrijving


def _regels(rij: Rij) -> list[formaat.Fout]:
    geboren, uit = rij.get("geboortedatum"), rij.get("uitschrijfdatum")
    if isinstance(geboren, date) and isinstance(uit, date) and uit < geboren:
        return [("uitschrijfdatum", f"{uit.isoformat()} ligt vóór de geboortedatum")]
    return []


#: The delivery file. `naam` is replaced by the real file name when reading.
UITSCHRIJVINGEN = formaat.Bestand(
    "uitschrijvingen.csv",
    (
        Kolom("bsn", formaat.BSN),
        Kolom("geboortedatum", formaat.DATUM),
        Kolom("brin", formaat.BRIN),
        Kolom("vestiging", formaat.VESTIGING, verplicht=False),
        Kolom("uitschrijfdatum", formaat.DATUM),
        Kolom("onderwijssoort", formaat.CODE, verplicht=False, codes=ONDERWIJSSOORTEN),
    ),
    sleutel=("bsn", "brin", "vestiging", "uitschrijfdatum"),
    regels=(_regels,),
)

KOLOMMEN: tuple[str, ...] = UITSCHRIJVINGEN.kolomnamen


def bestandsspec(bestandsnaam: str) -> formaat.Bestand:
    """The layout, named after the file being read (errors then name that file)."""
    return replace(UITSCHRIJVINGEN, naam=bestandsnaam)


def naar_uitschrijving(rij: Rij, herkomst: str) -> Uitschrijving:
    """One checked row as the adapter's plain dataclass."""
    return Uitschrijving(
        herkomst=herkomst,
        bsn=str(rij["bsn"]),
        geboortedatum=rij["geboortedatum"],  # type: ignore[arg-type]
        brin=str(rij["brin"]),
        vestiging=rij.get("vestiging"),  # type: ignore[arg-type]
        uitschrijfdatum=rij["uitschrijfdatum"],  # type: ignore[arg-type]
        onderwijssoort=rij.get("onderwijssoort"),  # type: ignore[arg-type]
    )
