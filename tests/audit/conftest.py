"""Fixtures of the audit tests: medewerkers per rol, signed in with a verified second factor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from audit.medewerkers import aanmelden, maak_medewerker
from leerplicht.domein.rollen import Rol
from portaal.fabrieken import GemeenteFactory


@pytest.fixture
def medewerker(db) -> Callable:
    return maak_medewerker


@pytest.fixture
def eigen_gemeente(db):
    return GemeenteFactory(code="GM9001", naam="Eigendorp")


@pytest.fixture
def andere_gemeente(db):
    return GemeenteFactory(code="GM9002", naam="Anderdorp")


@pytest.fixture
def privacy_officer(eigen_gemeente):
    return maak_medewerker("privacy.devries", Rol.PRIVACY_OFFICER, eigen_gemeente)


@pytest.fixture
def als_privacy_officer(client, privacy_officer):
    aanmelden(client, privacy_officer)
    return client


def pytest_collection_modifyitems(config, items):
    """As in tests/portaal: WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing."""
    from pathlib import Path

    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
