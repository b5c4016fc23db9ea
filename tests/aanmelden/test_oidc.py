"""Single sign-on (OIDC): switched on by LEERPLICHT_OIDC_*, matches existing accounts only.

There is no identity provider here: the token and userinfo calls are replaced.
"""

from __future__ import annotations

import pytest
from aanmeldfabrieken import OIDC_OMGEVING as OMGEVING
from aanmeldfabrieken import GebruikerFactory, MedewerkerFactory, via_idp
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed

from leerplicht.aanmelden.instellingen import oidc_instellingen
from leerplicht.domein.rollen import Rol
from leerplicht.toegang.models import Medewerker


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
