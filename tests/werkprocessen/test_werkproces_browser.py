"""In Chromium: the werkproces page passes axe (WCAG 2.1 AA), with and without an error, and
the forms work with the keyboard alone, through htmx."""

from __future__ import annotations

import pytest

from chromium import ARTEFACTEN, BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from leerplicht.werkprocessen.models import Notitie, Werkproces
from toegankelijkheid import axe_overtredingen
from werkprocessen.werkproceszaak import Zaak

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


def test_werkproces_met_toetsenbord_en_axe(live_server, zaak: Zaak):
    w = zaak.werkproces.pk
    sessie = zaak.teammanager.cookies["sessionid"].value
    ARTEFACTEN.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            context.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
            pagina = context.new_page()
            fouten: list[str] = []
            pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
            pagina.goto(f"{live_server.url}/werkprocessen/{w}/")
            assert pagina.locator("h1").inner_text() == f"Werkproces {w}"
            assert axe_overtredingen(pagina) == []

            # Closing without a resultaat, by keyboard: the message in place (htmx swap).
            pagina.get_by_label("Sluitdatum").focus()
            pagina.keyboard.press("Enter")
            melding = pagina.get_by_role("alert").filter(has_text="Kies een resultaat")
            melding.first.wait_for()
            assert axe_overtredingen(pagina) == []

            # A note, typed and sent with the keyboard.
            pagina.get_by_label("Notitie", exact=True).fill("Moeder gebeld")
            pagina.get_by_role("button", name="Notitie opslaan").focus()
            pagina.keyboard.press("Enter")
            pagina.get_by_text("De notitie is opgeslagen.").wait_for()
            pagina.screenshot(path=str(ARTEFACTEN / "werkproces.png"), full_page=True)
            assert not [f for f in fouten if "Content Security Policy" in f], fouten
        finally:
            browser.close()
    # The database after the browser (Playwright's loop makes this thread "async").
    assert Werkproces.objects.get(pk=w).gesloten is None
    assert Notitie.objects.filter(werkproces_id=w, tekst="Moeder gebeld").exists()
