"""The letter screens: the beheerder's templates (upload checks, preview, download) and
sending a letter from a werkproces, without JavaScript."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from docx import Document as WordDocument

from brieven.brief_hulp import GEGEVENS, maak_medewerker, maak_zaak, pdf_tekst
from brieven.test_brief_weergave import docx_met
from leerplicht.audit.models import Auditregel
from leerplicht.brieven.models import Briefsjabloon
from leerplicht.brieven.soorten import BRIEFSOORTEN
from leerplicht.brieven.standaardsjablonen import standaard_docx
from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Document, Interventie, Werkproces
from paginaregels import zonder_inline_script_of_stijl

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(client: Client, soort: str, inhoud: bytes, versie="", naam="sjabloon.docx"):
    return client.post(
        f"/brieven/{soort}/",
        {"versie": versie, "bestand": SimpleUploadedFile(naam, inhoud, content_type=DOCX)},
    )


# --- templates ---------------------------------------------------------------------------


def test_sjablonenpagina(beheerder):
    antwoord = beheerder.get("/brieven/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert zonder_inline_script_of_stijl(html)
    for naam in BRIEFSOORTEN.values():
        assert naam in html
    assert "leerling.naam" in html  # the list of placeholders
    assert html.count("<h1") == 1


def test_nieuwe_versie_uploaden(beheerder):
    eigen = docx_met("Beste {{ aan.naam }},", "Wij nodigen {{ leerling.naam }} uit.")
    antwoord = _upload(beheerder, "kennisgevingsbrief", eigen)
    assert antwoord.status_code == 302
    sjabloon = Briefsjabloon.objects.get(soort="kennisgevingsbrief")
    assert (sjabloon.versie, sjabloon.gewijzigd_door) == (2, "beheer")
    assert bytes(sjabloon.docx) == eigen
    regel = Auditregel.objects.get(actie="wijzigen", object_type="briefsjabloon")
    assert regel.object_id == "kennisgevingsbrief"
    assert regel.toelichting == {"versie": 2}
    # Next upload with the version the page showed (2) -> 3; with a stale one -> conflict.
    assert _upload(beheerder, "kennisgevingsbrief", eigen, versie="2").status_code == 302
    antwoord = _upload(beheerder, "kennisgevingsbrief", eigen, versie="2")
    assert antwoord.status_code == 409
    assert "Iemand anders heeft dit sjabloon intussen gewijzigd" in antwoord.content.decode()
    assert Briefsjabloon.objects.get(soort="kennisgevingsbrief").versie == 3


def test_onbekende_plaatshouder_wordt_geweigerd(beheerder):
    antwoord = _upload(beheerder, "waarschuwing", docx_met("Beste {{ leerling.roepnaam }}"))
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'role="alert"' in html
    assert "onbekende plaatshouder {{ leerling.roepnaam }}" in html
    assert 'aria-describedby="hulp-waarschuwing fout-waarschuwing"' in html
    assert not Briefsjabloon.objects.exists()


def test_geen_docx_wordt_geweigerd(beheerder):
    antwoord = _upload(beheerder, "waarschuwing", b"<html>geen brief</html>", naam="brief.html")
    assert antwoord.status_code == 400
    assert "geen Word-document" in antwoord.content.decode()
    assert not Briefsjabloon.objects.exists()


def test_zonder_bestand(beheerder):
    antwoord = beheerder.post("/brieven/waarschuwing/", {"versie": ""})
    assert antwoord.status_code == 400
    assert "Kies een .docx-bestand" in antwoord.content.decode()


def test_sjabloon_downloaden(beheerder):
    antwoord = beheerder.get("/brieven/uitnodiging/")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == DOCX
    assert "sjabloon-uitnodiging.docx" in antwoord["Content-Disposition"]
    tekst = "\n".join(p.text for p in WordDocument(io.BytesIO(antwoord.content)).paragraphs)
    assert "{{ gesprek.plaats }}" in tekst
    assert Auditregel.objects.filter(actie="downloaden", object_id="uitnodiging").exists()


def test_voorbeeld_als_pdf(beheerder):
    antwoord = beheerder.get("/brieven/besluit_vrijstelling/voorbeeld/")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert "Sanne Voorbeeld" in pdf_tekst(antwoord.content)


# --- sending -------------------------------------------------------------------------------


def test_formulier_tonen(lpa, zaak):
    antwoord = lpa.get(f"/brieven/werkproces/{zaak.werkproces.pk}/?soort=uitnodiging")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert zonder_inline_script_of_stijl(html)
    assert '<option value="uitnodiging" selected>' in html
    assert f'name="versie" value="{zaak.werkproces.versie}"' in html
    assert 'for="brief-aan_naam"' in html
    assert Auditregel.objects.filter(
        actie="inzien", object_type="werkproces", object_id=zaak.werkproces.pk
    ).exists()


def _post(client, zaak, **anders):
    data = {"soort": "waarschuwing", "versie": zaak.werkproces.versie, **GEGEVENS, **anders}
    return client.post(f"/brieven/werkproces/{zaak.werkproces.pk}/", data)


def test_waarschuwing_met_kopie_versturen(lpa, zaak):
    antwoord = _post(lpa, zaak, kopie_aan_school="on", afspraken="Elke dag\r\nop tijd")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/werkprocessen/{zaak.werkproces.pk}/"
    documenten = Document.objects.filter(werkproces=zaak.werkproces).order_by("pk")
    assert len(documenten) == 2
    tekst = pdf_tekst(documenten[0].inhoud)
    assert "Noor Jansen" in tekst
    assert "Elke dag op tijd" in tekst
    assert "Kopie aan: Het Lyceum Tielerwaard" in pdf_tekst(documenten[1].inhoud)
    assert Interventie.objects.get(werkproces=zaak.werkproces).soort == "waarschuwing"
    assert Werkproces.objects.get(pk=zaak.werkproces.pk).versie == zaak.werkproces.versie + 1


def test_ontbrekende_gegevens(lpa, zaak):
    antwoord = _post(lpa, zaak, soort="uitnodiging", gesprek_tijd="", gesprek_plaats="")
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Vul &#x27;Tijd van het gesprek&#x27; in" in html
    assert 'aria-invalid="true"' in html
    assert not Document.objects.exists()


def test_conflict(lpa, zaak):
    Werkproces.objects.filter(pk=zaak.werkproces.pk).update(versie=zaak.werkproces.versie + 1)
    antwoord = _post(lpa, zaak)
    assert antwoord.status_code == 409
    assert "Iemand anders heeft dit werkproces intussen gewijzigd" in antwoord.content.decode()
    assert not Document.objects.exists()


def test_regel_van_de_wet_komt_in_het_formulier(lpa, met_tweede_factor):
    from datetime import date

    jong = maak_zaak("GM9303", "Culemborg", geboortedatum=date(2016, 2, 2))
    klant = met_tweede_factor(
        Client(), maak_medewerker("lpa2", Rol.LEERPLICHTAMBTENAAR, jong.gemeente)
    )
    antwoord = _post(klant, jong, soort="halt_verwijzing")
    assert antwoord.status_code == 400
    assert "12" in antwoord.content.decode()
    assert not Document.objects.exists()


def test_formulier_op_de_werkprocespagina(lpa, zaak):
    antwoord = lpa.get(f"/werkprocessen/{zaak.werkproces.pk}/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert f'action="/brieven/werkproces/{zaak.werkproces.pk}/"' in html
    assert "Brief maken en opslaan" in html


def test_standaardsjabloon_zonder_opgeslagen_rij(beheerder):
    assert not Briefsjabloon.objects.exists()
    antwoord = beheerder.get("/brieven/waarschuwing/")

    def tekst(inhoud: bytes) -> list[str]:
        return [p.text for p in WordDocument(io.BytesIO(inhoud)).paragraphs]

    assert tekst(antwoord.content) == tekst(standaard_docx("waarschuwing"))
