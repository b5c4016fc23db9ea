"""Use cases of the reports: the jaarverslag of a school year for some gemeenten, in
every format, the same for the web app and for `leerplicht rapport --format ...`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from leerplicht.bewaren.vaststellen import rapport_als_tekst, vastgesteld_rapport
from leerplicht.cijfers.rapport import Gemeentekeuze, gekozen_codes, maak_rapport
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.register.models import Gemeente

from .document import Verslag
from .jaarverslag import bouw_jaarverslag
from .rapporten import bron_voor


class OnbekendeGemeenten(ValueError):
    pass


def gebied_van(gemeenten: list[str]) -> str:
    """The region's name for several gemeenten, the gemeente's own for one."""
    if len(gemeenten) == 1:
        return Gemeente.objects.get(code=gemeenten[0]).naam
    return settings.LEERPLICHT_REGIO_NAAM


def teksten_voor(schooljaar: Schooljaar, gemeenten: list[str]) -> dict[str, str]:
    """The team's edited texts of this report (text block id -> text)."""
    from .models import Verslagtekst  # the app's model; imported late for pure callers

    return Verslagtekst.teksten(schooljaar.naam, gemeenten)


def maak_jaarverslag(
    schooljaar: Schooljaar, gemeenten: Gemeentekeuze, peildatum: date | None = None
) -> Verslag:
    """The jaarverslag over `gemeenten` (ALLE_GEMEENTEN: every gemeente in the register)."""
    alle = list(Gemeente.objects.order_by("code").values_list("code", flat=True))
    codes = gekozen_codes(gemeenten)
    if codes is not None and not codes:
        raise OnbekendeGemeenten("geen gemeente gekozen")
    gekozen = alle if codes is None else sorted(set(codes))
    onbekend = sorted(set(gekozen) - set(alle))
    if onbekend:
        raise OnbekendeGemeenten(f"onbekende gemeente(n): {', '.join(onbekend)}")
    if not gekozen:
        raise OnbekendeGemeenten("er staan nog geen gemeenten in de registratie")
    bron = bron_voor(
        schooljaar, gekozen, peildatum=peildatum, teksten=teksten_voor(schooljaar, gekozen)
    )
    return bouw_jaarverslag(bron, gebied_van(gekozen))


@dataclass(frozen=True)
class Formaat:
    naam: str
    mediatype: str
    extensie: str
    maak: Callable[[Verslag], bytes]


def _html(v: Verslag) -> bytes:
    from .html import html_document

    return html_document(v).encode("utf-8")


def _pdf(v: Verslag) -> bytes:
    from .pdf import pdf

    return pdf(v)


def _xlsx(v: Verslag) -> bytes:
    from .xlsx import xlsx

    return xlsx(v)


def _csv(v: Verslag) -> bytes:
    from .csv_uitvoer import csv_tekst

    return csv_tekst(v).encode("utf-8-sig")  # with BOM: Excel reads it as UTF-8


FORMATEN: dict[str, Formaat] = {
    "html": Formaat("html", "text/html; charset=utf-8", "html", _html),
    "pdf": Formaat("pdf", "application/pdf", "pdf", _pdf),
    "xlsx": Formaat(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", _xlsx
    ),
    "csv": Formaat("csv", "text/csv; charset=utf-8", "csv", _csv),
}


def _wie(gemeenten: list[str] | tuple[str, ...]) -> str:
    return "regio" if len(gemeenten) > 1 else gemeenten[0]


def bestandsnaam(verslag: Verslag, formaat: Formaat) -> str:
    """e.g. jaarverslag-2024-2025-regio.pdf / jaarverslag-2024-2025-GM0225.pdf (no names)."""
    return f"jaarverslag-{verslag.schooljaar}-{_wie(verslag.gemeenten)}.{formaat.extensie}"


def rapport_json(schooljaar: Schooljaar, gemeenten: list[str]) -> bytes:
    """The figures behind the report, byte for byte what `leerplicht rapport --format json
    --gemeente ...` writes to a file: the frozen text of a frozen year, else computed."""
    gekozen = sorted(set(gemeenten))
    tekst = vastgesteld_rapport(schooljaar, None, gekozen)
    if tekst is None:
        tekst = rapport_als_tekst(maak_rapport(schooljaar, gemeenten=gekozen))
    return (tekst + "\n").encode("utf-8")


def rapport_bestandsnaam(schooljaar: Schooljaar, gemeenten: list[str]) -> str:
    """e.g. rapport-2024-2025-regio.json, beside the jaarverslag's own file names."""
    return f"rapport-{schooljaar.naam}-{_wie(sorted(gemeenten))}.json"
