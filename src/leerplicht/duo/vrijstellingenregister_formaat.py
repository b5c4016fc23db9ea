"""The file layout for DUO's vrijstellingenregister (upload in Mijn DUO). ASSUMED.

DUO's real specification for registering vrijstellingen and vervangende leerplicht was
not available when this was written. This module is the ONE place that knows the
layout, so it can follow the real specification without touching the casework:

- CSV, UTF-8 without BOM, delimiter `;`, CRLF line ends, a header row;
- columns, in this order (`KOLOMMEN`):
  `referentie` (our vrijstelling id), `bsn`, `onderwijsnummer` (one of the two filled),
  `geboortedatum` (YYYYMMDD), `gemeentecode` (4 digits, without "GM"), `soort`
  (DUO's code for the ground: `CODES`), `begindatum`, `einddatum` (YYYYMMDD, empty:
  open-ended), `mutatie` (`A` registreren, `W` wijzigen, `V` intrekken/vervallen);
- file name `VRIJST_<gemeentecode>_<YYYYMMDDhhmmss>.csv` (`bestandsnaam`).

Nothing else (no names, no reasons, no statements) leaves the gemeente: data
minimisation, DUO needs only who, which ground and when.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from leerplicht.duo.koppeling import Vrijstellingsregistratie

KOLOMMEN: tuple[str, ...] = (
    "referentie",
    "bsn",
    "onderwijsnummer",
    "geboortedatum",
    "gemeentecode",
    "soort",
    "begindatum",
    "einddatum",
    "mutatie",
)

#: Our ground (exchange-format code) -> DUO's code in the register (assumed).
CODES: dict[str, str] = {
    "3a": "VL3A",
    "3b": "VL3B",
    "5a": "VR5A",
    "5b": "VR5B",
    "5c": "VR5C",
    "15": "VR15",
}

#: Our handeling -> DUO's mutation code (assumed).
MUTATIES: dict[str, str] = {"registreren": "A", "wijzigen": "W", "intrekken": "V"}


class OngeldigeRegistratie(ValueError):
    """A registration that cannot be written (Dutch message naming the vrijstelling)."""


def _datum(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def _gemeentecode(code: str) -> str:
    cijfers = code[2:] if code.upper().startswith("GM") else code
    if len(cijfers) != 4 or not cijfers.isdigit():
        raise OngeldigeRegistratie(f"ongeldige gemeentecode {code!r}: verwacht GM + 4 cijfers")
    return cijfers


def regel(r: Vrijstellingsregistratie) -> list[str]:
    """One row of the file for one registration."""
    if not (r.bsn or r.onderwijsnummer):
        raise OngeldigeRegistratie(
            f"vrijstelling {r.vrijstelling_id}: geen BSN of onderwijsnummer; DUO kan de "
            "leerling niet vinden"
        )
    if r.grond not in CODES:
        raise OngeldigeRegistratie(f"vrijstelling {r.vrijstelling_id}: onbekende grond {r.grond!r}")
    if r.handeling not in MUTATIES:
        raise OngeldigeRegistratie(
            f"vrijstelling {r.vrijstelling_id}: onbekende handeling {r.handeling!r}"
        )
    return [
        r.vrijstelling_id,
        r.bsn or "",
        "" if r.bsn else (r.onderwijsnummer or ""),
        _datum(r.geboortedatum),
        _gemeentecode(r.gemeente),
        CODES[r.grond],
        _datum(r.geldig_van),
        _datum(r.geldig_tot),
        MUTATIES[r.handeling],
    ]


def schrijf(registraties: list[Vrijstellingsregistratie]) -> bytes:
    """The whole file. Raises OngeldigeRegistratie for the first row that cannot be written
    (nothing is written then)."""
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for r in registraties:
        schrijver.writerow(regel(r))
    return uit.getvalue().encode("utf-8")


def lees(inhoud: bytes) -> list[dict[str, str]]:
    """The rows of a file as dicts (for tests and for checking an upload)."""
    lezer = csv.DictReader(io.StringIO(inhoud.decode("utf-8"), newline=""), delimiter=";")
    return list(lezer)


def bestandsnaam(gemeentecode: str, moment: datetime) -> str:
    return f"VRIJST_{_gemeentecode(gemeentecode)}_{moment:%Y%m%d%H%M%S}.csv"
