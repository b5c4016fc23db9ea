"""Fixtures of the portaal tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from fabrieken import WACHTWOORD


@pytest.fixture
def gebruiker(db):
    return get_user_model().objects.create_user("lpa.jansen", password=WACHTWOORD)


@pytest.fixture
def ingelogd(client, gebruiker):
    client.force_login(gebruiker)
    return client


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing; settings.py silences
    that at runtime, but pytest resets warning filters made while loading settings."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
