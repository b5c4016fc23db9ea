"""In Chromium: password + TOTP code signs in; skipping the code reaches no page at all."""

from __future__ import annotations

from base64 import b32decode
from datetime import date

import pytest
from aanmeldfabrieken import WACHTWOORD, MedewerkerFactory, TotpFactory, code_van
from django_otp.oath import totp

from chromium import ARTEFACTEN, BROWSERTEST, CHROMIUM, CHROMIUM_ARGS
from leerplicht.domein.rollen import Rol
from portaal.fabrieken import GemeenteFactory, PersoonFactory

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def nieuwe_pagina(browser):
    """A fresh browser profile; collects CSP violations and failed requests."""
    pagina = browser.new_context(locale="nl-NL").new_page()
    pagina.problemen = []
    pagina.on(
        "console",
        lambda m: pagina.problemen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    pagina.on(
        "response",
        lambda r: pagina.problemen.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    return pagina


def wachtwoord(pagina, url: str, naam: str) -> None:
    pagina.goto(url)
    pagina.get_by_label("Gebruikersnaam").fill(naam)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen", exact=True).click()


@pytest.fixture
def lpa_met_dossier(db):
    gemeente = GemeenteFactory(code="GM9201", naam="Brugdorp")
    lpa = MedewerkerFactory(rol=Rol.LEERPLICHTAMBTENAAR, gebruiker__username="lpa.jansen")
    lpa.gemeenten.add(gemeente)
    persoon = PersoonFactory(gemeente=gemeente, geboortedatum=date(2013, 2, 17))
    return lpa.gebruiker, persoon


@pytest.fixture
def apparaat(lpa_met_dossier):
    """Made before the browser starts: no database calls inside Playwright's event loop."""
    return TotpFactory(user=lpa_met_dossier[0])


def test_wachtwoord_en_code_uit_de_app(live_server, lpa_met_dossier, apparaat, browser):
    _, persoon = lpa_met_dossier
    pagina = nieuwe_pagina(browser)

    wachtwoord(pagina, f"{live_server.url}/personen/{persoon.id}/", "lpa.jansen")
    pagina.wait_for_url(f"{live_server.url}/inloggen/code/**")
    assert pagina.title() == "Code invoeren - Leerplicht"
    pagina.get_by_label("Code", exact=True).fill(code_van(apparaat))
    pagina.get_by_role("button", name="Bevestigen").click()

    pagina.wait_for_url(f"{live_server.url}/personen/{persoon.id}/")
    assert pagina.get_by_text("Ingelogd als").is_visible()
    assert "17-02-2013" in pagina.content() or "17 februari 2013" in pagina.content()
    assert not pagina.problemen, pagina.problemen


def test_tweede_factor_overslaan_lukt_niet(live_server, lpa_met_dossier, apparaat, browser):
    _, persoon = lpa_met_dossier
    pagina = nieuwe_pagina(browser)
    wachtwoord(pagina, f"{live_server.url}/inloggen/", "lpa.jansen")
    pagina.wait_for_url(f"{live_server.url}/inloggen/code/**")

    # Typing the addresses by hand: every page sends back to the code.
    for pad in ["/", f"/personen/{persoon.id}/", "/personen/", "/audit/"]:
        pagina.goto(f"{live_server.url}{pad}")
        assert pagina.url.startswith(f"{live_server.url}/inloggen/code/"), pad
        assert pagina.title() == "Code invoeren - Leerplicht", pad
        html = pagina.content()
        assert "17-02-2013" not in html
        assert "2013" not in pagina.locator("main").inner_text()

    # Signing out works without the code.
    pagina.get_by_role("button", name="Stoppen en uitloggen").click()
    pagina.wait_for_url(f"{live_server.url}/inloggen/")
    pagina.goto(f"{live_server.url}/")
    assert pagina.url.startswith(f"{live_server.url}/inloggen/?next=")


def test_eerste_keer_instellen_met_qr_code(live_server, lpa_met_dossier, browser):
    pagina = nieuwe_pagina(browser)
    wachtwoord(pagina, f"{live_server.url}/", "lpa.jansen")
    pagina.wait_for_url(f"{live_server.url}/inloggen/tweede-factor/**")
    assert pagina.title() == "Tweestapsverificatie instellen - Leerplicht"
    assert pagina.get_by_role("img", name="QR-code voor de authenticator-app").is_visible()

    # What a person types into the app by hand; the app then shows this code.
    sleutel = pagina.locator("#geheime-sleutel").inner_text().replace(" ", "")
    pagina.get_by_label("Code", exact=True).fill(f"{totp(b32decode(sleutel)):06d}")
    pagina.get_by_role("button", name="Instellen").click()

    assert pagina.get_by_role("heading", name="Tweestapsverificatie is ingesteld").is_visible()
    assert pagina.locator("#reservecodes li").count() == 10
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTEN / "reservecodes.png"), full_page=True)
    pagina.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    pagina.wait_for_url(f"{live_server.url}/")
    assert pagina.get_by_text("Ingelogd als").is_visible()
    assert not pagina.problemen, pagina.problemen


def test_inlogpagina_en_codepagina_zonder_axe_overtredingen(
    live_server, lpa_met_dossier, apparaat, browser
):
    from toegankelijkheid import axe_overtredingen

    pagina = nieuwe_pagina(browser)
    pagina.goto(f"{live_server.url}/inloggen/")
    assert axe_overtredingen(pagina) == []
    wachtwoord(pagina, f"{live_server.url}/inloggen/", "lpa.jansen")
    pagina.wait_for_url("**/inloggen/code/**")
    assert axe_overtredingen(pagina) == []
    assert pagina.problemen == []
