"""Caseload and lead times (werklijsten.doorlooptijden) on hand-built data, worked out by
hand, and the team page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from leerplicht.domein.rollen import Rol
from leerplicht.meldingen.models import Melding
from leerplicht.werklijsten.doorlooptijden import (
    ZONDER_BEHANDELAAR,
    caseload,
    doorlooptijden,
    melding_tot_overdracht,
    open_tot_gesloten,
    overdracht_tot_eerste_contact,
)
from leerplicht.werkprocessen.models import Werkproces
from portaal.fabrieken import (
    GemeenteFactory,
    InterventieFactory,
    MeldingFactory,
    PersoonFactory,
    WerkprocesFactory,
)
from toegang.toegangswereld import aangemeld, maak_gebruiker

pytestmark = pytest.mark.django_db

D = date(2025, 3, 3)
VAN, TOT = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture
def gemeente():
    return GemeenteFactory(code="GM9501", naam="Teamdorp")


def _wp(gemeente, behandelaar, geopend, gesloten=None, **extra):
    return WerkprocesFactory(
        persoon=PersoonFactory(gemeente=gemeente), behandelaar=behandelaar, geopend=geopend,
        gesloten=gesloten, resultaat="school" if gesloten else None, **extra,
    )  # fmt: skip


def test_melding_tot_overdracht(gemeente):
    a = _wp(gemeente, "lpa.a", D + timedelta(days=3))
    MeldingFactory(persoon=a.persoon, werkproces=a, datum=D)  # 3 days
    b = _wp(gemeente, "lpa.b", D + timedelta(days=10))
    # Received later than its date: counted from receipt (10 - 4 = 6 days).
    MeldingFactory(
        persoon=b.persoon, werkproces=b, datum=D - timedelta(days=20),
        ontvangen_op=datetime(2025, 3, 7, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )  # fmt: skip
    # Joined a werkproces opened before it (recidive): no hand-over of its own.
    MeldingFactory(persoon=a.persoon, werkproces=a, datum=D + timedelta(days=30))
    MeldingFactory(persoon=a.persoon, datum=D)  # no werkproces
    MeldingFactory(persoon=a.persoon, werkproces=a, datum=date(2024, 12, 1))  # outside
    assert sorted(melding_tot_overdracht(Melding.objects.all(), VAN, TOT)) == [
        ("lpa.a", 3), ("lpa.b", 6),
    ]  # fmt: skip


def test_overdracht_tot_eerste_contact(gemeente):
    a = _wp(gemeente, "lpa.a", D)
    InterventieFactory(werkproces=a, soort="waarschuwing", datum=D + timedelta(days=1))
    InterventieFactory(werkproces=a, soort="uitnodiging", datum=D + timedelta(days=5))
    InterventieFactory(werkproces=a, soort="gesprek", datum=D + timedelta(days=9))
    b = _wp(gemeente, None, D)
    InterventieFactory(werkproces=b, soort="kennisgevingsbrief", datum=D)
    c = _wp(gemeente, "lpa.c", D)  # no contact yet: not counted
    InterventieFactory(werkproces=c, soort="mdo", datum=D + timedelta(days=2))
    assert sorted(overdracht_tot_eerste_contact(Werkproces.objects.all(), VAN, TOT)) == [
        (ZONDER_BEHANDELAAR, 0), ("lpa.a", 5),
    ]  # fmt: skip


def test_open_tot_gesloten_en_samenvatting(gemeente):
    for dagen in (10, 20, 30, 40):
        _wp(gemeente, "lpa.a", D, gesloten=D + timedelta(days=dagen))
    _wp(gemeente, "lpa.b", D, gesloten=D + timedelta(days=100))
    _wp(gemeente, "lpa.b", D)  # still open
    _wp(gemeente, "lpa.b", date(2023, 1, 1), gesloten=date(2024, 6, 1))  # closed before
    assert sorted(open_tot_gesloten(Werkproces.objects.all(), VAN, TOT)) == [
        ("lpa.a", 10), ("lpa.a", 20), ("lpa.a", 30), ("lpa.a", 40), ("lpa.b", 100),
    ]  # fmt: skip
    tijden = doorlooptijden(Werkproces.objects.all(), Melding.objects.all(), VAN, TOT)
    totaal = tijden.totaal["open_gesloten"]
    assert (totaal.aantal, totaal.mediaan, totaal.p90) == (5, 30, 100)
    a = tijden.per_behandelaar["lpa.a"]["open_gesloten"]
    assert (a.aantal, a.mediaan, a.p90) == (4, 25, 40)
    assert tijden.per_behandelaar["lpa.a"]["melding_overdracht"].aantal == 0


def test_caseload_per_behandelaar_en_soort(gemeente):
    _wp(gemeente, "lpa.a", D)
    _wp(gemeente, "lpa.a", D, type="absoluut_verzuim")
    _wp(gemeente, "lpa.a", D, type="absoluut_verzuim")
    _wp(gemeente, "lpa.a", D, gesloten=D)  # closed
    _wp(gemeente, "", D)
    _wp(gemeente, None, D)
    regels, typen = caseload(Werkproces.objects.all())
    assert typen == ["relatief_verzuim", "absoluut_verzuim"]
    assert [(c.behandelaar, c.per_type, c.totaal) for c in regels] == [
        ("lpa.a", {"relatief_verzuim": 1, "absoluut_verzuim": 2}, 3),
        (ZONDER_BEHANDELAAR, {"relatief_verzuim": 2}, 2),
    ]


def test_teampagina_alleen_eigen_gemeenten(gemeente):
    ander = GemeenteFactory(code="GM9502", naam="Anderteam")
    tm = maak_gebruiker("tm", Rol.TEAMMANAGER, [gemeente])
    _wp(gemeente, "lpa.eigen", D, gesloten=D + timedelta(days=12))
    _wp(gemeente, "lpa.eigen", D)
    _wp(ander, "lpa.vreemd", D)
    antwoord = aangemeld(tm).get("/werk/team/?van=01-01-2025&tot=2025-12-31")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "lpa.eigen" in html and "lpa.vreemd" not in html
    assert "Caseload vandaag (1 open werkprocessen)" in html
    assert "Doorlooptijden van 01-01-2025 tot en met 31-12-2025" in html
    assert "<caption" in html and '<th scope="row"' in html
    fout = aangemeld(tm).get("/werk/team/?van=2025-12-31&tot=2025-01-01")
    assert fout.status_code == 400 and "vóór de begindatum" in fout.content.decode()
    lpa = maak_gebruiker("lpa", Rol.LEERPLICHTAMBTENAAR, [gemeente])
    assert aangemeld(lpa).get("/werk/team/").status_code == 403
