"""Hypothesis strategies for dates, concentrated on the boundaries of the rules.

The rules of the domain turn on a few kinds of day: the first and last day of
a month (leerplicht starts on the first of the month after the 5th birthday),
29 February (birthday on 1 March in other years), 31 July / 1 August (the
school year) and 1 October (the standaard peildatum). Uniform dates alone hit
those days rarely, so every strategy here mixes them in.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import strategies as st

VROEGST = date(1990, 1, 1)
LAATST = date(2040, 12, 31)

#: Uniform over the range the brief asks for.
uniforme_datums = st.dates(VROEGST, LAATST)

_SOORTEN = (
    "eerste_van_maand",
    "laatste_van_maand",
    "29_februari",
    "28_februari",
    "1_maart",
    "31_juli",
    "1_augustus",
    "30_september",
    "1_oktober",
    "31_december",
    "1_januari",
)


def _grensdatum(jaar: int, soort: str, maand: int) -> date:
    if soort == "eerste_van_maand":
        return date(jaar, maand, 1)
    if soort == "laatste_van_maand":
        return date(jaar, maand, calendar.monthrange(jaar, maand)[1])
    if soort == "29_februari":
        while not calendar.isleap(jaar):
            jaar += 1
        return date(jaar, 2, 29)
    dag, maand_ = {
        "28_februari": (28, 2),
        "1_maart": (1, 3),
        "31_juli": (31, 7),
        "1_augustus": (1, 8),
        "30_september": (30, 9),
        "1_oktober": (1, 10),
        "31_december": (31, 12),
        "1_januari": (1, 1),
    }[soort]
    return date(jaar, maand_, dag)


@st.composite
def grensdatums(draw, van: int = VROEGST.year, tot: int = LAATST.year - 1) -> date:
    """A boundary day of a year in [van, tot], sometimes shifted by one day."""
    jaar = draw(st.integers(van, tot))
    soort = draw(st.sampled_from(_SOORTEN))
    maand = draw(st.integers(1, 12))
    verschuiving = draw(st.sampled_from((0, 0, 0, -1, 1)))
    return _grensdatum(jaar, soort, maand) + timedelta(days=verschuiving)


#: Any date 1990-2040, boundaries over-represented.
datums = st.one_of(grensdatums(), uniforme_datums)

#: Peildata: 1 October (the default) and month ends are the common ones.
peildatums = st.one_of(
    grensdatums(),
    uniforme_datums,
    st.integers(VROEGST.year, LAATST.year - 1).map(lambda j: date(j, 10, 1)),
)


def zelfde_dag_jaren_eerder(datum: date, jaren: int) -> date:
    """`datum` moved back `jaren` years (29 February becomes 28 February)."""
    jaar = datum.year - jaren
    if datum.month == 2 and datum.day == 29 and not calendar.isleap(jaar):
        return date(jaar, 2, 28)
    return datum.replace(year=jaar)


@st.composite
def geboortedatums_rond(draw, peildatum: date) -> date:
    """A birth date near one of the age boundaries that matter on `peildatum`.

    One of: a uniform date; a boundary day of a year 3-29 years back; the same
    day 4-28 years back with an offset of days, months or about a year; a birth
    date around 1 August 15-17 school years back (end of volledige leerplicht);
    around the first day of the same month 4-6 years back (start of leerplicht).
    """
    keuze = draw(st.integers(0, 4))
    if keuze == 0:
        return draw(st.dates(date(1960, 1, 1), LAATST))
    if keuze == 1:
        return draw(grensdatums(peildatum.year - 29, peildatum.year - 3))
    if keuze == 2:
        jaren = draw(st.sampled_from((4, 5, 6, 15, 16, 17, 18, 19, 22, 23, 24, 26, 27, 28)))
        basis = zelfde_dag_jaren_eerder(peildatum, jaren)
        dagen = draw(st.one_of(st.integers(-3, 3), st.integers(-62, 62), st.integers(-400, 400)))
        return basis + timedelta(days=dagen)
    if keuze == 3:
        beginjaar = peildatum.year if peildatum.month >= 8 else peildatum.year - 1
        jaren = draw(st.sampled_from((15, 16, 17)))
        return date(beginjaar - jaren, 8, 1) + timedelta(days=draw(st.integers(-2, 2)))
    jaren = draw(st.sampled_from((4, 5, 6)))
    maand = date(peildatum.year - jaren, peildatum.month, 1)
    if draw(st.booleans()):  # or the month before
        maand = (maand - timedelta(days=1)).replace(day=1)
    return maand + timedelta(days=draw(st.integers(-2, 2)))


#: Birth dates with 29 February and the days around it over-represented.
geboortedatums = st.one_of(
    datums,
    st.integers(VROEGST.year, LAATST.year)
    .filter(calendar.isleap)
    .map(lambda jaar: date(jaar, 2, 29)),
)


@st.composite
def peildatums_rond(draw, geboortedatum: date) -> date:
    """A peildatum near a birthday that matters (5, 16, 17, 18, 23, 27), near the first
    of the month after it, or near 31 July / 1 August of that year. For someone born
    on 29 February both readings of the birthday (28 February and 1 March) are near."""
    jaren = draw(st.sampled_from((5, 16, 17, 18, 23, 27)))
    jaar = geboortedatum.year + jaren
    if (geboortedatum.month, geboortedatum.day) == (2, 29) and not calendar.isleap(jaar):
        dag = draw(st.sampled_from((date(jaar, 2, 28), date(jaar, 3, 1))))
    else:
        dag = geboortedatum.replace(year=jaar)
    soort = draw(st.integers(0, 3))
    if soort == 1:  # the first of the month after
        dag = date(dag.year, dag.month, calendar.monthrange(dag.year, dag.month)[1])
        dag += timedelta(days=1)
    elif soort == 2:  # the school year around it
        dag = date(dag.year, 8, 1)
    elif soort == 3:  # around 1 January 2026 (the Doorstroompunt rule)
        dag = draw(st.sampled_from((dag, date(2026, 1, 1))))
    return dag + timedelta(days=draw(st.integers(-3, 3)))


@st.composite
def peildatum_en_geboortedatum(draw) -> tuple[date, date]:
    """(peildatum, geboortedatum): either a peildatum with a birth date near its age
    boundaries, or a birth date with a peildatum near its own boundaries."""
    if draw(st.booleans()):
        peildatum = draw(peildatums)
        return peildatum, draw(geboortedatums_rond(peildatum))
    geboortedatum = draw(geboortedatums)
    return draw(peildatums_rond(geboortedatum)), geboortedatum
