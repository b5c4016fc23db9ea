"""The 18+ screens: the melding page shows the consulent's task, the outcome page and the
traject page store through the services (versie, Dutch errors, audit)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.meldingen import route
from leerplicht.meldingen.models import Melding
from leerplicht.toegang.models import Medewerker
from leerplicht.werkprocessen import verzuim_18plus as dienst
from leerplicht.werkprocessen.diensten import Regelfout
from leerplicht.werkprocessen.models import Werkproces
from toegang.toegangswereld import aangemeld

pytestmark = pytest.mark.django_db


@pytest.fixture
def client18(regio18) -> Client:
    return aangemeld(regio18.consulent)


def _melding(r, nummer, datum, actie):
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=r.persoon, gemeente=r.gemeente, datum=datum,
        soort="18plus", school=r.mbo, status="compleet", bron="duo", actie_gewenst=actie,
    )  # fmt: skip


def _werkproces(r, type_="verzuim_18plus", **extra):
    return Werkproces.objects.create(
        id="W18", persoon=r.persoon, gemeente=r.gemeente, type=type_,
        geopend=date(2025, 1, 6), **extra,
    )  # fmt: skip


def test_meldingpagina_toont_contact_ondanks(regio18, client18):
    eerste = _melding(regio18, "M1", date(2024, 10, 1), False)
    route.overdragen(eerste, 1, door="admin", vandaag=eerste.datum)
    _melding(regio18, "M2", date(2025, 2, 1), False)
    # The administratie's page (the melding route is theirs).
    admin = Medewerker.objects.create(
        gebruiker=type(regio18.consulent).objects.create_user("admin.18"),
        rol=Rol.ADMINISTRATIEF_MEDEWERKER,
    )
    admin.gemeenten.set([regio18.gemeente])
    c = aangemeld(admin.gebruiker)
    html = c.get("/meldingen/M2/").content.decode()
    assert "Contact opnemen: contact ondanks geen actie gewenst (herhaald)" in html
    html1 = c.get("/meldingen/M1/").content.decode()
    assert "ter kennisneming (geen actie gewenst)" in html1


def test_uitkomst_vastleggen_via_scherm(regio18, client18):
    w = _werkproces(regio18)
    pad = f"/werkprocessen/{w.pk}/uitkomst-18plus/"
    pagina = client18.get(pad)
    assert pagina.status_code == 200 and "Uitkomst vastleggen" in pagina.content.decode()
    assert Auditregel.objects.filter(object_id=w.pk, actie="inzien").exists()
    r = client18.post(pad, {"uitkomst18-versie": 1, "uitkomst18-uitkomst_18plus": "gestopt"})
    assert r.status_code == 302
    w.refresh_from_db()
    assert (w.uitkomst_18plus, w.versie) == ("gestopt", 2)
    # A stale form: 409 with the Dutch conflict message, nothing overwritten.
    r = client18.post(pad, {"uitkomst18-versie": 1, "uitkomst18-uitkomst_18plus": "uit_beeld"})
    assert r.status_code == 409
    assert "Iemand anders heeft dit werkproces intussen gewijzigd" in r.content.decode()
    w.refresh_from_db()
    assert w.uitkomst_18plus == "gestopt"


def test_uitkomst_zonder_keuze_geeft_melding_bij_veld(regio18, client18):
    w = _werkproces(regio18)
    r = client18.post(f"/werkprocessen/{w.pk}/uitkomst-18plus/", {"uitkomst18-versie": 1})
    html = r.content.decode()
    assert r.status_code == 400 and "Kies een uitkomst." in html and 'role="alert"' in html
    assert 'aria-describedby="id_uitkomst18-uitkomst_18plus-fout"' in html


def test_werkprocespagina_toont_uitkomst_en_link(regio18, client18):
    w = _werkproces(regio18, "zorg_preventie_18plus", reden_18plus="geen_stage")
    html = client18.get(f"/werkprocessen/{w.pk}/").content.decode()
    assert "geen stage" in html and f"/werkprocessen/{w.pk}/uitkomst-18plus/" in html


def test_traject_openen_via_scherm(regio18, client18):
    pad = f"/werkprocessen/persoon/{regio18.persoon.pk}/zorg-preventie-18plus/"
    assert client18.get(pad).status_code == 200
    r = client18.post(pad, {"traject-reden_18plus": "negatief_studieadvies"})
    assert r.status_code == 302
    w = Werkproces.objects.get(type="zorg_preventie_18plus")
    assert r["Location"] == f"/werkprocessen/{w.pk}/"
    assert (w.reden_18plus, w.behandelaar) == ("negatief_studieadvies", "dsp.de.boer")


def test_traject_niet_onder_18(regio18, client18):
    regio18.persoon.geboortedatum = date.today().replace(year=date.today().year - 12)
    regio18.persoon.save()
    # A consulent does not see a 12-year-old at all; the rule itself is in the service.
    with pytest.raises(Regelfout, match="18 jaar en ouder"):
        dienst.open_zorg_preventie_traject(
            regio18.persoon, regio18.gemeente, reden="advies", door="x"
        )
    assert not Werkproces.objects.exists()
