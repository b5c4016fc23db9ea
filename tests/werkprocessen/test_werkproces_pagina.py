"""The werkproces page: the law's rules through the forms (400, nothing saved), two people
saving (409, the first change stays), documents, closing, reopening and the transfer."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.domein.interventieregels import datum_tekst
from leerplicht.werkprocessen.models import Document, Gebeurtenis, Interventie, Notitie
from paginaregels import zonder_inline_script_of_stijl
from portaal.fabrieken import InterventieFactory, MeldingFactory
from werkprocessen.werkproceszaak import Zaak, jaren_geleden

pytestmark = pytest.mark.django_db

CONFLICT = (
    "Iemand anders heeft dit werkproces intussen gewijzigd. Laad de pagina opnieuw; "
    "uw wijziging is niet opgeslagen."
)


def vandaag() -> date:
    return timezone.localdate()


def interventie(zaak: Zaak, versie: int | None = None, **velden) -> dict:
    data = {
        "interventie-versie": versie or zaak.vers().versie,
        "interventie-datum": vandaag().isoformat(),
        "interventie-soort": "gesprek",
    }
    return data | {f"interventie-{k}": v for k, v in velden.items()}


def sluit(zaak: Zaak, **velden) -> dict:
    data = {"sluiten-versie": zaak.vers().versie, "sluiten-datum": vandaag().isoformat()}
    return data | {f"sluiten-{k}": v for k, v in velden.items()}


def html(antwoord) -> str:
    return antwoord.content.decode()


def test_pagina_toont_kop_tijdlijn_en_logt_inzien(zaak: Zaak):
    w = zaak.werkproces
    MeldingFactory(persoon=w.persoon, werkproces=w, datum=date(vandaag().year - 1, 9, 2))
    MeldingFactory(persoon=w.persoon, werkproces=w, datum=date(vandaag().year - 1, 10, 2))
    InterventieFactory(
        werkproces=w, soort="verwijzing_hulpverlening", datum=date(vandaag().year - 1, 9, 5)
    )
    antwoord = zaak.lpa.get(zaak.url())
    tekst = html(antwoord)
    assert antwoord.status_code == 200
    assert tekst.count("<h1") == 1
    assert f'href="/personen/{w.persoon_id}/"' in tekst
    assert "11 jaar" in tekst and "relatief verzuim" in tekst
    assert "vrijwillige (jeugd)hulp" in tekst  # the MAS route
    assert tekst.count("herhaalde melding") == 2  # the 2nd melding: marker and detail
    assert "<caption" in tekst and '<th scope="col"' in tekst
    assert zonder_inline_script_of_stijl(tekst)
    assert "no-store" in antwoord["Cache-Control"]
    regel = Auditregel.objects.filter(actie="inzien", object_type="werkproces").last()
    assert regel.object_id == w.pk and regel.persoon_id == w.persoon_id


def test_plek_voor_brief_versturen(zaak: Zaak, settings):
    """Task C's letter form is included once its template exists; without it the page works."""
    from django.template import TemplateDoesNotExist
    from django.template.loader import select_template

    try:
        select_template(["brieven/brief_versturen.html"])
        bestaat = True
    except TemplateDoesNotExist:
        bestaat = False
    tekst = html(zaak.lpa.get(zaak.url()))
    assert ("Brief versturen" in tekst) == bestaat
    # Without the template (another app's templates left out): still a page, no form.
    settings.TEMPLATES = [
        {
            **t,
            "APP_DIRS": False,
            "OPTIONS": {**t.get("OPTIONS", {}), "loaders": [_zonder_brieven()]},
        }
        for t in settings.TEMPLATES
    ]
    antwoord = zaak.lpa.get(zaak.url())
    assert antwoord.status_code == 200 and "Brief versturen" not in html(antwoord)


def _zonder_brieven():
    from django.apps import apps

    mappen = [str(a.path) + "/templates" for a in apps.get_app_configs() if a.label != "brieven"]
    return ("django.template.loaders.filesystem.Loader", mappen)


def test_interventie_vastleggen(zaak: Zaak):
    antwoord = zaak.lpa.post(zaak.url("interventie"), interventie(zaak, toelichting="Afspraak"))
    assert antwoord.status_code == 302
    i = Interventie.objects.get()
    assert i.pk == f"{zaak.werkproces.pk}-I1"
    assert i.door == "lpa" and i.toelichting == "Afspraak"
    assert zaak.vers().versie == 2
    assert "De interventie is vastgelegd." in html(zaak.lpa.get(zaak.url()))
    zaak.lpa.post(zaak.url("interventie"), interventie(zaak))
    assert Interventie.objects.filter(pk=f"{zaak.werkproces.pk}-I2").exists()


def test_proces_verbaal_tegen_elfjarige_geweigerd(zaak: Zaak):
    data = interventie(zaak, soort="proces_verbaal", tegen="jongere", verzuim="relatief")
    antwoord = zaak.lpa.post(zaak.url("interventie"), data)
    assert antwoord.status_code == 400
    verwacht = (
        "Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar (art. 22 lid 3 "
        f"Leerplichtwet); de leerling is op {datum_tekst(vandaag())} 11 jaar."
    )
    tekst = html(antwoord)
    assert verwacht in tekst
    assert 'role="alert"' in tekst
    assert 'aria-describedby="id_interventie-tegen-fout"' in tekst
    assert 'id="id_interventie-tegen-fout"' in tekst
    assert not Interventie.objects.exists()
    assert zaak.vers().versie == 1  # nothing stored, not even the versie


def test_halt_onder_twaalf_geweigerd(zaak: Zaak):
    antwoord = zaak.lpa.post(zaak.url("interventie"), interventie(zaak, soort="halt"))
    assert antwoord.status_code == 400
    assert "Een Halt-verwijzing kan pas vanaf 12 jaar" in html(antwoord)
    assert not Interventie.objects.exists()


def test_proces_verbaal_tegen_ouders_en_om_gegevens(zaak: Zaak):
    data = interventie(zaak, soort="proces_verbaal", tegen="ouders", verzuim="luxe")
    assert zaak.lpa.post(zaak.url("interventie"), data).status_code == 302
    pv = Interventie.objects.get()
    om = {
        "om-versie": zaak.vers().versie,
        "om-interventie": pv.pk,
        "om-om_beslissing": "dagvaarding",
        "om-zittingsdatum": (vandaag() - timedelta(days=1)).isoformat(),
        "om-sanctie": "boete",
    }
    # A hearing before the proces-verbaal: refused.
    fout = om | {"om-zittingsdatum": (vandaag() - timedelta(days=30)).isoformat()}
    assert zaak.lpa.post(zaak.url("om-gegevens"), fout).status_code == 400
    om["om-zittingsdatum"] = vandaag().isoformat()
    assert zaak.lpa.post(zaak.url("om-gegevens"), om).status_code == 302
    pv.refresh_from_db()
    assert (pv.om_beslissing, pv.zittingsdatum, pv.sanctie) == ("dagvaarding", vandaag(), "boete")
    assert "OM: dagvaarding (zitting)" in html(zaak.lpa.get(zaak.url()))


def test_sluiten_zonder_resultaat_geweigerd(zaak: Zaak):
    antwoord = zaak.lpa.post(zaak.url("sluiten"), sluit(zaak))
    assert antwoord.status_code == 400
    assert "Kies een resultaat: een werkproces sluit altijd met een resultaat." in html(antwoord)
    assert zaak.vers().gesloten is None


def test_sluiten_met_halt_zonder_uitkomst_geweigerd_en_daarna_wel(zaak: Zaak):
    halt = InterventieFactory(werkproces=zaak.werkproces, soort="halt", datum=vandaag())
    antwoord = zaak.lpa.post(zaak.url("sluiten"), sluit(zaak, resultaat="school"))
    assert antwoord.status_code == 400
    assert "Leg eerst de uitkomst van de Halt-verwijzing vast" in html(antwoord)
    assert zaak.vers().gesloten is None
    uitkomst = {
        "halt-versie": zaak.vers().versie,
        "halt-interventie": halt.pk,
        "halt-uitkomst": "positief",
    }
    assert zaak.lpa.post(zaak.url("halt-uitkomst"), uitkomst).status_code == 302
    assert zaak.lpa.post(zaak.url("sluiten"), sluit(zaak, resultaat="school")).status_code == 302
    w = zaak.vers()
    assert (w.gesloten, w.resultaat) == (vandaag(), "school")
    assert Gebeurtenis.objects.filter(werkproces=w, soort="gesloten", door="lpa").exists()


def test_twee_mensen_slaan_tegelijk_op(zaak: Zaak):
    """Both load the page (same versie); the first saves, the second gets 409 and the first's
    change stays."""
    pagina = html(zaak.lpa.get(zaak.url()))
    versie = int(re.search(r'name="notitie-versie" value="(\d+)"', pagina).group(1))
    eerste = {"notitie-versie": versie, "notitie-tekst": "Eerste"}
    tweede = {"notitie-versie": versie, "notitie-tekst": "Tweede"}
    assert zaak.lpa.post(zaak.url("notitie"), eerste).status_code == 302
    antwoord = zaak.lpa2.post(zaak.url("notitie"), tweede)
    assert antwoord.status_code == 409
    assert CONFLICT in html(antwoord)
    assert list(Notitie.objects.values_list("tekst", flat=True)) == ["Eerste"]
    # Also for a change of the werkproces itself.
    a = sluit(zaak, resultaat="school")
    b = sluit(zaak, resultaat="verhuisd")
    assert zaak.lpa.post(zaak.url("sluiten"), a).status_code == 302
    assert zaak.lpa2.post(zaak.url("sluiten"), b).status_code == 409
    assert zaak.vers().resultaat == "school"


def test_htmx_krijgt_dezelfde_foutpagina_om_te_wisselen(zaak: Zaak):
    """htmx gets the same error page with the same status: the page's htmx config swaps
    400 and 409 (portaal/basis.html, responseHandling) like a 2xx."""
    antwoord = zaak.lpa.post(zaak.url("sluiten"), sluit(zaak), HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 400
    tekst = html(antwoord)
    assert '{"code":"40[09]","swap":true,"error":false}' in tekst
    assert 'id="inhoud"' in tekst and 'role="alert"' in tekst
    assert "Kies een resultaat" in tekst
    assert zaak.vers().gesloten is None
    pagina = html(zaak.lpa.get(zaak.url()))
    assert 'hx-post="/werkprocessen/' in pagina and 'hx-select="#inhoud"' in pagina


def test_document_uploaden_en_downloaden(zaak: Zaak):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bestand = SimpleUploadedFile("Verzuimstaat Jan.pdf", b"%PDF-1.4 inhoud", "application/pdf")
    data = {
        "document-versie": 1,
        "document-soort": "verzuimstaat",
        "document-titel": "Verzuimstaat",
        "document-bestand": bestand,
    }
    assert zaak.administratie.post(zaak.url("document"), data).status_code == 302
    doc = Document.objects.get()
    assert doc.persoon_id == zaak.werkproces.persoon_id and doc.mediatype == "application/pdf"
    assert f"/werkprocessen/document/{doc.pk}/" in html(zaak.lpa.get(zaak.url()))
    antwoord = zaak.lpa.get(f"/werkprocessen/document/{doc.pk}/")
    assert antwoord.status_code == 200
    assert antwoord.content == b"%PDF-1.4 inhoud"
    assert antwoord["Content-Disposition"] == f'attachment; filename="document-{doc.pk}.pdf"'
    assert Auditregel.objects.filter(actie="downloaden", object_id=str(doc.pk)).exists()


def test_document_verkeerd_soort_geweigerd(zaak: Zaak):
    from django.core.files.uploadedfile import SimpleUploadedFile

    nep = SimpleUploadedFile("staat.pdf", b"MZ\x90\x00 programma", "application/pdf")
    data = {
        "document-versie": 1,
        "document-soort": "verzuimstaat",
        "document-titel": "Verzuimstaat",
        "document-bestand": nep,
    }
    antwoord = zaak.lpa.post(zaak.url("document"), data)
    assert antwoord.status_code == 400
    assert "De inhoud van het bestand is geen PDF" in html(antwoord)
    data["document-bestand"] = SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream")
    assert "Dit soort bestand kan niet" in html(zaak.lpa.post(zaak.url("document"), data))
    assert not Document.objects.exists() and zaak.vers().versie == 1


def test_rollen(zaak: Zaak):
    # The administratie makes notes but handles no interventies.
    assert zaak.administratie.post(zaak.url("interventie"), interventie(zaak)).status_code == 403
    assert (
        zaak.administratie.post(
            zaak.url("notitie"), {"notitie-versie": 1, "notitie-tekst": "Gebeld"}
        ).status_code
        == 302
    )
    assert zaak.lpa.get(zaak.url("sluiten")).status_code == 405


def test_heropenen_alleen_teammanager(zaak: Zaak):
    assert zaak.lpa.post(zaak.url("sluiten"), sluit(zaak, resultaat="school")).status_code == 302
    data = {"heropenen-versie": zaak.vers().versie}
    assert zaak.lpa.post(zaak.url("heropenen"), data).status_code == 403
    assert "Werkproces heropenen" in html(zaak.teammanager.get(zaak.url()))
    assert zaak.teammanager.post(zaak.url("heropenen"), data).status_code == 302
    w = zaak.vers()
    assert (w.gesloten, w.resultaat) == (None, None)
    assert Gebeurtenis.objects.filter(werkproces=w, soort="heropend").exists()
    # An open werkproces cannot be reopened.
    again = {"heropenen-versie": w.versie}
    antwoord = zaak.teammanager.post(zaak.url("heropenen"), again)
    assert antwoord.status_code == 400
    assert "Een werkproces met status &#x27;open&#x27; kan niet naar &#x27;open&#x27;." in html(
        antwoord
    )


def test_warme_overdracht_pas_vanaf_achttien(zaak: Zaak):
    data = {"overdracht-versie": 1, "overdracht-datum": vandaag().isoformat()}
    antwoord = zaak.lpa.post(zaak.url("overdragen-dsp"), data)
    assert antwoord.status_code == 400
    assert "kan pas als de leerling 18 is" in html(antwoord)
    persoon = zaak.werkproces.persoon
    persoon.geboortedatum = jaren_geleden(18)
    persoon.save()
    assert zaak.lpa.post(zaak.url("overdragen-dsp"), data).status_code == 302
    w = zaak.vers()
    assert (w.gesloten, w.resultaat) == (vandaag(), "overdracht_dsp")
    assert Gebeurtenis.objects.filter(werkproces=w, soort="overdracht_dsp").exists()


def test_behandelaar_wijzigen(zaak: Zaak):
    data = {"behandelaar-versie": 1, "behandelaar-behandelaar": "lpa2"}
    assert zaak.lpa.post(zaak.url("behandelaar"), data).status_code == 302
    assert zaak.vers().behandelaar == "lpa2"
    # The administratie does not handle werkprocessen: not a choice.
    data = {"behandelaar-versie": 2, "behandelaar-behandelaar": "administratie"}
    assert zaak.lpa.post(zaak.url("behandelaar"), data).status_code == 400
