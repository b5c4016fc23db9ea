"""The law of art. 6 and 7 (second pass, issue 13), as tables of boundary dates.

Each table reads like the article: a row is a case, the last column what the law says.
"""

from __future__ import annotations

from datetime import date

import pytest

from leerplicht.domein import vrijstellingsregels as r

# --- art. 6 lid 2 en 3: one school year at most, ending 31 July ----------------------------

D = date


@pytest.mark.parametrize(
    ("grond", "geldig_van", "nooit_naar_school", "uiterlijk_tot"),
    [
        # Art. 6 lid 2: one notification covers one school year; it ends on 31 July.
        ("5a", D(2024, 9, 2), False, D(2025, 7, 31)),
        ("5b", D(2024, 8, 1), False, D(2025, 7, 31)),  # first day of the school year
        ("5b", D(2025, 7, 31), False, D(2025, 7, 31)),  # last day: a one-day period
        ("5c", D(2025, 8, 1), False, D(2026, 7, 31)),  # 1 August: the next school year
        # Art. 6 lid 3: 5 onder a, the statement says never: no end.
        ("5a", D(2024, 9, 2), True, None),
        # The exception is 5 onder a's alone.
        ("5b", D(2024, 9, 2), True, D(2025, 7, 31)),
        ("5c", D(2024, 9, 2), True, D(2025, 7, 31)),
        # Not art. 5: art. 6 sets no end.
        ("3a", D(2024, 9, 2), False, None),
        ("3b", D(2024, 9, 2), False, None),
        ("15", D(2024, 9, 2), False, None),
    ],
)
def test_art_6_uiterste_einddatum(grond, geldig_van, nooit_naar_school, uiterlijk_tot):
    assert (
        r.uiterste_einddatum(grond, geldig_van, nooit_naar_school=nooit_naar_school)
        == uiterlijk_tot
    )


@pytest.mark.parametrize(
    ("grond", "geldig_tot", "nooit_naar_school", "toegestaan"),
    [
        ("5a", None, False, True),  # empty: filled in with 31 July
        ("5a", D(2025, 7, 31), False, True),
        ("5a", D(2025, 8, 1), False, False),  # one day into the next school year
        ("5a", D(2028, 7, 31), False, False),  # 2025-2028: three school years
        ("5a", D(2028, 7, 31), True, True),  # art. 6 lid 3
        ("5b", D(2028, 7, 31), True, False),  # "never" is not a 5 onder b ground
        ("5c", D(2025, 8, 1), False, False),
        ("15", D(2028, 7, 31), False, True),
    ],
)
def test_art_6_hoogstens_een_schooljaar(grond, geldig_tot, nooit_naar_school, toegestaan):
    bezwaren = r.duur_bezwaren(
        grond, D(2024, 9, 2), geldig_tot, nooit_naar_school=nooit_naar_school
    )
    assert (bezwaren == []) is toegestaan
    for b in bezwaren:
        assert b.veld == "geldig_tot" and "art. 6 lid 2" in b.tekst and "31-07-2025" in b.tekst


def test_art_6_lid_3_genoemd_bij_5a():
    (b,) = r.duur_bezwaren("5a", D(2024, 9, 2), D(2026, 7, 31))
    assert "art. 6 lid 3" in b.tekst


@pytest.mark.parametrize(
    ("grond", "geldig_tot", "nooit_naar_school", "opgeslagen"),
    [
        ("5a", None, False, D(2025, 7, 31)),
        ("5a", None, True, None),
        ("5b", D(2025, 3, 1), False, D(2025, 3, 1)),  # shorter: as asked
        ("3a", None, False, None),
    ],
)
def test_art_6_einddatum_bij_toekenning(grond, geldig_tot, nooit_naar_school, opgeslagen):
    assert (
        r.einddatum_bij_toekenning(
            grond, D(2024, 9, 2), geldig_tot, nooit_naar_school=nooit_naar_school
        )
        == opgeslagen
    )


# --- art. 7 lid 1: the statement, aged at the kennisgeving ---------------------------------


@pytest.mark.parametrize(
    ("verklaring", "kennisgeving", "geldig"),
    [
        (D(2024, 6, 1), D(2024, 6, 20), True),  # the example of issue 13
        (D(2024, 3, 20), D(2024, 6, 20), True),  # exactly three months: still valid
        (D(2024, 3, 19), D(2024, 6, 20), False),  # a day older
        (D(2024, 6, 20), D(2024, 6, 20), True),  # the same day
        (D(2024, 6, 21), D(2024, 6, 20), False),  # after the kennisgeving: not with it
        (D(2024, 2, 29), D(2024, 5, 31), True),  # no 31 February: the month's last day
        (D(2024, 2, 28), D(2024, 5, 31), False),
    ],
)
def test_art_7_verklaring_hoogstens_drie_maanden_oud_bij_de_kennisgeving(
    verklaring, kennisgeving, geldig
):
    assert r.verklaring_recent_genoeg(verklaring, kennisgeving) is geldig


def test_art_7_de_besluitdatum_telt_niet():
    a = r.Aanvraag(
        "5a", D(2024, 6, 20), D(2024, 9, 2), None, D(2014, 5, 5),
        verklaring_datum=D(2024, 6, 1), verklaring_door="arts",
    )  # fmt: skip
    assert r.bezwaren_5a(a, D(2024, 9, 15)) == []
    assert r.bezwaren_5a(a, D(2025, 6, 15)) == []


@pytest.mark.parametrize(
    ("door", "toegestaan"),
    [
        ("arts", True),  # designated by the college, not treating
        ("pedagoog", True),
        ("psycholoog", True),
        ("behandelend_arts", False),
        ("schoolhoofd_buitenland", False),  # art. 9, not art. 7
        (None, False),
    ],
)
def test_art_7_wie_de_verklaring_schrijft(door, toegestaan):
    bezwaren = r.verklaarder_bezwaren(door)
    assert (bezwaren == []) is toegestaan
    assert all("art. 7 lid 1" in b.tekst for b in bezwaren)


# --- art. 6: the deadline of the kennisgeving ------------------------------------------------

#: Born 10 March 2020: 5 on 10 March 2025, leerplichtig from 1 April 2025 (art. 3).
JONG = D(2020, 3, 10)
#: Born 5 May 2014: leerplichtig since 1 June 2019.
OUDER = D(2014, 5, 5)


@pytest.mark.parametrize(
    ("grond", "geboren", "geldig_van", "kennisgeving", "uiterlijk", "te_laat"),
    [
        # Concerning the start: at least one month before leerplicht starts (1 April 2025).
        ("5a", JONG, D(2025, 4, 1), D(2025, 3, 1), D(2025, 3, 1), False),
        ("5a", JONG, D(2025, 4, 1), D(2025, 3, 2), D(2025, 3, 1), True),
        ("5b", JONG, D(2025, 4, 1), D(2025, 3, 25), D(2025, 3, 1), True),  # 7 days before
        ("5c", JONG, D(2025, 3, 1), D(2025, 1, 15), D(2025, 3, 1), False),  # from before it
        # Every next school year: before 1 July (art. 6 lid 2).
        ("5b", OUDER, D(2024, 9, 2), D(2024, 6, 30), D(2024, 6, 30), False),
        ("5b", OUDER, D(2024, 9, 2), D(2024, 7, 1), D(2024, 6, 30), True),
        ("5b", OUDER, D(2024, 9, 2), D(2024, 9, 10), D(2024, 6, 30), True),  # running year
        ("5a", OUDER, D(2025, 8, 1), D(2025, 6, 30), D(2025, 6, 30), False),
        ("5a", OUDER, D(2025, 7, 31), D(2025, 6, 30), D(2024, 6, 30), True),  # 2024-2025
        # After the start of leerplicht, but not concerning it: the 1 July rule.
        ("5c", JONG, D(2025, 4, 2), D(2025, 3, 1), D(2024, 6, 30), True),
    ],
)
def test_art_6_kennisgeving_op_tijd(grond, geboren, geldig_van, kennisgeving, uiterlijk, te_laat):
    assert r.uiterste_kennisgevingsdatum(grond, geldig_van, geboren) == uiterlijk
    waarschuwing = r.kennisgeving_te_laat(grond, kennisgeving, geldig_van, geboren)
    assert (waarschuwing is not None) is te_laat
    if waarschuwing:
        assert waarschuwing.uiterlijk == uiterlijk
        assert f"{uiterlijk:%d-%m-%Y}" in waarschuwing.tekst
        assert f"{kennisgeving:%d-%m-%Y}" in waarschuwing.tekst
        assert waarschuwing.artikel in waarschuwing.tekst and "art. 6" in waarschuwing.artikel


@pytest.mark.parametrize("grond", ["3a", "3b", "15"])
def test_art_6_geen_kennisgevingstermijn_buiten_art_5(grond):
    assert r.uiterste_kennisgevingsdatum(grond, D(2024, 9, 2), OUDER) is None
    assert r.kennisgeving_te_laat(grond, D(2024, 9, 10), D(2024, 9, 2), OUDER) is None


# --- art. 14: the school head's 10 days count per school year -------------------------------


@pytest.mark.parametrize(
    ("al_verleend", "gevraagd", "leerplichtambtenaar"),
    [
        (0, 10, False),  # 10 in one request: the school head (lid 1)
        (0, 11, True),  # more than 10: the leerplichtambtenaar (lid 3)
        (5, 5, False),  # two requests, 10 together: still the school head
        (5, 6, True),  # the second request brings the year to 11
        (10, 1, True),  # the head's 10 are used up
        (7, 5, True),
    ],
)
def test_art_14_wie_beslist(al_verleend, gevraagd, leerplichtambtenaar):
    assert r.beslist_de_leerplichtambtenaar(gevraagd, al_verleend) is leerplichtambtenaar


def test_art_14_al_verleend_is_een_feit_met_datum_en_bron():
    kwargs = {"al_verleend": 7, "aangevraagd": D(2025, 2, 1)}
    aanvraag = ("gewichtige_omstandigheden", D(2025, 3, 3), D(2025, 3, 7), 5)
    velden = {b.veld for b in r.bezwaren_verlofaanvraag(*aanvraag, **kwargs)}
    assert velden == {"al_verleend_peildatum", "al_verleend_bron"}
    feit = {"al_verleend_peildatum": D(2025, 1, 28), "al_verleend_bron": "opgave directeur"}
    assert r.bezwaren_verlofaanvraag(*aanvraag, **kwargs, **feit) == []
    (b,) = r.bezwaren_verlofaanvraag(*aanvraag, **kwargs | {"al_verleend": 11}, **feit)
    assert "art. 14 lid 1" in b.tekst
