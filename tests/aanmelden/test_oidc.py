"""Single sign-on (OIDC): switched on by LEERPLICHT_OIDC_*, matches existing accounts only.

There is no identity provider here: the token and userinfo calls are replaced.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from aanmeldfabrieken import GebruikerFactory, MedewerkerFactory
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed

from leerplicht.aanmelden.instellingen import oidc_instellingen
from leerplicht.aanmelden.oidc import GemeenteOidcBackend
from leerplicht.domein.rollen import Rol
from leerplicht.toegang.models import Medewerker

OMGEVING = {
    "LEERPLICHT_OIDC_CLIENT_ID": "leerplicht",
    "LEERPLICHT_OIDC_CLIENT_SECRET": "s3cr3t-van-de-idp",
    "LEERPLICHT_OIDC_AUTHORIZATION_ENDPOINT": "https://idp.gemeente.test/auth",
    "LEERPLICHT_OIDC_TOKEN_ENDPOINT": "https://idp.gemeente.test/token",
    "LEERPLICHT_OIDC_USERINFO_ENDPOINT": "https://idp.gemeente.test/userinfo",
    "LEERPLICHT_OIDC_JWKS_ENDPOINT": "https://idp.gemeente.test/jwks",
}


def test_uit_zonder_instellingen():
    assert oidc_instellingen({}) is None
    assert oidc_instellingen({"LEERPLICHT_OIDC_CLIENT_ID": " "}) is None


def test_half_ingesteld_is_een_fout():
    with pytest.raises(ValueError, match=r"maar half ingesteld; ontbreekt: .*TOKEN_ENDPOINT"):
        oidc_instellingen({k: v for k, v in OMGEVING.items() if "TOKEN" not in k})


def test_onbekend_gebruikersveld():
    with pytest.raises(ValueError, match="LEERPLICHT_OIDC_GEBRUIKERSVELD='first_name'"):
        oidc_instellingen({**OMGEVING, "LEERPLICHT_OIDC_GEBRUIKERSVELD": "first_name"})


def test_instellingen():
    oidc = oidc_instellingen(OMGEVING)
    assert oidc is not None
    assert oidc["OIDC_RP_CLIENT_ID"] == "leerplicht"
    assert oidc["OIDC_CREATE_USER"] is False
    assert oidc["OIDC_USE_PKCE"] is True
    assert oidc["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert oidc["LEERPLICHT_OIDC_CLAIM"] == "email"
    assert oidc["LEERPLICHT_OIDC_GEBRUIKERSVELD"] == "email"


@pytest.fixture
def sso(settings, monkeypatch):
    """Settings as with LEERPLICHT_OIDC_* set; `claims` is what the identity provider says."""
    for naam, waarde in (oidc_instellingen(OMGEVING) or {}).items():
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


def via_idp(client) -> str:
    """Start SSO, come back from the identity provider; return where the callback sends us."""
    begin = client.get("/sso/inloggen/?next=/")
    assert begin.status_code == 302
    assert begin["Location"].startswith("https://idp.gemeente.test/auth?")
    vraag = parse_qs(urlsplit(begin["Location"]).query)
    assert vraag["client_id"] == ["leerplicht"]
    assert "code_challenge" in vraag  # PKCE
    terug = client.get(f"/sso/callback/?code=c0de&state={vraag['state'][0]}")
    assert terug.status_code == 302
    return terug["Location"]


@pytest.mark.django_db
def test_inlogpagina_toont_sso_knop(client, sso):
    html = client.get("/inloggen/").content.decode()
    assert 'href="/sso/inloggen/"' in html
    assert "Inloggen met uw gemeente-account" in html


@pytest.mark.django_db
def test_bestaand_account_via_email_en_dan_nog_de_tweede_factor(client, sso):
    lpa = MedewerkerFactory(rol=Rol.LEERPLICHTAMBTENAAR, gebruiker__email="j.jansen@gemeente.test")
    sso["email"] = "J.Jansen@Gemeente.test"
    assert via_idp(client) == "/"
    assert client.session["_auth_user_id"] == str(lpa.gebruiker.pk)
    # SSO does not skip the second factor of a rol that sees dossiers.
    assert client.get("/")["Location"].startswith("/inloggen/tweede-factor/")


@pytest.mark.django_db
def test_onbekend_account_wordt_niet_aangemaakt(client, sso):
    GebruikerFactory(email="iemand@gemeente.test")
    gebruikers, medewerkers = get_user_model().objects.count(), Medewerker.objects.count()
    mislukt = []
    user_login_failed.connect(ontvang := lambda sender, credentials, **kw: mislukt.append(1))
    try:
        sso["email"] = "nieuw@gemeente.test"
        assert via_idp(client) == "/inloggen/?sso=mislukt"
    finally:
        user_login_failed.disconnect(ontvang)
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.count() == gebruikers
    assert Medewerker.objects.count() == medewerkers
    assert mislukt == [1]
    html = client.get("/inloggen/?sso=mislukt").content.decode()
    assert "Inloggen met uw gemeente-account is niet gelukt" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "claims",
    [{}, {"email": ""}, {"email": ["lijst@gemeente.test"]}, {"email": "uit@gemeente.test"}],
)
def test_geen_of_inactief_account(client, sso, claims):
    GebruikerFactory(email="uit@gemeente.test", is_active=False)
    sso.update(claims)
    assert via_idp(client) == "/inloggen/?sso=mislukt"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_twee_accounts_met_hetzelfde_adres(client, sso):
    GebruikerFactory(email="dubbel@gemeente.test")
    GebruikerFactory(email="DUBBEL@gemeente.test")
    sso["email"] = "dubbel@gemeente.test"
    assert via_idp(client) == "/inloggen/?sso=mislukt"


@pytest.mark.django_db
def test_ander_claim_op_gebruikersnaam(client, sso, settings):
    settings.LEERPLICHT_OIDC_CLAIM = "preferred_username"
    settings.LEERPLICHT_OIDC_GEBRUIKERSVELD = "username"
    beleid = MedewerkerFactory(rol=Rol.BELEIDSMEDEWERKER, gebruiker__username="b.devries")
    sso.update({"preferred_username": "b.devries", "email": "ander@gemeente.test"})
    assert via_idp(client) == "/"
    assert client.session["_auth_user_id"] == str(beleid.gebruiker.pk)
    assert client.get("/").status_code == 200  # beleidsmedewerker: no second factor
