"""In Chromium: the letter form and the template page pass axe (WCAG 2.1 AA), a letter is
sent with the keyboard, and a refused upload shows its message."""

from __future__ import annotations

import pytest
from django.test import Client

from brieven.brief_hulp import maak_medewerker, maak_zaak
from brieven.test_brief_weergave import docx_met
from chromium import BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Document
from toegankelijkheid import axe_overtredingen

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


def _pagina(p, live_server, sessie):
    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
    return browser, context.new_page()


def test_brief_versturen_met_het_toetsenbord(live_server, met_tweede_factor, tmp_path):
    zaak = maak_zaak()
    lpa = maak_medewerker("lpa", Rol.LEERPLICHTAMBTENAAR, zaak.gemeente)
    sessie = met_tweede_factor(Client(), lpa).cookies["sessionid"].value
    with sync_api.sync_playwright() as p:
        browser, pagina = _pagina(p, live_server, sessie)
        try:
            pagina.goto(f"{live_server.url}/brieven/werkproces/{zaak.werkproces.pk}/")
            assert axe_overtredingen(pagina) == []
            pagina.get_by_label("Soort brief").select_option("kennisgevingsbrief")
            pagina.get_by_label("Aan (naam)").fill("Familie Jansen")
            pagina.get_by_label("Adres").fill("Kerkstraat 12\n4001 AB Tiel")
            pagina.get_by_label("Naam van de leerling").fill("Noor Jansen")
            pagina.get_by_role("button", name="Brief maken en opslaan").focus()
            pagina.keyboard.press("Enter")
            pagina.wait_for_url(f"{live_server.url}/werkprocessen/{zaak.werkproces.pk}/")
            assert pagina.get_by_text("is gemaakt en opgeslagen in het dossier").is_visible()

            # A missing field: the message is announced and the page still passes axe.
            pagina.goto(f"{live_server.url}/brieven/werkproces/{zaak.werkproces.pk}/")
            pagina.get_by_label("Soort brief").select_option("uitnodiging")
            pagina.get_by_role("button", name="Brief maken en opslaan").click()
            assert pagina.title().startswith("Fout:")
            assert pagina.get_by_role("alert").first.is_visible()
            assert axe_overtredingen(pagina) == []
        finally:
            browser.close()
    # (No ORM inside Playwright's sync API: it runs an event loop.)
    assert Document.objects.filter(werkproces=zaak.werkproces).count() == 1


def test_sjabloonpagina_en_een_geweigerde_upload(live_server, met_tweede_factor, tmp_path):
    beheerder = maak_medewerker("beheer", Rol.APPLICATIEBEHEERDER)
    sessie = met_tweede_factor(Client(), beheerder).cookies["sessionid"].value
    fout = tmp_path / "sjabloon.docx"
    fout.write_bytes(docx_met("Beste {{ leerling.roepnaam }}"))
    with sync_api.sync_playwright() as p:
        browser, pagina = _pagina(p, live_server, sessie)
        try:
            pagina.goto(f"{live_server.url}/brieven/")
            assert axe_overtredingen(pagina) == []
            pagina.get_by_label("Nieuwe versie van waarschuwingsbrief (.docx)").set_input_files(
                str(fout)
            )
            pagina.get_by_role("button", name="Uploaden (Waarschuwingsbrief)").click()
            melding = pagina.get_by_role("alert")
            assert "leerling.roepnaam" in melding.inner_text()
            assert axe_overtredingen(pagina) == []
        finally:
            browser.close()
