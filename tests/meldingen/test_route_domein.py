"""Pure rules: the one-week deadline, overlap with a vrijstelling, which werkproces a
melding opens or joins, and the assignment rules (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein import codes
from leerplicht.domein.overdracht import PASSENDE_WERKPROCESSEN, past_bij, werkprocestype_voor
from leerplicht.domein.toewijzing import Situatie, Toewijzingsregel, kies_behandelaar, kies_regel
from leerplicht.domein.verzuimstaat import datum_tekst, is_te_laat, periode_overlapt, termijn

datums = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def test_termijn_is_een_week():
    assert termijn(date(2025, 3, 5)) == date(2025, 3, 12)
    assert termijn(date(2025, 12, 29)) == date(2026, 1, 5)


@given(datums)
def test_te_laat_pas_na_de_termijndag(opgevraagd):
    t = termijn(opgevraagd)
    assert (t - opgevraagd).days == 7
    assert not is_te_laat(t, t)
    assert is_te_laat(t, t + timedelta(days=1))
    assert not is_te_laat(None, t + timedelta(days=100))


def test_datum_tekst():
    assert datum_tekst(date(2025, 3, 5)) == "5 maart 2025"


@given(datums, st.integers(0, 60), datums, st.one_of(st.none(), st.integers(0, 400)))
def test_overlap_is_dezelfde_als_per_dag(van, duur, geldig_van, geldig_duur):
    tot = van + timedelta(days=duur)
    geldig_tot = None if geldig_duur is None else geldig_van + timedelta(days=geldig_duur)
    per_dag = any(
        geldig_van <= van + timedelta(days=i)
        and (geldig_tot is None or van + timedelta(days=i) <= geldig_tot)
        for i in range(duur + 1)
    )
    assert periode_overlapt(van, tot, geldig_van, geldig_tot) == per_dag


def test_periode_zonder_einde_is_een_dag():
    assert periode_overlapt(date(2025, 3, 5), None, date(2025, 3, 5), date(2025, 3, 5))
    assert not periode_overlapt(date(2025, 3, 5), None, date(2025, 3, 6), None)


def test_werkprocestype_per_soort_melding():
    assert werkprocestype_voor("absoluut") == "absoluut_verzuim"
    assert werkprocestype_voor("18plus") == "verzuim_18plus"
    for soort in ("wettelijk", "langdurig", "luxe", "overig"):
        assert werkprocestype_voor(soort) == "relatief_verzuim"
    assert set(codes.MELDING_SOORTEN) == {
        s for s in codes.MELDING_SOORTEN if werkprocestype_voor(s)
    }


def test_passend_werkproces():
    # A new melding joins the same kind of case; 18+ never joins a leerplicht case.
    for soort in codes.MELDING_SOORTEN:
        assert past_bij(soort, werkprocestype_voor(soort))
    assert not past_bij("18plus", "relatief_verzuim")
    assert not past_bij("wettelijk", "verzuim_18plus")
    assert all(t in codes.WERKPROCES_TYPEN for ts in PASSENDE_WERKPROCESSEN.values() for t in ts)


# --- toewijzing --------------------------------------------------------------------------

gemeenten = st.sampled_from(["GM0001", "GM0002"])
soorten = st.sampled_from(["vo", "mbo", "bao"])
scholen = st.sampled_from(["11AA00", "22BB"])
typen = st.sampled_from(["relatief_verzuim", "absoluut_verzuim", "verzuim_18plus"])
regels = st.builds(
    Toewijzingsregel,
    volgorde=st.integers(0, 20),
    behandelaar=st.sampled_from(["a", "b", "c"]),
    gemeente=st.one_of(st.none(), gemeenten),
    onderwijssoort=st.one_of(st.none(), soorten),
    school=st.one_of(st.none(), scholen),
    werkprocestype=st.one_of(st.none(), typen),
    actief=st.booleans(),
    behandelaar_actief=st.booleans(),
    nummer=st.integers(0, 1000),
)
situaties = st.builds(
    Situatie, gemeenten, st.one_of(st.none(), soorten), st.one_of(st.none(), scholen), typen
)


def _past(r: Toewijzingsregel, s: Situatie) -> bool:
    return (
        (r.gemeente in (None, s.gemeente))
        and (r.onderwijssoort in (None, s.onderwijssoort))
        and (r.school in (None, s.school))
        and (r.werkprocestype in (None, s.werkprocestype))
    )


@given(st.lists(regels, max_size=8), situaties)
def test_eerste_passende_actieve_regel_beslist(lijst, situatie):
    gekozen = kies_regel(lijst, situatie)
    kandidaten = [r for r in lijst if r.actief and r.behandelaar_actief and _past(r, situatie)]
    if not kandidaten:
        assert gekozen is None
        assert kies_behandelaar(lijst, situatie) is None
        return
    assert gekozen in kandidaten
    assert (gekozen.volgorde, gekozen.nummer) == min((r.volgorde, r.nummer) for r in kandidaten)


@given(st.lists(regels, max_size=8), situaties)
def test_volgorde_van_de_lijst_doet_er_niet_toe(lijst, situatie):
    assert kies_regel(lijst, situatie) == kies_regel(list(reversed(lijst)), situatie) or (
        # equal (volgorde, nummer): either is first; the database never has equal ids
        len({(r.volgorde, r.nummer) for r in lijst}) < len(lijst)
    )


def test_een_lpa_voor_alle_mbo_leerlingen():
    lijst = [
        Toewijzingsregel(10, "lpa.mbo", onderwijssoort="mbo", nummer=1),
        Toewijzingsregel(20, "lpa.rivierdorp", gemeente="GM0001", nummer=2),
    ]
    assert (
        kies_behandelaar(lijst, Situatie("GM0001", "mbo", "22BB", "relatief_verzuim")) == "lpa.mbo"
    )
    assert (
        kies_behandelaar(lijst, Situatie("GM0001", "vo", "11AA00", "relatief_verzuim"))
        == "lpa.rivierdorp"
    )
    assert kies_behandelaar(lijst, Situatie("GM0002", "vo", None, "relatief_verzuim")) is None


def test_inactieve_regel_of_behandelaar_telt_niet():
    lijst = [
        Toewijzingsregel(1, "weg", actief=False),
        Toewijzingsregel(2, "vertrokken", behandelaar_actief=False),
        Toewijzingsregel(3, "blijft"),
    ]
    assert kies_behandelaar(lijst, Situatie("GM0001", None, None, "relatief_verzuim")) == "blijft"
