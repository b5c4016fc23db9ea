"""Acceptance (issue 5): the vsv and verzuim 18+ figures, on data loaded with `leerplicht import`
and read back from `leerplicht rapport --format json`, as a team gets them."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from leerplicht.cijfers.rapport import totaal_van
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db


def importeer_en_rapporteer(s: Uitwisselset, map_: Path, schooljaar: str = "2024-2025") -> dict:
    call_command("import", str(s.schrijf(map_)), stdout=StringIO(), stderr=StringIO())
    uit = StringIO()
    call_command("rapport", "--schooljaar", schooljaar, "--format", "json", stdout=uit)
    return json.loads(uit.getvalue())["gemeenten"]


def vsv(s: Uitwisselset, persoon: str, uit: str, mon=None, af=None, res=None, gemeente="GM0225"):
    s.voeg_toe(
        "vsv.csv",
        id=s.volgend_id("V"),
        persoon=persoon,
        gemeente=gemeente,
        uitgeschreven=uit,
        monitoring_vanaf=mon,
        afgerond_op=af,
        resultaat=res,
    )


def test_vsv_status_op_31_juli_en_vier_oude_schooljaren(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2004-03-01")
    # nieuw (uitgeschreven in 2024-2025)
    vsv(s, p, "2024-08-01")  # first day: nieuw, in behandeling
    vsv(s, p, "2025-07-31", mon="2025-07-31", res="werk_kort")  # last day; monitoring 31 July
    vsv(s, p, "2024-10-01", mon="2025-08-01")  # monitoring from 1 Aug: still in behandeling
    vsv(s, p, "2024-10-01", mon="2025-01-01", af="2025-07-31", res="startkwalificatie")
    vsv(s, p, "2024-10-01", mon="2025-01-01", af="2025-08-01", res="school")  # monitoring
    vsv(s, p, "2025-08-01")  # next school year: not counted
    # oud: one in each of the four previous school years, and the fifth not
    vsv(s, p, "2023-07-31", mon="2024-01-01", res="zzp")  # 2022-2023: monitoring
    vsv(s, p, "2022-08-01", af="2024-12-01", res="geen_doelgroep")  # 2022-2023: afgerond in Y
    vsv(s, p, "2021-09-01")  # 2021-2022: in behandeling
    vsv(s, p, "2020-08-01", af="2024-07-31", res="overig")  # 2020-2021: afgerond before Y
    vsv(s, p, "2023-08-01", mon="2024-02-01")  # 2023-2024: monitoring, no result
    vsv(s, p, "2020-07-31")  # 2019-2020: the fifth year before, not counted
    r = importeer_en_rapporteer(s, tmp_path / "set")
    v = r["GM0225"]["vsv"]
    assert v["nieuw"] == {"in_behandeling": 2, "monitoring": 2, "afgerond": 1, "totaal": 5}
    assert v["oud"] == {"in_behandeling": 1, "monitoring": 2, "afgerond": 2, "totaal": 5}
    mon = v["resultaat_monitoring"]
    assert {k: n for k, n in mon["nieuw"].items() if n} == {"werk_kort": 1, "school": 1}
    assert {k: n for k, n in mon["oud"].items() if n} == {"zzp": 1, "onbekend": 1}
    af = v["resultaat_afgerond"]
    assert {k: n for k, n in af["nieuw"].items() if n} == {"startkwalificatie": 1}
    assert {k: n for k, n in af["oud"].items() if n} == {"geen_doelgroep": 1}
    # extension: age on 31 July 2025 of the open ones (born 2004-03-01: 21)
    leeftijd = v["leeftijd_31_juli"]
    assert leeftijd["nieuw"]["21"] == 4 and leeftijd["nieuw"]["totaal"] == 4
    assert leeftijd["oud"]["21"] == 3 and leeftijd["oud"]["totaal"] == 3
    assert r["totaal"]["vsv"] == v


def test_vsv_oud_schuift_mee_met_het_schooljaar(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2004-03-01")
    vsv(s, p, "2020-08-01")  # 2020-2021
    vsv(s, p, "2024-09-01")
    r = importeer_en_rapporteer(s, tmp_path / "set", "2025-2026")
    assert r["GM0225"]["vsv"]["oud"]["totaal"] == 1  # 2024-2025 only; 2020-2021 is the fifth
    assert r["GM0225"]["vsv"]["nieuw"]["totaal"] == 0


def test_vsv_leeftijd_op_31_juli_grenzen(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    geboren = {
        "2007-08-01": "onder_18",  # 18 on 1 August: still 17 on 31 July
        "2007-07-31": "18",  # 18 on 31 July itself
        "2003-07-31": "22",
        "2002-08-01": "22",
        "2002-07-31": "23_tot_27",
        "1998-08-01": "23_tot_27",
        "1998-07-31": "27_en_ouder",
    }
    for geboortedatum in geboren:
        vsv(s, s.persoon(geboortedatum), "2024-09-01")
    afgerond = s.persoon("2003-07-31")
    vsv(s, afgerond, "2024-09-01", af="2025-07-31", res="school")  # closed: not counted
    r = importeer_en_rapporteer(s, tmp_path / "set")
    leeftijd = r["GM0225"]["vsv"]["leeftijd_31_juli"]["nieuw"]
    verwacht = dict.fromkeys(leeftijd, 0)
    for klasse in geboren.values():
        verwacht[klasse] += 1
    verwacht["totaal"] = len(geboren)
    assert leeftijd == verwacht


def test_verzuim_18plus_meldingen_personen_recidive_actie_en_leeftijd(tmp_path):
    s = Uitwisselset()
    a = s.gemeente("GM0225", "Druten")
    b = s.gemeente("GM0296", "Wijchen")
    jarig = s.persoon("2006-10-01")  # 18 on 2024-10-01
    ouder = s.persoon("2001-08-01")  # 23 on 2024-08-01
    schrikkel = s.persoon("2004-02-29")  # 21 on 2025-03-01 (2025 has no 29 February)
    s.melding(jarig, "2024-09-30", "18plus", actie_gewenst=True)  # the day before: onder_18
    s.melding(jarig, "2024-10-01", "18plus", actie_gewenst=False)  # the birthday: 18
    s.melding(jarig, "2025-07-31", "18plus")  # third: onbekend
    s.melding(ouder, "2024-08-01", "18plus", actie_gewenst=False)  # 23 that day
    s.melding(schrikkel, "2025-02-28", "18plus", actie_gewenst=True)  # 20
    s.melding(schrikkel, "2025-03-01", "18plus", gemeente=b)  # 21, other gemeente
    s.melding(jarig, "2025-08-01", "18plus")  # next school year
    s.melding(ouder, "2024-07-31", "18plus")  # previous school year
    s.melding(jarig, "2024-11-01", "wettelijk")  # other soort
    r = importeer_en_rapporteer(s, tmp_path / "set")
    g = r[a]["verzuim_18plus"]
    assert g["meldingen"] == 5
    assert g["unieke_personen"] == 3
    assert g["recidive"] == 1  # jarig; schrikkel's second melding is in another gemeente
    assert g["actie_gewenst"] == {"ja": 2, "nee": 2, "onbekend": 1}
    assert g["leeftijd_bij_melding"] == {
        "onder_18": 1,
        "18": 2,
        "19": 0,
        "20": 1,
        "21": 0,
        "22": 0,
        "23_en_ouder": 1,
    }
    h = r[b]["verzuim_18plus"]
    assert h["meldingen"] == 1 and h["recidive"] == 0 and h["leeftijd_bij_melding"]["21"] == 1
    assert h["actie_gewenst"] == {"ja": 0, "nee": 0, "onbekend": 1}
    t = r["totaal"]["verzuim_18plus"]
    assert t["meldingen"] == 6 and t["unieke_personen"] == 4  # a person counts per gemeente
    assert t["leeftijd_bij_melding"]["21"] == 1 and t["actie_gewenst"]["onbekend"] == 2
    # the same as the existing meldingen section says
    assert g["meldingen"] == r[a]["meldingen"]["18plus"]["totaal"]
    assert g["actie_gewenst"]["ja"] == r[a]["meldingen"]["actie_gewenst"]


def test_lege_gemeente_heeft_nullen(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    s.persoon("2004-01-01")
    r = importeer_en_rapporteer(s, tmp_path / "set")
    g = r["GM0225"]["verzuim_18plus"]
    assert g["meldingen"] == 0 and sum(g["leeftijd_bij_melding"].values()) == 0
    assert r["GM0225"]["vsv"]["leeftijd_31_juli"]["oud"]["totaal"] == 0


def test_totaal_van_vastgesteld_rapport_zonder_nieuwe_sectie(tmp_path):
    """A rapport frozen before `verzuim_18plus` existed still sums (leerplicht.bewaren)."""
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2004-03-01")
    vsv(s, p, "2024-09-01")
    r = importeer_en_rapporteer(s, tmp_path / "set")
    deel = r["GM0225"]
    del deel["verzuim_18plus"]
    totaal = totaal_van([deel])
    assert "verzuim_18plus" not in totaal and totaal["vsv"]["nieuw"]["totaal"] == 1
