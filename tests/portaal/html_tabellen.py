"""Reading the tables of a rendered page, for the portaal tests."""

from __future__ import annotations

from html.parser import HTMLParser


class _Tabellen(HTMLParser):
    """Collects the text of every cell of every <table id=...>, skipping screen-reader-only text."""

    def __init__(self) -> None:
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self.captions: dict[str, str] = {}
        self._tabel: str | None = None
        self._cel: list[str] | None = None
        self._caption: list[str] | None = None
        self._verborgen = 0
        self._diepte = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._verborgen:
            self._verborgen += 1
        elif "portaal-voor-schermlezers" in (a.get("class") or "").split():
            self._verborgen = 1
        if tag == "table":
            self._tabel = a.get("id")
            self.tabellen[self._tabel] = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._tabel:
            self.tabellen[self._tabel].append([])
        elif tag in ("td", "th") and self._tabel:
            self._cel = []

    def handle_endtag(self, tag):
        if self._verborgen:
            self._verborgen -= 1
        if tag == "table":
            self._tabel = None
        elif tag == "caption" and self._caption is not None:
            self.captions[self._tabel] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cel is not None:
            self.tabellen[self._tabel][-1].append(" ".join("".join(self._cel).split()))
            self._cel = None

    def handle_data(self, data):
        if self._verborgen:
            return
        if self._cel is not None:
            self._cel.append(data)
        if self._caption is not None:
            self._caption.append(data)


def tabellen(html: str) -> tuple[dict[str, list[list[str]]], dict[str, str]]:
    """{table id: rows of cell texts}, {table id: caption}."""
    parser = _Tabellen()
    parser.feed(html)
    return parser.tabellen, parser.captions
