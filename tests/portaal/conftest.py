"""Fixtures of the portaal tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from fabrieken import WACHTWOORD, GemeenteFactory

from leerplicht.domein.rollen import Rol
from leerplicht.toegang.models import Medewerker


@pytest.fixture
def gebruiker(db):
    return get_user_model().objects.create_user("lpa.jansen", password=WACHTWOORD)


@pytest.fixture
def medewerker(gebruiker):
    """The user as leerplichtambtenaar of the two gemeenten of `fabrieken.kleine_regio`
    (made here, before the region, so the start page shows their figures)."""
    medewerker = Medewerker.objects.create(gebruiker=gebruiker, rol=Rol.LEERPLICHTAMBTENAAR)
    medewerker.gemeenten.set(
        [
            GemeenteFactory(code="GM9101", naam="Noorddorp"),
            GemeenteFactory(code="GM9102", naam="Aabeek"),
        ]
    )
    return medewerker


@pytest.fixture
def ingelogd(client, gebruiker, medewerker, met_tweede_factor):
    """Signed in as after password and second factor (whatever rol the test gives)."""
    return met_tweede_factor(client, gebruiker)


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing; settings.py silences
    that at runtime, but pytest resets warning filters made while loading settings."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
