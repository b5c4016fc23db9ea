"""Hardening: security headers, a strict CSP that the templates keep, cookies, CSRF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from aanmeldfabrieken import GebruikerFactory, met_wachtwoord

import leerplicht

pytestmark = pytest.mark.django_db

BRON = Path(leerplicht.__file__).parent


def richtlijnen(kop: str) -> dict[str, list[str]]:
    uit = {}
    for deel in kop.split(";"):
        naam, *waarden = deel.split()
        uit[naam] = waarden
    return uit


@pytest.mark.parametrize("pad", ["/inloggen/", "/"])
def test_koppen_op_elke_pagina(client, pad):
    met_wachtwoord(client, GebruikerFactory()) if pad == "/" else None
    antwoord = client.get(pad)
    assert antwoord.status_code == 200
    csp = richtlijnen(antwoord["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in antwoord["Content-Security-Policy"]
    assert "'unsafe-eval'" not in antwoord["Content-Security-Policy"]
    assert antwoord["X-Frame-Options"] == "DENY"
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Referrer-Policy"] == "same-origin"
    assert antwoord["Cross-Origin-Opener-Policy"] == "same-origin"


def test_ook_op_foutpaginas(client):
    antwoord = client.get("/bestaat-niet/")
    assert "Content-Security-Policy" in antwoord
    assert antwoord["X-Frame-Options"] == "DENY"


def test_cookies_httponly_en_samesite(client):
    client.get("/inloggen/")
    csrf = client.cookies["csrftoken"]
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"
    met_wachtwoord(client, GebruikerFactory())
    sessie = client.cookies["sessionid"]
    assert sessie["httponly"] is True
    assert sessie["samesite"] == "Lax"


def sjablonen_en_statisch() -> list[Path]:
    """Templates and scripts of pages the app serves. Not: vendored files, and the
    standalone documents (`*_document.html`: the jaarverslag or infographic as a file and as
    the source of its PDF), which carry their CSS inside because they must stand alone and
    are only ever sent as a download (Content-Disposition: attachment), never as a page."""
    return sorted(
        p
        for p in BRON.rglob("*")
        if p.suffix in {".html", ".js"}
        and "vendor" not in p.parts
        and not p.name.endswith("_document.html")
        and p.is_file()
    )


INLINE = [
    (re.compile(r"\sstyle\s*=", re.I), "inline style-attribuut"),
    (re.compile(r"<style", re.I), "<style>-blok"),
    (re.compile(r"<script(?![^>]*\ssrc=)", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event-handler"),
    (re.compile(r"javascript:", re.I), "javascript:-link"),
]


def test_sjablonen_houden_zich_aan_de_csp():
    bestanden = sjablonen_en_statisch()
    assert any(p.name == "basis.html" for p in bestanden)
    fouten = [
        f"{p.relative_to(BRON)}: {uitleg}"
        for p in bestanden
        for patroon, uitleg in INLINE
        if patroon.search(p.read_text(encoding="utf-8"))
    ]
    assert not fouten, fouten


def test_controle_vindt_inline_stijl(tmp_path):
    """The check above can fail: it finds each kind of inline code."""
    for voorbeeld in [
        '<p style="color:red">',
        "<style>p{}</style>",
        "<script>alert(1)</script>",
        '<a onclick="x()">',
        '<a href="javascript:x()">',
    ]:
        assert any(p.search(voorbeeld) for p, _ in INLINE), voorbeeld
    assert not any(p.search('<script src="/static/x.js"></script>') for p, _ in INLINE)


def test_geen_csrf_uitzonderingen():
    for pad in BRON.rglob("*.py"):
        assert "csrf_exempt" not in pad.read_text(encoding="utf-8"), pad
