"""The jaarverslag as CSV: every number of the report, one row per cell (long format).

For people who take the figures into Excel, a pivot table or another tool. Made for a
Dutch Excel (docs/gebruikers/jaarverslag.md, "Bestanden"): separator ";", decimal comma
("12,17"), no thousands separator ("1209"), so a double-click opens it with numbers as
numbers; a decimal point would make Dutch Excel read "1.5" as a date. Written to a file
with a BOM (diensten.py), so Excel reads it as UTF-8.

Columns: hoofdstuk;tabel;rij;kolom;waarde;soort;bron
- `bron`: where the number is in the rapport JSON, the parts of `Cel.bron` joined with
  "/" (e.g. "2024-2025/totaal/werkprocessen/totaal"); for a change the two numbers it is
  computed from: "<nieuw> t.o.v. <oud>"; for a share of the leerlingen (AANDEEL) likewise
  "<deel> t.o.v. <geheel>". A benchmark figure (EXTERN_PROCENT) has no bron.
- `waarde` is empty where there is no value (a change against 0).
Text cells that a spreadsheet would read as a formula are neutralised (veilige_cel).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from leerplicht.cijfers.tabel import Cel, Pad, Soort
from leerplicht.veilige_cel import neutraliseer

from .document import Verslag

KOLOMMEN = ("hoofdstuk", "tabel", "rij", "kolom", "waarde", "soort", "bron")
SCHEIDING = ";"
PADSCHEIDING = "/"
TOV = " t.o.v. "


def csv_tekst(verslag: Verslag) -> str:
    """The CSV text (without BOM; the caller adds it when writing a file)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=SCHEIDING, lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for hoofdstuk, tabel in verslag.tabellen():
        for rij in tabel.rijen:
            for kolom, cel in zip(tabel.kolommen, rij.cellen, strict=True):
                schrijver.writerow(
                    [
                        neutraliseer(hoofdstuk.titel),
                        neutraliseer(tabel.titel),
                        neutraliseer(rij.kop),
                        neutraliseer(kolom),
                        getaltekst(cel.waarde),
                        cel.soort.value,
                        bron_tekst(cel),
                    ]
                )
    return uit.getvalue()


def getaltekst(waarde: int | float | None) -> str:
    """12.17 -> "12,17"; 1209 -> "1209"; -3.5 -> "-3,50"; None -> "".

    Percentages and changes keep their 2 decimals, from the shortest decimal form of the
    float (so 0.1 + 0.2 noise never shows).
    """
    if waarde is None:
        return ""
    if isinstance(waarde, int):
        return str(waarde)
    getal = Decimal(repr(float(waarde))).quantize(Decimal("0.01"))
    if getal == 0:
        getal = abs(getal)
    return str(getal).replace(".", ",")


def pad_tekst(pad: Pad) -> str:
    return PADSCHEIDING.join(pad)


def bron_tekst(cel: Cel) -> str:
    if cel.soort in (Soort.VERANDERING, Soort.AANDEEL):
        return TOV.join(pad_tekst(p) for p in cel.uit) if cel.uit else ""
    return pad_tekst(cel.bron) if cel.bron else ""


def lees_getal(tekst: str) -> int | float | None:
    """The inverse of `getaltekst` (for readers of this file and the tests)."""
    if tekst == "":
        return None
    return float(tekst.replace(",", ".")) if "," in tekst else int(tekst)
