"""In Chromium: the pages of issue 13 pass axe (WCAG 2.1 AA) and work with the keyboard:
recording the facts that end a leerplicht early (with an error shown in place and then
saved), and the list of meldingen that came late, per school."""

from __future__ import annotations

import pytest
from django.utils import timezone
from toegangswereld import aangemeld, bouw_wereld

from chromium import ARTEFACTEN, BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from leerplicht.domein.rollen import Rol
from toegankelijkheid import axe_overtredingen

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


def test_leerplichtfeiten_en_te_laat_per_school(live_server):
    wereld = bouw_wereld()
    sessie = aangemeld(wereld.gebruikers[Rol.ADMINISTRATIEF_MEDEWERKER]).cookies["sessionid"]
    ARTEFACTEN.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            context.add_cookies(
                [{"name": "sessionid", "value": sessie.value, "url": live_server.url}]
            )
            pagina = context.new_page()
            csp: list[str] = []
            pagina.on(
                "console",
                lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None,
            )

            pagina.goto(f"{live_server.url}/personen/EIGENKIND/leerplichtfeiten/")
            assert pagina.locator("h1").inner_text() == "Einde leerplicht vastleggen"
            assert axe_overtredingen(pagina) == []

            # Twelve school years end on 31 July: another date is refused, in place.
            pagina.get_by_label("Twaalf volledige schooljaren voltooid op").fill("2025-06-30")
            pagina.get_by_label("Bron twaalf schooljaren").fill("opgave school")
            pagina.keyboard.press("Enter")
            pagina.get_by_text("31 juli").first.wait_for()
            assert axe_overtredingen(pagina) == []

            # On 31 July, but impossible for a 12 year old: refused, with the earliest date.
            pagina.get_by_label("Twaalf volledige schooljaren voltooid op").fill("2025-07-31")
            pagina.keyboard.press("Enter")
            pagina.get_by_text("op zijn vroegst op").first.wait_for()
            assert axe_overtredingen(pagina) == []

            pagina.get_by_label("Twaalf volledige schooljaren voltooid op").fill("")
            pagina.get_by_label("Bron twaalf schooljaren").fill("")
            pagina.get_by_label("Kwalificatieplicht vervallen op").fill(
                timezone.localdate().isoformat()
            )
            pagina.get_by_label("Grond vervallen kwalificatieplicht").select_option("pro")
            pagina.get_by_label("Bron vervallen kwalificatieplicht").fill("certificaat pro")
            pagina.get_by_role("button", name="Opslaan").focus()
            pagina.keyboard.press("Enter")
            pagina.wait_for_url(f"{live_server.url}/personen/EIGENKIND/")
            assert pagina.get_by_text("art. 4a lid 2").first.is_visible()
            assert axe_overtredingen(pagina) == []
            pagina.screenshot(path=str(ARTEFACTEN / "dossier-feiten.png"), full_page=True)

            pagina.goto(f"{live_server.url}/meldingen/te-laat-per-school/")
            assert pagina.locator("h1").inner_text() == "Te laat gemeld per school"
            assert axe_overtredingen(pagina) == []
            assert csp == [], csp
        finally:
            browser.close()
