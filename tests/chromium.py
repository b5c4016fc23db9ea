"""Shared set-up of the browser tests: Debian's Chromium, headless, driven by Playwright."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
#: Without the background-networking flags Chromium keeps calling out on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTEFACTEN = Path(__file__).resolve().parents[1] / "test-artefacten"

#: `pytestmark` of every browser test module.
BROWSERTEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium") == CHROMIUM),
        reason=f"Chromium ontbreekt op {CHROMIUM} (apt-get install -y chromium)",
    ),
]


# --- the journeys' shared set-up (tests/reis, tests/doorstroompunt) -------------------------


@dataclass
class Chromium:
    browser: object
    stop: object


def chromium_dat_kan_stoppen():
    """Chromium that a test can stop halfway (`stop()`), so it can use the ORM afterwards:
    Playwright's event loop makes the thread "async" while it runs. A generator for a
    pytest fixture (`yield from chromium_dat_kan_stoppen()`)."""
    from playwright import sync_api

    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    gestopt = False

    def stop() -> None:
        nonlocal gestopt
        if not gestopt:
            gestopt = True
            try:
                browser.close()
            finally:
                playwright.stop()

    try:
        yield Chromium(browser, stop)
    finally:
        stop()


def nieuwe_pagina(chromium: Chromium):
    """A fresh browser profile; collects CSP violations, script errors and failed requests."""
    context = chromium.browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    pagina.problemen = []
    pagina.bezocht = []
    pagina.on(
        "console",
        lambda m: pagina.problemen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    pagina.on("pageerror", lambda fout: pagina.problemen.append(f"scriptfout: {fout}"))
    pagina.on(
        "response",
        lambda r: pagina.problemen.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    return pagina


def controleer(pagina) -> None:
    """Every page of a journey: no axe violation, no CSP violation, no 4xx/5xx."""
    from toegankelijkheid import axe_overtredingen

    pagina.wait_for_load_state("load")
    pagina.bezocht.append(f"{pagina.title()} ({pagina.url})")
    assert axe_overtredingen(pagina) == [], pagina.url
    assert pagina.problemen == [], pagina.problemen
