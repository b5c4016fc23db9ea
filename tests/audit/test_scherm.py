"""The privacy officer's screen /audit/: access, filters, pages, and looking is logged."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from audit.medewerkers import aanmelden, maak_medewerker
from leerplicht.audit import views
from leerplicht.audit.logboek import registreer, zonder_wijzigingsregels
from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from portaal.fabrieken import MeldingFactory, PersoonFactory

pytestmark = pytest.mark.django_db

BSN = "999990019"


def _tabelregels(html: str) -> int:
    return html.count('<th scope="row"')


def test_anoniem_naar_inloggen(client):
    antwoord = client.get("/audit/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/")
    assert client.post("/audit/inzage/", {"persoon": "P1"}).status_code == 302


@pytest.mark.parametrize("rol", [r for r in Rol if r is not Rol.PRIVACY_OFFICER] + [None])
def test_andere_rollen_krijgen_403(client, rol):
    gebruiker = maak_medewerker("iemand", rol)
    aanmelden(client, gebruiker)
    assert client.get("/audit/").status_code == 403
    assert client.post("/audit/inzage/", {"persoon": "P1"}).status_code == 403
    assert not Auditregel.objects.filter(object_type="auditlog").exists()


def test_privacy_officer_ziet_het_log_en_het_kijken_wordt_vastgelegd(als_privacy_officer):
    registreer("importeren")
    antwoord = als_privacy_officer.get("/audit/")
    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]
    html = antwoord.content.decode()
    assert "<caption" in html and "Auditregels, nieuwste eerst" in html
    assert '<td class="utrecht-table__cell">(opdracht op de server)</td>' in html
    assert 'href="/audit/" aria-current="page">Auditlog</a>' in html
    [gekeken] = Auditregel.objects.filter(object_type="auditlog")
    assert gekeken.actie == "inzien"
    assert gekeken.gebruikersnaam == "privacy.devries" and gekeken.rol == "privacy_officer"
    assert gekeken.toelichting == {"filter": {}, "pagina": 1}


def test_menu_toont_auditlog_alleen_aan_privacy_officer(client):
    lpa = maak_medewerker("lpa", Rol.LEERPLICHTAMBTENAAR)
    aanmelden(client, lpa)
    assert 'href="/audit/"' not in client.get("/").content.decode()


def test_filter_per_persoon(als_privacy_officer, eigen_gemeente):
    a = PersoonFactory(id="P0000001", gemeente=eigen_gemeente)
    b = PersoonFactory(id="P0000002", gemeente=eigen_gemeente)
    MeldingFactory(persoon=a, meldingsnummer="M1")
    registreer("inzien", object_type="persoon", object_id=b.id)
    antwoord = als_privacy_officer.get("/audit/", {"persoon": "P0000001"})
    html = antwoord.content.decode()
    # aanmaken of the persoon and of its melding; not the other person.
    assert _tabelregels(html) == 2
    assert "melding M1" in html and "P0000002" not in html
    gekeken = Auditregel.objects.filter(object_type="auditlog").get()
    assert gekeken.persoon_id == "P0000001"
    assert gekeken.toelichting["filter"] == {"persoon": "P0000001"}


def test_filter_per_gebruiker_en_periode(als_privacy_officer, medewerker, eigen_gemeente):
    lpa = medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    with zonder_wijzigingsregels():
        PersoonFactory(id="P1", gemeente=eigen_gemeente)
        PersoonFactory(id="P2", gemeente=eigen_gemeente)
    registreer("inzien", gebruiker=lpa, object_type="persoon", object_id="P1")
    registreer("inzien", object_type="persoon", object_id="P2")
    html = als_privacy_officer.get("/audit/", {"gebruiker": "lpa.jansen"}).content.decode()
    assert _tabelregels(html) == 1 and "persoon P1" in html
    assert ">leerplichtambtenaar</td>" in html

    vandaag = timezone.localdate()
    morgen = (vandaag + timedelta(days=1)).isoformat()
    gisteren = (vandaag - timedelta(days=1)).isoformat()
    html = als_privacy_officer.get("/audit/", {"van": morgen}).content.decode()
    assert "Er zijn geen auditregels" in html
    html = als_privacy_officer.get("/audit/", {"van": gisteren, "tot": vandaag}).content.decode()
    assert "persoon P1" in html and "persoon P2" in html


def test_foute_datums_en_bsn_geven_nederlandse_melding(als_privacy_officer):
    antwoord = als_privacy_officer.get("/audit/", {"van": "gisteren"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Vul een datum in als JJJJ-MM-DD." in html and "<title>Fout:" in html
    html = als_privacy_officer.get("/audit/", {"van": "2025-02-01", "tot": "2025-01-01"}).content
    assert "De einddatum ligt vóór de begindatum." in html.decode()
    html = als_privacy_officer.get("/audit/", {"persoon": BSN}).content.decode()
    assert "geen BSN" in html
    gekeken = Auditregel.objects.filter(object_type="auditlog").order_by("volgnummer").last()
    assert BSN not in json.dumps(gekeken.toelichting)


def test_paginas_nieuwste_eerst(als_privacy_officer, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGINA", 3)
    for i in range(7):
        registreer("exporteren", object_type="uitwisselformaat", object_id=f"X{i}")
    # 1 sign-in + 7 = 8 entries before the first look: pages of 3.
    html = als_privacy_officer.get("/audit/", {"gebruiker": ""}).content.decode()
    assert "uitwisselformaat X6" in html and "uitwisselformaat X3" not in html
    assert "Pagina 1 van 3" in html and 'rel="next"' in html
    html = als_privacy_officer.get("/audit/", {"pagina": 3}).content.decode()
    assert "Pagina 3 van 3" in html and 'rel="prev"' in html
    assert "uitwisselformaat X6" not in html


def test_inzage_download(als_privacy_officer, eigen_gemeente):
    persoon = PersoonFactory(id="P0000007", bsn=BSN, gemeente=eigen_gemeente)
    antwoord = als_privacy_officer.post("/audit/inzage/", {"persoon": "P0000007"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/zip"
    assert antwoord["Content-Disposition"] == 'attachment; filename="inzage-P0000007.zip"'
    assert "no-store" in antwoord["Cache-Control"]
    with zipfile.ZipFile(io.BytesIO(antwoord.content)) as zip_:
        gegevens = json.loads(zip_.read("inzage-P0000007.json"))
    assert gegevens["persoon"]["bsn"] == BSN
    [inzage] = Auditregel.objects.filter(actie="inzage")
    assert (inzage.persoon_id, inzage.gebruikersnaam) == (persoon.id, "privacy.devries")


def test_inzage_onbekende_persoon_en_bsn(als_privacy_officer):
    antwoord = als_privacy_officer.post("/audit/inzage/", {"persoon": "P9999999"})
    assert antwoord.status_code == 400
    assert "Er is in uw gemeenten geen persoon met dit id." in antwoord.content.decode()
    assert "P9999999" not in antwoord.content.decode()
    antwoord = als_privacy_officer.post("/audit/inzage/", {"persoon": BSN})
    assert antwoord.status_code == 400 and "geen BSN" in antwoord.content.decode()
    assert not Auditregel.objects.filter(actie="inzage").exists()


def test_andere_gemeente_blijft_onzichtbaar(als_privacy_officer, eigen_gemeente, andere_gemeente):
    """The privacy officer supervises the own gemeenten: entries and inzage of a person
    elsewhere look as if the person does not exist."""
    eigen = PersoonFactory(id="P0000001", gemeente=eigen_gemeente)
    ander = PersoonFactory(id="P0000002", bsn=BSN, gemeente=andere_gemeente)
    registreer("inzien", object_type="persoon", object_id=ander.id)
    registreer("inzien", object_type="persoon", object_id=eigen.id)
    html = als_privacy_officer.get("/audit/").content.decode()
    assert "P0000001" in html and "P0000002" not in html
    html = als_privacy_officer.get("/audit/", {"persoon": ander.id}).content.decode()
    assert "Er zijn geen auditregels" in html and "persoon P0000002" not in html
    antwoord = als_privacy_officer.post("/audit/inzage/", {"persoon": ander.id})
    assert antwoord.status_code == 400
    assert "Er is in uw gemeenten geen persoon met dit id." in antwoord.content.decode()
    assert "P0000002" not in antwoord.content.decode()
    assert BSN not in antwoord.content.decode()
    assert not Auditregel.objects.filter(actie="inzage").exists()


def test_privacy_officer_zonder_gemeente_ziet_niets(client, medewerker):
    zonder = medewerker("privacy.zonder", Rol.PRIVACY_OFFICER)
    aanmelden(client, zonder)
    persoon = PersoonFactory()
    registreer("importeren", object_type="uitwisselformaat")
    html = client.get("/audit/").content.decode()
    assert persoon.id not in html and "uitwisselformaat" not in html


def test_inzage_alleen_met_post(als_privacy_officer):
    assert als_privacy_officer.get("/audit/inzage/", {"persoon": "P1"}).status_code == 405
