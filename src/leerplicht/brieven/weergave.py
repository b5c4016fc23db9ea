"""A template and its data to a PDF: docxtpl fills the .docx, mammoth turns it into HTML,
WeasyPrint lays that out on A4 in the house style. No LibreOffice.

Safety: a template comes from an upload, so
- it must be a real, small .docx (a zip with the Word parts, no macros, no zip bomb);
- placeholders run in Jinja's sandbox (no access to Python internals) with limits on
  size, steps and time (`zandbak`), and any name outside `plaatshouders.PLAATSHOUDERS`
  is refused with a Dutch message that says which name and in which paragraph; anything
  else a template can raise while it is filled in becomes a Dutch `Sjabloonfout` naming
  the paragraph too, never a server error;
- the PDF renderer fetches nothing but images embedded in the document (data: URLs).
"""

from __future__ import annotations

import html
import io
import logging
import re
import zipfile
from types import TracebackType
from typing import Any

import mammoth
from docx import Document as WordDocument
from docxtpl import DocxTemplate, Listing
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.sandbox import SecurityError
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .plaatshouders import (
    Meerregelig,
    bekend_in_andere_soort,
    bekende_namen,
    maak_context,
    voorbeeldfeiten,
)
from .soorten import BRIEFSOORTEN
from .zandbak import Briefomgeving, Grensfout

logger = logging.getLogger(__name__)

#: Upload limits for a template. A letter template is some tens of kB; a logo adds some.
MAX_GROOTTE = 2 * 1024**2
MAX_LEDEN = 200
MAX_UITGEPAKT = 50 * 1024**2
MAX_VERHOUDING = 200
VERHOUDING_VANAF = 1024**2

_DOCX_HOOFDDEEL = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class Sjabloonfout(Exception):
    """A template that cannot be used; the message is Dutch and says where."""


# --- the file ---------------------------------------------------------------------------


def controleer_docx_bestand(inhoud: bytes, naam: str = "het bestand") -> None:
    """Refuse anything but a small, real Word .docx (no .doc, .docm, zip bomb or other zip)."""
    if len(inhoud) > MAX_GROOTTE:
        raise Sjabloonfout(
            f"{naam}: te groot ({len(inhoud) / 1024**2:.1f} MB, hoogstens "
            f"{MAX_GROOTTE // 1024**2} MB)".replace(".", ",", 1)
        )
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, ValueError):
        raise Sjabloonfout(
            f"{naam}: geen Word-document (.docx). Sla het sjabloon in Word op als "
            "'Word-document (*.docx)' en probeer het opnieuw."
        ) from None
    with archief:
        leden = archief.infolist()
        if len(leden) > MAX_LEDEN:
            raise Sjabloonfout(f"{naam}: geen gewoon Word-document (te veel onderdelen)")
        for lid in leden:
            if lid.filename.startswith("/") or ".." in lid.filename.split("/"):
                raise Sjabloonfout(f"{naam}: geen gewoon Word-document (ongeldig pad)")
            if lid.file_size > VERHOUDING_VANAF and lid.file_size > MAX_VERHOUDING * max(
                lid.compress_size, 1
            ):
                raise Sjabloonfout(f"{naam}: pakt verdacht sterk uit (mogelijk een zip-bom)")
        if sum(lid.file_size for lid in leden) > MAX_UITGEPAKT:
            raise Sjabloonfout(f"{naam}: uitgepakt te groot")
        namen = {lid.filename for lid in leden}
        if "[Content_Types].xml" not in namen or "word/document.xml" not in namen:
            raise Sjabloonfout(
                f"{naam}: geen Word-document (.docx): het zip-bestand mist de onderdelen "
                "van een Word-document"
            )
        typen = archief.read("[Content_Types].xml").decode("utf-8", errors="replace")
        if "vbaProject" in " ".join(namen) or "macroEnabled" in typen:
            raise Sjabloonfout(
                f"{naam}: bevat macro's (.docm). Sla het sjabloon op als gewoon "
                "'Word-document (*.docx)', zonder macro's."
            )
        if _DOCX_HOOFDDEEL not in typen:
            raise Sjabloonfout(f"{naam}: geen Word-document (.docx), maar een ander Office-bestand")
    try:
        WordDocument(io.BytesIO(inhoud))
    except Exception:  # python-docx raises many kinds on a damaged file
        raise Sjabloonfout(
            f"{naam}: het Word-document is beschadigd en kan niet worden gelezen"
        ) from None


# --- the placeholders ---------------------------------------------------------------------


def _omgeving() -> Briefomgeving:
    # Sandbox with limits: a template is uploaded; StrictUndefined: a wrong name fails,
    # never blank. One environment per letter: it carries the letter's budget.
    return Briefomgeving(undefined=StrictUndefined, autoescape=True)


def _bron(sjabloon: DocxTemplate) -> str:
    """The template's text as docxtpl renders it: body, headers and footers, one paragraph
    per line (so a Jinja line number points at a paragraph)."""
    sjabloon.init_docx()
    delen = [sjabloon.patch_xml(sjabloon.get_xml())]
    for uri in (sjabloon.HEADER_URI, sjabloon.FOOTER_URI):
        for _sleutel, deel in sjabloon.get_headers_footers(uri):
            delen.append(sjabloon.patch_xml(sjabloon.get_part_xml(deel)))
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", "\n".join(delen))


def _alinea_tekst(xml_regel: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", xml_regel)).strip()


def _pad(node: nodes.Node) -> str | None:
    """`leerling.naam` / `leerling['naam']` as "leerling.naam"; None for anything dynamic."""
    delen: list[str] = []
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            delen.append(node.attr)
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            delen.append(node.arg.value)
        else:
            return None
        node = node.node
    if isinstance(node, nodes.Name):
        return ".".join([node.name, *reversed(delen)])
    return None


def _paden(node: nodes.Node, uit: list[str]) -> None:
    if isinstance(node, nodes.Getattr | nodes.Getitem) and (pad := _pad(node)):
        uit.append(pad)
        return
    for kind in node.iter_child_nodes():
        _paden(kind, uit)


def _waar(bron: str, naam: str) -> str:
    regels = bron.splitlines()
    for nummer, regel in enumerate(regels, start=1):
        tekst = _alinea_tekst(regel)
        if re.search(r"(?<![\w.])" + re.escape(naam) + r"(?![\w])", tekst):
            return f' (alinea {_alineanummer(regels, nummer)}: "{_kort(tekst)}")'
    return ""


def _alineanummer(regels: list[str], regelnummer: int) -> int:
    return sum(1 for r in regels[:regelnummer] if r.startswith("<w:p"))


def _kort(tekst: str, lengte: int = 60) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def gebruikte_namen(bron: str) -> tuple[set[str], set[str]]:
    """(top-level names, dotted paths rooted at a top-level name) used in `bron`."""
    boom = _omgeving().parse(bron)
    bovenste = set(meta.find_undeclared_variables(boom))
    paden: list[str] = []
    _paden(boom, paden)
    return bovenste, {p for p in paden if p.split(".", 1)[0] in bovenste}


def controleer_plaatshouders(inhoud: bytes, soort: str) -> None:
    """Every placeholder of the template is one of `soort`'s; else a Dutch Sjabloonfout."""
    sjabloon = DocxTemplate(io.BytesIO(inhoud))
    bron = _bron(sjabloon)
    try:
        bovenste, paden = gebruikte_namen(bron)
    except TemplateSyntaxError as fout:
        regels = bron.splitlines()
        regel = regels[fout.lineno - 1] if fout.lineno and fout.lineno <= len(regels) else ""
        waar = (
            f' in alinea {_alineanummer(regels, fout.lineno)}: "{_kort(_alinea_tekst(regel))}"'
            if regel
            else ""
        )
        raise Sjabloonfout(
            f"Het sjabloon bevat een plaatshouder die niet klopt{waar}. Controleer of elke "
            "{{ een }} heeft en elke {% if %} of {% for %} een {% endif %} of {% endfor %} "
            f"(technische melding: {fout.message})."
        ) from None
    bekend = bekende_namen(soort)
    fouten = []
    for naam in sorted(bovenste - bekend) + sorted(p for p in paden if p not in bekend):
        elders = [BRIEFSOORTEN[s] for s in bekend_in_andere_soort(naam)]
        uitleg = (
            f"; die bestaat alleen in: {', '.join(elders)}"
            if elders
            else "; zie de lijst met plaatshouders"
        )
        fouten.append(f"onbekende plaatshouder {{{{ {naam} }}}}{_waar(bron, naam)}{uitleg}")
    if fouten:
        raise Sjabloonfout(
            f"Het sjabloon voor '{BRIEFSOORTEN[soort]}' gebruikt plaatshouders die er niet "
            f"zijn: {'; '.join(fouten)}."
        )


# --- rendering ----------------------------------------------------------------------------


def _voor_word(waarde: Any) -> Any:
    """Multi-line texts become docxtpl Listings (line breaks in Word); empty stays ""
    so `{% if toelichting %}` still works."""
    if isinstance(waarde, Meerregelig):
        return Listing(str(waarde)) if waarde else ""
    if isinstance(waarde, dict):
        return {k: _voor_word(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_voor_word(v) for v in waarde]
    return waarde


def vul_docx(inhoud: bytes, context: dict[str, Any]) -> bytes:
    """The template with its placeholders filled in, as .docx bytes.

    Whatever the template does wrong while it is filled in (a limit of the sandbox, a
    forbidden attribute, an unknown name, an expression that fails) becomes a
    Sjabloonfout that names the paragraph: the template is the beheerder's input, so
    none of it may end as a server error.
    """
    sjabloon = DocxTemplate(io.BytesIO(inhoud))
    omgeving = _omgeving()
    try:
        sjabloon.render(_voor_word(context), jinja_env=omgeving, autoescape=True)
    except Exception as fout:  # see the docstring: every error of a template is the user's
        raise Sjabloonfout(invulfout(fout, omgeving.bron)) from None
    uit = io.BytesIO()
    sjabloon.save(uit)
    return uit.getvalue()


def invulfout(fout: BaseException, bron: str) -> str:
    """The Dutch message for an error raised while filling in the template `bron`."""
    waar = _plek(bron, _regel(fout))
    technisch = _kort(f"{getattr(fout, 'message', None) or fout}", 200)
    if isinstance(fout, Grensfout):
        return f"Het sjabloon gaat over een grens{waar}: {fout}. Maak de plaatshouder eenvoudiger."
    if isinstance(fout, UndefinedError):
        return (
            f"Het sjabloon gebruikt een plaatshouder die bij deze brief niet bestaat{waar} "
            f"(technische melding: {technisch})."
        )
    if isinstance(fout, SecurityError):
        return f"Het sjabloon probeert iets wat niet mag in een plaatshouder{waar}."
    if isinstance(fout, TemplateSyntaxError):
        return (
            f"Het sjabloon bevat een plaatshouder die niet klopt{waar}. Controleer of elke "
            "{{ een }} heeft en elke {% if %} of {% for %} een {% endif %} of {% endfor %} "
            f"(technische melding: {technisch})."
        )
    if isinstance(fout, TemplateError):
        return f"Het sjabloon kon niet worden ingevuld{waar} (technische melding: {technisch})."
    if isinstance(fout, OverflowError | MemoryError):
        return f"Een berekening in het sjabloon wordt te groot{waar}."
    if isinstance(fout, RecursionError):
        return f"Het sjabloon roept zichzelf te vaak aan{waar} (bijvoorbeeld een macro)."
    if isinstance(fout, ZeroDivisionError):
        return f"Een berekening in het sjabloon deelt door nul{waar}."
    if not isinstance(fout, ArithmeticError | LookupError | TypeError | ValueError):
        logger.warning("onverwachte fout bij het invullen van een sjabloon", exc_info=fout)
    return (
        f"Een plaatshouder in het sjabloon kan niet worden berekend{waar} (technische "
        f"melding: {type(fout).__name__}: {technisch})."
    )


def _regel(fout: BaseException) -> int | None:
    """The line of the template source the error happened on: from the limit itself, the
    syntax error, or the innermost template frame of the traceback (Jinja rewrites it so
    template code shows as "<template>" with the template's own line numbers)."""
    if isinstance(fout, Grensfout) and fout.regel:
        return fout.regel
    if isinstance(fout, TemplateSyntaxError) and fout.lineno:
        return fout.lineno
    regel = None
    stap: TracebackType | None = fout.__traceback__
    while stap is not None:
        if stap.tb_frame.f_code.co_filename == "<template>":
            regel = stap.tb_lineno
        stap = stap.tb_next
    return regel


#: Which part of the .docx a source is (docxtpl fills them one by one).
_DELEN = (("<w:body", ""), ("<w:hdr", "koptekst, "), ("<w:ftr", "voettekst, "),
          ("<w:footnotes", "voetnoten, "))  # fmt: skip


def _plek(bron: str, regel: int | None) -> str:
    """' (alinea 3: "tekst")' for line `regel` of `bron`; empty when unknown."""
    regels = bron.splitlines()
    if not regel or regel > len(regels):
        return ""
    tekst = _kort(_alinea_tekst(regels[regel - 1]))
    deel = next((naam for teken, naam in _DELEN if teken in bron), None)
    if deel is None:  # a document property (title, subject): no paragraphs
        return f' (documenteigenschappen: "{tekst}")'
    nummer = _alineanummer(regels, regel)
    return f' ({deel}alinea {nummer}: "{tekst}")' if nummer else ""


def docx_naar_html(inhoud: bytes) -> str:
    """The body of the filled letter as HTML (mammoth: headings, bold, lists, tables)."""
    return mammoth.convert_to_html(io.BytesIO(inhoud)).value


#: The house style: A4, margins, the letterhead at the top right, page numbers.
HUISSTIJL = """
@page { size: A4; margin: 25mm 22mm 25mm 25mm;
  @bottom-right { content: "pagina " counter(page) " van " counter(pages);
                  font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #555; } }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10pt;
       line-height: 1.4; color: #000; }
.briefhoofd { text-align: right; font-size: 8.5pt; color: #333; margin-bottom: 14mm;
              border-bottom: 0.5pt solid #154273; padding-bottom: 3mm; }
.briefhoofd__naam { font-size: 12pt; font-weight: bold; color: #154273; }
.briefhoofd p { margin: 0; }
p { margin: 0 0 2.5mm 0; }
h1, h2, h3 { font-size: 11pt; margin: 4mm 0 2mm 0; }
table { border-collapse: collapse; margin: 2mm 0; }
td, th { border: 0.5pt solid #999; padding: 1mm 2mm; vertical-align: top; }
img { max-width: 100%; }
.kopie { margin-top: 8mm; border-top: 0.5pt solid #999; padding-top: 2mm; font-size: 9pt; }
"""


def _e(tekst: object) -> str:
    return html.escape(str(tekst or ""))


def html_naar_pdf(
    inhoud_html: str, *, afzender: dict[str, str], titel: str, kopie_aan: str
) -> bytes:
    """The letter body in the house style, with letterhead, as PDF bytes."""
    regels = [afzender.get(k, "") for k in ("adres", "postcode_plaats", "telefoon", "email")]
    kopie = f'<p class="kopie">Kopie aan: {_e(kopie_aan)}</p>' if kopie_aan else ""
    document = (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{_e(titel)}</title><style>{HUISSTIJL}</style></head><body>"
        '<header class="briefhoofd">'
        f'<p class="briefhoofd__naam">{_e(afzender.get("naam"))}</p>'
        + "".join(f"<p>{_e(r)}</p>" for r in regels if r)
        + f"</header><main>{inhoud_html}</main>{kopie}</body></html>"
    )
    ophaler = URLFetcher(allowed_protocols={"data"}, timeout=5)
    return HTML(string=document, url_fetcher=ophaler).write_pdf()


def maak_pdf(sjabloon: bytes, context: dict[str, Any]) -> bytes:
    """Template + context (from `plaatshouders.maak_context`) -> the letter as PDF."""
    ingevuld = vul_docx(sjabloon, context)
    return html_naar_pdf(
        docx_naar_html(ingevuld),
        afzender=context["afzender"],
        titel=context["onderwerp"],
        kopie_aan=context.get("kopie_aan", ""),
    )


def controleer_sjabloon(inhoud: bytes, soort: str, naam: str = "het bestand") -> None:
    """All checks of an uploaded template: the file, its placeholders, a test render with
    fictitious data (catches what only shows when rendering, e.g. `m.naam` in a loop)."""
    controleer_docx_bestand(inhoud, naam)
    controleer_plaatshouders(inhoud, soort)
    maak_pdf(inhoud, maak_context(voorbeeldfeiten(soort)))
