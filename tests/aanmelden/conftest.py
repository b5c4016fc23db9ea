"""Fixtures of the aanmelden tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from aanmeldfabrieken import OIDC_OMGEVING, MedewerkerFactory

from leerplicht.aanmelden.instellingen import oidc_instellingen
from leerplicht.aanmelden.oidc import GemeenteOidcBackend
from leerplicht.domein.rollen import Rol


@pytest.fixture
def lpa(db):
    """A leerplichtambtenaar: sees dossiers, so needs a second factor."""
    return MedewerkerFactory(
        rol=Rol.LEERPLICHTAMBTENAAR, gebruiker__username="lpa.jansen"
    ).gebruiker


@pytest.fixture
def sso(settings, monkeypatch):
    """Settings as with LEERPLICHT_OIDC_* set; `claims` is what the identity provider says.

    There is no identity provider here: the token and userinfo calls are replaced.
    """
    for naam, waarde in (oidc_instellingen(OIDC_OMGEVING) or {}).items():
        setattr(settings, naam, waarde)
    settings.OIDC_AAN = True
    settings.LOGIN_REDIRECT_URL_FAILURE = "/inloggen/?sso=mislukt"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "leerplicht.aanmelden.oidc.GemeenteOidcBackend",
    ]
    claims: dict = {}
    monkeypatch.setattr(
        GemeenteOidcBackend,
        "get_token",
        lambda self, payload: {"id_token": "i", "access_token": "a"},
    )
    monkeypatch.setattr(GemeenteOidcBackend, "verify_token", lambda self, token, **kw: {"sub": "1"})
    monkeypatch.setattr(GemeenteOidcBackend, "get_userinfo", lambda self, *a: dict(claims))
    return claims


def pytest_collection_modifyitems(config, items):
    """See tests/portaal/conftest.py: WhiteNoise warns about a missing STATIC_ROOT."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
