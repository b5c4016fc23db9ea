"""The dossier page /personen/<id>/ and the search by BSN or persoonsnummer (POST)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse
from toegangswereld import Wereld, aangemeld

from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Document, Werkproces
from paginaregels import zonder_inline_script_of_stijl

pytestmark = pytest.mark.django_db


def _html(antwoord) -> str:
    return antwoord.content.decode()


def _zonder_csrf(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", html)


def test_lpa_ziet_het_hele_dossier(wereld: Wereld):
    kind = wereld.personen["eigen_kind"]
    antwoord = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get("/personen/EIGENKIND/")
    html = _html(antwoord)
    assert antwoord.status_code == 200
    assert "<title>Dossier persoon EIGENKIND - Leerplicht</title>" in html
    assert '<h1 class="utrecht-heading-1">Dossier persoon EIGENKIND</h1>' in html
    assert kind.persoon.bsn in html
    assert kind.persoon.geboortedatum.strftime("%d-%m-%Y") in html
    assert kind.records["werkproces"] in html and kind.records["melding"] in html
    assert "gesprek" in html and "09-09-2024" in html  # the interventie
    assert "24-09-2024" in html  # the vrijstelling's besluit
    assert "nog thuis" in html  # the thuiszitperiode
    assert "Basisschool Eigendorp" in html  # the inschrijving
    assert "relatief verzuim" in html and "art. 5 onder a" in html
    # Personal data is not kept in caches along the way.
    assert "no-store" in antwoord["Cache-Control"]


def test_toegankelijk_en_zonder_inline_script(wereld: Wereld):
    html = _html(aangemeld(wereld.gebruikers[Rol.TEAMMANAGER]).get("/personen/EIGENKIND/"))
    assert '<html lang="nl"' in html
    assert html.count("<h1") == 1
    tabellen = re.findall(r"<table.*?</table>", html, flags=re.S)
    # inschrijvingen, meldingen, 1 werkproces, vrijstelling, thuiszit; and the documents
    # when an area's world extension gave the person any (werkprocessen: letters).
    documenten = Document.objects.filter(persoon_id="EIGENKIND").exists()
    assert len(tabellen) == 5 + documenten
    for tabel in tabellen:
        assert "<caption" in tabel
        assert '<th scope="col"' in tabel
    assert zonder_inline_script_of_stijl(html)


def test_consulent_doorstroompunt_ziet_geen_leerplichtdeel(wereld: Wereld):
    """A 20-year-old with an old leerplicht case: the consulent DSP sees only the 18+ part."""
    jongere = wereld.personen["eigen_jongere"].persoon
    Werkproces.objects.create(
        id="W-OUD-LEERPLICHT", persoon=jongere, gemeente=wereld.eigen, type="relatief_verzuim",
        geopend=date(2021, 9, 1),
    )  # fmt: skip
    dsp = _html(
        aangemeld(wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT]).get("/personen/EIGENJONGERE/")
    )
    lpa = _html(
        aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get("/personen/EIGENJONGERE/")
    )
    assert "W-EIGENJONGERE" in dsp and "M-EIGENJONGERE" in dsp
    assert "04-10-2024" in dsp  # the vsv-traject: uitgeschreven op
    assert "W-OUD-LEERPLICHT" not in dsp
    assert "W-OUD-LEERPLICHT" in lpa


def test_consulent_doorstroompunt_kind_is_404(wereld: Wereld):
    client = aangemeld(wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT])
    assert client.get("/personen/EIGENKIND/").status_code == 404


def test_andere_gemeente_en_onbekend_zien_er_hetzelfde_uit(wereld: Wereld):
    client = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR])
    ander = client.get("/personen/ANDERKIND/")
    onbekend = client.get("/personen/BESTAATNIET/")
    assert ander.status_code == onbekend.status_code == 404
    assert _zonder_csrf(_html(ander)) == _zonder_csrf(_html(onbekend))
    assert "ANDERKIND" not in _html(ander)


@pytest.mark.parametrize(
    "rol", [Rol.BELEIDSMEDEWERKER, Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER]
)
def test_rollen_zonder_dossiers_krijgen_403(wereld: Wereld, rol):
    client = aangemeld(wereld.gebruikers[rol])
    for pad in ("/personen/EIGENKIND/", "/personen/BESTAATNIET/", "/personen/"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 403, pad
        assert "Geen toegang" in _html(antwoord)


def test_openen_staat_in_het_auditlog(wereld: Wereld):
    if not apps.is_installed("leerplicht.audit"):
        pytest.skip("leerplicht.audit is niet geïnstalleerd")
    from leerplicht.audit.models import Auditregel

    aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get("/personen/EIGENKIND/")
    regel = Auditregel.objects.filter(actie="inzien", object_id="EIGENKIND").get()
    assert regel.object_type == "persoon"
    assert regel.gebruikersnaam == Rol.LEERPLICHTAMBTENAAR.value
    assert {"bsn", "geboortedatum", "meldingen", "werkprocessen", "vrijstellingen"} <= set(
        regel.velden
    )
    assert "vsv_trajecten" not in regel.velden  # nothing of that kind was shown
    # The entry names fields, never their content.
    bsn = wereld.personen["eigen_kind"].persoon.bsn
    assert bsn not in str(regel.velden) + str(regel.voor) + str(regel.na)


def test_geweigerd_openen_schrijft_geen_inzien(wereld: Wereld):
    if not apps.is_installed("leerplicht.audit"):
        pytest.skip("leerplicht.audit is niet geïnstalleerd")
    from leerplicht.audit.models import Auditregel

    aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get("/personen/ANDERKIND/")
    aangemeld(wereld.gebruikers[Rol.BELEIDSMEDEWERKER]).get("/personen/EIGENKIND/")
    assert not Auditregel.objects.filter(actie="inzien", object_type="persoon").exists()


# --- zoeken ---------------------------------------------------------------------------------


def test_zoekformulier(wereld: Wereld):
    antwoord = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get("/personen/")
    html = _html(antwoord)
    assert antwoord.status_code == 200
    assert '<form method="post" action="/personen/"' in html
    assert '<label class="utrecht-form-label" for="id_zoekterm">Zoekterm</label>' in html
    # Persons have no names here: the hint says what to search on.
    assert "BSN, persoonsnummer, meldingsnummer, werkprocesnummer of school" in html
    assert 'aria-describedby="id_zoekterm_helptext"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'aria-current="page">Zoeken</a>' in html


@pytest.mark.parametrize("veld", ["bsn", "pk"])
def test_zoeken_vindt_eigen_persoon(wereld: Wereld, veld):
    persoon = wereld.personen["eigen_kind"].persoon
    antwoord = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).post(
        "/personen/", {"zoekterm": f"  {getattr(persoon, veld)} "}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/personen/EIGENKIND/"  # the id, never the BSN


@pytest.mark.parametrize("sleutel", ["ander_kind", "eigen_kind"])
def test_zoeken_buiten_bereik_vindt_niets(wereld: Wereld, sleutel):
    """Another gemeente (LPA), or a child (consulent DSP): "niet gevonden", nothing echoed."""
    persoon = wereld.personen[sleutel].persoon
    rol = Rol.LEERPLICHTAMBTENAAR if sleutel.startswith("ander") else Rol.CONSULENT_DOORSTROOMPUNT
    antwoord = aangemeld(wereld.gebruikers[rol]).post("/personen/", {"zoekterm": persoon.bsn})
    html = _html(antwoord)
    assert antwoord.status_code == 200
    assert "Geen persoon gevonden" in html
    assert persoon.bsn not in html
    assert persoon.pk not in html


def test_zoeken_zonder_zoekterm(wereld: Wereld):
    antwoord = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).post("/personen/", {})
    html = _html(antwoord)
    assert antwoord.status_code == 200
    assert "<title>Fout: Persoon zoeken - Leerplicht</title>" in html
    assert "Vul een zoekterm in" in html
    assert 'aria-describedby="id_zoekterm_helptext id_zoekterm_error"' in html
    assert 'role="alert"' in html


def test_te_lange_zoekterm_wordt_niet_herhaald(wereld: Wereld):
    lang = "9" * 70
    html = _html(
        aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).post("/personen/", {"zoekterm": lang})
    )
    assert "hoogstens 64 tekens" in html
    assert lang not in html


def test_zoeken_met_get_zoekt_niet(wereld: Wereld):
    """A BSN in a query string is never used (it would land in access logs)."""
    bsn = wereld.personen["eigen_kind"].persoon.bsn
    antwoord = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get(
        f"/personen/?zoekterm={bsn}"
    )
    assert antwoord.status_code == 200
    assert "Geen persoon gevonden" not in _html(antwoord)


def test_menu_personen_alleen_voor_dossierrollen(wereld: Wereld):
    lpa = _html(aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]).get("/"))
    beleid = _html(aangemeld(wereld.gebruikers[Rol.BELEIDSMEDEWERKER]).get("/"))
    assert f'href="{reverse("dossier:zoeken")}"' in lpa
    assert f'href="{reverse("dossier:zoeken")}"' not in beleid


def test_traject_zorg_en_preventie_18plus_openen_vanuit_het_dossier(wereld: Wereld):
    """The Doorstroompunt opens a zorg en preventie 18+ traject from the dossier of an 18+;
    not for a child, and not for a rol without Doorstroompunt work."""
    link = "Traject zorg en preventie 18+ openen"
    consulent = aangemeld(wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT])
    jongere = _html(consulent.get("/personen/EIGENJONGERE/"))
    assert link in jongere
    assert 'href="/werkprocessen/persoon/EIGENJONGERE/zorg-preventie-18plus/"' in jongere
    teammanager = aangemeld(wereld.gebruikers[Rol.TEAMMANAGER])
    assert link not in _html(teammanager.get("/personen/EIGENKIND/"))
    lpa = aangemeld(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR])
    assert link not in _html(lpa.get("/personen/EIGENJONGERE/"))
