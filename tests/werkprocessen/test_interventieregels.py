"""The law's rules for interventies (domein.interventieregels), with the age boundaries
checked by hypothesis on the days that matter: the birthday itself and 29 February."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domein.datumstrategieen import datums
from leerplicht.domein.interventieregels import (
    Interventiegegevens,
    controleer_interventie,
    datum_tekst,
    halt_zonder_uitkomst,
    mas_routes,
)
from leerplicht.domein.leeftijd import verjaardag

DAG = timedelta(days=1)


def fouten(**kwargs) -> list[str]:
    return [
        m for lijst in controleer_interventie(Interventiegegevens(**kwargs)).values() for m in lijst
    ]


def pv(tegen: str, geboren: date, op: date, verzuim: str = "relatief") -> list[str]:
    return fouten(
        soort="proces_verbaal", datum=op, geboortedatum=geboren, tegen=tegen, verzuim=verzuim
    )


def test_proces_verbaal_tegen_elfjarige_geweigerd_met_de_zin_van_de_wet():
    assert pv("jongere", date(2013, 6, 1), date(2025, 3, 3)) == [
        "Een proces-verbaal tegen de jongere kan pas vanaf 12 jaar (art. 22 lid 3 "
        "Leerplichtwet); de leerling is op 3 maart 2025 11 jaar."
    ]


def test_halt_onder_twaalf_geweigerd():
    assert fouten(soort="halt", datum=date(2025, 3, 3), geboortedatum=date(2013, 6, 1)) == [
        "Een Halt-verwijzing kan pas vanaf 12 jaar (art. 77e Wetboek van Strafrecht); "
        "de leerling is op 3 maart 2025 11 jaar."
    ]


def test_proces_verbaal_tegen_ouders_van_elfjarige_mag():
    assert pv("ouders", date(2013, 6, 1), date(2025, 3, 3)) == []


def test_proces_verbaal_zegt_tegen_wie_en_welk_verzuim():
    assert fouten(
        soort="proces_verbaal", datum=date(2025, 3, 3), geboortedatum=date(2010, 1, 1)
    ) == [
        "Kies tegen wie het proces-verbaal is: de ouders of de jongere.",
        "Kies voor welk verzuim het proces-verbaal is: absoluut, relatief of luxe verzuim.",
    ]


@pytest.mark.parametrize("tegen", ["ouders", "jongere"])
def test_geen_proces_verbaal_meer_vanaf_achttien(tegen):
    geboren = date(2006, 5, 10)
    assert pv(tegen, geboren, date(2024, 5, 9)) == []
    (melding,) = pv(tegen, geboren, date(2024, 5, 10))
    assert melding.startswith("Een proces-verbaal kan alleen zolang de leerling leerplichtig")
    assert "op 10 mei 2024 18 jaar" in melding


def test_geen_proces_verbaal_na_startkwalificatie():
    assert fouten(
        soort="proces_verbaal",
        datum=date(2024, 1, 10),
        geboortedatum=date(2007, 1, 1),
        tegen="ouders",
        verzuim="absoluut",
        startkwalificatie=date(2023, 7, 1),
    )


def test_uitkomst_tegen_en_om_alleen_waar_ze_horen():
    kwargs = {"datum": date(2025, 3, 3), "geboortedatum": date(2010, 1, 1)}
    assert fouten(soort="gesprek", uitkomst="positief", **kwargs) == [
        "Een uitkomst (positief of negatief) hoort alleen bij een Halt-verwijzing."
    ]
    assert fouten(soort="gesprek", tegen="ouders", **kwargs) == [
        "Tegen wie en welk verzuim vult u alleen in bij een proces-verbaal."
    ]
    assert fouten(soort="halt", om_gegevens=True, **kwargs) == [
        "Een beslissing van het OM hoort alleen bij een proces-verbaal."
    ]
    assert fouten(soort="halt", uitkomst="negatief", **kwargs) == []


def test_om_data_niet_voor_het_proces_verbaal():
    assert fouten(
        soort="proces_verbaal",
        datum=date(2025, 3, 3),
        geboortedatum=date(2010, 1, 1),
        tegen="ouders",
        verzuim="luxe",
        om_gegevens=True,
        zittingsdatum=date(2025, 3, 2),
    ) == ["De zitting (2 maart 2025) kan niet vóór het proces-verbaal (3 maart 2025) liggen."]


def test_svb_alleen_zestien_en_zeventien():
    geboren = date(2008, 4, 1)
    assert fouten(soort="svb", datum=date(2024, 3, 31), geboortedatum=geboren) == [
        "Een melding aan de SVB kan alleen voor een jongere van 16 of 17 jaar; de leerling "
        "is op 31 maart 2024 15 jaar."
    ]
    assert fouten(soort="svb", datum=date(2024, 4, 1), geboortedatum=geboren) == []
    assert fouten(soort="svb", datum=date(2026, 3, 31), geboortedatum=geboren) == []
    assert fouten(soort="svb", datum=date(2026, 4, 1), geboortedatum=geboren)


# --- the age boundaries, for any birth date --------------------------------------------------

geboortedatums = st.one_of(datums.filter(lambda d: d.year <= 2020), st.just(date(2008, 2, 29)))


@given(geboortedatums)
def test_halt_precies_vanaf_de_twaalfde_verjaardag(geboren):
    twaalf = verjaardag(geboren, 12)
    assert fouten(soort="halt", datum=twaalf - DAG, geboortedatum=geboren)
    assert not fouten(soort="halt", datum=twaalf, geboortedatum=geboren)


@given(geboortedatums)
def test_proces_verbaal_jongere_precies_vanaf_twaalf(geboren):
    twaalf = verjaardag(geboren, 12)
    assert pv("jongere", geboren, twaalf - DAG)
    assert not pv("jongere", geboren, twaalf)


@given(geboortedatums)
def test_proces_verbaal_ouders_tot_de_achttiende_verjaardag(geboren):
    achttien = verjaardag(geboren, 18)
    assert not pv("ouders", geboren, achttien - DAG)
    assert pv("ouders", geboren, achttien)


def test_29_februari_wordt_jarig_op_1_maart():
    # Born 29-02-2008: 18 on 1 March 2026 (no 29 February in 2026).
    geboren = date(2008, 2, 29)
    assert not pv("ouders", geboren, date(2026, 2, 28))
    assert pv("ouders", geboren, date(2026, 3, 1))
    assert fouten(soort="svb", datum=date(2026, 3, 1), geboortedatum=geboren)


@given(geboortedatums)
def test_svb_venster(geboren):
    zestien, achttien = verjaardag(geboren, 16), verjaardag(geboren, 18)
    assert fouten(soort="svb", datum=zestien - DAG, geboortedatum=geboren)
    assert not fouten(soort="svb", datum=zestien, geboortedatum=geboren)
    assert not fouten(soort="svb", datum=achttien - DAG, geboortedatum=geboren)
    assert fouten(soort="svb", datum=achttien, geboortedatum=geboren)


def test_datum_tekst_en_routes_en_halt_zonder_uitkomst():
    assert datum_tekst(date(2025, 3, 5)) == "5 maart 2025"
    assert mas_routes(["gesprek", "proces_verbaal", "halt", "veilig_thuis"]) == [
        "Halt-interventie schoolverzuim",
        "dwang in civiel kader",
        "dwang in strafrechtelijk kader",
    ]
    assert mas_routes(["gesprek"]) == []
    assert halt_zonder_uitkomst([("halt", None), ("halt", "positief"), ("gesprek", None)]) == 1
