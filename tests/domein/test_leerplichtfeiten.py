"""The facts that end a leerplicht early, as the law says them (issue 13, items 3, 5, 9).

Each table reads like the law: who, which fact, on which day, and what follows.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from datumstrategieen import datums, geboortedatums, peildatum_en_geboortedatum
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.leerplicht import (
    Leerplichtstatus,
    is_leer_of_kwalificatieplichtig,
    leerplichtstatus,
)
from leerplicht.domein.leerplichtfeiten import (
    fouten_in_feiten,
    omschrijving_leerplicht,
    tekst_kwalificatieplicht_vervallen,
    tekst_twaalf_schooljaren,
)
from leerplicht.domein.uitschrijving import Gevolg, gevolg_van_uitschrijving
from leerplicht.domein.vrijstellingsduur import (
    dekt,
    einde_van_vrijstelling,
    vroegste_begin_zonder_einddatum,
)

D = date.fromisoformat
VOLLEDIG = Leerplichtstatus.VOLLEDIG_LEERPLICHTIG
KWALIFICATIE = Leerplichtstatus.KWALIFICATIEPLICHTIG
NIET_MEER = Leerplichtstatus.NIET_MEER_LEERPLICHTIG
NOG_NIET = Leerplichtstatus.NOG_NIET_LEERPLICHTIG


# --- art. 3 lid 1 onder a: twaalf volledige schooljaren (item 9) -----------------------------


@pytest.mark.parametrize(
    ("peildatum", "verwacht"),
    [
        ("2025-07-31", VOLLEDIG),  # the last day of the twelfth school year
        ("2025-08-01", KWALIFICATIE),  # the next school year: kwalificatieplichtig
        ("2025-10-01", KWALIFICATIE),  # the probe of the issue (age alone: volledig)
        ("2026-07-31", KWALIFICATIE),  # the end by age (turns 16 in 2025-2026) is passed by
        ("2027-11-14", KWALIFICATIE),  # the day before the 18th birthday
        ("2027-11-15", NIET_MEER),  # 18
    ],
)
def test_geboren_15_11_2009_twaalf_schooljaren_op_31_7_2025(peildatum, verwacht):
    assert (
        leerplichtstatus(D("2009-11-15"), D(peildatum), twaalf_schooljaren_voltooid=D("2025-07-31"))
        is verwacht
    )


def test_zonder_het_feit_is_dezelfde_leerling_op_1_10_2025_volledig_leerplichtig():
    assert leerplichtstatus(D("2009-11-15"), D("2025-10-01")) is VOLLEDIG


# --- art. 4a lid 2: kwalificatieplicht vervallen (item 3) -----------------------------------


@pytest.mark.parametrize(
    ("geboren", "vervallen", "peildatum", "verwacht"),
    [
        # 17, left praktijkonderwijs with a certificate on 4 July 2025
        ("2008-03-01", "2025-07-04", "2025-07-03", KWALIFICATIE),
        ("2008-03-01", "2025-07-04", "2025-07-04", NIET_MEER),
        ("2008-03-01", "2025-07-04", "2025-10-01", NIET_MEER),
        # a certificate during full leerplicht does not end it...
        ("2009-06-01", "2025-06-20", "2025-07-31", VOLLEDIG),
        # ...but there is no kwalificatieplicht after it
        ("2009-06-01", "2025-06-20", "2025-08-01", NIET_MEER),
    ],
)
def test_certificaat_pro_of_vso_profiel(geboren, vervallen, peildatum, verwacht):
    status = leerplichtstatus(D(geboren), D(peildatum), kwalificatieplicht_vervallen=D(vervallen))
    assert status is verwacht


# --- de-registration (domein.uitschrijving) -------------------------------------------------


@pytest.mark.parametrize(
    ("wie", "geboren", "laatste_dag", "feiten", "verwacht"),
    [
        # item 5: a 4-year-old is not leerplichtig yet (art. 3 lid 1)
        ("kleuter van 4", "2021-02-10", "2025-10-15", {}, Gevolg.GEEN),
        (
            "5 geworden, leerplicht begint de maand erna",
            "2020-10-10",
            "2025-10-31",
            {},
            Gevolg.GEEN,
        ),
        ("5, eerste dag leerplichtig", "2020-10-10", "2025-11-01", {}, Gevolg.ABSOLUUT_VERZUIM),
        # item 3: 16-17 year old leaving pro with a certificate (art. 4a lid 2)
        (
            "pro met certificaat",
            "2008-03-01",
            "2025-07-04",
            {"kwalificatieplicht_vervallen": D("2025-07-04")},
            Gevolg.GEEN,
        ),
        ("pro zonder certificaat", "2008-03-01", "2025-07-04", {}, Gevolg.ABSOLUUT_VERZUIM),
        # item 9: twelve school years end full leerplicht, kwalificatieplicht remains
        (
            "twaalf schooljaren, geen startkwalificatie",
            "2009-11-15",
            "2025-10-01",
            {"twaalf_schooljaren_voltooid": D("2025-07-31")},
            Gevolg.ABSOLUUT_VERZUIM,
        ),
        (
            "twaalf schooljaren en certificaat pro",
            "2009-11-15",
            "2025-10-01",
            {
                "twaalf_schooljaren_voltooid": D("2025-07-31"),
                "kwalificatieplicht_vervallen": D("2025-07-10"),
            },
            Gevolg.GEEN,
        ),
    ],
)
def test_gevolg_van_uitschrijving(wie, geboren, laatste_dag, feiten, verwacht):
    gevolg = gevolg_van_uitschrijving(
        D(geboren), D(laatste_dag), startkwalificatie=None, onderwijssoort="pro", **feiten
    )
    assert gevolg is verwacht, wie


_feitdatum = st.one_of(st.none(), datums)


@given(
    paar=peildatum_en_geboortedatum(),
    startkwalificatie=_feitdatum,
    twaalf=_feitdatum,
    vervallen=_feitdatum,
    onderwijssoort=st.sampled_from(("bao", "vo", "pro", "vso", "mbo")),
)
def test_nooit_absoluut_verzuim_zonder_leer_of_kwalificatieplicht(
    paar, startkwalificatie, twaalf, vervallen, onderwijssoort
):
    """Property (issue 13): a de-registration leads to absoluut verzuim exactly when the
    pupil is leer- or kwalificatieplichtig on the day it is judged, facts included."""
    laatste_dag, geboren = paar
    gevolg = gevolg_van_uitschrijving(
        geboren,
        laatste_dag,
        startkwalificatie=startkwalificatie,
        onderwijssoort=onderwijssoort,
        twaalf_schooljaren_voltooid=twaalf,
        kwalificatieplicht_vervallen=vervallen,
    )
    status = leerplichtstatus(
        geboren,
        laatste_dag,
        startkwalificatie=startkwalificatie,
        twaalf_schooljaren_voltooid=twaalf,
        kwalificatieplicht_vervallen=vervallen,
    )
    assert (gevolg is Gevolg.ABSOLUUT_VERZUIM) == is_leer_of_kwalificatieplichtig(status)
    if status is NOG_NIET:
        assert gevolg is Gevolg.GEEN


# --- art. 6 lid 2 en 3: how long a vrijstelling covers (item 1's part) ----------------------


@pytest.mark.parametrize(
    ("grond", "van", "tot", "nooit", "einde"),
    [
        ("5a", "2024-09-01", None, False, "2025-07-31"),  # one notification, one school year
        ("5a", "2024-09-01", None, True, None),  # never able to attend: no end (lid 3)
        ("5b", "2024-09-01", None, True, "2025-07-31"),  # lid 3 is for 5 onder a only
        ("5c", "2025-07-31", None, False, "2025-07-31"),  # started on the last day
        ("5c", "2025-08-01", None, False, "2026-07-31"),  # the next school year
        ("15", "2024-09-01", "2026-01-31", False, "2026-01-31"),  # a given end is the end
    ],
)
def test_einde_van_vrijstelling(grond, van, tot, nooit, einde):
    verwacht = D(einde) if einde else None
    assert einde_van_vrijstelling(grond, D(van), D(tot) if tot else None, nooit) == verwacht


@given(geldig_van=datums, peildatum=datums, grond=st.sampled_from(("3a", "5a", "5b", "5c", "15")))
def test_vroegste_begin_zonder_einddatum_volgt_uit_de_regel(geldig_van, peildatum, grond):
    """The sweep's SQL bound agrees with `einde_van_vrijstelling` for every date."""
    if geldig_van > peildatum:
        return
    volgens_regel = dekt(grond, geldig_van, None, False, peildatum)
    assert volgens_regel == (geldig_van >= vroegste_begin_zonder_einddatum(peildatum))


# --- the facts: checks and wording ----------------------------------------------------------


def test_twaalf_schooljaren_eindigen_op_31_juli():
    assert fouten_in_feiten(D("2025-07-31"), None, None) == []
    [(veld, melding)] = fouten_in_feiten(D("2025-06-30"), None, None)
    assert veld == "twaalf_schooljaren_voltooid"
    assert "31 juli" in melding and "art. 3 lid 1 onder a" in melding


def test_vervallen_kwalificatieplicht_heeft_datum_en_grond():
    assert fouten_in_feiten(None, D("2025-07-04"), "pro") == []
    assert [v for v, _ in fouten_in_feiten(None, D("2025-07-04"), None)] == [
        "kwalificatieplicht_vervallen_grond"
    ]
    assert [v for v, _ in fouten_in_feiten(None, None, "vso_dagbesteding")] == [
        "kwalificatieplicht_vervallen"
    ]


def test_teksten_noemen_het_artikel():
    assert tekst_kwalificatieplicht_vervallen(D("2025-07-04"), "pro", "getuigschrift") == (
        "kwalificatieplicht vervallen op 04-07-2025, praktijkonderwijs: certificaat of diploma "
        "(art. 4a lid 2 Leerplichtwet 1969); bron: getuigschrift"
    )
    assert tekst_twaalf_schooljaren(D("2025-07-31"), None) == (
        "volledige leerplicht geëindigd na twaalf volledige schooljaren op 31-07-2025 "
        "(art. 3 lid 1 onder a Leerplichtwet 1969)"
    )


@given(geboren=geboortedatums, dagen=st.integers(0, 6000))
def test_twaalf_schooljaren_nooit_later_dan_de_leeftijd(geboren, dagen):
    """Twelve school years only ever end full leerplicht earlier, never later."""
    twaalf = geboren + timedelta(days=dagen)
    for peil in (twaalf, twaalf + timedelta(days=1)):
        met = leerplichtstatus(geboren, peil, twaalf_schooljaren_voltooid=twaalf)
        zonder = leerplichtstatus(geboren, peil)
        if zonder is not VOLLEDIG:
            assert met is zonder


@pytest.mark.parametrize(
    ("geboren", "peildatum", "feiten", "tekst"),
    [
        (
            "2021-02-10",
            "2025-10-15",
            {},
            "niet leerplichtig (nog niet leerplichtig: leerplichtig vanaf 01-03-2026, "
            "art. 3 lid 1 Leerplichtwet 1969)",
        ),
        (
            "2008-03-01",
            "2025-10-01",
            {"kwalificatieplicht_vervallen": D("2025-07-04")},
            "niet leerplichtig (kwalificatieplicht vervallen, art. 4a lid 2 Leerplichtwet 1969)",
        ),
        (
            "2008-03-01",
            "2026-03-01",
            {"kwalificatieplicht_vervallen": D("2025-07-04")},
            "niet leerplichtig (niet meer leerplichtig)",
        ),
        (
            "2009-11-15",
            "2025-10-01",
            {"twaalf_schooljaren_voltooid": D("2025-07-31")},
            "kwalificatieplichtig",
        ),
    ],
)
def test_omschrijving_leerplicht(geboren, peildatum, feiten, tekst):
    volledig = {
        "startkwalificatie": None,
        "twaalf_schooljaren_voltooid": None,
        "kwalificatieplicht_vervallen": None,
        **feiten,
    }
    assert omschrijving_leerplicht(D(geboren), D(peildatum), **volledig) == tekst


#: (born, twaalf schooljaren voltooid, plausible?) School from the 4th birthday: twelve
#: full school years end at the earliest on 31 July of the year of the 16th birthday.
TWAALF_PLAUSIBEL = [
    (D("2009-11-15"), D("2025-07-31"), True),  # the example
    (D("2009-08-01"), D("2025-07-31"), True),  # 4 on 1 August 2013, twelve full years
    (D("2009-01-01"), D("2025-07-31"), True),
    (D("2009-11-15"), D("2024-07-31"), False),  # 14 years old
    (D("2014-03-17"), D("2025-07-31"), False),  # an 11 year old
    (D("2009-12-31"), D("2026-07-31"), True),
]


@pytest.mark.parametrize(("geboren", "twaalf", "plausibel"), TWAALF_PLAUSIBEL)
def test_twaalf_schooljaren_past_bij_de_geboortedatum(geboren, twaalf, plausibel):
    fouten = fouten_in_feiten(twaalf, None, None, geboortedatum=geboren)
    assert (fouten == []) is plausibel
    if not plausibel:
        [(veld, melding)] = fouten
        assert veld == "twaalf_schooljaren_voltooid"
        assert "art. 3 lid 1 onder a Leerplichtwet 1969" in melding


def test_kwalificatieplicht_vervallen_niet_voor_de_twaalfde_verjaardag():
    geboren = D("2010-05-20")
    assert fouten_in_feiten(None, D("2022-05-20"), "pro", geboortedatum=geboren) == []
    [(veld, melding)] = fouten_in_feiten(None, D("2022-05-19"), "pro", geboortedatum=geboren)
    assert veld == "kwalificatieplicht_vervallen" and "art. 4a lid 2" in melding
