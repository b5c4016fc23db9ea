"""The Leerplichttelling for OCW: the `leerplichttelling` section of a rapport as a file.

One flat table, one row per gemeente × onderdeel (the rows of figures.md) and then the
totaal rows, columns fixed (docs/gebruikers/jaarverslag.md, "De Leerplichttelling"):

    schooljaar, gemeentecode, gemeentenaam, onderdeel, omschrijving,
    bao_sbo, so_vso, vo, mbo, onbekend, geen, totaal

That is the shape an import wants: every row stands on its own (no merged cells, no
subtotals between blocks, the school year on every row so files of several years can be
stacked). XLSX: sheet "Leerplichttelling" first, then "Over dit bestand" with schooljaar,
peildatum and what the columns mean. CSV: the same columns, ";" and UTF-8 with BOM for a
Dutch Excel. The numbers are the rapport's, untouched: `totaal` is the rapport's, which
is the sum of the groups (figures.md) and, for the totaal rows, of the gemeenten.

Written in XlsxWriter's constant_memory mode: row by row to a temporary file, so the
national scale (342 gemeenten) needs no more memory than one region.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime

import xlsxwriter

from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.veilige_cel import neutraliseer

from .jaarverslag import TELLING_RIJEN

TOTAAL = "totaal"
#: The count columns, in the order of figures.md.
GROEPKOLOMMEN: tuple[str, ...] = (*GROEPEN, TOTAAL)
KOLOMMEN: tuple[str, ...] = (
    "schooljaar",
    "gemeentecode",
    "gemeentenaam",
    "onderdeel",
    "omschrijving",
    *GROEPKOLOMMEN,
)
TEKSTKOLOMMEN = len(KOLOMMEN) - len(GROEPKOLOMMEN)
BLAD = "Leerplichttelling"
TOELICHTING = "Over dit bestand"


class OnverwachteTelling(ValueError):
    """The rapport's leerplichttelling has other rows or groups than the fixed layout."""


def rijen(rapport: dict) -> Iterator[tuple]:
    """The rows of the table: per gemeente (by code) each onderdeel, then the totaal rows."""
    jaar = rapport["schooljaar"]
    gemeenten = rapport["gemeenten"]
    codes = sorted(c for c in gemeenten if c != TOTAAL)
    for code in (*codes, TOTAAL):
        naam = gemeenten[code]["naam"]
        telling = gemeenten[code]["leerplichttelling"]
        if set(telling) != set(TELLING_RIJEN):
            raise OnverwachteTelling(
                f"{code}: de leerplichttelling heeft andere onderdelen dan de vaste indeling "
                f"({', '.join(sorted(set(telling) ^ set(TELLING_RIJEN)))})"
            )
        for onderdeel, omschrijving in TELLING_RIJEN.items():
            groepen = telling[onderdeel]
            if set(groepen) != set(GROEPKOLOMMEN):
                raise OnverwachteTelling(f"{code} {onderdeel}: andere groepen dan {GROEPKOLOMMEN}")
            yield (
                jaar,
                code,
                naam,
                onderdeel,
                omschrijving,
                *(groepen[g] for g in GROEPKOLOMMEN),
            )


def _veilig(rij: tuple) -> list:
    return [neutraliseer(w) for w in rij]


def telling_csv(rapport: dict) -> str:
    """The CSV text, ";"-separated (without BOM; the caller adds it when writing a file)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for rij in rijen(rapport):
        schrijver.writerow(_veilig(rij))
    return uit.getvalue()


def telling_xlsx(rapport: dict) -> bytes:
    """The XLSX file's bytes (built in a temporary file, constant memory)."""
    with tempfile.TemporaryDirectory(prefix="leerplichttelling-") as map_:
        pad = os.path.join(map_, "leerplichttelling.xlsx")
        schrijf_xlsx(rapport, pad, tmpdir=map_)
        with open(pad, "rb") as bestand:
            return bestand.read()


def schrijf_xlsx(rapport: dict, pad: str, *, tmpdir: str | None = None) -> None:
    boek = xlsxwriter.Workbook(
        pad,
        {
            "constant_memory": True,
            "tmpdir": tmpdir,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    jaar = rapport["schooljaar"]
    boek.set_properties(
        {
            "title": f"Leerplichttelling {jaar}",
            "subject": "Leerplichttelling voor OCW",
            "author": "Leerplicht",
            "created": _datum(rapport),
        }
    )
    kop = boek.add_format({"bold": True, "bottom": 1})
    aantal = boek.add_format({"num_format": "#,##0"})
    totaal_tekst = boek.add_format({"bold": True})
    totaal_aantal = boek.add_format({"bold": True, "num_format": "#,##0"})

    blad = boek.add_worksheet(BLAD)
    blad.freeze_panes(1, 3)
    blad.set_column(0, 1, 13)
    blad.set_column(2, 2, 24)
    blad.set_column(3, 3, 28)
    blad.set_column(4, 4, 60)
    blad.set_column(TEKSTKOLOMMEN, len(KOLOMMEN) - 1, 10)
    for k, naam in enumerate(KOLOMMEN):
        blad.write_string(0, k, naam, kop)
    r = 0
    for r, rij in enumerate(rijen(rapport), start=1):
        is_totaal = rij[1] == TOTAAL
        for k, waarde in enumerate(_veilig(rij)):
            if k < TEKSTKOLOMMEN:
                blad.write_string(r, k, waarde, totaal_tekst if is_totaal else None)
            else:
                blad.write_number(r, k, waarde, totaal_aantal if is_totaal else aantal)
    blad.autofilter(0, 0, max(r, 1), len(KOLOMMEN) - 1)

    over = boek.add_worksheet(TOELICHTING)
    over.set_column(0, 0, 18)
    over.set_column(1, 1, 90)
    gemeenten = len(rapport["gemeenten"]) - 1
    regels: list[tuple[str, str]] = [
        ("Bestand", f"Leerplichttelling schooljaar {jaar}"),
        ("Schooljaar", jaar),
        ("Peildatum", rapport["peildatum"]),
        ("Gemeenten", str(gemeenten)),
        ("", ""),
        ("Kolom", "Betekenis"),
        ("schooljaar", "1 augustus tot en met 31 juli"),
        ("gemeentecode", "CBS-code van de gemeente; 'totaal' voor de som van alle gemeenten"),
        ("gemeentenaam", "naam van de gemeente"),
        ("onderdeel", "code van het onderdeel van de Leerplichttelling"),
        ("omschrijving", "het onderdeel in woorden"),
        *((g, f"aantal, {naam}") for g, naam in GROEPEN.items()),
        (TOTAAL, "aantal, alle onderwijssoorten samen (de som van de kolommen ervoor)"),
    ]
    for r, (kolom, tekst) in enumerate(regels):
        vet = r in (0, 5)
        over.write_string(r, 0, kolom, totaal_tekst if vet else None)
        over.write_string(r, 1, neutraliseer(tekst), totaal_tekst if vet else None)
    boek.close()


def _datum(rapport: dict) -> datetime:
    """The file's date: the peildatum (reproducible output, not the clock)."""
    try:
        return datetime.fromisoformat(rapport["peildatum"])
    except (KeyError, ValueError):
        return datetime(int(rapport["schooljaar"][:4]), 8, 1)
