"""In Chromium: the Doorstroompunt's figures screen passes axe (WCAG 2.1 AA) with no CSP
violation or failed request, for the consulent (one gemeente) and the teammanager (two).
One page load per rol: the browser is slow."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from chromium import ARTEFACTEN, BROWSERTEST, chromium_dat_kan_stoppen, controleer, nieuwe_pagina
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.register.models import Gemeente
from toegang.toegangswereld import aangemeld, maak_gebruiker
from uitwisselset import Uitwisselset

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


@pytest.fixture
def chromium(sessies):  # after the data: Playwright makes the thread "async"
    yield from chromium_dat_kan_stoppen()


@pytest.fixture
def sessies(tmp_path) -> dict[str, str]:
    """A few vsv'ers and meldingen 18+ in two gemeenten in the current school year, and the
    session cookies of a consulent (Druten) and a teammanager (both)."""
    jaar = Schooljaar.van_datum(timezone.localdate())
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    s.gemeente("GM0296", "Wijchen")
    for gemeente in ("GM0225", "GM0296"):
        p = s.persoon(f"{jaar.beginjaar - 19}-03-01", gemeente=gemeente)
        for dagen in (0, 5):
            datum = (jaar.begin + timedelta(days=dagen)).isoformat()
            s.voeg_toe(
                "vsv.csv", id=s.volgend_id("V"), persoon=p, gemeente=gemeente, uitgeschreven=datum
            )
            s.melding(p, datum, "18plus", gemeente=gemeente, actie_gewenst=True)
    s.importeer(tmp_path / "set")
    druten = list(Gemeente.objects.filter(code="GM0225"))
    beide = list(Gemeente.objects.all())
    return {
        "consulent": aangemeld(maak_gebruiker("consulent", Rol.CONSULENT_DOORSTROOMPUNT, druten))
        .cookies["sessionid"]
        .value,
        "teammanager": aangemeld(maak_gebruiker("teammanager", Rol.TEAMMANAGER, beide))
        .cookies["sessionid"]
        .value,
    }


def test_cijferpagina_toegankelijk_voor_consulent_en_teammanager(live_server, sessies, chromium):
    ARTEFACTEN.mkdir(exist_ok=True)
    for rol, sessie in sessies.items():
        pagina = nieuwe_pagina(chromium)
        pagina.context.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
        pagina.goto(f"{live_server.url}/doorstroompunt/cijfers/")
        controleer(pagina)
        assert pagina.locator("h1").inner_text() == "Cijfers Doorstroompunt"
        tabellen = pagina.locator("table")
        assert tabellen.count() == 8
        assert pagina.locator("table caption").count() == 8
        assert pagina.locator("th:not([scope])").count() == 0
        rijen = pagina.locator("table#vsv-nieuw tbody tr")
        assert rijen.count() == (1 if rol == "consulent" else 2), rol
        totaal = pagina.locator("table#vsv-nieuw tfoot tr").inner_text().split("\t")
        verwacht = "2" if rol == "consulent" else "4"
        assert [c.strip() for c in totaal][:2] == ["Totaal", verwacht], rol
        pagina.screenshot(path=str(ARTEFACTEN / f"dsp-cijfers-{rol}.png"), full_page=True)
        # On a small screen only a table scrolls, inside its box.
        pagina.set_viewport_size({"width": 320, "height": 640})
        assert pagina.evaluate("document.documentElement.scrollWidth") <= 320
        pagina.context.close()
