"""Shared set-up of the browser tests: Debian's Chromium, headless, driven by Playwright.

Also the one rule for missing tools (Chromium, Playwright, pdftoppm): a developer's own
`pytest tests/x` skips the tests that need them; with LEERPLICHT_TEST_GEREEDSCHAP_VERPLICHT=1
(`scripts/testen`, so `make test`, sets it) a missing tool is a failure, never a skip."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

#: The switch; `scripts/testen` sets it. Any value but empty or 0 switches it on.
VERPLICHT = "LEERPLICHT_TEST_GEREEDSCHAP_VERPLICHT"
#: How to get each tool (Debian 12).
INSTALLEREN = {
    "chromium": "apt-get install -y chromium (of: make install)",
    "playwright": "make install (pip install -r requirements.lock)",
    "pdftoppm": "apt-get install -y poppler-utils (of: make install)",
}

#: Another path only to test the rule (tests/test_gereedschap_verplicht.py).
CHROMIUM = os.environ.get("LEERPLICHT_CHROMIUM") or "/usr/bin/chromium"
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
]
#: Every test marked `browser` needs Chromium and Playwright: tests/conftest.py calls
#: `vereis_browser()` before it runs.


# --- missing tools: skip, or with the switch fail ------------------------------------------


def gereedschap_verplicht() -> bool:
    return os.environ.get(VERPLICHT, "") not in ("", "0")


def ontbreekt_melding(gereedschap: str, waar: str = "") -> str:
    return f"{gereedschap} ontbreekt{waar}; installeer: {INSTALLEREN[gereedschap]}"


def ontbreekt(gereedschap: str, waar: str = "", overslaan: bool = True) -> None:
    """A tool is missing: with the switch the test fails; without it the test is skipped
    (or, with `overslaan=False`, goes on without that part)."""
    melding = ontbreekt_melding(gereedschap, waar)
    if gereedschap_verplicht():
        pytest.fail(
            f"{melding}. Met {VERPLICHT}=1 (make test) is een ontbrekend hulpmiddel een "
            "fout: de test zou anders niets controleren.",
            pytrace=False,
        )
    if overslaan:
        pytest.skip(melding)


def vereis_browser() -> None:
    """Chromium at CHROMIUM and Playwright importable."""
    if not os.access(CHROMIUM, os.X_OK):
        ontbreekt("chromium", f" op {CHROMIUM}")
    if not playwright_aanwezig():
        ontbreekt("playwright", " (Python-pakket)")


def playwright_aanwezig() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def pdftoppm(overslaan: bool = True) -> str | None:
    """The path of pdftoppm (LEERPLICHT_PDFTOPPM, else on PATH). Missing: see `ontbreekt`;
    with `overslaan=False` and without the switch, None."""
    pad = os.environ.get("LEERPLICHT_PDFTOPPM") or shutil.which("pdftoppm")
    if pad and os.access(pad, os.X_OK):
        return pad
    ontbreekt("pdftoppm", f" ({pad})" if pad else " (niet op PATH)", overslaan=overslaan)
    return None


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
