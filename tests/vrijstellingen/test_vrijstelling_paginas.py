"""The pages of vrijstellingen and verlof: lists, the decision form, errors and conflicts
shown in Dutch at the field, the audit entry of each look, and pages without inline JS/CSS."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.vrijstellingen.models import Verlofaanvraag, Vrijstelling
from portaal.fabrieken import PersoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_lpa(client, lpa, met_tweede_factor):
    return met_tweede_factor(client, lpa)


def vrijstelling(kind, pk, **velden) -> Vrijstelling:
    gegevens = {
        "grond": "5a", "aangevraagd": date(2024, 8, 20), "besluit": "open",
        "geldig_van": date(2024, 9, 2),
    } | velden  # fmt: skip
    return Vrijstelling.objects.create(id=pk, persoon=kind, gemeente=kind.gemeente, **gegevens)


def zonder_inline(html: str) -> None:
    assert "<script>" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html and "onclick" not in html


def test_overzicht_toont_de_lijsten(client_lpa, kind, ander):
    vandaag = timezone.localdate()
    vrijstelling(kind, "V-OPEN", grond="3a", aangevraagd=vandaag - timedelta(days=30))
    besloten = {"besluit": "toegekend", "besluitdatum": date(2024, 8, 30)}
    vrijstelling(kind, "V-BINNENKORT", geldig_tot=vandaag + timedelta(days=42), **besloten)
    vrijstelling(kind, "V-LATER", geldig_tot=vandaag + timedelta(days=43), **besloten)
    vrijstelling(kind, "V-VERLENGEN", verlengen_voor=date(2025, 7, 1), **besloten)
    elders = PersoonFactory(id="ELDERS1", gemeente=ander)
    Vrijstelling.objects.create(id="V-ELDERS", persoon=elders, gemeente=ander, grond="5a",
                                aangevraagd=vandaag, besluit="open", geldig_van=vandaag)  # fmt: skip
    antwoord = client_lpa.get("/vrijstellingen/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    secties = {kop: html.split(f'id="{kop}"')[1].split("</section>")[0]
               for kop in ("open", "binnenkort", "verlengen")}  # fmt: skip
    assert "V-OPEN" in secties["open"] and "(verstreken)" in secties["open"]  # 4 weeks, art. 3a
    assert "V-BINNENKORT" in secties["binnenkort"] and "V-LATER" not in secties["binnenkort"]
    assert "V-VERLENGEN" in secties["verlengen"]
    assert "V-ELDERS" not in html and "ELDERS1" not in html
    zonder_inline(html)
    assert Auditregel.objects.filter(actie="inzien", object_type="vrijstellingenoverzicht").exists()


def test_detail_wordt_gelogd_met_de_persoon(client_lpa, kind):
    vrijstelling(kind, "V-1")
    antwoord = client_lpa.get("/vrijstellingen/V-1/")
    assert antwoord.status_code == 200
    zonder_inline(antwoord.content.decode())
    regel = Auditregel.objects.get(actie="inzien", object_type="vrijstelling")
    assert (regel.object_id, regel.persoon_id) == ("V-1", kind.pk)


def besluit_data(versie=1, **velden) -> dict:
    return {
        "actie": "besluit", "besluit-versie": str(versie), "besluit-besluit": "toegekend",
        "besluit-besluitdatum": "2024-08-30", "besluit-geldig_van": "2024-09-02",
        "besluit-geldig_tot": "2025-07-31", "besluit-motivering": "Verklaring jeugdarts.",
    } | velden  # fmt: skip


def test_besluit_met_te_oude_verklaring_foutmelding_bij_het_veld(client_lpa, kind):
    vrijstelling(kind, "V-1", verklaring_datum=date(2024, 5, 1), verklaring_door="arts")
    antwoord = client_lpa.post("/vrijstellingen/V-1/", besluit_data())
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'role="alert"' in html and "drie maanden" in html
    assert "Niet opgeslagen" in html
    assert Vrijstelling.objects.get(pk="V-1").besluit == "open"


def test_besluit_ontbrekende_velden_gekoppeld_aan_het_veld(client_lpa, kind):
    vrijstelling(kind, "V-1")
    antwoord = client_lpa.post("/vrijstellingen/V-1/", besluit_data(**{"besluit-motivering": ""}))
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'id="id_besluit-motivering-fout"' in html
    assert re.search(r'aria-describedby="[^"]*id_besluit-motivering-fout"', html)
    assert 'aria-invalid="true"' in html


def test_besluit_met_verouderde_versie_geeft_409(client_lpa, kind):
    vrijstelling(kind, "V-1", verklaring_datum=date(2024, 8, 15), verklaring_door="arts",
                 versie=2)  # fmt: skip
    antwoord = client_lpa.post("/vrijstellingen/V-1/", besluit_data(versie=1))
    assert antwoord.status_code == 409
    assert "intussen gewijzigd" in antwoord.content.decode()
    assert Vrijstelling.objects.get(pk="V-1").besluit == "open"


def test_besluit_toekennen_via_het_scherm_met_beschikking(client_lpa, kind):
    vrijstelling(kind, "V-1", verklaring_datum=date(2024, 8, 15), verklaring_door="arts")
    half = besluit_data(**{"besluit-aan_naam": "De ouders van Sam"})
    antwoord = client_lpa.post("/vrijstellingen/V-1/", half)
    assert antwoord.status_code == 400 and "laat alle drie leeg" in antwoord.content.decode()
    assert Vrijstelling.objects.get(pk="V-1").besluit == "open"
    data = half | {"besluit-aan_adres": "Dorpsstraat 1", "besluit-leerling_naam": "Sam"}
    antwoord = client_lpa.post("/vrijstellingen/V-1/", data, follow=True)
    assert antwoord.redirect_chain[-1] == ("/vrijstellingen/V-1/", 302)
    html = antwoord.content.decode()
    assert "Het besluit is vastgelegd: toegekend" in html and "geen beschikking" not in html
    assert Vrijstelling.objects.get(pk="V-1").besluit == "toegekend"
    assert "Besluit op een aanvraag vrijstelling" in html  # the letter, under Documenten


def test_administratie_ziet_geen_besluitformulier_en_mag_niet_posten(
    client, administratie, met_tweede_factor, kind
):
    vrijstelling(kind, "V-1")
    c = met_tweede_factor(client, administratie)
    assert 'value="besluit"' not in c.get("/vrijstellingen/V-1/").content.decode()
    assert c.post("/vrijstellingen/V-1/", besluit_data()).status_code == 403


def test_nieuwe_aanvraag(client_lpa, kind, ander):
    data = {"persoon": kind.pk, "gemeente": kind.gemeente_id, "grond": "5c",
            "aangevraagd": "2024-08-01", "geldig_van": "2024-09-02"}  # fmt: skip
    antwoord = client_lpa.post("/vrijstellingen/nieuw/", data)
    assert antwoord.status_code == 302
    v = Vrijstelling.objects.get(persoon=kind)
    assert antwoord["Location"] == f"/vrijstellingen/{v.pk}/"
    elders = PersoonFactory(id="ELDERS1", gemeente=ander)
    antwoord = client_lpa.post("/vrijstellingen/nieuw/", data | {"persoon": elders.pk})
    assert antwoord.status_code == 400
    assert "ELDERS1" not in antwoord.content.decode()  # the typed number is not shown again
    assert not Vrijstelling.objects.filter(persoon=elders).exists()


def test_vakantieverlof_verwijst_naar_de_school(client_lpa, kind):
    data = {"persoon": kind.pk, "gemeente": kind.gemeente_id, "soort": "vakantieverlof",
            "aangevraagd": "2025-02-01", "van": "2025-03-03", "tot": "2025-03-21",
            "aantal_schooldagen": "15", "reden": "vakantie"}  # fmt: skip
    antwoord = client_lpa.post("/vrijstellingen/verlof/nieuw/", data)
    assert antwoord.status_code == 400
    assert "beslist alleen de directeur van de school" in antwoord.content.decode()
    assert not Verlofaanvraag.objects.exists()
    antwoord = client_lpa.post(
        "/vrijstellingen/verlof/nieuw/", data | {"soort": "gewichtige_omstandigheden"}
    )
    a = Verlofaanvraag.objects.get()
    assert antwoord["Location"] == f"/vrijstellingen/verlof/{a.pk}/"
    pagina = client_lpa.get(f"/vrijstellingen/verlof/{a.pk}/").content.decode()
    assert "art. 14 lid 3" in pagina
    zonder_inline(pagina)
