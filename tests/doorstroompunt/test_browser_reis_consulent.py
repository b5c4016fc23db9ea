"""In Chromium: the consulent's journey (issue 5, first acceptance item), by keyboard.

A consulent of the Doorstroompunt signs in (TOTP) and reads DUO's list of
de-registrations without startkwalificatie in: a 19-year-old, unknown to the register,
gets a new vsv traject. The consulent finds it under "In behandeling", moves it to
monitoring with a monitoring result; the monitoring comes due (the traject's dates are
moved back in the database by more than the interval, as if it happened months ago);
after a reload it is under "Monitoring aan de beurt"; the consulent records a new
contact and closes the traject with a closing result. Afterwards `rapport` counts it for
the school year of the uitschrijving, in its status on 31 July (figures.md `vsv`).

Every page passes axe (WCAG 2.1 AA) with no CSP violation and no 4xx/5xx response. The
ORM is not used in the test's thread while Playwright runs (its event loop makes the
thread "async"): the one change in between runs in a worker thread.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from aanmelden.aanmeldfabrieken import WACHTWOORD, MedewerkerFactory, TotpFactory, code_van
from chromium import BROWSERTEST, Chromium, chromium_dat_kan_stoppen, controleer, nieuwe_pagina
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.doorstroompunt import diensten
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.duo.voorbeeld import schrijf_uitschrijvingen_bestand
from leerplicht.register.models import Inschrijving, Persoon, School
from portaal.fabrieken import GemeenteFactory
from toegankelijkheid import axe_overtredingen

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST

GEMEENTE = "GM9471"
BSN = "111222345"  # passes the elfproef; a test number


@dataclass
class Jongere:
    bsn: str
    geboortedatum: date


@dataclass
class Reis:
    vandaag: date
    apparaat: object
    levering: Path


@pytest.fixture
def reis(db, tmp_path) -> Reis:
    vandaag = timezone.localdate()
    gemeente = GemeenteFactory(code=GEMEENTE, naam="Vsvstad")
    School.objects.create(
        id="47MB00", brin="47MB", vestiging="00", naam="Mbo Vsvstad", onderwijssoort="mbo",
        gemeente=gemeente,
    )  # fmt: skip
    consulent = MedewerkerFactory(
        rol=Rol.CONSULENT_DOORSTROOMPUNT, gebruiker__username="consulent.reis"
    )
    consulent.gemeenten.add(gemeente)
    # 19 years and 3 months today: 18 or older on every date the journey uses.
    jongere = Jongere(BSN, date(vandaag.year - 19, 1, 1) - timedelta(days=90))
    levering = tmp_path / "duo-uitschrijvingen.csv"
    schrijf_uitschrijvingen_bestand(
        levering, [jongere], brin="47MB", vestiging="00", uitschrijfdatum=vandaag
    )
    return Reis(vandaag, TotpFactory(user=consulent.gebruiker), levering)


@pytest.fixture
def chromium():
    """Chromium, stoppable inside the test (`stop()`) so the database can be read after."""
    yield from chromium_dat_kan_stoppen()


# --- helpers --------------------------------------------------------------------------------


def typ(pagina, veld, tekst: str) -> None:
    veld.focus()
    pagina.keyboard.type(tekst)


def kies(pagina, keuzelijst, waarde: str) -> None:
    """Choose by keyboard type-ahead: focus the select and type the option's text."""
    tekst = keuzelijst.locator(f"option[value='{waarde}']").inner_text()
    keuzelijst.focus()
    pagina.keyboard.type(tekst)
    assert keuzelijst.input_value() == waarde, (tekst, keuzelijst.input_value())


def druk(pagina, knop, *, navigatie: bool = True) -> None:
    knop.focus()
    if navigatie:
        with pagina.expect_navigation():
            pagina.keyboard.press("Enter")
    else:
        pagina.keyboard.press("Enter")


def inloggen(pagina, basis: str, naam: str, apparaat) -> None:
    pagina.goto(f"{basis}/inloggen/")
    controleer(pagina)
    typ(pagina, pagina.get_by_label("Gebruikersnaam"), naam)
    pagina.keyboard.press("Tab")
    pagina.keyboard.type(WACHTWOORD)
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    pagina.wait_for_url("**/inloggen/code/**")
    controleer(pagina)
    typ(pagina, pagina.get_by_label("Code", exact=True), code_van(apparaat))
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.get_by_text("Ingelogd als").is_visible()
    controleer(pagina)


def lijst(pagina, kop_id: str):
    return pagina.locator("section").filter(has=pagina.locator(f"h2#{kop_id}"))


def formulier(pagina, kop: str):
    return pagina.get_by_role("region", name=kop, exact=True)


def vsv_formulier(pagina, kop: str, label: str, resultaat: str, knop: str, toelichting: str):
    """A form of the traject page, by keyboard; htmx swaps the page in place."""
    deel = formulier(pagina, kop)
    assert deel.get_by_label("Datum", exact=True).input_value() == timezone.localdate().isoformat()
    kies(pagina, deel.get_by_label(label, exact=True), resultaat)
    typ(pagina, deel.get_by_label("Toelichting (niet verplicht)"), toelichting)
    druk(pagina, deel.get_by_role("button", name=knop, exact=True), navigatie=False)


def gegevens(pagina) -> str:
    return lijst(pagina, "gegevens").inner_text()


def schuif_terug(vsv_id: str, dagen: int) -> None:
    """As if the traject started `dagen` ago: every date of it moved back alike."""
    terug = timedelta(days=dagen)
    vsv = Vsv.objects.get(pk=vsv_id)
    Vsv.objects.filter(pk=vsv_id).update(
        uitgeschreven=vsv.uitgeschreven - terug,
        monitoring_vanaf=vsv.monitoring_vanaf - terug,
        laatste_monitoring=vsv.laatste_monitoring - terug,
    )
    inschrijving = Inschrijving.objects.get(persoon_id=vsv.persoon_id)
    inschrijving.van, inschrijving.tot = inschrijving.van - terug, inschrijving.tot - terug
    inschrijving.save()
    connection.close()  # the worker thread's own connection


def in_ander_draad(functie, *args) -> None:
    with ThreadPoolExecutor(max_workers=1) as uitvoerder:
        uitvoerder.submit(functie, *args).result()


# --- the journey ------------------------------------------------------------------------------


def test_reis_van_een_consulent(live_server, reis: Reis, chromium: Chromium):
    basis = live_server.url
    maanden = diensten.monitoring_maanden()
    pagina = nieuwe_pagina(chromium)

    # 1. Sign in, open the Doorstroompunt from the main menu, read DUO's list in.
    inloggen(pagina, basis, "consulent.reis", reis.apparaat)
    menu = pagina.get_by_role("navigation", name="Hoofdmenu")
    druk(pagina, menu.get_by_role("link", name="Doorstroompunt", exact=True))
    controleer(pagina)
    assert "Geen vsv-trajecten in behandeling." in lijst(pagina, "in-behandeling").inner_text()
    druk(pagina, pagina.get_by_role("link", name="Uitschrijvingen van DUO inlezen"))
    controleer(pagina)
    # A form sent without a file: a located error, focusable, nothing stored.
    druk(pagina, pagina.get_by_role("button", name="Inlezen"))
    pagina.get_by_role("alert").filter(has_text="Het bestand is niet ingelezen").wait_for()
    pagina.problemen.clear()  # the 400 of the refused form is expected
    assert axe_overtredingen(pagina) == []
    kies(pagina, pagina.get_by_label("Gemeente waarvoor de levering is"), GEMEENTE)
    pagina.keyboard.press("Tab")
    bestand = pagina.get_by_label("Bestand met uitschrijvingen (CSV)")
    assert bestand.evaluate("e => e === document.activeElement")
    bestand.set_input_files(str(reis.levering))
    druk(pagina, pagina.get_by_role("button", name="Inlezen"))
    pagina.get_by_role("status").filter(
        has_text="Uitschrijvingen ingelezen: 1 regel, 1 nieuwe vsv-melding, 0 meldingen "
        "absoluut verzuim, 1 nieuwe persoon"
    ).wait_for()
    assert pagina.locator("h1").inner_text() == "Doorstroompunt"
    controleer(pagina)

    # 2. The new traject under "In behandeling"; open it.
    link = lijst(pagina, "in-behandeling").locator("tbody a")
    assert link.count() == 1
    vsv_id = link.inner_text()
    druk(pagina, link)
    assert pagina.locator("h1").inner_text() == f"Vsv-traject {vsv_id}"
    controleer(pagina)
    assert "Status\nin behandeling" in gegevens(pagina), gegevens(pagina)

    # 3. Naar monitoring with a monitoring result.
    vsv_formulier(pagina, "Naar monitoring", "Monitoringsresultaat", "werk_6mnd", "Naar monitoring",
                  "Werkt bij een bouwbedrijf; wil later een BBL-opleiding.")  # fmt: skip
    pagina.get_by_role("status").filter(has_text="Monitoring vastgelegd.").wait_for()
    controleer(pagina)
    tekst = gegevens(pagina)
    assert "Status\nmonitoring" in tekst and "werk (6+ maanden)" in tekst, tekst

    # 4. The monitoring comes due: the traject's dates move back past the interval.
    pagina.goto(f"{basis}/doorstroompunt/")
    controleer(pagina)
    assert lijst(pagina, "monitoring").locator("tbody a").count() == 0
    terug = maanden * 31 + 7
    in_ander_draad(schuif_terug, vsv_id, terug)
    pagina.reload()
    controleer(pagina)
    aan_de_beurt = lijst(pagina, "monitoring")
    assert aan_de_beurt.locator("tbody a").all_inner_texts() == [vsv_id]
    assert "werk (6+ maanden)" in aan_de_beurt.inner_text()
    druk(pagina, aan_de_beurt.get_by_role("link", name=vsv_id))
    controleer(pagina)

    # 5. A new monitoring contact, then closing with a closing result.
    vsv_formulier(pagina, "Monitoringscontact vastleggen", "Monitoringsresultaat", "wacht_inschrijving",
                  "Contact vastleggen", "Heeft zich aangemeld voor een BBL-opleiding.")  # fmt: skip
    pagina.get_by_role("status").filter(has_text="Monitoring vastgelegd.").wait_for()
    controleer(pagina)
    assert "wacht op inschrijving" in gegevens(pagina)
    vsv_formulier(pagina, "Afronden", "Afsluitresultaat", "school", "Traject afronden",
                  "Ingeschreven voor een BBL-opleiding.")  # fmt: skip
    pagina.get_by_role("status").filter(has_text="Vsv-traject afgerond.").wait_for()
    controleer(pagina)
    tekst = gegevens(pagina)
    assert "Status\nafgerond" in tekst and "school (gerelateerd)" in tekst, tekst
    assert f"Afgerond op\n{reis.vandaag:%d-%m-%Y}" in tekst, tekst
    pagina.goto(f"{basis}/doorstroompunt/")
    controleer(pagina)
    for kop in ("in-behandeling", "monitoring"):
        assert lijst(pagina, kop).locator("tbody a").count() == 0
    chromium.stop()

    # --- afterwards: the database and `rapport` --------------------------------------------
    vsv = Vsv.objects.select_related("persoon").get(pk=vsv_id)
    uitgeschreven = reis.vandaag - timedelta(days=terug)
    assert (vsv.persoon.bsn, vsv.gemeente_id, vsv.behandelaar) == (BSN, GEMEENTE, "consulent.reis")
    assert (vsv.uitgeschreven, vsv.afgerond_op, vsv.resultaat) == (
        uitgeschreven, reis.vandaag, "school",
    )  # fmt: skip
    assert Persoon.objects.filter(bsn=BSN).count() == 1

    def vsv_cijfers(jaar: Schooljaar) -> dict:
        uit = StringIO()
        call_command("rapport", "--schooljaar", jaar.naam, "--format", "json", stdout=uit)
        return json.loads(uit.getvalue())["gemeenten"][GEMEENTE]["vsv"]

    # The school year of the uitschrijving, status on its 31 July (figures.md `vsv`):
    # afgerond when closed by then (the same school year as today), else monitoring.
    jaar = Schooljaar.van_datum(uitgeschreven)
    zelfde_jaar = jaar == Schooljaar.van_datum(reis.vandaag)
    verwacht = "afgerond" if zelfde_jaar else "monitoring"
    nieuw = vsv_cijfers(jaar)["nieuw"]
    assert nieuw[verwacht] == 1 and nieuw["totaal"] == 1, nieuw
    if not zelfde_jaar:
        # In today's school year it is an oud-vsv'er, afgerond by 31 July.
        cijfers = vsv_cijfers(Schooljaar.van_datum(reis.vandaag))
        assert cijfers["oud"]["afgerond"] == 1 and cijfers["nieuw"]["totaal"] == 0, cijfers
        assert cijfers["resultaat_afgerond"]["oud"]["school"] == 1, cijfers
