"""Mijn werk: my open werkprocessen, this week's deadlines, late verzuimstaten and new
meldingen, within my gemeenten only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from portaal.fabrieken import (
    GemeenteFactory,
    InterventieFactory,
    MeldingFactory,
    PersoonFactory,
    VrijstellingFactory,
    WerkprocesFactory,
)
from toegang.toegangswereld import aangemeld, maak_gebruiker

pytestmark = pytest.mark.django_db


def vandaag():
    """Today, asked when a test runs: a module constant goes stale across midnight."""
    return timezone.localdate()


@pytest.fixture
def wereld():
    eigen = GemeenteFactory(code="GM9401", naam="Werkdorp")
    ander = GemeenteFactory(code="GM9402", naam="Nergensdorp")
    lpa = maak_gebruiker("lpa.werk", Rol.LEERPLICHTAMBTENAAR, [eigen])
    return eigen, ander, lpa


def _html(gebruiker) -> str:
    antwoord = aangemeld(gebruiker).get("/werk/")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_mijn_open_werkprocessen_alleen(wereld):
    eigen, ander, lpa = wereld
    mijn = WerkprocesFactory(persoon__gemeente=eigen, behandelaar="lpa.werk", id="WMIJN1")
    WerkprocesFactory(persoon__gemeente=eigen, behandelaar="lpa.ander", id="WCOLLEGA")
    WerkprocesFactory(
        persoon__gemeente=eigen, behandelaar="lpa.werk", id="WDICHT", gesloten=vandaag(),
        resultaat="school",
    )  # fmt: skip
    # Same user name in another gemeente's work: still not visible.
    WerkprocesFactory(persoon__gemeente=ander, behandelaar="lpa.werk", id="WELDERS")
    html = _html(lpa)
    assert "Mijn werkprocessen (1)" in html
    assert f'href="/werkprocessen/{mijn.pk}/"' in html
    assert f'href="/personen/{mijn.persoon_id}/"' in html
    for niet in ("WCOLLEGA", "WDICHT", "WELDERS", "Nergensdorp"):
        assert niet not in html


def test_termijnen_deze_week(wereld):
    eigen, ander, lpa = wereld
    p = PersoonFactory(gemeente=eigen)
    MeldingFactory(
        persoon=p, meldingsnummer="MTERMIJN", status="verzuimstaat_opgevraagd",
        verzuimstaat_termijn=vandaag() + timedelta(days=6),
    )  # fmt: skip
    MeldingFactory(
        persoon=p, meldingsnummer="MVOLGENDEWEEK", status="verzuimstaat_opgevraagd",
        verzuimstaat_termijn=vandaag() + timedelta(days=7),
    )  # fmt: skip
    MeldingFactory(
        persoon=p, meldingsnummer="MONTVANGEN", status="verzuimstaat_opgevraagd",
        verzuimstaat_termijn=vandaag(), verzuimstaat_ontvangen_op=vandaag(),
    )  # fmt: skip
    VrijstellingFactory(
        persoon=p, id="VAFLOPEND", besluitdatum=vandaag() - timedelta(days=300),
        geldig_tot=vandaag() + timedelta(days=2),
    )  # fmt: skip
    w = WerkprocesFactory(persoon=p, behandelaar="lpa.werk", id="WHALT")
    InterventieFactory(werkproces=w, soort="halt", datum=vandaag() - timedelta(days=40))
    InterventieFactory(werkproces=w, soort="halt", datum=vandaag() - timedelta(days=50),
                       uitkomst="positief")  # fmt: skip
    anders = MeldingFactory(
        persoon=PersoonFactory(gemeente=ander), meldingsnummer="MANDERS",
        status="verzuimstaat_opgevraagd", verzuimstaat_termijn=vandaag(),
    )  # fmt: skip
    html = _html(lpa)
    assert "Termijnen deze week (3)" in html
    assert 'href="/meldingen/MTERMIJN/"' in html
    assert 'href="/vrijstellingen/VAFLOPEND/"' in html
    assert "zonder uitkomst" in html and 'href="/werkprocessen/WHALT/"' in html
    for niet in ("MVOLGENDEWEEK", "MONTVANGEN", anders.pk):
        assert niet not in html


def test_te_laat_en_nieuw(wereld):
    eigen, _, lpa = wereld
    p = PersoonFactory(gemeente=eigen)
    MeldingFactory(
        persoon=p, meldingsnummer="MTELAAT", status="verzuimstaat_opgevraagd",
        verzuimstaat_termijn=vandaag() - timedelta(days=1),
    )  # fmt: skip
    MeldingFactory(persoon=p, meldingsnummer="MNIEUW", status="nieuw")
    MeldingFactory(persoon=p, meldingsnummer="MHISTORISCH")  # imported: no status
    html = _html(lpa)
    assert "Verzuimstaten te laat (1)" in html and "MTELAAT" in html
    assert "Nieuwe meldingen (1)" in html and "MNIEUW" in html
    assert "MHISTORISCH" not in html


def test_consulent_dsp_ziet_alleen_18plus(wereld):
    eigen, _, _ = wereld
    dsp = maak_gebruiker("dsp.werk", Rol.CONSULENT_DOORSTROOMPUNT, [eigen])
    p = PersoonFactory(gemeente=eigen)
    MeldingFactory(persoon=p, meldingsnummer="MKIND", status="nieuw", soort="wettelijk")
    MeldingFactory(persoon=p, meldingsnummer="MJONG", status="nieuw", soort="18plus")
    html = _html(dsp)
    assert "MJONG" in html and "MKIND" not in html


def test_inzien_gelogd_zonder_persoonsgegevens(wereld):
    eigen, _, lpa = wereld
    MeldingFactory(persoon=PersoonFactory(gemeente=eigen, bsn="111222333"), status="nieuw")
    _html(lpa)
    regel = Auditregel.objects.get(actie="inzien", object_type="werklijst")
    assert regel.toelichting["nieuw"] == 1
    assert "111222333" not in str(regel.toelichting)


@pytest.mark.parametrize("rol", [Rol.BELEIDSMEDEWERKER, Rol.APPLICATIEBEHEERDER])
def test_zonder_dossiertoegang_403(wereld, rol):
    eigen, _, _ = wereld
    assert aangemeld(maak_gebruiker(f"x.{rol}", rol, [eigen])).get("/werk/").status_code == 403
