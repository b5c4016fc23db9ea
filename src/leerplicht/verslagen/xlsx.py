"""The jaarverslag as an Excel workbook: numbers stay numbers, charts are native Excel charts.

Lays out a `Verslag` (document.py) and nothing else: a first sheet "Inhoud" (title, gebied,
schooljaar, peildatum, verantwoording, the sheets), then one sheet per hoofdstuk with its
tables, text blocks and charts in the order of the document.

Number formats (docs/gebruikers/jaarverslag.md, "Bestanden"): a cell holds the value of the
rapport JSON itself, so a percentage 12.17 is stored as 12.17 (not 0.1217) and shown with a
literal percent sign: `#,##0.00"%"`. Excel and LibreOffice show the separators of the
user's locale, so a Dutch Excel shows "1.209", "12,17%" and "+28,16%"; a formula on a cell
computes with the same number the JSON has.

A chart's series refer to the cells of its table (`Grafiek.tabel_id`), so a chart can never
show a number the table does not. The output is byte for byte the same for the same
`Verslag`: the document dates come from the verslag (peildatum), never from the clock.
"""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from leerplicht.cijfers.tabel import Cel, Soort, Tabel
from leerplicht.veilige_cel import neutraliseer

from .document import Grafiek, Grafieksoort, Hoofdstuk, Tekstblok, Verslag

#: Excel number formats per kind of cell. Format codes are locale-neutral ("," = thousands,
#: "." = decimals); Excel shows them with the user's separators: 1.209 / 12,17% in Dutch.
AANTAL = "#,##0"
PROCENT = '#,##0.00"%"'
#: A change shows its sign, also "+0,00%" for no change (as opmaak.tekst_van does).
VERANDERING = '+#,##0.00"%";-#,##0.00"%"'
NUMMERFORMAAT: dict[Soort, str] = {
    Soort.AANTAL: AANTAL,
    Soort.PROCENT: PROCENT,
    Soort.EXTERN_PROCENT: PROCENT,
    Soort.AANDEEL: PROCENT,
    Soort.VERANDERING: VERANDERING,
}
#: The peildatum as a date, with Dutch month names in any Excel ([$-413] = nl-NL).
DATUMFORMAAT = "[$-413]d mmmm yyyy"
TAAL = "nl-NL"

INHOUD = "Inhoud"
MAX_BLADNAAM = 31
_VERBODEN_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")

#: Chart size in pixels, and the rows it takes (default row height is 20 px).
GRAFIEK_BREEDTE = 720
GRAFIEK_HOOGTE = 360
GRAFIEK_RIJEN = 20
#: Column widths in characters: the row-header column and the value columns.
KOP_BREEDTE = (24, 60)
WAARDE_BREEDTE = (11, 16)
#: Text blocks span this many columns at least.
TEKST_KOLOMMEN = 6

GRAFIEKTYPE: dict[Grafieksoort, str] = {
    Grafieksoort.STAAF: "column",
    Grafieksoort.LIJN: "line",
    Grafieksoort.VERDELING: "bar",
}


def xlsx(verslag: Verslag) -> bytes:
    """The workbook of `verslag` as the bytes of an .xlsx file."""
    uit = io.BytesIO()
    boek = xlsxwriter.Workbook(
        uit,
        {
            "in_memory": True,
            # Text is text: never a formula, a URL or a number guessed from a string.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    boek.set_properties(
        {
            "title": f"{verslag.titel} - {verslag.gebied}",
            "subject": f"Leerplicht en Doorstroompunt, schooljaar {verslag.schooljaar}",
            "author": "Leerplicht",
            "keywords": "jaarverslag, leerplicht",
            "comments": " ".join(verslag.verantwoording),
            "created": _documentdatum(verslag),
        }
    )
    Opmaker(boek, verslag).schrijf()
    boek.close()
    return _met_taal(uit.getvalue())


def _documentdatum(verslag: Verslag) -> datetime:
    """The date in the file's properties: the peildatum, so the output is reproducible."""
    try:
        return datetime.fromisoformat(verslag.peildatum)
    except ValueError:
        return datetime(int(verslag.schooljaar[:4]), 8, 1)


def bladnamen(titels: list[str], gebruikt: set[str] | None = None) -> list[str]:
    """Valid, unique sheet names (Excel: at most 31 characters, none of []:*?/\\, not
    starting or ending with an apostrophe; unique regardless of case)."""
    bezet = {n.lower() for n in (gebruikt or set())}
    namen = []
    for titel in titels:
        basis = _VERBODEN_IN_BLADNAAM.sub(" ", titel).strip().strip("'").strip() or "Blad"
        naam = basis[:MAX_BLADNAAM].rstrip()
        volgnummer = 2
        while naam.lower() in bezet:
            achtervoegsel = f" ({volgnummer})"
            naam = basis[: MAX_BLADNAAM - len(achtervoegsel)].rstrip() + achtervoegsel
            volgnummer += 1
        bezet.add(naam.lower())
        namen.append(naam)
    return namen


@dataclass
class Plaats:
    """Where a table landed: its sheet, header row and first column (0-based)."""

    blad: str
    kopregel: int
    kolom: int
    tabel: Tabel

    def rij(self, index: int) -> int:
        return self.kopregel + 1 + index

    def cel(self, rij: int, kolom: int, absoluut: bool = True) -> str:
        return xl_rowcol_to_cell(rij, kolom, row_abs=absoluut, col_abs=absoluut)

    def bereik(self, van: tuple[int, int], tot: tuple[int, int]) -> str:
        return f"={quote_sheetname(self.blad)}!{self.cel(*van)}:{self.cel(*tot)}"


@dataclass
class Opmaker:
    boek: Workbook
    verslag: Verslag
    plaatsen: dict[str, Plaats] = field(default_factory=dict)
    _formaten: dict[tuple, Format] = field(default_factory=dict)

    def formaat(self, **eigenschappen: object) -> Format:
        """One Format object per distinct look (XlsxWriter keeps every Format it makes)."""
        sleutel = tuple(sorted(eigenschappen.items()))
        if sleutel not in self._formaten:
            self._formaten[sleutel] = self.boek.add_format(
                {"font_name": "Calibri", "font_size": 11, **eigenschappen}
            )
        return self._formaten[sleutel]

    def schrijf(self) -> None:
        namen = bladnamen([h.titel for h in self.verslag.hoofdstukken], {INHOUD})
        inhoud = self.boek.add_worksheet(INHOUD)
        bladen = [
            (naam, hoofdstuk, self.boek.add_worksheet(naam))
            for naam, hoofdstuk in zip(namen, self.verslag.hoofdstukken, strict=True)
        ]
        self._inhoud(inhoud, [(n, h) for n, h, _ in bladen])
        for naam, hoofdstuk, blad in bladen:
            self._hoofdstuk(blad, naam, hoofdstuk)

    # --- Inhoud -----------------------------------------------------------------------------

    def _inhoud(self, blad: Worksheet, bladen: list[tuple[str, Hoofdstuk]]) -> None:
        v = self.verslag
        vet = self.formaat(bold=True)
        blad.set_column(0, 0, 26)
        blad.set_column(1, 1, 70)
        blad.fit_to_pages(1, 0)
        blad.set_paper(9)  # A4
        tekst = self.formaat(text_wrap=True, valign="top")
        blad.write_string(0, 0, neutraliseer(v.titel), self.formaat(bold=True, font_size=16))
        gegevens: list[tuple[str, str]] = [
            ("Gebied", v.gebied),
            ("Gemeenten (CBS-code)", ", ".join(v.gemeenten)),
            ("Schooljaar", v.schooljaar),
            ("Vergeleken met", ", ".join(j for j in v.schooljaren if j != v.schooljaar) or "-"),
        ]
        rij = 2
        for kop, waarde in gegevens:
            blad.write_string(rij, 0, kop, vet)
            blad.write_string(rij, 1, neutraliseer(waarde), tekst)
            rij += 1
        blad.write_string(rij, 0, "Peildatum leerlingen", vet)
        try:
            blad.write_datetime(
                rij,
                1,
                datetime.fromisoformat(v.peildatum),
                self.formaat(num_format=DATUMFORMAAT, align="left"),
            )
        except ValueError:
            blad.write_string(rij, 1, neutraliseer(v.peildatum))
        rij += 2
        blad.write_string(rij, 0, "Verantwoording", self.formaat(bold=True, font_size=13))
        rij += 1
        for regel in (
            *v.verantwoording,
            "Getallen staan als getal in de cellen. Een percentage staat er zoals in de "
            "cijfers: 12,17 betekent 12,17% (de opmaak toont het %-teken); een lege cel "
            "betekent: geen waarde (bijvoorbeeld een verandering ten opzichte van 0).",
        ):
            blad.merge_range(rij, 0, rij, 1, neutraliseer(regel), tekst)
            blad.set_row(rij, _hoogte(regel, 26 + 70))
            rij += 1
        rij += 1
        blad.write_string(rij, 0, "Werkbladen", self.formaat(bold=True, font_size=13))
        rij += 1
        for naam, hoofdstuk in bladen:
            blad.write_url(
                rij,
                0,
                f"internal:{quote_sheetname(naam)}!A1",
                self.formaat(font_color="blue", underline=1, valign="top"),
                string=naam,
            )
            tabellen = "; ".join(o.titel for o in hoofdstuk.onderdelen if isinstance(o, Tabel))
            blad.write_string(rij, 1, neutraliseer(tabellen or hoofdstuk.titel), tekst)
            blad.set_row(rij, _hoogte(tabellen, 70))
            rij += 1
        blad.activate()

    # --- one sheet per hoofdstuk ------------------------------------------------------------

    def _hoofdstuk(self, blad: Worksheet, naam: str, hoofdstuk: Hoofdstuk) -> None:
        tabellen = [o for o in hoofdstuk.onderdelen if isinstance(o, Tabel)]
        kolommen = max([len(t.kolommen) for t in tabellen] + [TEKST_KOLOMMEN - 1])
        kopbreedte = _breedte(
            [t.rijkop for t in tabellen] + [r.kop for t in tabellen for r in t.rijen], KOP_BREEDTE
        )
        waardebreedte = _breedte([k for t in tabellen for k in t.kolommen], WAARDE_BREEDTE)
        blad.set_column(0, 0, kopbreedte)
        blad.set_column(1, kolommen, waardebreedte)
        blad.set_landscape()
        blad.set_paper(9)  # A4
        blad.fit_to_pages(1, 0)
        blad.write_string(
            0, 0, neutraliseer(hoofdstuk.titel), self.formaat(bold=True, font_size=16)
        )
        regel = 2
        for onderdeel in hoofdstuk.onderdelen:
            if isinstance(onderdeel, Tabel):
                regel = self._tabel(blad, naam, onderdeel, regel, waardebreedte)
            elif isinstance(onderdeel, Tekstblok):
                breedte = kopbreedte + kolommen * waardebreedte
                regel = self._tekstblok(blad, onderdeel, regel, kolommen, breedte)
            elif isinstance(onderdeel, Grafiek):
                regel = self._grafiek(blad, onderdeel, regel)
        # Keep the row headers in view; with one table, its header row too.
        if len(tabellen) == 1 and tabellen[0].id in self.plaatsen:
            blad.freeze_panes(self.plaatsen[tabellen[0].id].kopregel + 1, 1)
        elif tabellen:
            blad.freeze_panes(0, 1)

    def _tabel(self, blad: Worksheet, naam: str, tabel: Tabel, regel: int, breedte: int) -> int:
        blad.write_string(
            regel, 0, neutraliseer(tabel.titel), self.formaat(bold=True, font_size=13)
        )
        kop = regel + 1
        kopstijl = {"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}
        blad.write_string(kop, 0, neutraliseer(tabel.rijkop), self.formaat(**kopstijl))
        rechts = self.formaat(**kopstijl, align="right")
        for k, kolom in enumerate(tabel.kolommen, start=1):
            blad.write_string(kop, k, neutraliseer(kolom), rechts)
        # Long headers wrap (narrow columns keep a table on the page): make room for them.
        regels = max([_regels(k, breedte) for k in tabel.kolommen] + [1])
        if regels > 1:
            blad.set_row(kop, 15.0 * regels + 3)
        self.plaatsen[tabel.id] = Plaats(naam, kop, 0, tabel)
        for i, rij in enumerate(tabel.rijen):
            r = kop + 1 + i
            stijl = {"bold": True, "top": 1} if rij.totaal else {}
            blad.write_string(r, 0, neutraliseer(rij.kop), self.formaat(**stijl))
            for k, cel in enumerate(rij.cellen, start=1):
                self._getal(blad, r, k, cel, stijl)
        regel = kop + 1 + len(tabel.rijen)
        if tabel.toelichting:
            blad.write_string(regel, 0, neutraliseer(tabel.toelichting), self.formaat(italic=True))
            regel += 1
        return regel + 1

    def _getal(self, blad: Worksheet, r: int, k: int, cel: Cel, stijl: dict) -> None:
        formaat = self.formaat(num_format=NUMMERFORMAAT[cel.soort], **stijl)
        if cel.waarde is None:
            blad.write_blank(r, k, None, formaat)
        else:
            blad.write_number(r, k, cel.waarde, formaat)

    def _tekstblok(
        self, blad: Worksheet, blok: Tekstblok, regel: int, kolommen: int, breedte: float
    ) -> int:
        if not blok.tekst.strip():
            return regel
        blad.write_string(regel, 0, neutraliseer(blok.titel), self.formaat(bold=True, font_size=13))
        formaat = self.formaat(text_wrap=True, valign="top")
        blad.merge_range(regel + 1, 0, regel + 1, kolommen, neutraliseer(blok.tekst), formaat)
        # Excel does not grow a merged cell's row to fit its text: set the height.
        blad.set_row(regel + 1, _hoogte(blok.tekst, breedte))
        return regel + 3

    # --- charts -----------------------------------------------------------------------------

    def _grafiek(self, blad: Worksheet, grafiek: Grafiek, regel: int) -> int:
        plaats = self.plaatsen.get(grafiek.tabel_id)
        if plaats is None:
            raise ValueError(f"grafiek {grafiek.id}: tabel {grafiek.tabel_id!r} staat er niet voor")
        chart = self.boek.add_chart({"type": GRAFIEKTYPE[grafiek.soort]})
        for naam_cel, categorieen, waarden in reeksbereiken(plaats, grafiek):
            reeks: dict = {
                "name": naam_cel,
                "categories": categorieen,
                "values": waarden,
            }
            if grafiek.soort is Grafieksoort.LIJN:
                reeks["marker"] = {"type": "circle", "size": 6}
            else:
                reeks["gap"] = 80
            chart.add_series(reeks)
        getalformaat = '0"%"' if grafiek.eenheid == "procent" else AANTAL
        waarde_as = {
            "num_format": getalformaat,
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
            "min": 0,
        }
        categorie_as: dict = {"num_font": {"rotation": -30} if len(grafiek.categorieen) > 6 else {}}
        if grafiek.soort is Grafieksoort.VERDELING:
            # XlsxWriter's bar chart: x is the (horizontal) value axis. First category on
            # top, the value axis below it.
            chart.set_x_axis(waarde_as)
            chart.set_y_axis({"reverse": True, "crossing": "max"})
        else:
            chart.set_x_axis(categorie_as)
            chart.set_y_axis(waarde_as)
        chart.set_title({"name": grafiek.titel, "name_font": {"size": 13, "bold": True}})
        chart.set_legend({"position": "bottom"} if len(grafiek.reeksen) > 1 else {"none": True})
        chart.set_size({"width": GRAFIEK_BREEDTE, "height": GRAFIEK_HOOGTE})
        blad.insert_chart(regel, 0, chart, {"description": grafiek.tekstalternatief})
        return regel + GRAFIEK_RIJEN + 1


def reeksbereiken(plaats: Plaats, grafiek: Grafiek) -> list[tuple[str, str, str]]:
    """(name cell, categories range, values range) per series of `grafiek` in its table.

    A series is a row of the table over the columns named by the categories (bars per
    gemeente, lines over years), or a column over the rows named by the categories (a
    distribution). The cells must hold exactly the series' values, else the chart and the
    table would disagree: that is a bug in the document, raised as ValueError.
    """
    tabel = plaats.tabel
    koppen = [r.kop for r in tabel.rijen]
    uitkomst = []
    for reeks in grafiek.reeksen:
        if reeks.naam in koppen and all(c in tabel.kolommen for c in grafiek.categorieen):
            i = koppen.index(reeks.naam)
            kolommen = [tabel.kolommen.index(c) for c in grafiek.categorieen]
            cellen = [tabel.rijen[i].cellen[k] for k in kolommen]
            r = plaats.rij(i)
            k0, k1 = kolommen[0] + 1, kolommen[-1] + 1
            naam_cel = plaats.cel(r, 0)
            categorieen = plaats.bereik((plaats.kopregel, k0), (plaats.kopregel, k1))
            waarden = plaats.bereik((r, k0), (r, k1))
        elif reeks.naam in tabel.kolommen and all(c in koppen for c in grafiek.categorieen):
            k = tabel.kolommen.index(reeks.naam)
            rijen = [koppen.index(c) for c in grafiek.categorieen]
            kolommen = rijen
            cellen = [tabel.rijen[i].cellen[k] for i in rijen]
            r0, r1 = plaats.rij(rijen[0]), plaats.rij(rijen[-1])
            naam_cel = plaats.cel(plaats.kopregel, k + 1)
            categorieen = plaats.bereik((r0, 0), (r1, 0))
            waarden = plaats.bereik((r0, k + 1), (r1, k + 1))
        else:
            raise ValueError(f"grafiek {grafiek.id}: reeks {reeks.naam!r} niet in de tabel")
        if kolommen != list(range(kolommen[0], kolommen[0] + len(kolommen))):
            raise ValueError(
                f"grafiek {grafiek.id}: de cellen van {reeks.naam!r} liggen niet aaneen"
            )
        if tuple(c.waarde for c in cellen) != reeks.waarden:
            raise ValueError(f"grafiek {grafiek.id}: reeks {reeks.naam!r} wijkt af van de tabel")
        uitkomst.append((f"={quote_sheetname(plaats.blad)}!{naam_cel}", categorieen, waarden))
    return uitkomst


def _breedte(teksten: list[str], grenzen: tuple[int, int]) -> int:
    langste = max((len(t) for t in teksten), default=0) + 2
    return min(max(langste, grenzen[0]), grenzen[1])


def _regels(tekst: str, breedte: float) -> int:
    """Lines `tekst` takes wrapped in a column of `breedte` characters (word wrap)."""
    per_regel = max(int(breedte) - 1, 8)
    return sum(max(1, len(textwrap.wrap(alinea, per_regel))) for alinea in tekst.split("\n"))


def _hoogte(tekst: str, breedte: float) -> float:
    """Row height in points for `tekst` wrapped in `breedte` characters (15 pt a line):
    Excel does not grow a row to fit the wrapped text of a merged cell."""
    return 15.0 * _regels(tekst, breedte) + 3


def _met_taal(inhoud: bytes) -> bytes:
    """Mark the workbook and its charts as Dutch (XlsxWriter writes no language and "en-US"
    in charts): dc:language in the document properties, nl-NL in the chart text."""
    bron = zipfile.ZipFile(io.BytesIO(inhoud))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            data = bron.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = data.replace(
                    b"</cp:coreProperties>",
                    f"<dc:language>{TAAL}</dc:language></cp:coreProperties>".encode(),
                )
            elif info.filename.startswith("xl/charts/"):
                data = data.replace(b'<c:lang val="en-US"/>', f'<c:lang val="{TAAL}"/>'.encode())
                data = data.replace(b'lang="en-US"', f'lang="{TAAL}"'.encode())
            doel.writestr(info, data)
    return uit.getvalue()
