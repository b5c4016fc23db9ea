"""The rules of vrijstellingen, vervangende leerplicht and verlof (domein.vrijstellingsregels),
with Hypothesis for the date rules: the 3 months of art. 7, the 1 July of art. 6, the four
weeks of art. 3a/3b and the six-week window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domein.datumstrategieen import datums
from leerplicht.domein import vrijstellingsregels as r
from leerplicht.domein.leerplicht import einde_volledige_leerplicht
from leerplicht.domein.schooljaar import Schooljaar

# --- art. 7: the statement at most three months old ----------------------------------------


@given(datums)
def test_verklaring_van_precies_drie_maanden_telt_een_dag_eerder_niet(besluit: date):
    oudste = r.oudste_geldige_verklaringsdatum(besluit)
    assert r.verklaring_recent_genoeg(oudste, besluit)
    assert not r.verklaring_recent_genoeg(oudste - timedelta(days=1), besluit)
    # Three calendar months: between 89 and 92 days.
    assert 89 <= (besluit - oudste).days <= 92


@given(datums, st.integers(0, 200))
def test_verklaring_geldigheid_is_een_aaneengesloten_venster(besluit: date, dagen: int):
    verklaring = besluit - timedelta(days=dagen)
    assert r.verklaring_recent_genoeg(verklaring, besluit) == (
        verklaring >= r.oudste_geldige_verklaringsdatum(besluit)
    )


@given(datums)
def test_verklaring_na_het_besluit_telt_niet(besluit: date):
    assert not r.verklaring_recent_genoeg(besluit + timedelta(days=1), besluit)
    assert r.verklaring_recent_genoeg(besluit, besluit)


@pytest.mark.parametrize(
    ("besluit", "oudste"),
    [
        (date(2025, 5, 31), date(2025, 2, 28)),  # no 31 February: the last day
        (date(2024, 5, 31), date(2024, 2, 29)),
        (date(2025, 3, 15), date(2024, 12, 15)),  # across the year
        (date(2025, 1, 1), date(2024, 10, 1)),
    ],
)
def test_drie_maanden_voorbeelden(besluit, oudste):
    assert r.oudste_geldige_verklaringsdatum(besluit) == oudste


def test_5a_vraagt_een_aangewezen_deskundige_en_een_recente_verklaring():
    a = r.Aanvraag("5a", date(2025, 3, 1), date(2025, 3, 1), None, date(2015, 1, 1))
    velden = {b.veld for b in r.bezwaren_tegen_toekenning(a, date(2025, 3, 10))}
    assert velden == {"verklaring_door", "verklaring_datum"}
    goed = r.Aanvraag(
        "5a", date(2025, 3, 1), date(2025, 3, 1), None, date(2015, 1, 1),
        verklaring_datum=date(2024, 12, 10), verklaring_door="arts",
    )  # fmt: skip
    assert r.bezwaren_tegen_toekenning(goed, date(2025, 3, 10)) == []
    # The treating doctor's, or the head of a school abroad: not a statement for 5a.
    fout = r.Aanvraag(
        "5a", date(2025, 3, 1), date(2025, 3, 1), None, date(2015, 1, 1),
        verklaring_datum=date(2025, 3, 1), verklaring_door="schoolhoofd_buitenland",
    )  # fmt: skip
    assert [b.veld for b in r.bezwaren_tegen_toekenning(fout, date(2025, 3, 10))] == [
        "verklaring_door"
    ]
    oud = r.Aanvraag(
        "5a", date(2025, 3, 1), date(2025, 3, 1), None, date(2015, 1, 1),
        verklaring_datum=date(2024, 11, 30), verklaring_door="psycholoog",
    )  # fmt: skip
    # Aged at the kennisgeving of 01-03-2025 (art. 7 lid 1), not at the decision.
    (bezwaar,) = r.bezwaren_tegen_toekenning(oud, date(2025, 3, 10))
    assert "drie maanden" in bezwaar.tekst and "01-12-2024" in bezwaar.tekst


# --- art. 6: renewal before 1 July ------------------------------------------------------------


@given(datums)
def test_verlengen_voor_is_de_eerste_1_juli_na_het_begin(geldig_van: date):
    uiterlijk = r.verlengen_voor("5b", geldig_van)
    assert uiterlijk is not None
    assert (uiterlijk.month, uiterlijk.day) == (7, 1)
    assert uiterlijk > geldig_van
    assert date(uiterlijk.year - 1, 7, 1) <= geldig_van


@given(datums, st.sampled_from(["3a", "3b", "15"]))
def test_geen_verlenging_buiten_artikel_5(geldig_van: date, grond: str):
    assert r.verlengen_voor(grond, geldig_van) is None


@given(datums)
def test_5a_nooit_naar_school_hoeft_niet_te_verlengen(geldig_van: date):
    assert r.verlengen_voor("5a", geldig_van, nooit_naar_school=True) is None
    assert r.verlengen_voor("5a", geldig_van) is not None
    # The exception is 5a's alone (art. 7 lid 2).
    assert r.verlengen_voor("5c", geldig_van, nooit_naar_school=True) is not None


def test_verlengen_voor_grenzen():
    assert r.verlengen_voor("5a", date(2025, 6, 30)) == date(2025, 7, 1)
    assert r.verlengen_voor("5a", date(2025, 7, 1)) == date(2026, 7, 1)
    assert r.verlengen_voor("5a", date(2024, 9, 1)) == date(2025, 7, 1)


@given(datums, st.one_of(st.none(), datums))
def test_volgende_periode_is_het_volgende_schooljaar(geldig_van: date, geldig_tot):
    uiterlijk = r.verlengen_voor("5a", geldig_van)
    van, tot = r.volgende_periode(geldig_tot, uiterlijk)
    jaar = Schooljaar.van_datum(uiterlijk).volgende()
    assert tot >= van >= jaar.begin
    if geldig_tot is not None:
        assert van > geldig_tot


# --- art. 3a/3b: four weeks; who qualifies -----------------------------------------------------


@given(datums, st.sampled_from(["3a", "3b"]))
def test_vervangende_leerplicht_binnen_vier_weken(aangevraagd: date, grond: str):
    termijn = r.beslistermijn(grond, aangevraagd)
    assert termijn == aangevraagd + timedelta(days=28)
    assert termijn.weekday() == aangevraagd.weekday()


@given(datums, st.sampled_from(["5a", "5b", "5c", "15"]))
def test_andere_gronden_hebben_geen_termijn(aangevraagd: date, grond: str):
    assert r.beslistermijn(grond, aangevraagd) is None


def test_3a_alleen_voor_14_en_15_jarigen():
    def bezwaren(geboren: date) -> list:
        a = r.Aanvraag("3a", date(2025, 8, 1), date(2025, 8, 1), None, geboren)
        return r.bezwaren_tegen_toekenning(a, date(2025, 8, 1))

    assert bezwaren(date(2011, 8, 1)) == []  # 14 on the day
    assert bezwaren(date(2010, 8, 2)) == []  # 15, one day before 16
    assert [b.veld for b in bezwaren(date(2011, 8, 2))] == ["geldig_van"]  # 13
    assert [b.veld for b in bezwaren(date(2009, 8, 1))] == ["geldig_van"]  # 16


@given(st.dates(date(2000, 1, 1), date(2015, 12, 31)))
def test_3b_alleen_in_het_laatste_leerplichtjaar_met_plan(geboren: date):
    laatste = Schooljaar.van_datum(einde_volledige_leerplicht(geboren))
    binnen = r.Aanvraag("3b", laatste.begin, laatste.begin, None, geboren, plan_van_aanpak=True)
    assert r.bezwaren_tegen_toekenning(binnen, laatste.begin) == []
    ervoor = r.Aanvraag(
        "3b", laatste.begin, laatste.begin - timedelta(days=1), None, geboren, plan_van_aanpak=True
    )
    assert [b.veld for b in r.bezwaren_tegen_toekenning(ervoor, laatste.begin)] == ["geldig_van"]
    zonder_plan = r.Aanvraag("3b", laatste.begin, laatste.begin, None, geboren)
    assert [b.veld for b in r.bezwaren_tegen_toekenning(zonder_plan, laatste.begin)] == [
        "plan_van_aanpak"
    ]


# --- art. 8, 9, 15 ---------------------------------------------------------------------------------


def test_5b_niet_na_een_school_van_die_richting():
    def met(antwoord):
        a = r.Aanvraag(
            "5b", date(2025, 8, 1), date(2025, 8, 1), None, date(2015, 1, 1),
            richting_vorig_jaar=antwoord,
        )  # fmt: skip
        return r.bezwaren_tegen_toekenning(a, date(2025, 8, 1))

    assert met(False) == []
    assert "art. 8" in met(True)[0].tekst
    assert "Beantwoord" in met(None)[0].tekst


def test_5c_vraagt_het_hoofd_van_de_school_in_het_buitenland():
    zonder = r.Aanvraag("5c", date(2025, 8, 1), date(2025, 8, 1), None, date(2015, 1, 1))
    assert "art. 9" in r.bezwaren_tegen_toekenning(zonder, date(2025, 8, 1))[0].tekst
    met = r.Aanvraag(
        "5c", date(2025, 8, 1), date(2025, 8, 1), None, date(2015, 1, 1),
        verklaring_datum=date(2025, 7, 1), verklaring_door="schoolhoofd_buitenland",
    )  # fmt: skip
    assert r.bezwaren_tegen_toekenning(met, date(2025, 8, 1)) == []


def test_15_alleen_voor_kwalificatieplichtigen():
    def bezwaren(geboren: date, startkwalificatie=None) -> list:
        a = r.Aanvraag(
            "15", date(2025, 9, 1), date(2025, 9, 1), None, geboren,
            startkwalificatie=startkwalificatie,
        )  # fmt: skip
        return r.bezwaren_tegen_toekenning(a, date(2025, 9, 1))

    assert bezwaren(date(2008, 9, 1)) == []  # 17: kwalificatieplichtig
    assert "volledig leerplichtig" in bezwaren(date(2011, 9, 1))[0].tekst  # 14
    assert bezwaren(date(2008, 9, 1), startkwalificatie=date(2025, 7, 1))  # has one


def test_einddatum_voor_begindatum():
    a = r.Aanvraag("5b", date(2025, 8, 1), date(2025, 8, 1), date(2025, 7, 31), date(2015, 1, 1),
                   richting_vorig_jaar=False)  # fmt: skip
    assert [b.veld for b in r.bezwaren_tegen_toekenning(a, date(2025, 8, 1))] == ["geldig_tot"]


# --- six weeks ------------------------------------------------------------------------------------------


@given(datums, st.integers(-100, 100))
def test_eindigt_binnen_zes_weken_is_vandaag_tot_en_met_42_dagen(vandaag: date, dagen: int):
    einde = vandaag + timedelta(days=dagen)
    assert r.eindigt_binnen_zes_weken(einde, vandaag) == (0 <= dagen <= 42)
    eerste, laatste = r.venster_eindigt_binnenkort(vandaag)
    assert r.eindigt_binnen_zes_weken(einde, vandaag) == (eerste <= einde <= laatste)


def test_zonder_einddatum_eindigt_niets_binnenkort():
    assert not r.eindigt_binnen_zes_weken(None, date(2025, 1, 1))


@given(datums, st.one_of(st.none(), datums), datums, st.one_of(st.none(), datums))
def test_overlap_is_symmetrisch(van_a, tot_a, van_b, tot_b):
    assert r.perioden_overlappen(van_a, tot_a, van_b, tot_b) == r.perioden_overlappen(
        van_b, tot_b, van_a, tot_a
    )


# --- verlof (art. 11 onder f/g, 13a, 14) ------------------------------------------------------------


def test_vakantieverlof_is_van_de_schoolleider():
    (bezwaar,) = r.bezwaren_verlofaanvraag(
        "vakantieverlof", date(2025, 3, 3), date(2025, 3, 21), 15
    )
    assert "directeur van de school" in bezwaar.tekst and "13a" in bezwaar.tekst


def test_tien_dagen_is_de_schoolleider_elf_de_leerplichtambtenaar():
    assert not r.beslist_de_leerplichtambtenaar(10)
    assert r.beslist_de_leerplichtambtenaar(11)
    (bezwaar,) = r.bezwaren_verlofaanvraag(
        "gewichtige_omstandigheden", date(2025, 3, 3), date(2025, 3, 14), 10
    )
    assert "art. 14 lid 1" in bezwaar.tekst
    assert (
        r.bezwaren_verlofaanvraag(
            "gewichtige_omstandigheden", date(2025, 3, 3), date(2025, 3, 17), 11
        )
        == []
    )


def test_meer_schooldagen_dan_de_periode_kan_bevatten():
    (bezwaar,) = r.bezwaren_verlofaanvraag(
        "gewichtige_omstandigheden", date(2025, 3, 3), date(2025, 3, 14), 11
    )
    assert bezwaar.veld == "aantal_schooldagen" and "hoogstens 10" in bezwaar.tekst


@given(datums, st.integers(0, 60))
def test_weekdagen_telt_maandag_tot_en_met_vrijdag(van: date, dagen: int):
    tot = van + timedelta(days=dagen)
    verwacht = sum(1 for i in range(dagen + 1) if (van + timedelta(days=i)).weekday() < 5)
    assert r.weekdagen(van, tot) == verwacht


def test_besluit_op_verlof_na_horen_van_de_schoolleider():
    assert [b.veld for b in r.bezwaren_verlofbesluit(15, None)] == ["schoolleider_gehoord_op"]
    assert r.bezwaren_verlofbesluit(15, date(2025, 3, 1)) == []
    assert [b.veld for b in r.bezwaren_verlofbesluit(10, date(2025, 3, 1))] == [
        "aantal_schooldagen"
    ]
