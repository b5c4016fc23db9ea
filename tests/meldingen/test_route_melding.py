"""The administratie's route on a melding (meldingen.route): each step, the DUO status it
sets, the hand-over (new werkproces or joining an open one), and optimistic locking."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from leerplicht.domein.bsn import test_bsn
from leerplicht.meldingen import route
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon
from leerplicht.werkprocessen.models import Document, Gebeurtenis, Toewijzingsregel, Werkproces

pytestmark = pytest.mark.django_db

VANDAAG = date(2025, 3, 5)


@pytest.fixture
def persoon(regio):
    return Persoon.objects.create(
        id="P1", bsn=test_bsn(41), geboortedatum=date(2011, 4, 1), gemeente=regio.gemeente
    )


def _melding(regio, persoon, nummer="M1", soort="wettelijk", status="nieuw", school=None, **extra):
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=persoon, gemeente=regio.gemeente, datum=VANDAAG,
        soort=soort, school=school or regio.school, status=status, bron="duo", **extra,
    )  # fmt: skip


def test_verzuimstaat_opvragen_geeft_een_week(regio, persoon):
    m = route.verzuimstaat_opvragen(_melding(regio, persoon), 1, vandaag=VANDAAG)
    m.refresh_from_db()
    assert m.status == "verzuimstaat_opgevraagd"
    assert (m.verzuimstaat_opgevraagd_op, m.verzuimstaat_termijn) == (VANDAAG, date(2025, 3, 12))
    assert (m.duo_status, m.duo_teruggemeld_op, m.versie) == ("in_behandeling", None, 2)
    tekst = route.verzoek_verzuimstaat_tekst(m)
    assert "uiterlijk 12 maart 2025" in tekst and "M1" in tekst and "Het Baken" in tekst


def test_herinneren_alleen_bij_opgevraagde_verzuimstaat(regio, persoon):
    m = _melding(regio, persoon)
    with pytest.raises(route.Regelfout, match="Alleen bij een opgevraagde verzuimstaat"):
        route.herinneren(m, 1)
    route.verzuimstaat_opvragen(m, 1, vandaag=VANDAAG)
    route.herinneren(m, 2, vandaag=date(2025, 3, 13))
    m.refresh_from_db()
    assert (
        m.verzuimstaat_herinnerd_op == date(2025, 3, 13) and m.status == "verzuimstaat_opgevraagd"
    )


def test_verzuimstaat_ontvangen_met_bestand(regio, persoon):
    m = _melding(regio, persoon)
    route.verzuimstaat_opvragen(m, 1, vandaag=VANDAAG)
    bestand = SimpleUploadedFile("staat.pdf", b"%PDF-1.4 inhoud", content_type="application/pdf")
    route.verzuimstaat_ontvangen(m, 2, door="admin", bestand=bestand, vandaag=date(2025, 3, 7))
    m.refresh_from_db()
    assert (m.status, m.verzuimstaat_ontvangen_op) == ("compleet", date(2025, 3, 7))
    document = Document.objects.get(melding=m)
    assert (document.soort, document.persoon_id, bytes(document.inhoud)) == (
        "verzuimstaat", persoon.pk, b"%PDF-1.4 inhoud",
    )  # fmt: skip


def test_verzuimstaat_verkeerd_bestand_slaat_niets_op(regio, persoon):
    m = _melding(regio, persoon)
    route.verzuimstaat_opvragen(m, 1, vandaag=VANDAAG)
    bestand = SimpleUploadedFile("staat.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(route.Regelfout, match="dit soort bestand"):
        route.verzuimstaat_ontvangen(m, 2, door="admin", bestand=bestand)
    m.refresh_from_db()
    assert m.status == "verzuimstaat_opgevraagd" and m.versie == 2
    assert not Document.objects.exists()


def test_overdragen_opent_werkproces_voor_de_toegewezen_lpa(regio, persoon):
    Toewijzingsregel.objects.create(volgorde=1, onderwijssoort="mbo", behandelaar=regio.lpa_mbo)
    Toewijzingsregel.objects.create(volgorde=2, gemeente=regio.gemeente, behandelaar=regio.lpa)
    m = route.compleet(_melding(regio, persoon), 1)
    overdracht = route.overdragen(m, 2, door="admin", vandaag=VANDAAG)
    assert overdracht.nieuw and overdracht.behandelaar == "lpa.jansen"
    w = overdracht.werkproces
    assert (w.type, w.geopend, w.gemeente, w.persoon, w.gesloten) == (
        "relatief_verzuim", VANDAAG, regio.gemeente, persoon, None,
    )  # fmt: skip
    m.refresh_from_db()
    assert (m.status, m.werkproces, m.duo_status) == ("overgedragen", w, "in_behandeling")
    assert list(Gebeurtenis.objects.filter(werkproces=w).values_list("soort", flat=True)) == [
        "geopend", "overgedragen",
    ]  # fmt: skip


def test_mbo_leerling_naar_de_lpa_mbo(regio, persoon):
    Toewijzingsregel.objects.create(volgorde=1, onderwijssoort="mbo", behandelaar=regio.lpa_mbo)
    m = route.compleet(_melding(regio, persoon, school=regio.mbo), 1)
    assert route.overdragen(m, 2, door="admin").behandelaar == "lpa.mbo"


def test_zonder_regel_niet_toegewezen(regio, persoon):
    m = route.compleet(_melding(regio, persoon, soort="absoluut"), 1)
    overdracht = route.overdragen(m, 2, door="admin")
    assert overdracht.behandelaar is None and overdracht.werkproces.type == "absoluut_verzuim"
    assert Gebeurtenis.objects.filter(
        soort="overgedragen", omschrijving="Niet toegewezen: geen toewijzingsregel past"
    ).exists()


def test_tweede_melding_sluit_aan_bij_lopend_werkproces(regio, persoon):
    eerste = route.compleet(_melding(regio, persoon, "M1"), 1)
    w = route.overdragen(eerste, 2, door="admin").werkproces
    tweede = _melding(regio, persoon, "M2", soort="overig")
    overdracht = route.overdragen(tweede, 1, door="admin")  # straight from nieuw
    assert not overdracht.nieuw and overdracht.werkproces == w
    assert Werkproces.objects.count() == 1
    tweede.refresh_from_db()
    assert (tweede.status, tweede.werkproces) == ("overgedragen", w)
    gebeurtenis = Gebeurtenis.objects.get(soort="melding_toegevoegd")
    assert gebeurtenis.omschrijving == (
        "Melding M2 (overig verzuim) toegevoegd: melding 2 in dit werkproces (recidive)"
    )


def test_gesloten_of_ander_soort_werkproces_telt_niet(regio, persoon):
    Werkproces.objects.create(
        id="W1", persoon=persoon, gemeente=regio.gemeente, type="relatief_verzuim",
        geopend=date(2024, 1, 1), gesloten=date(2024, 6, 1), resultaat="school",
    )  # fmt: skip
    Werkproces.objects.create(
        id="W2", persoon=persoon, gemeente=regio.gemeente, type="verzuim_18plus",
        geopend=date(2024, 1, 1),
    )  # fmt: skip
    m = _melding(regio, persoon)
    assert route.lopend_werkproces(m) is None
    with pytest.raises(route.Regelfout, match="Alleen een compleet dossier"):
        route.overdragen(m, 1, door="admin")
    m.refresh_from_db()
    assert m.status == "nieuw" and m.versie == 1


def test_conflict_bij_verouderde_versie(regio, persoon):
    m = _melding(regio, persoon)
    ander = Melding.objects.get(pk="M1")
    route.verzuimstaat_opvragen(ander, 1, vandaag=VANDAAG)
    with pytest.raises(route.Conflict) as conflict:
        route.ter_kennisneming(m, 1)  # loaded before the other change
    assert str(conflict.value) == route.CONFLICTMELDING
    m.refresh_from_db()
    assert m.status == "verzuimstaat_opgevraagd" and m.versie == 2


def test_conflict_ook_als_het_object_zelf_verouderd_is(regio, persoon):
    m = _melding(regio, persoon)
    Melding.objects.filter(pk="M1").update(versie=5)
    with pytest.raises(route.Conflict):
        route.ter_kennisneming(m, 1)


@pytest.mark.parametrize(
    ("stap", "status", "duo"),
    [(route.ter_kennisneming, "ter_kennisneming", "ter_kennisneming"),
     (route.intrekken, "ingetrokken", "ingetrokken")],
)  # fmt: skip
def test_ter_kennisneming_en_intrekken(regio, persoon, stap, status, duo):
    m = stap(_melding(regio, persoon), 1)
    m.refresh_from_db()
    assert (m.status, m.duo_status) == (status, duo)


def test_route_weigert_onmogelijke_stap(regio, persoon):
    m = route.compleet(_melding(regio, persoon), 1)
    with pytest.raises(route.Regelfout, match="'compleet' kan niet naar 'ter kennisneming"):
        route.ter_kennisneming(m, 2)
    historisch = Melding.objects.create(
        meldingsnummer="OUD", persoon=persoon, gemeente=regio.gemeente, datum=VANDAAG,
        soort="wettelijk",
    )  # fmt: skip
    with pytest.raises(route.Regelfout, match="staat in geen wachtrij"):
        route.compleet(historisch, 1)


def test_werkproces_gesloten_meldt_afgesloten_met_reden(regio, persoon):
    m = route.compleet(_melding(regio, persoon), 1)
    w = route.overdragen(m, 2, door="admin", vandaag=VANDAAG).werkproces
    Melding.objects.filter(pk="M1").update(duo_teruggemeld_op="2025-03-06T10:00:00Z")
    w.gesloten, w.resultaat = date(2025, 5, 1), "school"
    w.save()
    assert route.werkproces_gesloten(w) == 1
    m.refresh_from_db()
    assert (m.duo_status, m.duo_reden, m.duo_teruggemeld_op) == (
        "afgesloten", "terug_naar_school", None,
    )  # fmt: skip
