"""In Chromium: the journey of a melding (issue 4, first acceptance item), walked by the
administratie and the leerplichtambtenaar in two browsers, with the keyboard.

Upload a Verzuimloket file, request the verzuimstaat, mark it received, hand over (a
toewijzingsregel names the LPA); the LPA finds it under "Mijn werk", sends the
uitnodiging, records the gesprek, sends the waarschuwing with a copy to the school; a
second melding for the same pupil joins the werkproces (recidive on the timeline); Halt
referral, its outcome, closing with a resultaat. Afterwards `rapport` and `export` count
and write all of it.

Every page the journey visits passes axe (WCAG 2.1 AA) and shows no CSP violation and no
4xx/5xx response. No ORM while Playwright runs (its event loop makes the thread
"async"): the database is read after `chromium.stop()`.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from aanmelden.aanmeldfabrieken import WACHTWOORD, MedewerkerFactory, TotpFactory, code_van
from chromium import ARTEFACTEN, BROWSERTEST, chromium_dat_kan_stoppen, controleer, nieuwe_pagina
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, School
from leerplicht.werkprocessen.models import Document, Toewijzingsregel, Werkproces
from portaal.fabrieken import GemeenteFactory, PersoonFactory

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is niet geïnstalleerd")

pytestmark = BROWSERTEST

GEMEENTE = "GM9481"
BSN = "111222333"  # passes the elfproef; a test number


# --- set-up (all database work before the browser starts) ---------------------------------


@dataclass
class Reis:
    vandaag: date
    admin: object
    admin_apparaat: object
    lpa: object
    lpa_apparaat: object
    persoon_id: str
    levering1: Path
    levering2: Path
    nummer1: str
    nummer2: str


@pytest.fixture
def reis(db, tmp_path) -> Reis:
    vandaag = timezone.localdate()
    gemeente = GemeenteFactory(code=GEMEENTE, naam="Reisdorp")
    school = School.objects.create(
        id="48AA00", brin="48AA", vestiging="00", naam="Het Kompas", onderwijssoort="vo",
        gemeente=gemeente,
    )  # fmt: skip
    # About 13 on every day of the year: Halt is allowed (12+).
    leerling = PersoonFactory(
        gemeente=gemeente, bsn=BSN, geboortedatum=date(vandaag.year - 13, 1, 1)
    )
    Inschrijving.objects.create(persoon=leerling, school=school, van=vandaag - timedelta(days=400))

    admin = MedewerkerFactory(rol=Rol.ADMINISTRATIEF_MEDEWERKER, gebruiker__username="admin.reis")
    admin.gemeenten.add(gemeente)
    lpa = MedewerkerFactory(rol=Rol.LEERPLICHTAMBTENAAR, gebruiker__username="lpa.reis")
    lpa.gemeenten.add(gemeente)
    # The teammanager's rule: every melding of this gemeente goes to this LPA.
    Toewijzingsregel.objects.create(volgorde=10, gemeente=gemeente, behandelaar=lpa.gebruiker)

    nummer1, nummer2 = f"VL{vandaag:%Y%m%d}0001", f"VL{vandaag:%Y%m%d}0002"
    levering1, levering2 = tmp_path / "verzuimloket-1.csv", tmp_path / "verzuimloket-2.csv"
    schrijf_verzuimloket_bestand(
        levering1, [leerling], brin="48AA", vestiging="00", meldingsnummers=[nummer1]
    )
    schrijf_verzuimloket_bestand(
        levering2, [leerling], brin="48AA", vestiging="00", meldingsnummers=[nummer2]
    )
    return Reis(
        vandaag=vandaag,
        admin=admin.gebruiker,
        admin_apparaat=TotpFactory(user=admin.gebruiker),
        lpa=lpa.gebruiker,
        lpa_apparaat=TotpFactory(user=lpa.gebruiker),
        persoon_id=leerling.pk,
        levering1=levering1,
        levering2=levering2,
        nummer1=nummer1,
        nummer2=nummer2,
    )


@pytest.fixture
def browser():
    """Chromium, stoppable inside the test (`stop()`) so the database can be read after."""
    yield from chromium_dat_kan_stoppen()


# --- helpers --------------------------------------------------------------------------------


def typ(pagina, veld, tekst: str) -> None:
    """Focus a field and type, as a keyboard user does."""
    veld.focus()
    pagina.keyboard.type(tekst)


def kies(pagina, keuzelijst, waarde: str) -> None:
    """Choose in a select with the keyboard: focus it and type the option's text (the
    browser's type-ahead), then check the value."""
    tekst = keuzelijst.locator(f"option[value='{waarde}']").inner_text()
    keuzelijst.focus()
    pagina.keyboard.type(tekst)
    assert keuzelijst.input_value() == waarde, (tekst, keuzelijst.input_value())


def druk(pagina, knop, toets: str = "Enter", *, navigatie: bool = True) -> None:
    """Submit with the keyboard: focus the button, press Enter (or Space)."""
    knop.focus()
    if navigatie:
        with pagina.expect_navigation():
            pagina.keyboard.press(toets)
    else:
        pagina.keyboard.press(toets)


def focusstijl(pagina) -> dict:
    """What shows the focused element: its outline and box-shadow (computed)."""
    return pagina.evaluate(
        """() => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            return {tag: e.tagName, tekst: (e.innerText || '').trim(),
                    outline: s.outlineStyle, outlineBreedte: s.outlineWidth,
                    schaduw: s.boxShadow};
        }"""
    )


def focus_zichtbaar(stijl: dict) -> bool:
    outline = stijl["outline"] != "none" and stijl["outlineBreedte"] not in ("0px", "")
    return outline or stijl["schaduw"] != "none"


def inloggen(pagina, basis: str, naam: str, apparaat) -> None:
    """Password and TOTP code, by keyboard only."""
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


def menu(pagina, tekst: str) -> None:
    """Follow a main menu entry with the keyboard."""
    link = pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=tekst)
    druk(pagina, link)
    controleer(pagina)


def upload(pagina, levering: Path) -> None:
    """The administratie reads a Verzuimloket file in: Meldingen, then the upload page."""
    menu(pagina, "Meldingen")
    druk(pagina, pagina.get_by_role("link", name="Bestand Verzuimloket inlezen"))
    controleer(pagina)
    gemeente = pagina.get_by_label("Gemeente waarvoor de levering is")
    kies(pagina, gemeente, GEMEENTE)
    pagina.keyboard.press("Tab")  # the tab order leads to the file field
    bestand = pagina.get_by_label("Bestand van het Verzuimloket (CSV)")
    assert bestand.evaluate("e => e === document.activeElement")
    bestand.set_input_files(str(levering))
    druk(pagina, pagina.get_by_role("button", name="Inlezen"))
    pagina.get_by_text("Levering ingelezen: 1 melding, 0 nieuwe personen").wait_for()
    assert pagina.locator("h1").inner_text() == "Meldingen"
    controleer(pagina)


def open_uit_wachtrij(pagina, nummer: str) -> None:
    nieuw = pagina.locator("section").filter(has=pagina.locator("h2#nieuw"))
    druk(pagina, nieuw.get_by_role("link", name=nummer))
    assert pagina.locator("h1").inner_text() == f"Melding {nummer}"
    controleer(pagina)


def routeknop(pagina, tekst: str, toets: str = "Enter", *, bericht: str) -> None:
    druk(pagina, pagina.get_by_role("button", name=tekst, exact=True), toets)
    pagina.get_by_role("status").filter(has_text=bericht).wait_for()
    controleer(pagina)


def htmx_formulier(pagina, knop: str, bericht: str) -> None:
    """A werkproces form, sent by keyboard; htmx swaps the page in place."""
    druk(pagina, pagina.get_by_role("button", name=knop, exact=True), navigatie=False)
    pagina.get_by_role("status").filter(has_text=bericht).wait_for()
    controleer(pagina)


def brief(pagina, soort: str, velden: dict[str, str], *, kopie: bool = False) -> None:
    """A letter from the form on the werkproces page (a plain POST, then back)."""
    kies(pagina, pagina.get_by_label("Soort brief"), soort)
    for label, tekst in velden.items():
        veld = pagina.get_by_label(label, exact=True)
        if veld.get_attribute("type") in ("date", "time"):
            veld.focus()
            veld.fill(tekst)
        else:
            typ(pagina, veld, tekst)
    if kopie:
        vinkje = pagina.get_by_label("Kopie aan de school (alleen bij een waarschuwingsbrief)")
        vinkje.focus()
        pagina.keyboard.press("Space")
        assert vinkje.is_checked()
    druk(pagina, pagina.get_by_role("button", name="Brief maken en opslaan"))
    pagina.get_by_role("status").filter(
        has_text="is gemaakt en opgeslagen in het dossier"
    ).wait_for()
    controleer(pagina)


def interventie(pagina, soort: str, toelichting: str = "") -> None:
    kies(pagina, pagina.get_by_label("Soort interventie"), soort)
    assert (
        pagina.get_by_label("Datum", exact=True).input_value() == timezone.localdate().isoformat()
    )
    if toelichting:
        typ(
            pagina,
            pagina.get_by_label("Toelichting (wat is besproken of afgesproken)"),
            toelichting,
        )
    htmx_formulier(pagina, "Interventie vastleggen", "De interventie is vastgelegd.")


def tijdlijn(pagina) -> str:
    return pagina.locator("section").filter(has=pagina.locator("h2#tijdlijn")).inner_text()


# --- the journey ------------------------------------------------------------------------------


def test_reis_van_een_melding(live_server, reis: Reis, tmp_path, browser):
    basis = live_server.url
    ARTEFACTEN.mkdir(exist_ok=True)

    # 1. The administratie signs in and reads the Verzuimloket file in.
    admin = nieuwe_pagina(browser)
    inloggen(admin, basis, "admin.reis", reis.admin_apparaat)
    upload(admin, reis.levering1)

    # 2. The new melding from the queue: verzuimstaat requested, received, handed over.
    open_uit_wachtrij(admin, reis.nummer1)
    routeknop(admin, "Verzuimstaat opvragen", bericht="Verzuimstaat opgevraagd")
    assert (
        "Onderwerp: verzuimstaat bij verzuimmelding"
        in admin.get_by_label(
            "E-mail of brief: verzoek om de verzuimstaat (om te kopiëren)"
        ).input_value()
    )
    # Focus is visible on a button reached with Tab (from the file field before it).
    admin.get_by_label("Verzuimstaat (optioneel", exact=False).focus()
    admin.keyboard.press("Tab")
    stijl = focusstijl(admin)
    assert stijl["tag"] == "BUTTON" and stijl["tekst"] == "Verzuimstaat ontvangen", stijl
    assert focus_zichtbaar(stijl), stijl
    routeknop(admin, "Verzuimstaat ontvangen", "Space", bericht="de melding is compleet")
    routeknop(admin, "Overdragen", bericht="Overgedragen: nieuw werkproces")
    assert "behandelaar lpa.reis" in admin.get_by_role("status").inner_text()
    link = admin.locator("dt:text-is('Werkproces') + dd a")
    werkproces_id = link.inner_text()
    assert re.fullmatch(r"W\d{4}-[0-9A-F]{8}", werkproces_id), werkproces_id

    # 3. The LPA signs in and finds it under "Mijn werk".
    lpa = nieuwe_pagina(browser)
    inloggen(lpa, basis, "lpa.reis", reis.lpa_apparaat)
    menu(lpa, "Mijn werk")
    mijn = lpa.locator("section").filter(has=lpa.locator("h2#werkprocessen"))
    # Focus is visible on a link reached with Tab.
    lpa.get_by_role("link", name="Mijn werkprocessen (1)").focus()
    lpa.keyboard.press("Shift+Tab")
    lpa.keyboard.press("Tab")
    stijl = focusstijl(lpa)
    assert stijl["tag"] == "A" and stijl["tekst"] == "Mijn werkprocessen (1)", stijl
    assert focus_zichtbaar(stijl), stijl
    druk(lpa, mijn.get_by_role("link", name=werkproces_id))
    assert lpa.locator("h1").inner_text() == f"Werkproces {werkproces_id}"
    controleer(lpa)
    assert "Overgedragen aan lpa.reis" in tijdlijn(lpa)

    gesprek = (reis.vandaag + timedelta(days=7)).isoformat()
    brief(
        lpa,
        "uitnodiging",
        {
            "Aan (naam)": "De ouders van Sam Reiziger",
            "Adres": "Dorpsstraat 1\n4001 AA Reisdorp",
            "Naam van de leerling": "Sam Reiziger",
            "Datum van het gesprek": gesprek,
            "Tijd van het gesprek": "10:30",
            "Plaats van het gesprek": "Gemeentehuis Reisdorp",
        },
    )
    interventie(lpa, "gesprek", "Gesprek met Sam en moeder: afspraak elke dag naar school.")
    brief(
        lpa,
        "waarschuwing",
        {
            "Aan (naam)": "De ouders van Sam Reiziger",
            "Adres": "Dorpsstraat 1\n4001 AA Reisdorp",
            "Naam van de leerling": "Sam Reiziger",
            "Gemaakte afspraken": "Sam gaat elke dag naar school.\nDe mentor belt bij verzuim.",
        },
        kopie=True,
    )
    regels = tijdlijn(lpa)
    for wat in ("Uitnodiging", "Gesprek", "Waarschuwing", "kopie aan school"):
        assert wat in regels, regels

    # 4. A second melding for the same pupil joins the open werkproces.
    upload(admin, reis.levering2)
    open_uit_wachtrij(admin, reis.nummer2)
    routeknop(admin, "Toevoegen aan lopend werkproces", bericht="toegevoegd aan lopend werkproces")
    assert admin.locator("dt:text-is('Werkproces') + dd a").inner_text() == werkproces_id

    lpa.reload()
    controleer(lpa)
    regels = tijdlijn(lpa)
    assert "herhaalde melding" in regels, regels
    assert f"Melding {reis.nummer2}" in regels, regels

    # 5. Halt-verwijzing, its outcome, and closing with a resultaat.
    interventie(lpa, "halt")
    kies(lpa, lpa.get_by_label("Uitkomst", exact=True), "positief")
    htmx_formulier(lpa, "Uitkomst vastleggen", "De uitkomst van Halt is vastgelegd.")
    kies(lpa, lpa.get_by_label("Resultaat", exact=True), "school")
    htmx_formulier(lpa, "Werkproces sluiten", "Het werkproces is gesloten.")
    gegevens = lpa.locator("section").filter(has=lpa.locator("h2#gegevens")).inner_text()
    assert f"Gesloten\n{reis.vandaag:%d-%m-%Y}" in gegevens, gegevens
    assert "(terug) naar school" in gegevens, gegevens
    lpa.reload()
    controleer(lpa)
    # Closed: no form offers to change the Halt outcome any more.
    assert lpa.get_by_role("heading", name="Uitkomst Halt vastleggen").count() == 0
    # (Scrolled to the top: a full-page capture would show the hidden skip link otherwise.)
    lpa.evaluate("window.scrollTo(0, 0)")
    lpa.screenshot(path=str(ARTEFACTEN / "reis-werkproces.png"), full_page=True)
    assert len(admin.bezocht) >= 12 and len(lpa.bezocht) >= 10, (admin.bezocht, lpa.bezocht)
    browser.stop()

    # --- afterwards: the database, `rapport` and `export` include all of it ---------------
    w = Werkproces.objects.get(pk=werkproces_id)
    assert (w.behandelaar, w.resultaat, w.gesloten) == ("lpa.reis", "school", reis.vandaag)
    assert set(Melding.objects.filter(werkproces=w).values_list("meldingsnummer", flat=True)) == {
        reis.nummer1,
        reis.nummer2,
    }
    assert set(w.interventies.values_list("soort", "uitkomst")) == {
        ("uitnodiging", None),
        ("gesprek", None),
        ("waarschuwing", None),
        ("halt", "positief"),
    }
    # The two letters and the copy of the waarschuwing for the school, in the dossier.
    assert Document.objects.filter(werkproces=w, soort="brief").count() == 3

    jaar = Schooljaar.van_datum(reis.vandaag).naam
    uit = StringIO()
    call_command("rapport", "--schooljaar", jaar, "--format", "json", stdout=uit)
    cijfers = json.loads(uit.getvalue())["gemeenten"][GEMEENTE]
    meldingen = cijfers["meldingen"]
    assert meldingen["wettelijk"]["totaal"] == 2
    assert meldingen["wettelijk"]["vo"] == 2
    assert meldingen["unieke_personen"]["wettelijk"] == 1
    assert meldingen["herhaald"]["wettelijk"] == 1
    assert cijfers["werkprocessen"]["relatief_verzuim"] == 1
    assert cijfers["werkprocessen"]["totaal"] == 1
    assert cijfers["handhaving"] == {
        "waarschuwing": 1,
        "halt": 1,
        "halt_positief": 1,
        "halt_negatief": 0,
        "proces_verbaal": {"absoluut": 0, "relatief": 0, "luxe": 0, "totaal": 0},
    }
    assert cijfers["resultaten"]["school"] == 1
    assert cijfers["resultaten"]["totaal"] == 1
    assert cijfers["leerplichttelling"]["relatief_verzuim"]["totaal"] == 1
    assert cijfers["leerplichttelling"]["halt"]["totaal"] == 1

    map_ = tmp_path / "export"
    call_command("export", map_, stdout=StringIO())

    def rijen(naam: str) -> list[dict[str, str]]:
        with (map_ / naam).open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    assert {(r["meldingsnummer"], r["werkproces"], r["soort"]) for r in rijen("meldingen.csv")} == {
        (reis.nummer1, werkproces_id, "wettelijk"),
        (reis.nummer2, werkproces_id, "wettelijk"),
    }
    (wp,) = rijen("werkprocessen.csv")
    assert (wp["id"], wp["type"], wp["resultaat"], wp["behandelaar"]) == (
        werkproces_id,
        "relatief_verzuim",
        "school",
        "lpa.reis",
    )
    assert sorted(
        (r["soort"], r["uitkomst"]) for r in rijen("interventies.csv") if r["werkproces"] == w.pk
    ) == [("gesprek", ""), ("halt", "positief"), ("uitnodiging", ""), ("waarschuwing", "")]
