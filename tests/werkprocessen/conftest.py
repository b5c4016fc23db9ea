"""Fixtures of the werkproces tests: one gemeente, a pupil of 11, an open werkproces, and a
signed-in leerplichtambtenaar, teammanager and administratief medewerker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone

from leerplicht.domein.rollen import Rol
from portaal.fabrieken import GemeenteFactory, PersoonFactory, WerkprocesFactory
from toegang.toegangswereld import aangemeld, maak_gebruiker
from werkprocessen.werkproceszaak import Zaak, jaren_geleden


@pytest.fixture
def zaak(db) -> Zaak:
    gemeente = GemeenteFactory(code="GM9301", naam="Zaakdorp")
    persoon = PersoonFactory(gemeente=gemeente, geboortedatum=jaren_geleden(11))
    werkproces = WerkprocesFactory(
        persoon=persoon, geopend=date(timezone.localdate().year - 1, 9, 1), behandelaar="lpa"
    )
    clients = {}
    for naam, rol in (
        ("lpa", Rol.LEERPLICHTAMBTENAAR),
        ("lpa2", Rol.LEERPLICHTAMBTENAAR),
        ("teammanager", Rol.TEAMMANAGER),
        ("administratie", Rol.ADMINISTRATIEF_MEDEWERKER),
    ):
        clients[naam] = aangemeld(maak_gebruiker(naam, rol, [gemeente]))
    return Zaak(werkproces, **clients)


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing (see portaal)."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
