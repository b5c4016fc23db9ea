"""The Doorstroompunt screens: the overview lists, the traject page (scoped, audited), its
forms (400 with a message, 409 on a conflict), and taking on a warm transfer."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.doorstroompunt.voorstellen import maak_voorstellen
from leerplicht.werkprocessen.models import Werkproces
from paginaregels import zonder_inline_script_of_stijl
from portaal.fabrieken import PersoonFactory, VsvFactory, WerkprocesFactory

pytestmark = pytest.mark.django_db

CONFLICT = (
    "Iemand anders heeft dit vsv-traject intussen gewijzigd. Laad de pagina opnieuw; "
    "uw wijziging is niet opgeslagen."
)


def vandaag() -> date:
    return timezone.localdate()


def traject(regio, **velden) -> Vsv:
    persoon = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(vandaag().year - 20, 1, 1))
    velden.setdefault("uitgeschreven", vandaag() - timedelta(days=400))
    return VsvFactory(persoon=persoon, gemeente=regio.gemeente, **velden)


def test_overzicht_toont_de_lijsten(regio):
    in_behandeling = traject(regio)
    verlopen = traject(regio, monitoring_vanaf=vandaag() - timedelta(days=200))
    oud = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(vandaag().year - 30, 1, 1))
    voorstel = VsvFactory(persoon=oud, gemeente=regio.gemeente, uitgeschreven=date(2019, 1, 1))
    overdracht = WerkprocesFactory(
        persoon__gemeente=regio.gemeente, gemeente=regio.gemeente, gesloten=vandaag(),
        resultaat="overdracht_dsp", geopend=vandaag() - timedelta(days=50),
    )  # fmt: skip
    maak_voorstellen()
    antwoord = regio.consulent.get("/doorstroompunt/")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert tekst.count("<h1") == 1
    assert zonder_inline_script_of_stijl(tekst)
    for v in (in_behandeling, verlopen, voorstel):
        assert f"/doorstroompunt/{v.pk}/" in tekst
    assert f"/doorstroompunt/overdracht/{overdracht.pk}/aannemen/" in tekst
    assert "Monitoring aan de beurt (1)" in tekst
    assert "Voorstellen (1)" in tekst
    # The 2019 leaver is an oud-vsv'er, followed with the same statuses.
    rij = re.search(rf"{voorstel.pk}</a></th>(.*?)</tr>", tekst, flags=re.S).group(1)
    assert '<td class="utrecht-table__cell">oud</td>' in rij
    assert Auditregel.objects.filter(
        actie="inzien", object_type="doorstroompunt_overzicht"
    ).exists()
    # Another gemeente's consulent sees none of it.
    ander = regio.consulent_ander.get("/doorstroompunt/").content.decode()
    assert in_behandeling.pk not in ander and overdracht.pk not in ander


def test_overzicht_alleen_consulent_en_teammanager(regio):
    assert regio.teammanager.get("/doorstroompunt/").status_code == 200
    assert regio.lpa.get("/doorstroompunt/").status_code == 403


def test_trajectpagina_gelogd_en_afgeschermd(regio):
    vsv = traject(regio)
    antwoord = regio.consulent.get(f"/doorstroompunt/{vsv.pk}/")
    assert antwoord.status_code == 200
    assert zonder_inline_script_of_stijl(antwoord.content.decode())
    regel = Auditregel.objects.get(actie="inzien", object_type="vsv", object_id=vsv.pk)
    assert regel.persoon_id == vsv.persoon_id
    assert regio.consulent_ander.get(f"/doorstroompunt/{vsv.pk}/").status_code == 404
    # The leerplichtambtenaar reads (toegang.beleid) but gets no forms.
    lpa = regio.lpa.get(f"/doorstroompunt/{vsv.pk}/").content.decode()
    assert "/monitoring/" not in lpa


def test_naar_monitoring_en_afronden_via_formulieren(regio):
    vsv = traject(regio)
    url = f"/doorstroompunt/{vsv.pk}/"
    antwoord = regio.consulent.post(url + "monitoring/", {
        "monitoring-versie": 1, "monitoring-resultaat": "werk_kort",
        "monitoring-datum": vandaag().isoformat(), "monitoring-toelichting": "",
    })  # fmt: skip
    assert antwoord.status_code == 302
    vsv.refresh_from_db()
    assert (vsv.monitoring_vanaf, vsv.resultaat, vsv.versie) == (vandaag(), "werk_kort", 2)
    antwoord = regio.consulent.post(url + "afronden/", {
        "afronden-versie": 2, "afronden-resultaat": "startkwalificatie",
        "afronden-datum": vandaag().isoformat(),
    })  # fmt: skip
    assert antwoord.status_code == 302
    vsv.refresh_from_db()
    assert (vsv.afgerond_op, vsv.resultaat) == (vandaag(), "startkwalificatie")


def test_fout_en_conflict(regio):
    vsv = traject(regio)
    url = f"/doorstroompunt/{vsv.pk}/monitoring/"
    leeg = regio.consulent.post(url, {"monitoring-versie": 1, "monitoring-datum": "31-02-2025"})
    tekst = leeg.content.decode()
    assert leeg.status_code == 400
    assert 'role="alert"' in tekst and "Kies een resultaat." in tekst
    assert 'aria-describedby="id_monitoring-datum-fout"' in tekst
    Vsv.objects.filter(pk=vsv.pk).update(versie=5)
    conflict = regio.consulent.post(url, {
        "monitoring-versie": 1, "monitoring-resultaat": "zzp",
        "monitoring-datum": vandaag().isoformat(),
    })  # fmt: skip
    assert conflict.status_code == 409
    assert CONFLICT in conflict.content.decode()
    assert Vsv.objects.get(pk=vsv.pk).monitoring_vanaf is None


def test_voorstel_bevestigen(regio):
    oud = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(vandaag().year - 30, 1, 1))
    vsv = VsvFactory(persoon=oud, gemeente=regio.gemeente, uitgeschreven=date(2019, 1, 1))
    assert (
        "Voorstel: geen doelgroep meer"
        not in regio.consulent.get(f"/doorstroompunt/{vsv.pk}/").content.decode()
    )  # not before the sweep has stored it
    maak_voorstellen()
    pagina = regio.consulent.get(f"/doorstroompunt/{vsv.pk}/").content.decode()
    assert "Voorstel: geen doelgroep meer" in pagina
    assert "Voorstel afwijzen" in pagina
    antwoord = regio.consulent.post(f"/doorstroompunt/{vsv.pk}/voorstel/", {"voorstel-versie": 2})
    assert antwoord.status_code == 302
    vsv.refresh_from_db()
    assert vsv.resultaat == "geen_doelgroep"
    assert vsv.afgerond_op is not None


def test_overdracht_aannemen_geeft_toegang(regio):
    persoon = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(vandaag().year - 17, 1, 1))
    overdracht = WerkprocesFactory(
        persoon=persoon, gesloten=vandaag(), resultaat="overdracht_dsp",
        geopend=vandaag() - timedelta(days=50),
    )  # fmt: skip
    # Under 18 and no Doorstroompunt work yet: the consulent cannot open the dossier.
    assert regio.consulent.get(f"/personen/{persoon.pk}/").status_code == 404
    pad = f"/doorstroompunt/overdracht/{overdracht.pk}/aannemen/"
    assert regio.consulent_ander.post(pad).status_code == 404
    assert regio.lpa.post(pad).status_code == 403
    antwoord = regio.consulent.post(pad)
    assert antwoord.status_code == 302
    nieuw = Werkproces.objects.exclude(pk=overdracht.pk).get(persoon=persoon)
    assert antwoord["Location"] == f"/werkprocessen/{nieuw.pk}/"
    assert regio.consulent.get(f"/personen/{persoon.pk}/").status_code == 200
    assert regio.consulent.post(pad).status_code == 404  # taken already
