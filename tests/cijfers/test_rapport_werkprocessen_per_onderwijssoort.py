"""`werkprocessen_per_onderwijssoort` (an extension of figures.md): werkprocessen opened in
the year per type, by the onderwijssoort group of the werkproces. Data through the exchange
format; the totaal of every type equals `werkprocessen[type]`."""

from __future__ import annotations

import pytest

from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, maak_rapport
from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.schooljaar import Schooljaar
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

J2024 = Schooljaar(2024)
SLEUTEL = "werkprocessen_per_onderwijssoort"


def test_groep_van_de_rij_anders_van_de_inschrijving_bij_opening(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    vo = s.school("22BB", "vo")
    sbo = s.school("33CC", "sbo")
    vso = s.school("44DD", "vso")
    isk = s.school("55EE", "isk")
    vavo = s.school("66FF", "vavo")
    raar = s.school("77GG", "onbekend")
    p = s.persoon("2010-01-01")
    s.inschrijving(p, vo, "2022-08-01", "2024-09-30")
    s.inschrijving(p, sbo, "2024-10-01")
    s.werkproces(p, "2024-09-30")  # vo (the last day of that inschrijving counts)
    s.werkproces(p, "2024-10-01")  # sbo -> bao_sbo
    s.werkproces(p, "2024-10-02", onderwijssoort="mbo")  # the row wins over the inschrijving
    s.werkproces(p, "2024-10-03", onderwijssoort="onbekend")
    for school in (vso, isk, vavo, raar):
        q = s.persoon("2009-05-05")
        s.inschrijving(q, school, "2023-08-01")
        s.werkproces(q, "2025-01-15", type="absoluut_verzuim")
    zonder = s.persoon("2011-02-02")
    s.inschrijving(zonder, vo, "2020-08-01", "2024-08-31")
    s.werkproces(zonder, "2024-09-01", type="zorg_preventie")  # no inschrijving that day: geen
    s.importeer(tmp_path / "set")

    g = maak_rapport(J2024, gemeenten=ALLE_GEMEENTEN)["gemeenten"]["GM0225"][SLEUTEL]
    assert set(g) == set(WERKPROCES_TYPEN)
    assert g["relatief_verzuim"] == {
        "bao_sbo": 1, "so_vso": 0, "vo": 1, "mbo": 1, "onbekend": 1, "geen": 0, "totaal": 4,
    }  # fmt: skip
    assert g["absoluut_verzuim"] == {
        "bao_sbo": 0, "so_vso": 1, "vo": 1, "mbo": 1, "onbekend": 1, "geen": 0, "totaal": 4,
    }  # fmt: skip
    assert g["zorg_preventie"]["geen"] == 1 and g["zorg_preventie"]["totaal"] == 1
    assert g["vsv"] == dict.fromkeys([*GROEPEN, "totaal"], 0)


def test_31_juli_en_1_augustus(tmp_path):
    s = Uitwisselset()
    s.gemeente()
    p = s.persoon("2010-01-01")
    for geopend in ("2024-07-31", "2024-08-01", "2025-07-31", "2025-08-01"):
        s.werkproces(p, geopend)
    s.importeer(tmp_path / "set")
    g = maak_rapport(J2024, gemeenten=ALLE_GEMEENTEN)["gemeenten"]["GM0225"][SLEUTEL]
    assert g["relatief_verzuim"]["geen"] == 2 and g["relatief_verzuim"]["totaal"] == 2


def test_totaal_per_type_is_werkprocessen_en_totaal_is_som_van_gemeenten(tmp_path):
    s = Uitwisselset()
    a = s.gemeente("GM0225", "Druten")
    b = s.gemeente("GM0296", "Wijchen")
    scholen = [s.school(f"{i}0AA", soort) for i, soort in enumerate(("bao", "so", "vo", "mbo"))]
    for i, soort in enumerate(WERKPROCES_TYPEN):
        for j in range(i % 4 + 1):
            gemeente = (a, b)[j % 2]
            p = s.persoon("2008-03-03", gemeente=gemeente)
            if j < 3:
                s.inschrijving(p, scholen[(i + j) % 4], "2023-08-01")
            s.werkproces(p, f"2024-09-1{j}", type=soort, gemeente=gemeente)
    s.importeer(tmp_path / "set")

    r = maak_rapport(J2024, gemeenten=ALLE_GEMEENTEN)["gemeenten"]
    for code in (a, b, "totaal"):
        for soort in WERKPROCES_TYPEN:
            deel = r[code][SLEUTEL][soort]
            assert deel["totaal"] == r[code]["werkprocessen"][soort], (code, soort)
            assert deel["totaal"] == sum(deel[g] for g in GROEPEN), (code, soort)
    for soort in WERKPROCES_TYPEN:
        for sleutel in [*GROEPEN, "totaal"]:
            assert r["totaal"][SLEUTEL][soort][sleutel] == (
                r[a][SLEUTEL][soort][sleutel] + r[b][SLEUTEL][soort][sleutel]
            )
    gemaakt = sum(i % 4 + 1 for i in range(len(WERKPROCES_TYPEN)))
    assert sum(r["totaal"][SLEUTEL][t]["totaal"] for t in WERKPROCES_TYPEN) == gemaakt


def test_lege_database_en_rapport_zonder_gemeenten():
    t = maak_rapport(J2024, gemeenten=ALLE_GEMEENTEN)["gemeenten"]["totaal"][SLEUTEL]
    assert t == {soort: dict.fromkeys([*GROEPEN, "totaal"], 0) for soort in WERKPROCES_TYPEN}
