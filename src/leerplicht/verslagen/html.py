"""The jaarverslag as HTML: one standalone document (a downloadable file, and the source
of the PDF) and a fragment the web app includes in the portal layout.

Both are Django templates over the same prepared content (`weergave`), so the file, the
PDF and the web page show the same cells in the same words:

    {% include "verslagen/_verslag.html" with verslag=weergave %}

where `weergave = html.weergave(verslag)`; the web app links `verslagen/verslag.css`
(static) for the layout. Every number cell carries where it comes from (`data-bron`, or
`data-uit` for a change) so a test can follow each number back to the rapport JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from leerplicht.cijfers.tabel import Cel, Pad, Tabel

from . import grafieken
from .document import Grafiek, Hoofdstuk, Tekstblok, Verslag
from .opmaak import datum_tekst, tekst_van

#: The style sheets, in the app's static folder so the web app can serve the same file.
STIJLMAP = Path(__file__).parent / "static" / "verslagen"
#: Layout of the report's content: tables, figures, text (web app, file and PDF).
VERSLAG_CSS = "verslag.css"
#: The standalone document: page, cover, colophon.
DOCUMENT_CSS = "document.css"
#: Paged media (WeasyPrint, and a browser's print): A4, header, footer, page breaks.
AFDRUK_CSS = "afdruk.css"

#: Up to `SMAL` value columns a table is narrow on paper; from `COMPACT` it gets a smaller
#: font; from `BREED` a landscape page.
SMAL = 2
COMPACT = 5
BREED = 9
ZEER_BREED = 14
#: Tables up to this many rows are never split over two pages.
KORT = 25


@cache
def stijl(naam: str) -> str:
    return (STIJLMAP / naam).read_text(encoding="utf-8")


def pad_tekst(pad: Pad) -> str:
    """("2025-2026", "GM0225", "werkprocessen", "relatief_verzuim") ->
    "2025-2026/GM0225/werkprocessen/relatief_verzuim"."""
    return "/".join(pad)


# --- what the templates show ---------------------------------------------------------------


@dataclass(frozen=True)
class CelWeergave:
    tekst: str
    leeg: bool
    #: `Cel.bron` as a path ("" when the cell has none).
    bron: str
    #: For a change: "<pad nieuw>|<pad oud>" ("" otherwise).
    uit: str


@dataclass(frozen=True)
class RijWeergave:
    kop: str
    cellen: tuple[CelWeergave, ...]
    totaal: bool


@dataclass(frozen=True)
class TabelWeergave:
    id: str
    titel: str
    rijkop: str
    kolommen: tuple[str, ...]
    rijen: tuple[RijWeergave, ...]
    toelichting: str
    #: CSS modifiers: width ("smal", "compact", "breed", "zeer-breed") and "kort".
    klassen: str
    soort: str = "tabel"


@dataclass(frozen=True)
class GrafiekWeergave:
    id: str
    titel: str
    svg: SafeString
    tabel_id: str
    soort: str = "grafiek"


@dataclass(frozen=True)
class TekstWeergave:
    id: str
    #: "" when the chapter heading already says it (the introduction).
    titel: str
    alineas: tuple[str, ...]
    bewerkt: bool
    soort: str = "tekst"


Onderdeelweergave = TabelWeergave | GrafiekWeergave | TekstWeergave


@dataclass(frozen=True)
class HoofdstukWeergave:
    id: str
    titel: str
    onderdelen: tuple[Onderdeelweergave, ...]


@dataclass(frozen=True)
class VerslagWeergave:
    titel: str
    gebied: str
    schooljaar: str
    schooljaren: tuple[str, ...]
    peildatum: str
    #: The peildatum in words ("1 oktober 2024").
    peildatum_tekst: str
    hoofdstukken: tuple[HoofdstukWeergave, ...]
    verantwoording: tuple[str, ...]


def _cel(cel: Cel) -> CelWeergave:
    uit = "|".join(pad_tekst(p) for p in cel.uit) if cel.uit else ""
    return CelWeergave(
        tekst_van(cel), cel.waarde is None, pad_tekst(cel.bron) if cel.bron else "", uit
    )


def _klassen(tabel: Tabel) -> str:
    n = len(tabel.kolommen)
    klassen = []
    if n >= ZEER_BREED:
        klassen += ["verslag-tabel--breed", "verslag-tabel--zeer-breed"]
    elif n >= BREED:
        klassen.append("verslag-tabel--breed")
    elif n >= COMPACT:
        klassen.append("verslag-tabel--compact")
    elif n <= SMAL:
        klassen.append("verslag-tabel--smal")
    if len(tabel.rijen) <= KORT:
        klassen.append("verslag-tabel--kort")
    return " ".join(klassen)


def _tabel(tabel: Tabel) -> TabelWeergave:
    return TabelWeergave(
        tabel.id,
        tabel.titel,
        tabel.rijkop,
        tabel.kolommen,
        tuple(
            RijWeergave(rij.kop, tuple(_cel(c) for c in rij.cellen), rij.totaal)
            for rij in tabel.rijen
        ),
        tabel.toelichting,
        _klassen(tabel),
    )


def _grafiek(grafiek: Grafiek) -> GrafiekWeergave:
    # matplotlib escapes the labels (gemeente names come from an import); grafieken.svg
    # escapes the title and the text alternative.
    svg = mark_safe(grafieken.svg(grafiek))  # noqa: S308
    return GrafiekWeergave(grafiek.id, grafiek.titel, svg, grafiek.tabel_id)


def _tekst(blok: Tekstblok, hoofdstuk: Hoofdstuk) -> TekstWeergave | None:
    alineas = tuple(a.strip() for a in blok.tekst.split("\n\n") if a.strip())
    if not alineas:
        return None  # e.g. no draft sentences without a previous year
    titel = "" if blok.titel == hoofdstuk.titel else blok.titel
    return TekstWeergave(blok.id, titel, alineas, blok.bewerkt)


def _hoofdstuk(hoofdstuk: Hoofdstuk) -> HoofdstukWeergave:
    onderdelen: list[Onderdeelweergave] = []
    for o in hoofdstuk.onderdelen:
        if isinstance(o, Tabel):
            onderdelen.append(_tabel(o))
        elif isinstance(o, Grafiek):
            onderdelen.append(_grafiek(o))
        elif (tekst := _tekst(o, hoofdstuk)) is not None:
            onderdelen.append(tekst)
    return HoofdstukWeergave(hoofdstuk.id, hoofdstuk.titel, tuple(onderdelen))


def weergave(verslag: Verslag) -> VerslagWeergave:
    """The report prepared for the templates: every cell as its Dutch text and its path."""
    return VerslagWeergave(
        titel=verslag.titel,
        gebied=verslag.gebied,
        schooljaar=verslag.schooljaar,
        schooljaren=verslag.schooljaren,
        peildatum=verslag.peildatum,
        peildatum_tekst=datum_tekst(verslag.peildatum),
        hoofdstukken=tuple(_hoofdstuk(h) for h in verslag.hoofdstukken),
        verantwoording=verslag.verantwoording,
    )


# --- the documents -------------------------------------------------------------------------


def html_fragment(verslag: Verslag) -> str:
    """Only the body (table of contents, chapters, verantwoording), as in the web app."""
    return render_to_string("verslagen/_verslag.html", {"verslag": weergave(verslag)})


def html_document(verslag: Verslag) -> str:
    """The whole report as one HTML5 file: inline CSS, inline SVG, nothing fetched."""
    return render_to_string(
        "verslagen/verslag_document.html",
        {
            "verslag": weergave(verslag),
            # Our own style sheets from the package, no input in them.
            "stijl": mark_safe(stijl(VERSLAG_CSS) + "\n" + stijl(DOCUMENT_CSS)),  # noqa: S308
            "afdrukstijl": mark_safe(stijl(AFDRUK_CSS)),  # noqa: S308
        },
    )
