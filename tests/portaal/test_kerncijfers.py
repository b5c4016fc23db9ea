"""The pure function that turns two rapporten into the rows of the start page tables."""

from __future__ import annotations

from datetime import date

from leerplicht.portaal.kerncijfers import KERNCIJFERS, kerncijfers

SOORTEN = ("absoluut", "wettelijk", "langdurig", "luxe", "overig", "18plus")
GRONDEN = ("3a", "3b", "5a", "5b", "5c", "15")


def gemeente(naam: str, **w: int | float | None) -> dict:
    """The parts of a rapport entry the start page reads (figures.md shape), zeros by default."""
    meldingen: dict = {s: {"totaal": w.get(f"meldingen_{s}", 0)} for s in SOORTEN}
    return {
        "naam": naam,
        "leerlingen": {"totaal": w.get("leerlingen", 0)},
        "werkprocessen": {
            "totaal": w.get("werkprocessen", 0),
            "percentage_leerlingen": w.get("percentage"),
        },
        "handhaving": {
            "halt": w.get("halt", 0),
            "proces_verbaal": {"totaal": w.get("pv", 0)},
        },
        "meldingen": meldingen,
        "leerplichttelling": {"relatief_verzuim": {"totaal": w.get("uniek_relatief", 0)}},
        "thuiszitters": {"nieuw": w.get("thuiszitters", 0)},
        "vrijstellingen": {
            g: {"behandeld": 0, "toegekend": w.get(f"toegekend_{g}", 0), "afgewezen": 0}
            for g in GRONDEN
        },
        "vsv": {
            "nieuw": {"totaal": w.get("vsv", 0), "monitoring": w.get("vsv_monitoring", 0)},
            "oud": {"totaal": w.get("oud_vsv", 0), "monitoring": w.get("oud_monitoring", 0)},
        },
        "verzuim_18plus": {
            "meldingen": w.get("verzuim_18plus", 0),
            "recidive": w.get("recidive_18plus", 0),
        },
    }


def rapport(jaar: str, **gemeenten: dict) -> dict:
    begin = int(jaar[:4])
    return {
        "schooljaar": jaar,
        "peildatum": f"{begin}-10-01",
        "gemeenten": gemeenten,
    }


def tabel(uitkomst, sleutel):
    return next(t for t in uitkomst.tabellen if t.sleutel == sleutel)


def rij_teksten(t) -> list[tuple[str, str, str, str]]:
    return [(r.naam, r.nieuw_tekst, r.oud_tekst, r.verandering_tekst) for r in t.rijen]


def test_druten_werkprocessen_verandering_en_percentage():
    """Druten 2020-2021 (figures.md): 132 werkprocessen against 103 the year before."""
    nu = rapport(
        "2020-2021",
        GM0225=gemeente("Druten", leerlingen=2699, werkprocessen=132, percentage=4.89),
        totaal=gemeente("Totaal", leerlingen=2699, werkprocessen=132, percentage=4.89),
    )
    vorig = rapport(
        "2019-2020",
        GM0225=gemeente("Druten", leerlingen=2690, werkprocessen=103, percentage=3.83),
        totaal=gemeente("Totaal", leerlingen=2690, werkprocessen=103, percentage=3.83),
    )
    k = kerncijfers(nu, vorig)
    assert k.schooljaar == "2020-2021"
    assert k.vorig_schooljaar == "2019-2020"
    assert k.peildatum == date(2020, 10, 1)
    assert k.vorige_peildatum == date(2019, 10, 1)
    werkprocessen = tabel(k, "werkprocessen")
    assert rij_teksten(werkprocessen)[0] == ("Druten", "132", "103", "+28,16%")
    assert werkprocessen.rijen[0].verandering == 28.16
    assert rij_teksten(tabel(k, "leerlingen"))[0] == ("Druten", "2.699", "2.690", "+0,33%")
    percentage = tabel(k, "werkprocessen-percentage")
    assert not percentage.toon_verandering
    assert rij_teksten(percentage)[0] == ("Druten", "4,89%", "3,83%", "")


def test_rijen_op_naam_en_totaal_als_laatste():
    nu = rapport(
        "2024-2025",
        GM0001=gemeente("Zuidwolde", leerlingen=1209),
        GM0002=gemeente("Aalten", leerlingen=10),
        GM0003=gemeente("Middelburg", leerlingen=0),
        totaal=gemeente("Totaal", leerlingen=1219),
    )
    k = kerncijfers(nu, nu)
    assert [t.sleutel for t in k.tabellen] == [c.sleutel for c in KERNCIJFERS]
    for t in k.tabellen:
        assert [r.naam for r in t.rijen] == ["Aalten", "Middelburg", "Zuidwolde", "Totaal"]
        assert [r.code for r in t.gemeenten] == ["GM0002", "GM0003", "GM0001"]
        assert t.totaal is not None and t.totaal.is_totaal and t.totaal.code == "totaal"
    assert rij_teksten(tabel(k, "leerlingen")) == [
        ("Aalten", "10", "10", "+0,00%"),
        ("Middelburg", "0", "0", ""),  # old value 0: no percentage
        ("Zuidwolde", "1.209", "1.209", "+0,00%"),
        ("Totaal", "1.219", "1.219", "+0,00%"),
    ]


def test_geen_percentage_bij_oude_waarde_nul_en_daling_met_minteken():
    nu = rapport(
        "2024-2025",
        GM0001=gemeente("A", meldingen_absoluut=5, halt=3),
        totaal=gemeente("Totaal", meldingen_absoluut=5, halt=3),
    )
    vorig = rapport(
        "2023-2024",
        GM0001=gemeente("A", meldingen_absoluut=0, halt=8),
        totaal=gemeente("Totaal", meldingen_absoluut=0, halt=8),
    )
    k = kerncijfers(nu, vorig)
    absoluut = tabel(k, "absoluut-verzuim").rijen[0]
    assert (absoluut.nieuw, absoluut.oud, absoluut.verandering) == (5, 0, None)
    assert absoluut.verandering_tekst == ""
    assert rij_teksten(tabel(k, "halt"))[0] == ("A", "3", "8", "-62,50%")


def test_samengestelde_cijfers():
    """Relatief verzuim = wettelijk + langdurig + luxe; vrijstellingen over alle gronden."""
    nu = rapport(
        "2024-2025",
        GM0001=gemeente(
            "A",
            meldingen_absoluut=100,
            meldingen_wettelijk=3,
            meldingen_langdurig=4,
            meldingen_luxe=5,
            meldingen_overig=1000,
            meldingen_18plus=1000,
            uniek_relatief=7,
            toegekend_3a=1,
            toegekend_5a=2,
            toegekend_15=4,
            pv=6,
            thuiszitters=9,
            vsv=11,
            vsv_monitoring=2,
            oud_vsv=13,
            oud_monitoring=3,
            verzuim_18plus=14,
            recidive_18plus=4,
        ),
        totaal=gemeente("Totaal"),
    )
    k = kerncijfers(nu, nu)
    waarden = {t.sleutel: t.rijen[0].nieuw for t in k.tabellen}
    assert waarden == {
        "leerlingen": 0,
        "werkprocessen": 0,
        "werkprocessen-percentage": None,
        "absoluut-verzuim": 100,
        "relatief-verzuim": 12,
        "unieke-leerlingen-relatief-verzuim": 7,
        "processen-verbaal": 6,
        "halt": 0,
        "thuiszitters-nieuw": 9,
        "vrijstellingen-toegekend": 7,
        "nieuwe-vsvers": 11,
        "oud-vsvers": 13,
        "vsvers-in-monitoring": 5,
        "verzuim-18plus": 14,
        "verzuim-18plus-recidive": 4,
    }
    assert tabel(k, "werkprocessen-percentage").rijen[0].nieuw_tekst == ""


def test_gemeente_zonder_vorig_jaar():
    nu = rapport(
        "2024-2025",
        GM0001=gemeente("Nieuw", leerlingen=5),
        totaal=gemeente("Totaal", leerlingen=5),
    )
    vorig = rapport("2023-2024", totaal=gemeente("Totaal", leerlingen=0))
    rij = tabel(kerncijfers(nu, vorig), "leerlingen").rijen[0]
    assert (rij.naam, rij.nieuw_tekst, rij.oud, rij.oud_tekst, rij.verandering_tekst) == (
        "Nieuw",
        "5",
        None,
        "",
        "",
    )


def test_alleen_totaal_zonder_gemeenten():
    leeg = rapport("2024-2025", totaal=gemeente("Totaal"))
    for t in kerncijfers(leeg, leeg).tabellen:
        assert [r.naam for r in t.rijen] == ["Totaal"]


def test_vastgesteld_rapport_zonder_verzuim_18plus_toont_leeg():
    """A school year frozen before the section existed: empty cells, no change, no error."""
    oud = gemeente("A", verzuim_18plus=3)
    del oud["verzuim_18plus"]
    del oud["vsv"]["oud"]
    nu = rapport("2024-2025", GM0001=gemeente("A", verzuim_18plus=3), totaal=gemeente("T"))
    vorig = rapport("2023-2024", GM0001=oud, totaal=gemeente("T"))
    k = kerncijfers(nu, vorig)
    rij = tabel(k, "verzuim-18plus").rijen[0]
    assert (rij.nieuw, rij.oud, rij.oud_tekst, rij.verandering) == (3, None, "", None)
    assert tabel(k, "vsvers-in-monitoring").rijen[0].oud is None
