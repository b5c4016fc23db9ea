"""The signed-in users and the case the screen tests share; the helpers are in brief_hulp.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from brieven.brief_hulp import maak_medewerker, maak_zaak
from leerplicht.domein.rollen import Rol


@pytest.fixture
def zaak(db):
    return maak_zaak()


@pytest.fixture
def beheerder(zaak, met_tweede_factor) -> Client:
    return met_tweede_factor(Client(), maak_medewerker("beheer", Rol.APPLICATIEBEHEERDER))


@pytest.fixture
def lpa(zaak, met_tweede_factor) -> Client:
    gebruiker = maak_medewerker(
        "lpa", Rol.LEERPLICHTAMBTENAAR, zaak.gemeente, volledige_naam="Karin Visser"
    )
    return met_tweede_factor(Client(), gebruiker)


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing (see portaal)."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
