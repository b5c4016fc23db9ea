"""Leeftijd en verjaardag; 29 februari is in een jaar zonder 29 februari 1 maart."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from datumstrategieen import datums, geboortedatums, grensdatums
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.leeftijd import eerste_van_volgende_maand, leeftijd_op, verjaardag

leeftijden = st.integers(0, 40)


def test_verjaardag_gewone_datum():
    assert verjaardag(date(2010, 5, 17), 5) == date(2015, 5, 17)
    assert verjaardag(date(2010, 5, 17), 0) == date(2010, 5, 17)
    assert verjaardag(date(2010, 12, 31), 18) == date(2028, 12, 31)


def test_verjaardag_29_februari():
    geboren = date(2008, 2, 29)
    assert verjaardag(geboren, 1) == date(2009, 3, 1)
    assert verjaardag(geboren, 4) == date(2012, 2, 29)  # leap year: the day itself
    assert verjaardag(geboren, 16) == date(2024, 2, 29)
    assert verjaardag(geboren, 18) == date(2026, 3, 1)
    assert verjaardag(date(1996, 2, 29), 4) == date(2000, 2, 29)  # 2000 is a leap year
    assert verjaardag(date(2096, 2, 29), 4) == date(2100, 3, 1)  # 2100 is not


def test_leeftijd_op_29_februari():
    geboren = date(2008, 2, 29)
    assert leeftijd_op(geboren, date(2026, 2, 28)) == 17
    assert leeftijd_op(geboren, date(2026, 3, 1)) == 18
    assert leeftijd_op(geboren, date(2024, 2, 28)) == 15
    assert leeftijd_op(geboren, date(2024, 2, 29)) == 16


def test_leeftijd_op_rond_verjaardag():
    geboren = date(2010, 5, 17)
    assert leeftijd_op(geboren, date(2010, 5, 17)) == 0
    assert leeftijd_op(geboren, date(2028, 5, 16)) == 17
    assert leeftijd_op(geboren, date(2028, 5, 17)) == 18
    assert leeftijd_op(geboren, date(2028, 12, 31)) == 18
    assert leeftijd_op(date(2010, 12, 31), date(2011, 1, 1)) == 0
    assert leeftijd_op(date(2010, 1, 1), date(2010, 12, 31)) == 0


def test_leeftijd_voor_geboorte_is_negatief():
    assert leeftijd_op(date(2010, 5, 17), date(2010, 5, 16)) == -1
    assert leeftijd_op(date(2010, 5, 17), date(2009, 12, 31)) == -1


@settings(max_examples=500)
@given(geboortedatums, leeftijden)
def test_op_de_verjaardag_n_de_dag_ervoor_n_min_1(geboortedatum, n):
    dag = verjaardag(geboortedatum, n)
    assert leeftijd_op(geboortedatum, dag) == n
    assert leeftijd_op(geboortedatum, dag - timedelta(days=1)) == n - 1


@settings(max_examples=250)
@given(geboortedatums, leeftijden)
def test_verjaardag_valt_in_het_juiste_jaar_en_stijgt(geboortedatum, n):
    dag = verjaardag(geboortedatum, n)
    assert dag.year == geboortedatum.year + n
    if (geboortedatum.month, geboortedatum.day) == (2, 29) and not calendar.isleap(dag.year):
        assert dag == date(dag.year, 3, 1)
    else:
        assert (dag.month, dag.day) == (geboortedatum.month, geboortedatum.day)
    assert verjaardag(geboortedatum, n + 1) > dag


@settings(max_examples=250)
@given(geboortedatums, datums, st.integers(1, 400))
def test_leeftijd_stijgt_met_de_peildatum(geboortedatum, peildatum, dagen):
    later = peildatum + timedelta(days=dagen)
    assert leeftijd_op(geboortedatum, peildatum) <= leeftijd_op(geboortedatum, later)


@settings(max_examples=250)
@given(geboortedatums, datums)
def test_leeftijd_is_het_aantal_verjaardagen(geboortedatum, peildatum):
    n = leeftijd_op(geboortedatum, peildatum)
    assert verjaardag(geboortedatum, n) <= peildatum < verjaardag(geboortedatum, n + 1)


@settings(max_examples=250)
@given(geboortedatums, geboortedatums, leeftijden)
def test_verjaardag_is_monotoon_in_de_geboortedatum(a, b, n):
    eerder, later = min(a, b), max(a, b)
    assert verjaardag(eerder, n) <= verjaardag(later, n)


def test_eerste_van_volgende_maand():
    assert eerste_van_volgende_maand(date(2024, 1, 1)) == date(2024, 2, 1)
    assert eerste_van_volgende_maand(date(2024, 1, 31)) == date(2024, 2, 1)
    assert eerste_van_volgende_maand(date(2024, 2, 29)) == date(2024, 3, 1)
    assert eerste_van_volgende_maand(date(2024, 12, 1)) == date(2025, 1, 1)
    assert eerste_van_volgende_maand(date(2024, 12, 31)) == date(2025, 1, 1)


@given(grensdatums())
def test_eerste_van_volgende_maand_eigenschap(datum):
    volgende = eerste_van_volgende_maand(datum)
    assert volgende.day == 1
    assert datum < volgende
    assert (volgende - timedelta(days=1)).month == datum.month
