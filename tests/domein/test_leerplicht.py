"""Leerplichtstatus (Leerplichtwet 1969) and the birth-date intervals the figures filter on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from datumstrategieen import datums, geboortedatums_rond, peildatum_en_geboortedatum, peildatums
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.leeftijd import verjaardag
from leerplicht.domein.leerplicht import (
    Leerplichtstatus,
    begin_volledige_leerplicht,
    einde_kwalificatieplicht,
    einde_volledige_leerplicht,
    geboortedata_kwalificatieplichtig,
    geboortedata_volledig_leerplichtig,
    is_leer_of_kwalificatieplichtig,
    leerplichtstatus,
)
from leerplicht.domein.schooljaar import Schooljaar

NOG_NIET = Leerplichtstatus.NOG_NIET_LEERPLICHTIG
VOLLEDIG = Leerplichtstatus.VOLLEDIG_LEERPLICHTIG
KWALIFICATIE = Leerplichtstatus.KWALIFICATIEPLICHTIG
STARTKWALIFICATIE = Leerplichtstatus.STARTKWALIFICATIE
NIET_MEER = Leerplichtstatus.NIET_MEER_LEERPLICHTIG

DAG = timedelta(days=1)


def d(tekst: str) -> date:
    return date.fromisoformat(tekst)


def status(geboren: str, op: str, **kw) -> Leerplichtstatus:
    return leerplichtstatus(d(geboren), d(op), **kw)


# --- begin of volledige leerplicht: first day of the month after the 5th birthday ---------


@pytest.mark.parametrize(
    ("geboren", "laatste_dag_nog_niet", "eerste_dag_leerplichtig"),
    [
        ("2019-03-01", "2024-03-31", "2024-04-01"),  # born on the first of a month
        ("2019-03-31", "2024-03-31", "2024-04-01"),  # born on the last of a month
        ("2019-03-15", "2024-03-31", "2024-04-01"),
        ("2019-02-28", "2024-02-29", "2024-03-01"),  # 5th birthday in a leap February
        ("2018-02-28", "2023-02-28", "2023-03-01"),
        ("2019-12-15", "2024-12-31", "2025-01-01"),  # over the turn of the year
        ("2019-12-31", "2024-12-31", "2025-01-01"),
        ("2019-01-01", "2024-01-31", "2024-02-01"),
        # 29 February: the 5th birthday is 1 March (no 29 February 5 years later), so
        # leerplicht starts on 1 April - a month after a child born on 28 February.
        ("2016-02-29", "2021-03-31", "2021-04-01"),
        ("2020-02-29", "2025-03-31", "2025-04-01"),
    ],
)
def test_begin_volledige_leerplicht(geboren, laatste_dag_nog_niet, eerste_dag_leerplichtig):
    assert begin_volledige_leerplicht(d(geboren)) == d(eerste_dag_leerplichtig)
    assert status(geboren, laatste_dag_nog_niet) is NOG_NIET
    assert status(geboren, eerste_dag_leerplichtig) is VOLLEDIG


def test_op_de_vijfde_verjaardag_nog_niet_leerplichtig():
    assert status("2019-03-01", "2024-03-01") is NOG_NIET
    assert status("2019-03-01", "2019-03-01") is NOG_NIET
    assert status("2019-03-01", "2010-01-01") is NOG_NIET  # before birth


# --- end of volledige leerplicht: 31 July of the school year of the 16th birthday ----------


@pytest.mark.parametrize(
    ("geboren", "laatste_dag_volledig"),
    [
        ("2009-07-31", "2025-07-31"),  # turns 16 on 31 July: that very 31 July
        ("2009-08-01", "2026-07-31"),  # turns 16 on 1 August: 31 July of the NEXT year
        ("2009-07-30", "2025-07-31"),
        ("2009-08-02", "2026-07-31"),
        ("2010-01-01", "2026-07-31"),
        ("2009-12-31", "2026-07-31"),
        ("2008-02-29", "2024-07-31"),  # 16th birthday on 29 February 2024
        ("2007-02-28", "2023-07-31"),
    ],
)
def test_einde_volledige_leerplicht(geboren, laatste_dag_volledig):
    einde = d(laatste_dag_volledig)
    assert einde_volledige_leerplicht(d(geboren)) == einde
    assert status(geboren, laatste_dag_volledig) is VOLLEDIG
    assert leerplichtstatus(d(geboren), einde + DAG) is KWALIFICATIE


# --- end of kwalificatieplicht: the day before the 18th birthday ------------------------------


@pytest.mark.parametrize(
    ("geboren", "achttiende_verjaardag"),
    [
        ("2009-07-31", "2027-07-31"),
        ("2009-08-01", "2027-08-01"),
        ("2008-03-01", "2026-03-01"),
        ("2008-02-28", "2026-02-28"),
        ("2008-02-29", "2026-03-01"),  # 2026 has no 29 February
        ("2004-02-29", "2022-03-01"),
        ("1992-02-29", "2010-03-01"),
        ("1996-02-29", "2014-03-01"),
        ("1982-02-28", "2000-02-28"),
    ],
)
def test_einde_kwalificatieplicht(geboren, achttiende_verjaardag):
    achttien = d(achttiende_verjaardag)
    assert einde_kwalificatieplicht(d(geboren)) == achttien - DAG
    assert leerplichtstatus(d(geboren), achttien - DAG) is KWALIFICATIE
    assert leerplichtstatus(d(geboren), achttien) is NIET_MEER


def test_kwalificatieplichtig_tot_29_februari_in_schrikkeljaar():
    # Born 29 February 2012, turns 18 on 29 February 2030? 2030 is no leap year: 1 March.
    assert status("2012-02-29", "2030-02-28") is KWALIFICATIE
    assert status("2012-02-29", "2030-03-01") is NIET_MEER
    # Born 29 February 2016, turns 18 in 2034 (no leap year) on 1 March as well.
    assert einde_kwalificatieplicht(d("2016-02-29")) == d("2034-02-28")


def test_volledig_verloop_van_een_kind():
    geboren = "2009-08-01"
    assert status(geboren, "2014-08-31") is NOG_NIET
    assert status(geboren, "2014-09-01") is VOLLEDIG
    assert status(geboren, "2026-07-31") is VOLLEDIG
    assert status(geboren, "2026-08-01") is KWALIFICATIE
    assert status(geboren, "2027-07-31") is KWALIFICATIE
    assert status(geboren, "2027-08-01") is NIET_MEER
    assert status(geboren, "2040-01-01") is NIET_MEER


# --- startkwalificatie ---------------------------------------------------------------------


def test_startkwalificatie_op_of_voor_de_peildatum_beeindigt_de_kwalificatieplicht():
    geboren = "2008-03-10"  # kwalificatieplichtig 2024-08-01 .. 2026-03-09
    diploma = d("2025-06-20")
    assert status(geboren, "2025-06-19", startkwalificatie=diploma) is KWALIFICATIE
    assert status(geboren, "2025-06-20", startkwalificatie=diploma) is STARTKWALIFICATIE
    assert status(geboren, "2026-03-09", startkwalificatie=diploma) is STARTKWALIFICATIE
    assert status(geboren, "2026-03-10", startkwalificatie=diploma) is NIET_MEER


def test_startkwalificatie_na_de_peildatum_telt_niet():
    assert status("2008-03-10", "2025-01-01", startkwalificatie=d("2025-01-02")) is KWALIFICATIE


def test_startkwalificatie_tijdens_volledige_leerplicht_beeindigt_die_niet():
    # Full leerplicht is by age (and 12 school years) only; the diploma counts after it.
    geboren = "2009-08-01"
    diploma = d("2026-07-01")
    assert status(geboren, "2026-07-31", startkwalificatie=diploma) is VOLLEDIG
    assert status(geboren, "2026-08-01", startkwalificatie=diploma) is STARTKWALIFICATIE


# --- twaalf schooljaren, kwalificatieplicht vervallen --------------------------------------------


def test_twaalf_schooljaren_voltooid_beeindigt_volledige_leerplicht_eerder():
    geboren = "2009-09-15"  # would be volledig leerplichtig until 2026-07-31
    twaalf = d("2025-07-31")
    assert status(geboren, "2025-07-31", twaalf_schooljaren_voltooid=twaalf) is VOLLEDIG
    assert status(geboren, "2025-08-01", twaalf_schooljaren_voltooid=twaalf) is KWALIFICATIE
    assert status(geboren, "2025-08-01") is VOLLEDIG


def test_twaalf_schooljaren_na_het_gewone_einde_verandert_niets():
    geboren = "2009-09-15"
    later = d("2027-07-31")
    assert status(geboren, "2026-07-31", twaalf_schooljaren_voltooid=later) is VOLLEDIG
    assert status(geboren, "2026-08-01", twaalf_schooljaren_voltooid=later) is KWALIFICATIE


def test_kwalificatieplicht_vervallen():
    geboren = "2008-03-10"
    certificaat = d("2025-06-20")  # praktijkonderwijs certificate
    assert status(geboren, "2025-06-19", kwalificatieplicht_vervallen=certificaat) is KWALIFICATIE
    assert status(geboren, "2025-06-20", kwalificatieplicht_vervallen=certificaat) is NIET_MEER
    assert status(geboren, "2024-07-31", kwalificatieplicht_vervallen=d("2024-06-01")) is VOLLEDIG
    assert status(geboren, "2024-08-01", kwalificatieplicht_vervallen=d("2024-06-01")) is NIET_MEER


# --- properties of the status ----------------------------------------------------------------

_VOLGORDE = {NOG_NIET: 0, VOLLEDIG: 1, KWALIFICATIE: 2, STARTKWALIFICATIE: 3, NIET_MEER: 4}


def _verwacht(g: date, p: date, startkwalificatie: date | None = None) -> Leerplichtstatus:
    """The status written out from the boundary dates, one condition per status."""
    voorwaarden = {
        NOG_NIET: p < begin_volledige_leerplicht(g),
        VOLLEDIG: begin_volledige_leerplicht(g) <= p <= einde_volledige_leerplicht(g),
        KWALIFICATIE: einde_volledige_leerplicht(g) < p <= einde_kwalificatieplicht(g)
        and (startkwalificatie is None or startkwalificatie > p),
        STARTKWALIFICATIE: einde_volledige_leerplicht(g) < p <= einde_kwalificatieplicht(g)
        and startkwalificatie is not None
        and startkwalificatie <= p,
        NIET_MEER: p > einde_kwalificatieplicht(g),
    }
    geldig = [s for s, waar in voorwaarden.items() if waar]
    assert len(geldig) == 1, (g, p, geldig)  # exactly one status per date
    return geldig[0]


@settings(max_examples=1000, deadline=None)
@given(peildatum_en_geboortedatum(), st.one_of(st.none(), datums))
def test_precies_een_status_per_datum(paar, startkwalificatie):
    p, g = paar
    assert leerplichtstatus(g, p, startkwalificatie=startkwalificatie) is _verwacht(
        g, p, startkwalificatie
    )


@settings(max_examples=250, deadline=None)
@given(datums)
def test_grenzen_liggen_in_de_goede_volgorde(g):
    begin = begin_volledige_leerplicht(g)
    einde = einde_volledige_leerplicht(g)
    achttien = verjaardag(g, 18)
    assert begin.day == 1
    assert (begin - DAG).year * 12 + (begin - DAG).month == (
        verjaardag(g, 5).year * 12 + verjaardag(g, 5).month
    )
    assert (einde.month, einde.day) == (7, 31)
    assert Schooljaar.van_datum(verjaardag(g, 16)).einde == einde
    assert verjaardag(g, 5) < begin <= einde < verjaardag(g, 17)
    assert einde_kwalificatieplicht(g) == achttien - DAG
    assert einde < einde_kwalificatieplicht(g)


@settings(max_examples=250, deadline=None)
@given(
    datums,
    st.lists(st.integers(0, 25 * 366), min_size=2, max_size=12),
    st.one_of(st.none(), st.integers(0, 25 * 366)),
)
def test_status_is_monotoon_in_de_tijd(g, dagen, diploma_dagen):
    startkwalificatie = None if diploma_dagen is None else g + timedelta(days=diploma_dagen)
    reeks = [
        leerplichtstatus(g, g + timedelta(days=n), startkwalificatie=startkwalificatie)
        for n in sorted(dagen)
    ]
    volgorde = [_VOLGORDE[s] for s in reeks]
    assert volgorde == sorted(volgorde)
    if startkwalificatie is None:
        assert STARTKWALIFICATIE not in reeks


@settings(max_examples=60, deadline=None)
@given(datums)
def test_alle_statussen_komen_in_volgorde_voor_dag_voor_dag(g):
    """Walk every day from birth to age 19 and check the sequence of changes."""
    dag = g
    overgangen = [leerplichtstatus(g, dag)]
    eind = verjaardag(g, 19)
    while dag < eind:
        dag += DAG
        s = leerplichtstatus(g, dag)
        if s is not overgangen[-1]:
            overgangen.append(s)
            # each change falls exactly on the documented boundary
            grens = {
                VOLLEDIG: begin_volledige_leerplicht(g),
                KWALIFICATIE: einde_volledige_leerplicht(g) + DAG,
                NIET_MEER: verjaardag(g, 18),
            }[s]
            assert dag == grens
    assert overgangen == [NOG_NIET, VOLLEDIG, KWALIFICATIE, NIET_MEER]


@settings(max_examples=250, deadline=None)
@given(peildatum_en_geboortedatum(), datums)
def test_startkwalificatie_telt_alleen_op_of_voor_de_peildatum(paar, diploma):
    p, g = paar
    zonder = leerplichtstatus(g, p)
    met = leerplichtstatus(g, p, startkwalificatie=diploma)
    if zonder is KWALIFICATIE and diploma <= p:
        assert met is STARTKWALIFICATIE
    else:
        assert met is zonder


@settings(max_examples=250, deadline=None)
@given(peildatum_en_geboortedatum(), datums)
def test_twaalf_schooljaren_voltooid(paar, twaalf):
    p, g = paar
    met = leerplichtstatus(g, p, twaalf_schooljaren_voltooid=twaalf)
    zonder = leerplichtstatus(g, p)
    if zonder is VOLLEDIG and p > twaalf:
        assert met is KWALIFICATIE
    else:
        assert met is zonder


@settings(max_examples=250, deadline=None)
@given(peildatum_en_geboortedatum(), datums)
def test_kwalificatieplicht_vervallen_eigenschap(paar, vervallen):
    p, g = paar
    met = leerplichtstatus(g, p, kwalificatieplicht_vervallen=vervallen)
    zonder = leerplichtstatus(g, p)
    if zonder is KWALIFICATIE and vervallen <= p:
        assert met is NIET_MEER
    else:
        assert met is zonder


@settings(max_examples=200, deadline=None)
@given(datums, st.lists(st.integers(0, 25 * 366), min_size=1, max_size=40, unique=True))
def test_leer_of_kwalificatieplichtig_is_een_aaneengesloten_periode(g, dagen):
    begin, einde = begin_volledige_leerplicht(g), einde_kwalificatieplicht(g)
    for n in dagen:
        p = g + timedelta(days=n)
        assert is_leer_of_kwalificatieplichtig(leerplichtstatus(g, p)) == (begin <= p <= einde)


def test_is_leer_of_kwalificatieplichtig_en_labels():
    assert is_leer_of_kwalificatieplichtig(VOLLEDIG)
    assert is_leer_of_kwalificatieplichtig(KWALIFICATIE)
    assert not is_leer_of_kwalificatieplichtig(NOG_NIET)
    assert not is_leer_of_kwalificatieplichtig(STARTKWALIFICATIE)
    assert not is_leer_of_kwalificatieplichtig(NIET_MEER)
    labels = [s.label for s in Leerplichtstatus]
    assert len(set(labels)) == len(Leerplichtstatus)
    assert VOLLEDIG.label == "volledig leerplichtig"
    assert STARTKWALIFICATIE.label == "startkwalificatie behaald"


# --- birth-date intervals: the figures engine filters the population on these ---------------


def _in(interval: tuple[date, date], g: date) -> bool:
    return interval[0] <= g <= interval[1]


@pytest.mark.parametrize(
    ("peildatum", "volledig", "kwalificatie"),
    [
        # 1 October 2024 (school year 2024-2025): volledig when the 16th birthday is on or
        # after 1 August 2024 and the 5th birthday in September 2024 or earlier.
        ("2024-10-01", ("2008-08-01", "2019-09-30"), ("2006-10-02", "2008-07-31")),
        ("2024-07-31", ("2007-08-01", "2019-06-30"), ("2006-08-01", "2007-07-31")),
        ("2024-08-01", ("2008-08-01", "2019-07-31"), ("2006-08-02", "2008-07-31")),
        # Born 29 February 2008: 18 on 1 March 2026, so still kwalificatieplichtig on 28 Feb.
        ("2026-02-28", ("2009-08-01", "2021-01-31"), ("2008-02-29", "2009-07-31")),
        ("2026-03-01", ("2009-08-01", "2021-02-28"), ("2008-03-02", "2009-07-31")),
        # Born 29 February 2020: 5 on 1 March 2025, leerplichtig from 1 April 2025.
        ("2025-03-31", ("2008-08-01", "2020-02-28"), ("2007-04-01", "2008-07-31")),
        ("2025-04-01", ("2008-08-01", "2020-03-31"), ("2007-04-02", "2008-07-31")),
    ],
)
def test_geboortedata_voorbeelden(peildatum, volledig, kwalificatie):
    p = d(peildatum)
    assert geboortedata_volledig_leerplichtig(p) == (d(volledig[0]), d(volledig[1]))
    assert geboortedata_kwalificatieplichtig(p) == (d(kwalificatie[0]), d(kwalificatie[1]))


def _controleer_intervallen(p: date, g: date) -> None:
    volledig = geboortedata_volledig_leerplichtig(p)
    kwalificatie = geboortedata_kwalificatieplichtig(p)
    s = leerplichtstatus(g, p, startkwalificatie=None)
    assert _in(volledig, g) == (s is VOLLEDIG), (p, g, s, volledig)
    assert _in(kwalificatie, g) == (s is KWALIFICATIE), (p, g, s, kwalificatie)


@settings(max_examples=1500, deadline=None)
@given(peildatum_en_geboortedatum())
def test_interval_komt_precies_overeen_met_leerplichtstatus(paar):
    """THE key property: the SQL filter by birth date equals the status rule, for every date."""
    p, g = paar
    _controleer_intervallen(p, g)


@settings(max_examples=250, deadline=None)
@given(peildatums, st.data())
def test_interval_grenzen_en_hun_buren(p, data):
    """Both ends of each interval are in it, the days just outside are not."""
    for interval, gezocht in (
        (geboortedata_volledig_leerplichtig(p), VOLLEDIG),
        (geboortedata_kwalificatieplichtig(p), KWALIFICATIE),
    ):
        vroegste, laatste = interval
        assert vroegste <= laatste
        assert leerplichtstatus(vroegste, p) is gezocht
        assert leerplichtstatus(laatste, p) is gezocht
        assert leerplichtstatus(vroegste - DAG, p) is not gezocht
        assert leerplichtstatus(laatste + DAG, p) is not gezocht
    g = data.draw(geboortedatums_rond(p))
    _controleer_intervallen(p, g)


@settings(max_examples=200, deadline=None)
@given(peildatums)
def test_intervallen_sluiten_op_elkaar_aan(p):
    volledig = geboortedata_volledig_leerplichtig(p)
    kwalificatie = geboortedata_kwalificatieplichtig(p)
    assert kwalificatie[1] + DAG == volledig[0]  # the two groups never overlap, never gap


PEILDATA_UITPUTTEND = [
    d("2024-10-01"),
    d("2025-10-01"),
    d("2026-10-01"),
    d("2024-02-28"),
    d("2024-02-29"),
    d("2024-03-01"),
    d("2025-02-28"),
    d("2025-03-01"),
    d("2025-03-31"),
    d("2025-04-01"),
    d("2026-02-28"),
    d("2026-03-01"),
    d("2025-07-31"),
    d("2025-08-01"),
    d("2024-12-31"),
    d("2025-01-01"),
    d("2028-02-29"),
    d("2100-02-28"),
    d("2100-03-01"),
]


@pytest.mark.parametrize("p", PEILDATA_UITPUTTEND, ids=str)
def test_interval_uitputtend_voor_elke_geboortedatum(p):
    """Every birth date in 20 years before the peildatum, day by day."""
    volledig = geboortedata_volledig_leerplichtig(p)
    kwalificatie = geboortedata_kwalificatieplichtig(p)
    g = date(p.year - 20, 1, 1)
    while g <= p:
        s = leerplichtstatus(g, p)
        assert _in(volledig, g) == (s is VOLLEDIG), (p, g)
        assert _in(kwalificatie, g) == (s is KWALIFICATIE), (p, g)
        g += DAG


def test_interval_grenzen_voor_elke_peildatum_van_vijf_jaar():
    """Every peildatum from July 2023 to March 2029 (two leap days, the 2026 boundary)."""
    p = d("2023-07-01")
    while p <= d("2029-03-31"):
        for interval, gezocht in (
            (geboortedata_volledig_leerplichtig(p), VOLLEDIG),
            (geboortedata_kwalificatieplichtig(p), KWALIFICATIE),
        ):
            assert leerplichtstatus(interval[0], p) is gezocht, p
            assert leerplichtstatus(interval[1], p) is gezocht, p
            assert leerplichtstatus(interval[0] - DAG, p) is not gezocht, p
            assert leerplichtstatus(interval[1] + DAG, p) is not gezocht, p
        p += DAG


@settings(max_examples=200, deadline=None)
@given(datums, st.integers(1, 800))
def test_intervallen_schuiven_mee_met_de_peildatum(p, dagen):
    later = p + timedelta(days=dagen)
    for functie in (geboortedata_volledig_leerplichtig, geboortedata_kwalificatieplichtig):
        nu, dan = functie(p), functie(later)
        assert nu[0] <= dan[0] and nu[1] <= dan[1]
