"""In Chromium: the jaarverslag page of a teammanager (with the edit form of every text block)
and the infographic pass axe (WCAG 2.1 AA) with no CSP violation or failed request; a text
is saved with the keyboard through htmx, which swaps only the block; the infographic fits a
small screen. One browser start, two page loads; screenshots are test artefacts."""

from __future__ import annotations

import pytest
from verslag_webhulp import A, B, bouw

from chromium import ARTEFACTEN, BROWSERTEST, chromium_dat_kan_stoppen, controleer, nieuwe_pagina
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente
from toegang.toegangswereld import aangemeld, maak_gebruiker

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST

EIGEN = "Het team schreef deze inleiding zelf."


@pytest.fixture
def sessie(tmp_path) -> tuple[str, str]:
    """The dashboard's data and the session cookie of a teammanager of both team gemeenten."""
    wereld = bouw(tmp_path / "set")
    gebruiker = maak_gebruiker(
        "teammanager", Rol.TEAMMANAGER, list(Gemeente.objects.filter(code__in=[A, B]))
    )
    return aangemeld(gebruiker).cookies["sessionid"].value, wereld.jaar.naam


@pytest.fixture
def chromium(sessie):  # after the data: Playwright makes the thread "async"
    yield from chromium_dat_kan_stoppen()


def test_jaarverslag_bewerken_en_infographic_toegankelijk(live_server, sessie, chromium):
    cookie, jaar = sessie
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina = nieuwe_pagina(chromium)
    pagina.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])

    pagina.goto(f"{live_server.url}/verslagen/jaarverslag/?schooljaar={jaar}")
    controleer(pagina)
    assert pagina.locator("table").count() == pagina.locator("table caption").count() > 10
    assert pagina.locator("th:not([scope])").count() == 0
    assert pagina.locator("textarea").count() == pagina.locator("[data-tekstblok]").count() > 3

    # Open the introduction's form and save a text with the keyboard only.
    blok = pagina.locator("#tekst-inleiding")
    assert blok.get_attribute("data-staat") == "concept"
    blok.locator("summary").focus()
    pagina.keyboard.press("Enter")
    veld = blok.locator("textarea")
    veld.focus()
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type(EIGEN)
    pagina.keyboard.press("Tab")  # to "Opslaan"
    assert pagina.evaluate("document.activeElement.textContent") == "Opslaan"
    adres = pagina.url
    pagina.keyboard.press("Enter")
    pagina.wait_for_selector('#tekst-inleiding[data-staat="bewerkt"]')
    assert pagina.url == adres  # htmx swapped the block; no new page
    blok = pagina.locator("#tekst-inleiding")
    assert EIGEN in blok.inner_text()
    assert "De tekst is opgeslagen." in blok.locator("[role=status]").inner_text()
    assert pagina.locator("#tekst-inleiding").count() == 1
    controleer(pagina)  # the swapped block too
    pagina.screenshot(path=str(ARTEFACTEN / "jaarverslag-pagina.png"), full_page=False)

    pagina.goto(f"{live_server.url}/verslagen/infographic/?schooljaar={jaar}&gemeente={A}")
    controleer(pagina)
    assert pagina.locator(".infographic-tegel").count() >= 8
    # The numbers are text (no images); the change is in words for screen readers.
    assert pagina.locator(".infographic img, .infographic svg").count() == 0
    woorden = pagina.locator(".infographic-voor-schermlezers").all_inner_texts()
    assert all(w.strip().startswith(("Gestegen", "Gedaald", "Gelijk")) for w in woorden), woorden
    pagina.screenshot(path=str(ARTEFACTEN / "infographic-pagina.png"), full_page=True)
    pagina.set_viewport_size({"width": 320, "height": 640})
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 320
    pagina.screenshot(path=str(ARTEFACTEN / "infographic-smal.png"), full_page=True)
    pagina.context.close()
