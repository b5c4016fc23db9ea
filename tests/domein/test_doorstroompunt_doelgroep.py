"""Doelgroep Doorstroompunt: 18 tot 23 (tot 27 vanaf 1 januari 2026), zonder startkwalificatie."""

from __future__ import annotations

from datetime import date, timedelta

from datumstrategieen import datums, peildatum_en_geboortedatum
from hypothesis import given, settings
from hypothesis import strategies as st

from leerplicht.domein.doorstroompunt_doelgroep import (
    LEEFTIJDSGRENZEN,
    ONDERGRENS_LEEFTIJD,
    einde_doelgroep,
    geldende_leeftijdsgrens,
    in_doelgroep_doorstroompunt,
)
from leerplicht.domein.leeftijd import leeftijd_op, verjaardag
from leerplicht.domein.leerplicht import (
    Leerplichtstatus,
    einde_kwalificatieplicht,
    leerplichtstatus,
)

DAG = timedelta(days=1)
WET_DUURZAAM_WERK = date(2026, 1, 1)


def d(tekst: str) -> date:
    return date.fromisoformat(tekst)


def in_doelgroep(geboren: str, op: str, **kw) -> bool:
    return in_doelgroep_doorstroompunt(d(geboren), d(op), **kw)


# --- the dated age limit ------------------------------------------------------------------------


def test_geldende_leeftijdsgrens():
    assert geldende_leeftijdsgrens(d("2025-12-31")).tot_leeftijd == 23
    assert not geldende_leeftijdsgrens(d("2025-12-31")).inclusief_uitstroom_pro_vso
    assert geldende_leeftijdsgrens(d("2026-01-01")).tot_leeftijd == 27
    assert geldende_leeftijdsgrens(d("2026-01-01")).inclusief_uitstroom_pro_vso
    assert geldende_leeftijdsgrens(d("2000-01-01")).tot_leeftijd == 23
    assert geldende_leeftijdsgrens(d("2040-01-01")).tot_leeftijd == 27
    assert "duurzaam werk" in geldende_leeftijdsgrens(d("2026-01-01")).grondslag


def test_leeftijdsgrenzen_zijn_gedateerd_en_oplopend():
    vanaf = [g.geldig_vanaf for g in LEEFTIJDSGRENZEN]
    assert vanaf == sorted(vanaf) and len(set(vanaf)) == len(vanaf)
    assert WET_DUURZAAM_WERK in vanaf


@settings(max_examples=200)
@given(datums)
def test_geldende_grens_is_de_laatst_ingegane(peildatum):
    grens = geldende_leeftijdsgrens(peildatum)
    assert grens.geldig_vanaf <= peildatum
    assert all(
        g.geldig_vanaf <= grens.geldig_vanaf or g.geldig_vanaf > peildatum for g in LEEFTIJDSGRENZEN
    )
    assert grens.tot_leeftijd == (27 if peildatum >= WET_DUURZAAM_WERK else 23)


# --- the 18th birthday: in on the day, out the day before -------------------------------------


def test_achttiende_verjaardag():
    assert not in_doelgroep("2006-05-10", "2024-05-09")
    assert in_doelgroep("2006-05-10", "2024-05-10")
    # 29 February: 18 on 1 March in a year without 29 February
    assert not in_doelgroep("2008-02-29", "2026-02-28")
    assert in_doelgroep("2008-02-29", "2026-03-01")


# --- the upper age limit: 23 before 2026, 27 from 1 January 2026 -------------------------------


def test_wie_in_2025_23_wordt_valt_op_de_verjaardag_uit_de_doelgroep():
    geboren = "2002-06-01"
    assert in_doelgroep(geboren, "2025-05-31")
    assert not in_doelgroep(geboren, "2025-06-01")
    assert not in_doelgroep(geboren, "2025-12-31")
    assert einde_doelgroep(d(geboren), d("2025-05-31")) == d("2025-06-01")


def test_vanaf_2026_telt_de_grens_van_27_voor_iedereen_onder_de_27():
    """The rule is by age on the peildatum: on 1 January 2026 everyone 18-26 without
    startkwalificatie is in the doelgroep, also someone who turned 23 in 2025 and was
    out for the rest of 2025 (the law raises the age; it has no transitional cohort)."""
    assert in_doelgroep("2002-06-01", "2026-01-01")
    assert not in_doelgroep("2000-06-01", "2025-12-31")  # 25
    assert in_doelgroep("2000-06-01", "2026-01-01")


def test_wie_in_2026_23_wordt_blijft_tot_27():
    geboren = "2003-03-15"
    assert in_doelgroep(geboren, "2025-12-31")  # 22
    assert in_doelgroep(geboren, "2026-03-14")
    assert in_doelgroep(geboren, "2026-03-15")  # 23, but the limit is 27 now
    assert in_doelgroep(geboren, "2030-03-14")
    assert not in_doelgroep(geboren, "2030-03-15")
    assert einde_doelgroep(d(geboren), d("2026-03-15")) == d("2030-03-15")


def test_einde_doelgroep_volgt_de_regel_van_de_peildatum():
    geboren = d("2003-03-15")
    assert einde_doelgroep(geboren, d("2025-12-31")) == d("2026-03-15")  # rule 23
    assert einde_doelgroep(geboren, d("2026-01-01")) == d("2030-03-15")  # rule 27
    # 29 February: the birthday is 1 March in a year without it
    assert einde_doelgroep(d("2004-02-29"), d("2025-01-01")) == d("2027-03-01")
    assert einde_doelgroep(d("2004-02-29"), d("2026-01-01")) == d("2031-03-01")
    assert einde_doelgroep(d("2000-02-29"), d("2026-01-01")) == d("2027-03-01")


# --- startkwalificatie and uitstroom pro/vso --------------------------------------------------


def test_startkwalificatie_op_of_voor_peildatum_beeindigt():
    geboren = "2004-09-01"
    assert not in_doelgroep(geboren, "2024-06-30", startkwalificatie=d("2024-06-30"))
    assert not in_doelgroep(geboren, "2024-06-30", startkwalificatie=d("2020-06-30"))
    assert in_doelgroep(geboren, "2024-06-30", startkwalificatie=d("2024-07-01"))
    assert in_doelgroep(geboren, "2024-06-30")


def test_uitstroom_pro_vso_telt_alleen_onder_de_regel_van_2026():
    geboren = "2004-09-01"
    diploma = d("2023-06-30")
    # before 2026: a startkwalificatie ends membership, pro/vso or not
    assert not in_doelgroep(
        geboren, "2025-12-31", startkwalificatie=diploma, uitstroom_pro_vso=True
    )
    # from 2026: pupils leaving pro/vso are in the doelgroep
    assert in_doelgroep(geboren, "2026-01-01", startkwalificatie=diploma, uitstroom_pro_vso=True)
    assert not in_doelgroep(geboren, "2026-01-01", startkwalificatie=diploma)
    # the age limits still hold for them
    assert not in_doelgroep("2008-09-01", "2026-08-31", uitstroom_pro_vso=True)  # 17
    assert in_doelgroep("2008-09-01", "2026-09-01", uitstroom_pro_vso=True)
    assert not in_doelgroep("1999-09-01", "2026-09-01", uitstroom_pro_vso=True)  # 27
    assert in_doelgroep("1999-09-01", "2026-08-31", uitstroom_pro_vso=True)


# --- properties ----------------------------------------------------------------------------------


@settings(max_examples=600, deadline=None)
@given(peildatum_en_geboortedatum())
def test_in_doelgroep_is_van_18e_verjaardag_tot_einde_doelgroep(paar):
    p, g = paar
    verwacht = verjaardag(g, ONDERGRENS_LEEFTIJD) <= p < einde_doelgroep(g, p)
    assert in_doelgroep_doorstroompunt(g, p) == verwacht
    grens = 27 if p >= WET_DUURZAAM_WERK else 23
    assert in_doelgroep_doorstroompunt(g, p) == (18 <= leeftijd_op(g, p) < grens)


@settings(max_examples=250, deadline=None)
@given(peildatum_en_geboortedatum(), st.one_of(st.none(), datums), st.booleans())
def test_startkwalificatie_en_uitstroom_pro_vso(paar, diploma, pro_vso):
    p, g = paar
    basis = in_doelgroep_doorstroompunt(g, p)
    uitkomst = in_doelgroep_doorstroompunt(
        g, p, startkwalificatie=diploma, uitstroom_pro_vso=pro_vso
    )
    zonder_startkwalificatie = diploma is None or diploma > p
    if pro_vso and p >= WET_DUURZAAM_WERK:
        assert uitkomst == basis
    else:
        assert uitkomst == (basis and zonder_startkwalificatie)


@settings(max_examples=250, deadline=None)
@given(peildatum_en_geboortedatum())
def test_doelgroep_sluit_aan_op_het_einde_van_de_kwalificatieplicht(paar):
    """Kwalificatieplicht by age ends the day before the 18th birthday, which is exactly
    the first day in the doelgroep: never both, no day of neither in between."""
    p, g = paar
    kwalificatieplichtig = leerplichtstatus(g, p) is Leerplichtstatus.KWALIFICATIEPLICHTIG
    doelgroep = in_doelgroep_doorstroompunt(g, p)
    assert not (kwalificatieplichtig and doelgroep)
    assert einde_kwalificatieplicht(g) + DAG == verjaardag(g, ONDERGRENS_LEEFTIJD)
    assert in_doelgroep_doorstroompunt(g, einde_kwalificatieplicht(g) + DAG)
    assert not in_doelgroep_doorstroompunt(g, einde_kwalificatieplicht(g))


@settings(max_examples=250, deadline=None)
@given(datums)
def test_einde_doelgroep_is_de_dag_van_uitval(g):
    for p in (d("2025-06-30"), d("2026-06-30")):
        einde = einde_doelgroep(g, p)
        grens = geldende_leeftijdsgrens(p).tot_leeftijd
        assert einde == verjaardag(g, grens)
        assert leeftijd_op(g, einde) == grens
        assert leeftijd_op(g, einde - DAG) == grens - 1
