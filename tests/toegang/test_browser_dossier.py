"""In Chromium: search a person by BSN with the keyboard, open the dossier; the BSN never
appears in an address, and the page reflows on a small screen."""

from __future__ import annotations

import pytest
from toegangswereld import aangemeld, bouw_wereld

from chromium import ARTEFACTEN, BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Document

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


def test_zoeken_op_bsn_en_dossier_openen(live_server):
    wereld = bouw_wereld()
    bsn = wereld.personen["eigen_kind"].persoon.bsn
    # Signed in as after password and second factor (signing in itself: tests/aanmelden).
    sessie = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).cookies["sessionid"].value
    ARTEFACTEN.mkdir(exist_ok=True)
    # A table for the documents too, when an area's world gave the person any.
    documenten = Document.objects.filter(persoon_id="EIGENKIND").exists()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            context.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
            pagina = context.new_page()
            adressen: list[str] = []
            pagina.on("request", lambda r: adressen.append(r.url))

            pagina.goto(f"{live_server.url}/")
            pagina.get_by_role("link", name="Zoeken", exact=True).click()
            assert pagina.title() == "Persoon zoeken - Leerplicht"
            pagina.get_by_label("Zoekterm").fill(bsn)
            pagina.keyboard.press("Enter")

            pagina.wait_for_url(f"{live_server.url}/personen/EIGENKIND/")
            assert pagina.locator("h1").inner_text() == "Dossier persoon EIGENKIND"
            assert pagina.get_by_text(bsn, exact=True).is_visible()
            assert pagina.locator("table caption").count() == 5 + documenten
            assert not [a for a in adressen if bsn in a], adressen
            pagina.screenshot(path=str(ARTEFACTEN / "dossier.png"), full_page=True)

            pagina.set_viewport_size({"width": 320, "height": 640})
            assert pagina.evaluate("document.documentElement.scrollWidth") <= 320

            # Another gemeente's person: not found, and the typed BSN is not shown again.
            ander = wereld.personen["ander_kind"].persoon.bsn
            pagina.goto(f"{live_server.url}/personen/")
            pagina.get_by_label("Zoekterm").fill(ander)
            pagina.get_by_role("button", name="Zoeken").click()
            assert pagina.get_by_role("status").inner_text().startswith("Geen persoon gevonden")
            assert pagina.get_by_label("Zoekterm").input_value() == ""
        finally:
            browser.close()
