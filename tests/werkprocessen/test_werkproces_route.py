"""The werkproces route: one table of transitions, and the guards on closing."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given

from domein.datumstrategieen import datums
from leerplicht.domein.codes import WERKPROCES_RESULTATEN, WERKPROCES_TYPEN
from leerplicht.domein.leeftijd import verjaardag
from leerplicht.domein.rollen import HANDELINGEN, Handeling, Rol
from leerplicht.domein.werkproces_route import (
    OVERGANGEN,
    RESULTATEN_PER_TYPE,
    Sluitgegevens,
    Werkprocesstatus,
    bezwaren_tegen_sluiten,
    mag_naar,
    resultaten_voor,
    status_van,
)

VANDAAG = date(2026, 6, 1)


def sluiten(**kwargs) -> dict[str, list[str]]:
    gegevens = {
        "type": "relatief_verzuim",
        "geopend": date(2025, 9, 1),
        "resultaat": "school",
        "datum": date(2026, 5, 1),
        "geboortedatum": date(2012, 1, 1),
        "vandaag": VANDAAG,
    } | kwargs
    return bezwaren_tegen_sluiten(Sluitgegevens(**gegevens))


def test_tabel():
    assert mag_naar("open", "gesloten")
    assert mag_naar("gesloten", "open")
    assert not mag_naar("open", "open")
    assert status_van(None) is Werkprocesstatus.OPEN
    assert status_van(date(2025, 1, 1)) is Werkprocesstatus.GESLOTEN


def test_heropenen_is_een_correctie_van_de_teammanager():
    (heropenen,) = [o for o in OVERGANGEN if o.naar == Werkprocesstatus.OPEN]
    assert HANDELINGEN[heropenen.nodig] == frozenset({Rol.TEAMMANAGER})
    for o in OVERGANGEN:
        if o.naar == Werkprocesstatus.GESLOTEN:
            assert o.nodig is Handeling.WERKPROCES_BEHANDELEN


def test_sluiten_met_resultaat_mag():
    assert sluiten() == {}


def test_sluiten_zonder_resultaat_geweigerd():
    assert sluiten(resultaat=None) == {
        "resultaat": ["Kies een resultaat: een werkproces sluit altijd met een resultaat."]
    }


def test_sluiten_met_halt_zonder_uitkomst_geweigerd():
    assert sluiten(halt_zonder_uitkomst=1) == {
        "resultaat": [
            "Leg eerst de uitkomst van de Halt-verwijzing vast (positief of negatief); "
            "daarna kan het werkproces sluiten."
        ]
    }


def test_sluitdatum_niet_voor_opening_en_niet_in_de_toekomst():
    assert sluiten(datum=date(2025, 8, 31))["datum"] == [
        "De sluitdatum kan niet vóór de opening (1 september 2025) liggen."
    ]
    assert sluiten(datum=VANDAAG + timedelta(days=1))["datum"] == [
        "De sluitdatum kan niet in de toekomst liggen."
    ]


def test_overdracht_dsp_pas_vanaf_achttien():
    # Born 29-02-2008: 18 on 1 March 2026.
    fout = sluiten(
        resultaat="overdracht_dsp", geboortedatum=date(2008, 2, 29), datum=date(2026, 2, 28)
    )
    assert fout == {
        "resultaat": [
            "Resultaat 'overdracht naar Doorstroompunt' kan pas als de leerling 18 is; "
            "de leerling is op 28 februari 2026 17 jaar."
        ]
    }
    assert (
        sluiten(resultaat="overdracht_dsp", geboortedatum=date(2008, 2, 29), datum=date(2026, 3, 1))
        == {}
    )


@given(datums.filter(lambda d: date(2000, 1, 1) <= d <= date(2008, 5, 1)))
def test_achttien_jaar_geworden_precies_vanaf_de_verjaardag(geboren):
    achttien = verjaardag(geboren, 18)
    kwargs = {"resultaat": "achttien", "geboortedatum": geboren, "geopend": date(1999, 1, 1)}
    assert sluiten(datum=achttien - timedelta(days=1), vandaag=achttien, **kwargs)
    assert sluiten(datum=achttien, vandaag=achttien, **kwargs) == {}


def test_resultaten_per_soort():
    assert set(RESULTATEN_PER_TYPE) == set(WERKPROCES_TYPEN)
    assert "overdracht_dsp" not in resultaten_voor("verzuim_18plus")
    assert "achttien" not in resultaten_voor("vsv")
    assert resultaten_voor("relatief_verzuim") == WERKPROCES_RESULTATEN
    assert sluiten(
        type="verzuim_18plus", resultaat="overdracht_dsp", geboortedatum=date(2000, 1, 1)
    ) == {
        "resultaat": [
            "Een werkproces 'verzuim 18+' kan niet sluiten met resultaat "
            "'overdracht naar Doorstroompunt'."
        ]
    }
