"""The school's term for wettelijk verzuim: report within 5 working days of reaching the
16 hours (domain.md, "Kinds of verzuim"). Weekends do not count; holidays are unknown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from datumstrategieen import datums
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.meldtermijn import (
    TE_LAAT_TEKST,
    meldtermijn_einde,
    te_laat_gemeld,
    werkdagen_na,
    zestien_uur_bereikt,
)

#: (16 hours reached on, the last day to report) - 4 March 2024 is a Monday.
TERMIJNEN = [
    (date(2024, 3, 4), date(2024, 3, 11)),  # Monday: the Monday after
    (date(2024, 3, 6), date(2024, 3, 13)),  # Wednesday: the Wednesday after
    (date(2024, 3, 8), date(2024, 3, 15)),  # Friday: the Friday after
    (date(2024, 3, 9), date(2024, 3, 15)),  # Saturday: Monday to Friday of the next week
    (date(2024, 3, 10), date(2024, 3, 15)),  # Sunday: likewise
    # Over new year: 1 January counts, school holidays are not known to the system.
    (date(2024, 12, 27), date(2025, 1, 3)),
]


@pytest.mark.parametrize("bereikt,laatste_dag", TERMIJNEN)
def test_de_vijfde_werkdag_na_het_bereiken_van_zestien_uur(bereikt, laatste_dag):
    assert meldtermijn_einde(bereikt) == laatste_dag
    assert not te_laat_gemeld(bereikt, laatste_dag)
    assert te_laat_gemeld(bereikt, laatste_dag + timedelta(days=1))


#: (16 hours reached on, gemeld op, te laat?)
MELDINGEN = [
    (date(2024, 3, 4), date(2024, 3, 4), False),  # the same day
    (date(2024, 3, 4), date(2024, 3, 11), False),  # the 5th working day
    (date(2024, 3, 4), date(2024, 3, 12), True),  # the 6th working day
    (date(2024, 3, 8), date(2024, 3, 16), True),  # Saturday after the last Friday
    (date(2024, 3, 4), date(2024, 2, 28), False),  # before the period ends: not late
    (None, date(2024, 6, 1), False),  # not known when: the signal does not guess
]


@pytest.mark.parametrize("bereikt,gemeld,te_laat", MELDINGEN)
def test_te_laat_gemeld(bereikt, gemeld, te_laat):
    assert te_laat_gemeld(bereikt, gemeld) is te_laat


def test_alleen_wettelijk_verzuim_heeft_de_termijn():
    assert zestien_uur_bereikt("wettelijk", date(2024, 3, 4)) == date(2024, 3, 4)
    for soort in ("absoluut", "langdurig", "luxe", "overig", "18plus"):
        assert zestien_uur_bereikt(soort, date(2024, 3, 4)) is None
    assert zestien_uur_bereikt("wettelijk", None) is None


def test_tekst_noemt_de_wet_en_de_termijn():
    assert TE_LAAT_TEKST == "te laat gemeld (Leerplichtwet art. 21: binnen 5 werkdagen)"


@given(datums, st.integers(0, 60))
def test_te_laat_als_vijf_hele_werkdagen_voorbij_waren(bereikt, dagen):
    # Late exactly when the 5 working days had all passed the day before the melding
    # (a melding on the Saturday after the 5th working day is late too).
    gemeld = bereikt + timedelta(days=dagen)
    voorbij = werkdagen_na(bereikt, gemeld - timedelta(days=1))
    assert te_laat_gemeld(bereikt, gemeld) is (voorbij >= 5)


@given(datums, st.integers(0, 400))
def test_werkdagen_tellen_zonder_weekend(begin, dagen):
    eind = begin + timedelta(days=dagen)
    verwacht = sum(1 for n in range(1, dagen + 1) if (begin + timedelta(days=n)).weekday() < 5)
    assert werkdagen_na(begin, eind) == verwacht
