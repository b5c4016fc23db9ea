"""The jaarverslag as a tagged PDF (PDF/UA-1): the same HTML as the file, laid out by
WeasyPrint with the print style (verslagen/static/verslagen/afdruk.css).

Accessible: WeasyPrint tags headings, paragraphs, lists, tables (TH with scope, TD with
their headers), figures (the SVG's <title> as alternate text) and captions; the document
language (html lang="nl") and the title are in the catalog and the XMP metadata.

Reproducible: the creation date is the report's peildatum (`dcterms.created` in the HTML),
never the moment of writing, and the file identifier is a hash of the content, so the same
report gives the same bytes. The fonts are the installed Open Sans (Debian
fonts-open-sans) with DejaVu Sans as fallback, embedded as subsets.
"""

from __future__ import annotations

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

from .document import Verslag
from .html import html_document

OPTIES: dict[str, object] = {
    # Sets pdf_tags, PDF 1.7 and the pdfuaid:part 1 XMP entry (weasyprint.pdf.pdfua).
    "pdf_variant": "pdf/ua-1",
    # /ID from the md5 of the content: present, and the same for the same report.
    "pdf_identifier": True,
}


def _ophaler() -> URLFetcher:
    # The document is self-contained (inline CSS and SVG): fetch nothing from anywhere.
    return URLFetcher(allowed_protocols={"data"}, timeout=5)


def opmaak(html: str) -> Document:
    """The pages of an HTML document from `html.html_document` (the print style is in it)."""
    return HTML(string=html, url_fetcher=_ophaler()).render(**OPTIES)


def opgemaakt(verslag: Verslag) -> Document:
    """The laid-out pages of the report (for `pdf`, and for tests that measure the layout)."""
    return opmaak(html_document(verslag))


def als_pdf(paginas: Document) -> bytes:
    """Laid-out pages as PDF/UA-1 bytes (tags, metadata, fonts embedded as subsets)."""
    return paginas.write_pdf(**OPTIES)


def pdf(verslag: Verslag) -> bytes:
    """The report as PDF/UA-1 bytes."""
    return als_pdf(opgemaakt(verslag))


def html_naar_pdf(html: str) -> bytes:
    """Another standalone document (e.g. the infographic) as PDF/UA-1, laid out and tagged
    the same way: it must carry its own CSS and fetch nothing."""
    return als_pdf(opmaak(html))
