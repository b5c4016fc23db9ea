"""Every section of figures.md on data built through the exchange format, edge rules included."""

from __future__ import annotations

from datetime import date

import pytest

from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, OnbekendeGemeente, maak_rapport
from leerplicht.domein.percentage import verandering
from leerplicht.domein.schooljaar import Schooljaar
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

J2024 = Schooljaar(2024)


def rapport(jaar: Schooljaar = J2024, **kw) -> dict:
    kw.setdefault("gemeenten", ALLE_GEMEENTEN)
    return maak_rapport(jaar, **kw)["gemeenten"]


def test_druten_percentage_leerlingen_en_verandering(tmp_path):
    """Druten 2020-2021: 132 werkprocessen against 2,699 leerlingen; 103 the year before."""
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    kinderen = [s.persoon("2010-01-15") for _ in range(2699)]
    for i in range(103):
        s.werkproces(kinderen[i], "2020-03-01")
    for i in range(132):
        s.werkproces(kinderen[i], "2020-11-01" if i % 2 else "2021-07-31")
    s.werkproces(kinderen[0], "2021-08-01")  # next school year: not counted
    s.importeer(tmp_path / "set")

    nu = rapport(Schooljaar(2020))["GM0225"]
    vorig = rapport(Schooljaar(2019))["GM0225"]
    assert nu["leerlingen"]["totaal"] == 2699
    assert nu["werkprocessen"]["totaal"] == 132
    assert nu["werkprocessen"]["percentage_leerlingen"] == 4.89
    assert vorig["werkprocessen"]["totaal"] == 103
    assert verandering(nu["werkprocessen"]["totaal"], vorig["werkprocessen"]["totaal"]) == 28.16


def test_31_juli_en_1_augustus(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2012-05-05")
    s.melding(p, "2024-08-01", "wettelijk")
    s.melding(p, "2025-07-31", "wettelijk")
    s.melding(p, "2025-08-01", "wettelijk")
    s.melding(p, "2024-07-31", "wettelijk")
    s.importeer(tmp_path / "set")
    assert rapport()["GM0225"]["meldingen"]["wettelijk"]["totaal"] == 2
    assert rapport(Schooljaar(2025))["GM0225"]["meldingen"]["wettelijk"]["totaal"] == 1
    assert rapport(Schooljaar(2023))["GM0225"]["meldingen"]["wettelijk"]["totaal"] == 1


def test_leerlingen_op_peildatum_met_startkwalificatie(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    s.persoon("2019-08-31")  # 5 on 2024-08-31: leerplichtig from 1 September
    s.persoon("2019-09-30")  # 5 on 30 Sept: leerplichtig from 1 October (peildatum)
    s.persoon("2019-10-01")  # 5 on 1 October: not yet
    s.persoon("2008-07-31")  # 16 on 2024-07-31: kwalificatieplichtig in 2024-2025
    s.persoon("2008-08-01")  # 16 on 2024-08-01: still volledig leerplichtig until 2025-07-31
    s.persoon("2006-10-02")  # 18 on 2024-10-02: kwalificatieplichtig on 1 October
    s.persoon("2006-10-01")  # 18 on the peildatum: no longer
    s.persoon("2007-01-01", startkwalificatie="2024-10-01")  # obtained on the peildatum
    s.persoon("2007-01-01", startkwalificatie="2024-10-02")  # obtained after
    s.importeer(tmp_path / "set")
    leerlingen = rapport()["GM0225"]["leerlingen"]
    assert leerlingen == {"leerplichtig": 3, "kwalificatieplichtig": 3, "totaal": 6}
    later = rapport(peildatum=date(2024, 10, 2))["GM0225"]["leerlingen"]
    assert later == {"leerplichtig": 3, "kwalificatieplichtig": 1, "totaal": 4}


def test_persoon_telt_eenmaal_in_groep_van_eerste_melding(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    bao = s.school("11AA", "bao")
    vo = s.school("22BB", "vo")
    p = s.persoon("2012-09-01")
    s.inschrijving(p, bao, "2017-08-01", "2024-12-31")
    s.inschrijving(p, vo, "2025-01-01")
    s.melding(p, "2025-02-01", "luxe")  # at vo
    s.melding(p, "2024-09-01", "wettelijk")  # at bao: first relatief melding
    s.melding(p, "2025-03-01", "wettelijk")  # recidive
    s.melding(p, "2025-03-02", "absoluut", onderwijssoort="mbo")  # given wins
    q = s.persoon("2012-09-01")  # no inschrijving: geen
    s.melding(q, "2024-10-01", "langdurig")
    s.importeer(tmp_path / "set")

    g = rapport()["GM0225"]
    m = g["meldingen"]
    assert m["wettelijk"] == {
        "bao_sbo": 1,
        "so_vso": 0,
        "vo": 1,
        "mbo": 0,
        "onbekend": 0,
        "geen": 0,
        "totaal": 2,
    }
    assert m["luxe"]["vo"] == 1
    assert m["absoluut"]["mbo"] == 1
    assert m["langdurig"]["geen"] == 1
    assert m["unieke_personen"]["wettelijk"] == 1
    assert m["herhaald"] == {
        "absoluut": 0,
        "wettelijk": 1,
        "langdurig": 0,
        "luxe": 0,
        "overig": 0,
        "18plus": 0,
    }

    lt = g["leerplichttelling"]
    assert lt["relatief_verzuim"] == {
        "bao_sbo": 1,
        "so_vso": 0,
        "vo": 0,
        "mbo": 0,
        "onbekend": 0,
        "geen": 1,
        "totaal": 2,
    }
    assert lt["luxe_verzuim"]["vo"] == 1 and lt["luxe_verzuim"]["totaal"] == 1
    assert lt["langdurig_relatief_verzuim"]["geen"] == 1
    assert lt["absoluut_verzuim"]["mbo"] == 1
    for rij in lt.values():  # every row's groups add up to its totaal
        assert sum(v for k, v in rij.items() if k != "totaal") == rij["totaal"]


def test_zelfde_dag_eerste_melding_op_meldingsnummer(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2010-01-01")
    s.melding(p, "2024-09-01", "wettelijk", onderwijssoort="vo")  # M...2 (lower number)
    s.melding(p, "2024-09-01", "luxe", onderwijssoort="bao")
    s.importeer(tmp_path / "set")
    assert rapport()["GM0225"]["leerplichttelling"]["relatief_verzuim"]["vo"] == 1


def test_onbekende_schoolsoort_en_school_van_onbekend_type(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    x = s.school("33CC", "onbekend")
    p = s.persoon("2010-01-01")
    s.inschrijving(p, x, "2020-08-01")
    s.melding(p, "2024-09-01", "overig")
    s.importeer(tmp_path / "set")
    assert rapport()["GM0225"]["meldingen"]["overig"]["onbekend"] == 1


def test_totaal_is_som_van_gemeenten(tmp_path):
    s = Uitwisselset()
    a = s.gemeente("GM0225", "Druten")
    b = s.gemeente("GM0296", "Wijchen")
    p = s.persoon("2010-01-01", gemeente=a)
    s.persoon("2011-01-01", gemeente=b)
    s.melding(p, "2024-09-01", "wettelijk", gemeente=a)
    s.melding(p, "2024-10-01", "wettelijk", gemeente=b)  # same person, other gemeente
    s.werkproces(p, "2024-09-02", gemeente=a)
    s.importeer(tmp_path / "set")
    r = rapport()
    assert list(r) == ["GM0225", "GM0296", "totaal"]
    assert r["totaal"]["naam"] == "Totaal"
    assert r["totaal"]["meldingen"]["unieke_personen"]["wettelijk"] == 2
    assert r["totaal"]["leerlingen"]["totaal"] == 2
    assert r["totaal"]["werkprocessen"]["percentage_leerlingen"] == 50.0

    def som(x, y):
        if isinstance(x, dict):
            return {k: som(x[k], y[k]) for k in x}
        return x + y if isinstance(x, int) else None

    for sectie in (
        "leerlingen",
        "handhaving",
        "meldingen",
        "leerplichttelling",
        "vrijstellingen",
        "thuiszitters",
        "resultaten",
        "vsv",
    ):
        assert r["totaal"][sectie] == som(r["GM0225"][sectie], r["GM0296"][sectie]), sectie
    alleen_a = rapport(gemeenten=["GM0225"])
    assert list(alleen_a) == ["GM0225", "totaal"]
    assert alleen_a["totaal"]["meldingen"]["unieke_personen"]["wettelijk"] == 1
    with pytest.raises(OnbekendeGemeente):
        rapport(gemeenten=["GM9999"])


def test_handhaving_en_halt_naar_onderwijssoort_van_werkproces(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    vo = s.school("22BB", "vo")
    p = s.persoon("2010-01-01")
    s.inschrijving(p, vo, "2022-08-01")
    w = s.werkproces(p, "2024-09-01")
    w2 = s.werkproces(p, "2024-09-01", onderwijssoort="mbo")
    s.interventie(w, "2024-09-10", "waarschuwing")
    s.interventie(w, "2024-10-10", "halt", uitkomst="positief")
    s.interventie(w, "2024-11-10", "halt", uitkomst="negatief")
    s.interventie(w2, "2025-01-10", "halt")
    s.interventie(w, "2025-02-10", "proces_verbaal", tegen="ouders", verzuim="relatief")
    s.interventie(w, "2025-02-10", "proces_verbaal", tegen="jongere", verzuim="relatief")
    s.interventie(w2, "2025-07-31", "proces_verbaal", tegen="ouders", verzuim="luxe")
    s.interventie(w2, "2025-08-01", "proces_verbaal", tegen="ouders", verzuim="absoluut")
    s.importeer(tmp_path / "set")
    g = rapport()["GM0225"]
    assert g["handhaving"] == {
        "waarschuwing": 1,
        "halt": 3,
        "halt_positief": 1,
        "halt_negatief": 1,
        "proces_verbaal": {"absoluut": 0, "relatief": 2, "luxe": 1, "totaal": 3},
    }
    lt = g["leerplichttelling"]
    assert lt["halt"]["vo"] == 2 and lt["halt"]["mbo"] == 1 and lt["halt"]["totaal"] == 3
    assert (
        lt["pv_relatief"]["vo"] == 2
        and lt["pv_luxe"]["mbo"] == 1
        and lt["pv_absoluut"]["totaal"] == 0
    )


def test_vrijstellingen_behandeld_toegekend_afgewezen(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2010-01-01")
    for i, (grond, besluit, datum) in enumerate(
        [
            ("5a", "toegekend", "2024-08-01"),
            ("5a", "toegekend", "2025-07-31"),
            ("5a", "afgewezen", "2024-12-01"),
            ("5a", "ingetrokken", "2024-12-01"),
            ("5a", "toegekend", "2025-08-01"),  # next year
            ("5c", "open", None),
            ("3a", "toegekend", "2025-01-01"),
        ]
    ):
        s.voeg_toe(
            "vrijstellingen.csv",
            id=f"V{i}",
            persoon=p,
            gemeente="GM0225",
            grond=grond,
            aangevraagd="2024-06-01",
            besluit=besluit,
            besluitdatum=datum,
            geldig_van="2024-08-01",
        )
    s.importeer(tmp_path / "set")
    g = rapport()["GM0225"]
    assert g["vrijstellingen"]["5a"] == {"behandeld": 4, "toegekend": 2, "afgewezen": 1}
    assert g["vrijstellingen"]["5c"] == {"behandeld": 0, "toegekend": 0, "afgewezen": 0}
    assert g["vrijstellingen"]["3a"]["toegekend"] == 1
    assert g["leerplichttelling"]["vrijstelling_5a"]["totaal"] == 2
    assert g["leerplichttelling"]["vrijstelling_5a"]["geen"] == 2  # no inschrijving
    assert g["leerplichttelling"]["vrijstelling_3a"]["totaal"] == 1


def test_thuiszitters_begin_nieuw_opgelost_einde(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2010-01-01")
    periodes = [
        ("T1", "2024-06-01", None, None),  # begin, einde
        ("T2", "2024-06-01", "2024-07-31", "opgelost"),  # ended before the year: nothing
        ("T3", "2024-06-01", "2024-08-01", "opgelost"),  # begin, opgelost
        ("T4", "2024-08-01", "2025-03-01", "verhuisd"),  # nieuw, achttien_of_verhuisd
        ("T5", "2025-07-31", None, None),  # nieuw, einde
        ("T6", "2025-01-01", "2025-07-31", "achttien"),  # nieuw, achttien_of_verhuisd, einde
        ("T7", "2025-08-01", None, None),  # next year
    ]
    for id_, van, tot, reden in periodes:
        s.voeg_toe(
            "thuiszitters.csv",
            id=id_,
            persoon=p,
            gemeente="GM0225",
            van=van,
            tot=tot,
            reden_einde=reden,
        )
    s.importeer(tmp_path / "set")
    g = rapport()["GM0225"]
    assert g["thuiszitters"] == {
        "begin": 2,
        "nieuw": 3,
        "opgelost": 1,
        "achttien_of_verhuisd": 2,
        "einde": 3,
    }
    lt = g["leerplichttelling"]
    assert lt["thuiszitters_begin"]["totaal"] == 2
    assert lt["thuiszitters_nieuw"]["totaal"] == 3
    assert lt["thuiszitters_opgelost"]["totaal"] == 1


def test_resultaten_van_gesloten_werkprocessen(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2010-01-01")
    s.werkproces(p, "2024-01-01", gesloten="2024-09-01", resultaat="school")
    s.werkproces(p, "2024-01-01", gesloten="2025-07-31", resultaat="school")
    s.werkproces(p, "2024-01-01", gesloten="2025-01-01", resultaat="achttien")
    s.werkproces(p, "2024-01-01", gesloten="2025-08-01", resultaat="werk")
    s.werkproces(p, "2024-01-01")
    s.importeer(tmp_path / "set")
    r = rapport()["GM0225"]["resultaten"]
    assert r["school"] == 2 and r["achttien"] == 1 and r["werk"] == 0 and r["totaal"] == 3


def test_vsv_status_aan_het_einde_van_het_jaar(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2005-01-01")
    rijen = [
        # id, uitgeschreven, monitoring_vanaf, afgerond_op, resultaat
        ("V1", "2024-09-01", None, None, None),  # nieuw, in behandeling
        ("V2", "2024-09-01", "2025-07-31", None, "werk_kort"),  # nieuw, monitoring
        ("V3", "2024-09-01", "2025-01-01", "2025-08-01", "school"),  # closed after: monitoring
        ("V4", "2024-09-01", None, "2025-07-31", "startkwalificatie"),  # nieuw, afgerond in Y
        ("V5", "2020-08-01", None, None, None),  # oud (4th year before), in behandeling
        ("V6", "2020-07-31", None, None, None),  # 5 years before: not counted
        ("V7", "2022-01-01", "2023-01-01", "2024-05-01", "overig"),  # oud, afgerond before Y
        ("V8", "2023-01-01", "2023-06-01", "2025-02-01", "geen_doelgroep"),  # oud, afgerond in Y
        ("V9", "2023-01-01", "2023-06-01", None, None),  # oud, monitoring without result
        ("V10", "2025-08-01", None, None, None),  # next year
    ]
    for id_, uit, mon, af, res in rijen:
        s.voeg_toe(
            "vsv.csv",
            id=id_,
            persoon=p,
            gemeente="GM0225",
            uitgeschreven=uit,
            monitoring_vanaf=mon,
            afgerond_op=af,
            resultaat=res,
        )
    s.importeer(tmp_path / "set")
    v = rapport()["GM0225"]["vsv"]
    assert v["nieuw"] == {"in_behandeling": 1, "monitoring": 2, "afgerond": 1, "totaal": 4}
    assert v["oud"] == {"in_behandeling": 1, "monitoring": 1, "afgerond": 2, "totaal": 4}
    mon = v["resultaat_monitoring"]
    assert mon["nieuw"]["werk_kort"] == 1 and mon["nieuw"]["school"] == 1
    assert sum(mon["nieuw"].values()) == 2
    assert mon["oud"]["onbekend"] == 1 and sum(mon["oud"].values()) == 1
    af = v["resultaat_afgerond"]
    assert af["nieuw"]["startkwalificatie"] == 1 and sum(af["nieuw"].values()) == 1
    assert af["oud"]["geen_doelgroep"] == 1 and sum(af["oud"].values()) == 1


def test_actie_gewenst_18plus(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2004-01-01")
    s.melding(p, "2024-09-01", "18plus", actie_gewenst=True)
    s.melding(p, "2024-10-01", "18plus", actie_gewenst=False)
    s.melding(p, "2024-11-01", "18plus")
    s.importeer(tmp_path / "set")
    m = rapport()["GM0225"]["meldingen"]
    assert m["actie_gewenst"] == 1 and m["18plus"]["totaal"] == 3 and m["herhaald"]["18plus"] == 1


def test_lege_database_geeft_nullen_in_dezelfde_vorm():
    r = maak_rapport(J2024, gemeenten=ALLE_GEMEENTEN)
    assert r["schooljaar"] == "2024-2025" and r["peildatum"] == "2024-10-01"
    assert list(r["gemeenten"]) == ["totaal"]
    assert r["gemeenten"]["totaal"]["werkprocessen"]["percentage_leerlingen"] is None
    assert r["gemeenten"]["totaal"]["leerplichttelling"]["halt"]["totaal"] == 0
