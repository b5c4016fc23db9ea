"""The rules of the vsv traject (domein.vsv_traject): status from the dates, the transitions,
the monitoring interval and the proposal "geen doelgroep meer" at the age limit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.doorstroompunt_doelgroep import in_doelgroep_doorstroompunt
from leerplicht.domein.vsv_traject import (
    OVERGANGEN,
    Voorstel,
    Voorstelreden,
    Vsvstatus,
    einde_doelgroep_traject,
    mag_naar,
    onmogelijke_overgang,
    plus_maanden,
    status_op,
    volgende_monitoring,
    voorstel_geen_doelgroep,
)

S = Vsvstatus
datums = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


# --- status -----------------------------------------------------------------------------


def test_status_op_31_juli():
    juli = date(2025, 7, 31)
    assert status_op(juli, monitoring_vanaf=None, afgerond_op=None) == S.IN_BEHANDELING
    assert status_op(juli, monitoring_vanaf=juli, afgerond_op=None) == S.MONITORING
    assert status_op(juli, monitoring_vanaf=date(2025, 8, 1), afgerond_op=None) == S.IN_BEHANDELING
    assert status_op(juli, monitoring_vanaf=date(2025, 3, 1), afgerond_op=juli) == S.AFGEROND
    assert (
        status_op(juli, monitoring_vanaf=date(2025, 3, 1), afgerond_op=date(2025, 8, 1))
        == S.MONITORING
    )


@given(peil=datums, monitoring=st.none() | datums, afgerond=st.none() | datums)
def test_afgerond_gaat_voor_monitoring(peil, monitoring, afgerond):
    status = status_op(peil, monitoring_vanaf=monitoring, afgerond_op=afgerond)
    if afgerond is not None and afgerond <= peil:
        assert status == S.AFGEROND
    elif monitoring is not None and monitoring <= peil:
        assert status == S.MONITORING
    else:
        assert status == S.IN_BEHANDELING


# --- transitions --------------------------------------------------------------------------


def test_overgangen():
    assert mag_naar(S.IN_BEHANDELING, S.MONITORING)
    assert mag_naar(S.MONITORING, S.MONITORING)
    assert mag_naar(S.IN_BEHANDELING, S.AFGEROND)
    assert mag_naar(S.MONITORING, S.AFGEROND)
    # No way back: the dates are the figures of earlier years.
    assert not mag_naar(S.MONITORING, S.IN_BEHANDELING)
    assert not any(o.van == S.AFGEROND for o in OVERGANGEN)
    assert "'afgerond'" in onmogelijke_overgang(S.AFGEROND, S.MONITORING)


# --- monitoring ---------------------------------------------------------------------------


def test_plus_maanden_einde_maand():
    assert plus_maanden(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert plus_maanden(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert plus_maanden(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_volgende_monitoring():
    assert volgende_monitoring(None, None, 6) is None
    assert volgende_monitoring(date(2025, 1, 10), None, 6) == date(2025, 7, 10)
    assert volgende_monitoring(date(2025, 1, 10), date(2025, 4, 1), 3) == date(2025, 7, 1)
    with pytest.raises(ValueError):
        volgende_monitoring(date(2025, 1, 10), None, 0)


@given(start=datums, maanden=st.integers(1, 24))
def test_volgende_monitoring_binnen_termijn(start, maanden):
    volgende = volgende_monitoring(start, None, maanden)
    assert volgende is not None
    assert start < volgende <= start + timedelta(days=31 * maanden)


# --- geen doelgroep meer ------------------------------------------------------------------


def test_23e_verjaardag_31_december_2025_verlaat_op_23():
    geboren = date(2002, 12, 31)  # 23 on 31-12-2025, the last day of the old rule
    assert einde_doelgroep_traject(geboren, date(2025, 1, 1)) == date(2025, 12, 31)


def test_23e_verjaardag_1_januari_2026_blijft_tot_27():
    geboren = date(2003, 1, 1)  # 23 on 1-1-2026: the new law applies that day
    assert einde_doelgroep_traject(geboren, date(2025, 1, 1)) == date(2030, 1, 1)


def test_29_februari():
    geboren = date(2004, 2, 29)  # 23 on 1 March 2027 (domein.leeftijd), but 27 applies
    assert einde_doelgroep_traject(geboren, date(2025, 1, 1)) == date(2031, 3, 1)
    oud = date(2000, 2, 29)  # 23 on 1 March 2023, under the old rule
    assert einde_doelgroep_traject(oud, date(2022, 1, 1)) == date(2023, 3, 1)


def test_al_buiten_de_doelgroep_bij_start():
    assert einde_doelgroep_traject(date(2000, 5, 5), date(2023, 6, 1)) == date(2023, 6, 1)


def test_voorstel_op_de_dag_zelf_niet_de_dag_ervoor():
    geboren = date(2002, 6, 15)  # 23 on 15-6-2025
    kwargs = {
        "geboortedatum": geboren,
        "uitgeschreven": date(2024, 1, 1),
        "woongemeente": "GM1",
        "trajectgemeente": "GM1",
        "afgerond_op": None,
    }
    assert voorstel_geen_doelgroep(**kwargs, vandaag=date(2025, 6, 14)) is None
    voorstel = voorstel_geen_doelgroep(**kwargs, vandaag=date(2025, 6, 15))
    assert voorstel is not None
    assert voorstel.reden == Voorstelreden.LEEFTIJD
    assert voorstel.vanaf == date(2025, 6, 15)
    # A closed traject gets no proposal.
    assert (
        voorstel_geen_doelgroep(
            **{**kwargs, "afgerond_op": date(2025, 1, 1)}, vandaag=date(2025, 7, 1)
        )
        is None
    )


def test_voorstel_bij_verhuizing():
    voorstel = voorstel_geen_doelgroep(
        geboortedatum=date(2005, 1, 1),
        uitgeschreven=date(2024, 1, 1),
        woongemeente="GM2",
        trajectgemeente="GM1",
        afgerond_op=None,
        vandaag=date(2025, 3, 3),
    )
    assert voorstel is not None
    assert (voorstel.reden, voorstel.vanaf) == (Voorstelreden.VERHUISD, date(2025, 3, 3))


@given(
    geboren=st.dates(min_value=date(1995, 1, 1), max_value=date(2010, 12, 31)),
    dagen=st.integers(0, 365 * 6),
)
def test_einde_is_de_eerste_dag_buiten_de_doelgroep(geboren, dagen):
    """Agrees with the existing rule (doorstroompunt_doelgroep): out of the doelgroep on the
    day itself, and in it (by age) the day before, when the traject started younger."""
    start = date(geboren.year + 18, 12, 31) + timedelta(days=dagen)
    einde = einde_doelgroep_traject(geboren, start)
    assert einde >= start
    assert not in_doelgroep_doorstroompunt(geboren, einde)
    if einde > start:
        assert in_doelgroep_doorstroompunt(geboren, einde - timedelta(days=1))


def test_verhuizing_binnen_de_regio_neemt_het_traject_mee():
    """Moving to another gemeente of the region: the traject goes along, not closed."""
    argumenten = {
        "geboortedatum": date(2005, 1, 1),
        "uitgeschreven": date(2024, 1, 1),
        "woongemeente": "GM2",
        "trajectgemeente": "GM1",
        "afgerond_op": None,
        "vandaag": date(2025, 3, 3),
    }
    binnen = voorstel_geen_doelgroep(**argumenten, regiogemeenten=frozenset({"GM1", "GM2"}))
    assert binnen == Voorstel(Voorstelreden.MEEVERHUIZEN, date(2025, 3, 3))
    buiten = voorstel_geen_doelgroep(**argumenten, regiogemeenten=frozenset({"GM1", "GM3"}))
    assert buiten == Voorstel(Voorstelreden.VERHUISD, date(2025, 3, 3))


@pytest.mark.parametrize(
    ("geboren", "geen_voorstel_op", "voorstel_op"),
    [
        # 23 on 31-12-2025, under the old rule: the proposal on that day, not the day before.
        (date(2002, 12, 31), date(2025, 12, 30), date(2025, 12, 31)),
        # 23 on 1-1-2026, in scope of the 2026 law: nothing at 23, the proposal at 27.
        (date(2003, 1, 1), date(2029, 12, 31), date(2030, 1, 1)),
    ],
)
def test_voorstel_op_de_juiste_dag_rond_de_wetswijziging(geboren, geen_voorstel_op, voorstel_op):
    argumenten = {
        "geboortedatum": geboren,
        "uitgeschreven": date(2024, 9, 1),
        "woongemeente": "GM1",
        "trajectgemeente": "GM1",
        "afgerond_op": None,
    }
    assert voorstel_geen_doelgroep(**argumenten, vandaag=geen_voorstel_op) is None
    assert voorstel_geen_doelgroep(**argumenten, vandaag=voorstel_op) == Voorstel(
        Voorstelreden.LEEFTIJD, voorstel_op
    )


def test_nieuw_of_oud_per_schooljaar():
    """As figures.md: nieuw = left in the school year of the peildatum (1 August - 31 July)."""
    from leerplicht.domein.vsv_traject import nieuw_of_oud

    assert nieuw_of_oud(date(2025, 8, 1), date(2026, 7, 31)) == "nieuw"
    assert nieuw_of_oud(date(2025, 7, 31), date(2025, 8, 1)) == "oud"
    assert nieuw_of_oud(date(2021, 9, 1), date(2026, 3, 1)) == "oud"
