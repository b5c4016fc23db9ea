"""In Chromium: a consulent rejects a proposal "geen doelgroep meer" by keyboard. The
overview lists it; on the traject page rejecting without a reason gives a located error in
place (htmx, 400), with a reason the proposal moves to the history. Every state passes axe
(WCAG 2.1 AA) with no CSP violation."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from chromium import BROWSERTEST, chromium_dat_kan_stoppen, controleer, nieuwe_pagina
from leerplicht.domein.rollen import Rol
from leerplicht.doorstroompunt.models import Voorstel
from leerplicht.doorstroompunt.voorstellen import maak_voorstellen
from portaal.fabrieken import GemeenteFactory, PersoonFactory, VsvFactory
from toegang.toegangswereld import aangemeld, maak_gebruiker

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST

REDEN = "De geboortedatum in het register wordt gecorrigeerd."


@pytest.fixture
def zaak() -> tuple[str, str]:
    """A traject past the age limit with its stored proposal, and a consulent's session."""
    gemeente = GemeenteFactory(code="GM9481", naam="Voorsteldorp")
    persoon = PersoonFactory(
        gemeente=gemeente, geboortedatum=date(timezone.localdate().year - 30, 1, 1)
    )
    vsv = VsvFactory(persoon=persoon, gemeente=gemeente, uitgeschreven=date(2019, 1, 1))
    maak_voorstellen()
    consulent = maak_gebruiker("consulent.voorstel", Rol.CONSULENT_DOORSTROOMPUNT, [gemeente])
    return vsv.pk, aangemeld(consulent).cookies["sessionid"].value


@pytest.fixture
def chromium(zaak):  # after the data: Playwright makes the thread "async"
    yield from chromium_dat_kan_stoppen()


def test_voorstel_afwijzen_met_het_toetsenbord(live_server, zaak, chromium):
    vsv_id, sessie = zaak
    pagina = nieuwe_pagina(chromium)
    pagina.context.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
    pagina.goto(f"{live_server.url}/doorstroompunt/")
    controleer(pagina)
    lijst = pagina.locator("section").filter(has=pagina.locator("h2#voorstellen"))
    link = lijst.get_by_role("link", name=vsv_id)
    link.focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    controleer(pagina)
    assert pagina.get_by_role("heading", name="Voorstel: geen doelgroep meer").is_visible()

    # Without a reason: the error in place, linked to the field.
    afwijzen = pagina.get_by_role("region", name="Voorstel afwijzen", exact=True)
    afwijzen.get_by_role("button", name="Voorstel afwijzen").focus()
    pagina.keyboard.press("Enter")
    pagina.get_by_role("alert").filter(has_text="Schrijf op waarom").first.wait_for()
    pagina.problemen.clear()  # the 400 of the refused form is expected
    controleer(pagina)
    veld = pagina.get_by_label("Waarom wijst u het voorstel af?")
    assert veld.get_attribute("aria-invalid") == "true"

    # With a reason, by keyboard.
    veld.focus()
    pagina.keyboard.type(REDEN)
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    pagina.get_by_role("status").filter(has_text="Voorstel afgewezen.").wait_for()
    controleer(pagina)
    geschiedenis = pagina.locator("section").filter(has=pagina.locator("h2#eerdere-voorstellen"))
    assert REDEN in geschiedenis.inner_text()
    assert pagina.get_by_role("heading", name="Voorstel: geen doelgroep meer").count() == 0
    chromium.stop()

    voorstel = Voorstel.objects.get(vsv_id=vsv_id)
    assert (voorstel.status, voorstel.toelichting) == ("afgewezen", REDEN)
