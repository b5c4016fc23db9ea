"""Vsv intake from the enrolment feed (issue 5, item 1): an inschrijving ended by
`leerplicht import` becomes a nieuwe vsv melding at the next sweep, by the same rule as
DUO's list and a medewerker's de-registration (`domein.uitschrijving`)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.leeftijd import leeftijd_op, verjaardag
from leerplicht.domein.uitschrijving import Gevolg, gevolg_van_uitschrijving
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.doorstroompunt.vsv_signaal import signaleer_vsv
from leerplicht.meldingen.absoluut_verzuim import signaleer
from leerplicht.meldingen.models import Melding
from uitwisselset import Uitwisselset

PEILDATUM = date(2026, 3, 2)
UIT = "2026-02-27"  # the last day enrolled, within the window


def _feed(tmp_path):
    """A register as the first import leaves it, and the feed's second delivery."""
    s = Uitwisselset()
    s.gemeente()
    s.gemeente("GM0226", "Elders")
    mbo = s.school("01MB", "mbo")
    pro = s.school("01PR", "pro")
    ander_mbo = s.school("02MB", "mbo")
    p = {
        "vsv": s.persoon("2006-05-10"),  # 19: a vsv'er
        "elders": s.persoon("2006-05-10", gemeente="GM0226"),  # 19, lives in the other one
        "diploma": s.persoon("2005-01-01", startkwalificatie="2025-07-01"),
        "overstap": s.persoon("2006-05-10"),  # moves to another school: not leaving
        "jong": s.persoon("2009-01-01"),  # 17: leerplicht, absoluut verzuim
        "te_oud": s.persoon("1998-01-01"),  # 28: past 27
        "pro_met_diploma": s.persoon("2004-01-01", startkwalificatie="2024-07-01"),
        "al_traject": s.persoon("2006-05-10"),  # DUO's list got there first
        "lang_geleden": s.persoon("2003-05-10"),  # left before the window: history
    }
    for naam, persoon in p.items():
        school = pro if naam == "pro_met_diploma" else mbo
        s.inschrijving(persoon, school, "2024-08-01")
    eerste = s.rijen["inschrijvingen.csv"]
    eerste_set = {k: [dict(r) for r in v] for k, v in s.rijen.items()}
    # The feed's next delivery: the same enrolments, now with their last day.
    for rij in eerste:
        rij["tot"] = "2025-06-30" if rij["persoon"] == p["lang_geleden"] else UIT
    s.inschrijving(p["overstap"], ander_mbo, "2026-03-01")
    s.voeg_toe("vsv.csv", id="V1", persoon=p["al_traject"], gemeente="GM0225", uitgeschreven=UIT)
    return s, eerste_set, p


def test_eind_van_inschrijving_uit_de_import_wordt_nieuwe_vsv_melding(tmp_path):
    s, eerste, p = _feed(tmp_path)
    voor = Uitwisselset(rijen=eerste)
    voor.importeer(tmp_path / "eerste")
    assert signaleer_vsv(PEILDATUM).aantal == 0  # all still enrolled

    s.importeer(tmp_path / "tweede")
    uitkomst = signaleer_vsv(PEILDATUM)

    nieuw = Vsv.objects.filter(pk__in=uitkomst.trajecten)
    assert {v.persoon_id for v in nieuw} == {p["vsv"], p["elders"], p["pro_met_diploma"]}
    for v in nieuw:
        assert v.uitgeschreven == date.fromisoformat(UIT)
        assert v.gemeente_id == v.persoon.gemeente_id  # the consulent of the woongemeente
        assert v.monitoring_vanaf is None and v.afgerond_op is None  # nieuw, in behandeling
    assert nieuw.get(persoon=p["pro_met_diploma"]).onderwijssoort == "pro"
    # Under 18: leerplicht's own sweep raises absoluut verzuim, this one does not.
    assert not Vsv.objects.filter(persoon=p["jong"]).exists()
    signaleer(PEILDATUM)
    assert Melding.objects.filter(persoon=p["jong"], soort="absoluut").exists()
    # The sweep is idempotent: the next day adds nothing.
    assert signaleer_vsv(PEILDATUM + timedelta(days=1)).aantal == 0
    assert Vsv.objects.filter(persoon=p["al_traject"]).count() == 1


def test_venster_is_instelbaar(tmp_path):
    s, _, p = _feed(tmp_path)
    s.importeer(tmp_path / "set")
    with override_settings(LEERPLICHT_VSV_SIGNAAL_DAGEN=400):
        uitkomst = signaleer_vsv(PEILDATUM)
    assert Vsv.objects.filter(pk__in=uitkomst.trajecten, persoon=p["lang_geleden"]).exists()


def test_afgerond_traject_van_voor_de_uitschrijving_telt_niet_als_behandeld(tmp_path):
    """A closed traject of an EARLIER episode does not stop a new one."""
    s = Uitwisselset()
    s.gemeente()
    mbo = s.school("01MB", "mbo")
    persoon = s.persoon("2006-05-10")
    s.voeg_toe(
        "vsv.csv", id="V0", persoon=persoon, gemeente="GM0225", uitgeschreven="2025-01-10",
        afgerond_op="2025-08-01", resultaat="school",
    )  # fmt: skip
    s.inschrijving(persoon, mbo, "2025-08-01", UIT)
    s.importeer(tmp_path / "set")
    assert signaleer_vsv(PEILDATUM).aantal == 1


def test_commando_meldt_het_aantal(tmp_path):
    s, _, _ = _feed(tmp_path)
    s.importeer(tmp_path / "set")
    uit = StringIO()
    call_command("signaleer-vsv", "--peildatum", PEILDATUM.isoformat(), stdout=uit)
    assert "3 nieuwe vsv-traject(en)" in uit.getvalue()


def test_commando_weigert_een_onjuiste_datum():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="geen datum"):
        call_command("signaleer-vsv", "--peildatum", "2026-02-30")


pytestmark = pytest.mark.django_db


# --- the rule itself ------------------------------------------------------------------------


@given(
    geboren=st.dates(date(1990, 1, 1), date(2012, 12, 31)),
    laatste_dag=st.dates(date(2024, 1, 1), date(2028, 12, 31)),
)
def test_gevolg_volgt_leeftijd_en_leeftijdsgrens(geboren, laatste_dag):
    gevolg = gevolg_van_uitschrijving(
        geboren, laatste_dag, startkwalificatie=None, onderwijssoort="mbo"
    )
    leeftijd = leeftijd_op(geboren, laatste_dag)
    grens = 27 if laatste_dag >= date(2026, 1, 1) else 23
    if leeftijd < 18:
        assert gevolg is Gevolg.ABSOLUUT_VERZUIM
    elif leeftijd < grens:
        assert gevolg is Gevolg.VSV
    else:
        assert gevolg is Gevolg.GEEN


@pytest.mark.parametrize(
    ("laatste_dag", "verwacht"),
    [
        (lambda g: verjaardag(g, 18) - timedelta(days=1), Gevolg.ABSOLUUT_VERZUIM),
        (lambda g: verjaardag(g, 18), Gevolg.VSV),
    ],
)
def test_achttiende_verjaardag_is_de_grens(laatste_dag, verwacht):
    geboren = date(2008, 2, 29)
    assert (
        gevolg_van_uitschrijving(
            geboren, laatste_dag(geboren), startkwalificatie=None, onderwijssoort="vo"
        )
        is verwacht
    )


def test_startkwalificatie_op_de_laatste_dag_telt():
    geboren, dag = date(2005, 1, 1), date(2026, 2, 1)
    assert (
        gevolg_van_uitschrijving(geboren, dag, startkwalificatie=dag, onderwijssoort="mbo")
        is Gevolg.GEEN
    )
    assert (
        gevolg_van_uitschrijving(
            geboren, dag, startkwalificatie=dag + timedelta(days=1), onderwijssoort="mbo"
        )
        is Gevolg.VSV
    )


def test_pro_en_vso_vallen_sinds_2026_ook_met_diploma_onder_de_doelgroep():
    geboren = date(2005, 1, 1)
    for dag, verwacht in ((date(2025, 12, 31), Gevolg.GEEN), (date(2026, 1, 1), Gevolg.VSV)):
        assert (
            gevolg_van_uitschrijving(
                geboren, dag, startkwalificatie=date(2024, 7, 1), onderwijssoort="pro"
            )
            is verwacht
        )


def test_open_traject_van_buiten_de_regio_komt_mee_met_de_import(tmp_path):
    """Moving into the region: the previous region's data (exchange format) brings the open
    traject along; it is in the consulent's list, and the sweep adds no second one."""
    from leerplicht.domein.rollen import Rol
    from toegang.toegangswereld import aangemeld, maak_gebruiker

    s = Uitwisselset()
    s.gemeente()
    elders = s.school("77MB", "mbo")  # the school in the old region, as that team knew it
    persoon = s.persoon("2005-09-01")
    s.inschrijving(persoon, elders, "2023-08-01", "2026-01-15")
    s.voeg_toe(
        "vsv.csv", id="ELDERS-17", persoon=persoon, gemeente="GM0225", uitgeschreven="2026-01-15",
        monitoring_vanaf="2026-02-01", resultaat="werk_kort",
    )  # fmt: skip
    s.importeer(tmp_path / "overdracht")

    assert signaleer_vsv(PEILDATUM).aantal == 0
    [traject] = Vsv.objects.filter(persoon=persoon)
    assert (traject.pk, traject.afgerond_op) == ("ELDERS-17", None)
    from leerplicht.register.models import Gemeente

    consulent = aangemeld(
        maak_gebruiker("consulent", Rol.CONSULENT_DOORSTROOMPUNT, [Gemeente.objects.get()])
    )
    pagina = consulent.get("/doorstroompunt/").content.decode()
    assert "/doorstroompunt/ELDERS-17/" in pagina


def test_venster_en_monitoring_komen_uit_de_omgeving(tmp_path):
    """Issue 16 item 8: the settings docstring says every setting comes from the
    environment; the two Doorstroompunt settings do (read in a fresh process)."""
    code = (
        "from django.conf import settings; "
        "print(settings.LEERPLICHT_VSV_SIGNAAL_DAGEN, settings.LEERPLICHT_VSV_MONITORING_MAANDEN)"
    )
    omgeving = os.environ | {
        "DJANGO_SETTINGS_MODULE": "leerplicht.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/leeg.sqlite3",
        "LEERPLICHT_VSV_SIGNAAL_DAGEN": "30",
        "LEERPLICHT_VSV_MONITORING_MAANDEN": "3",
    }
    uit = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=omgeving, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert uit.stdout.split() == ["30", "3"]
