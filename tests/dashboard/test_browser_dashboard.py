"""In Chromium: every tab of the dashboard and the list of werkprocessen behind a number pass
axe (WCAG 2.1 AA) with no CSP violation or failed request, for a teammanager of two
gemeenten; the tabs are reached with the keyboard; the charts keep their colours under the
strict CSP and fit a small screen. One browser start, one page load per page."""

from __future__ import annotations

import pytest
from dashboardwereld import A, B, bouw

from chromium import ARTEFACTEN, BROWSERTEST, chromium_dat_kan_stoppen, controleer, nieuwe_pagina
from leerplicht.dashboard.onderwerpen import ONDERWERPEN
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente
from toegang.toegangswereld import aangemeld, maak_gebruiker

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


@pytest.fixture
def sessie(tmp_path) -> tuple[str, str]:
    """The data of dashboardwereld.py and the session cookie of a teammanager of both."""
    wereld = bouw(tmp_path / "set")
    gebruiker = maak_gebruiker(
        "teammanager", Rol.TEAMMANAGER, list(Gemeente.objects.filter(code__in=[A, B]))
    )
    return aangemeld(gebruiker).cookies["sessionid"].value, wereld.jaar.naam


@pytest.fixture
def chromium(sessie):  # after the data: Playwright makes the thread "async"
    yield from chromium_dat_kan_stoppen()


def _focus_door_tab(pagina, hoeveel: int) -> list[str]:
    """The href of every element the Tab key reaches, from the top of the page."""
    hrefs = []
    for _ in range(hoeveel):
        pagina.keyboard.press("Tab")
        hrefs.append(pagina.evaluate("document.activeElement.getAttribute('href') || ''"))
    return hrefs


def test_dashboard_toegankelijk_met_toetsenbord_en_grafieken(live_server, sessie, chromium):
    cookie, jaar = sessie
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina = nieuwe_pagina(chromium)
    pagina.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])

    pagina.goto(f"{live_server.url}/dashboard/?schooljaar={jaar}")
    controleer(pagina)
    # Keyboard: every tab is reached with Tab, and Enter opens it.
    bereikt = _focus_door_tab(pagina, 40)
    for slug in ONDERWERPEN:
        assert any(h.startswith(f"/dashboard/{slug}/") for h in bereikt), slug
    pagina.locator(".dashboard-tabs a", has_text="Meldingen").focus()
    pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/dashboard/meldingen/**")

    def bekijk(slug: str) -> None:
        controleer(pagina)
        huidig = pagina.locator('.dashboard-tabs a[aria-current="page"]')
        assert huidig.inner_text() == ONDERWERPEN[slug].titel
        assert pagina.locator("table").count() == pagina.locator("table caption").count() > 0
        assert pagina.locator("th:not([scope])").count() == 0
        assert pagina.locator("svg[role=img]").count() == 2, slug
        pagina.screenshot(path=str(ARTEFACTEN / f"dashboard-{slug}.png"), full_page=True)

    bekijk("meldingen")
    for slug in ONDERWERPEN:
        if slug != "meldingen":
            pagina.goto(f"{live_server.url}/dashboard/{slug}/?schooljaar={jaar}")
            bekijk(slug)
        if slug == "leerlingen":
            # The chart's colours are SVG attributes, which the CSP allows.
            kleur = pagina.evaluate(
                "getComputedStyle(document.querySelector('svg [fill=\"#154273\"]')).fill"
            )
            assert kleur == "rgb(21, 66, 115)"
            doorklik = pagina.locator("table#werkprocessen tbody a").first.get_attribute("href")

    pagina.set_viewport_size({"width": 320, "height": 640})
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 320
    pagina.set_viewport_size({"width": 1280, "height": 900})

    pagina.goto(f"{live_server.url}{doorklik}")
    controleer(pagina)
    assert pagina.locator("table#werkprocessen tbody tr").count() > 0
    pagina.screenshot(path=str(ARTEFACTEN / "dashboard-werkprocessen.png"), full_page=True)
    pagina.context.close()
