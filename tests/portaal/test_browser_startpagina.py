"""In Chromium: sign in with the keyboard only, see the start page, keep a screenshot."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from fabrieken import WACHTWOORD, kleine_regio

from chromium import ARTEFACTEN, BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from leerplicht.domein.rollen import Rol
from leerplicht.portaal.kerncijfers import KERNCIJFERS
from leerplicht.register.models import Gemeente
from leerplicht.toegang.models import Medewerker

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


def actief(pagina) -> dict:
    return pagina.evaluate(
        """() => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            return {tag: e.tagName.toLowerCase(), id: e.id, tekst: e.textContent.trim(),
                    outline: s.outlineStyle, achtergrond: s.backgroundColor};
        }"""
    )


def test_inloggen_met_toetsenbord_en_startpagina(live_server):
    jaar = kleine_regio()
    # A beleidsmedewerker of both gemeenten: sees the figures and signs in without a second
    # factor (the second factor in a browser: tests/aanmelden).
    beleid = get_user_model().objects.create_user("beleid", password=WACHTWOORD)
    Medewerker.objects.create(gebruiker=beleid, rol=Rol.BELEIDSMEDEWERKER).gemeenten.set(
        Gemeente.objects.all()
    )
    ARTEFACTEN.mkdir(exist_ok=True)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pagina = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            mislukt: list[str] = []
            pagina.on(
                "response",
                lambda r: mislukt.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )
            pagina.goto(f"{live_server.url}/")
            assert pagina.url == f"{live_server.url}/inloggen/?next=/"
            assert pagina.title() == "Inloggen - Leerplicht"

            # First Tab: the skip link, visibly focused; Enter moves to the main content.
            pagina.keyboard.press("Tab")
            skiplink = actief(pagina)
            assert skiplink["tekst"] == "Direct naar de inhoud"
            assert skiplink["achtergrond"] == "rgb(255, 221, 0)"
            pagina.keyboard.press("Enter")
            assert actief(pagina)["id"] == "inhoud"

            pagina.keyboard.press("Tab")
            veld = actief(pagina)
            assert veld["id"] == "id_username"
            assert veld["outline"] != "none"
            pagina.keyboard.type("beleid")
            pagina.keyboard.press("Tab")
            assert actief(pagina)["id"] == "id_password"
            pagina.keyboard.type(WACHTWOORD)
            pagina.keyboard.press("Enter")

            pagina.wait_for_url(f"{live_server.url}/")
            assert pagina.title() == "Leerplicht"
            assert pagina.locator("h1").inner_text() == "Leerplicht"
            assert pagina.get_by_text("Ingelogd als").is_visible()

            leerlingen = pagina.locator("table#leerlingen")
            assert leerlingen.locator("caption").inner_text() == "Leerlingen"
            totaal = leerlingen.locator("tfoot tr").inner_text().split("\t")
            assert [c.strip() for c in totaal] == ["Totaal", "1.213", "1.212", "+0,08%"]
            assert pagina.locator("table").count() == len(KERNCIJFERS)
            # Numbers are right-aligned.
            uitlijning = leerlingen.locator("tbody td").first.evaluate(
                "e => getComputedStyle(e).textAlign"
            )
            assert uitlijning == "right"
            assert jaar.naam in leerlingen.locator("thead").inner_text()
            assert not mislukt, mislukt

            pagina.screenshot(path=str(ARTEFACTEN / "startpagina.png"), full_page=True)

            # On a small screen the page reflows: only a table may scroll, inside its box.
            pagina.set_viewport_size({"width": 320, "height": 640})
            assert pagina.evaluate("document.documentElement.scrollWidth") <= 320
            pagina.screenshot(path=str(ARTEFACTEN / "startpagina-smal.png"))

            # Signing out is a button in a form (POST).
            pagina.get_by_role("button", name="Uitloggen", exact=True).click()
            pagina.wait_for_url(f"{live_server.url}/inloggen/")
        finally:
            browser.close()
