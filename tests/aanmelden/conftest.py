"""Fixtures of the aanmelden tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from aanmeldfabrieken import MedewerkerFactory

from leerplicht.domein.rollen import Rol


@pytest.fixture
def lpa(db):
    """A leerplichtambtenaar: sees dossiers, so needs a second factor."""
    return MedewerkerFactory(
        rol=Rol.LEERPLICHTAMBTENAAR, gebruiker__username="lpa.jansen"
    ).gebruiker


def pytest_collection_modifyitems(config, items):
    """See tests/portaal/conftest.py: WhiteNoise warns about a missing STATIC_ROOT."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
