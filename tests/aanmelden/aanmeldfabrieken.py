"""Factories for sign-in tests: users with a rol, a confirmed second factor, SSO."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import factory
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from leerplicht.domein.rollen import Rol
from leerplicht.toegang.models import Medewerker

WACHTWOORD = "een-lang-testwachtwoord"


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def bewaar(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker

    gebruiker = factory.SubFactory(GebruikerFactory)
    rol = Rol.LEERPLICHTAMBTENAAR


class TotpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(GebruikerFactory)
    name = "authenticator-app"
    confirmed = True


def code_van(apparaat: TOTPDevice, stappen_verder: int = 0) -> str:
    """The code the authenticator app shows now (or `stappen_verder` periods later)."""
    return f"{totp(apparaat.bin_key, drift=stappen_verder):06d}"


def met_wachtwoord(client, gebruiker, volgende: str = "/"):
    """Sign in with the password form, as a browser does; returns the response."""
    return client.post(
        "/inloggen/",
        {"username": gebruiker.get_username(), "password": WACHTWOORD, "next": volgende},
    )


#: LEERPLICHT_OIDC_* of a configured identity provider (there is none: see the `sso` fixture).
OIDC_OMGEVING = {
    "LEERPLICHT_OIDC_CLIENT_ID": "leerplicht",
    "LEERPLICHT_OIDC_CLIENT_SECRET": "s3cr3t-van-de-idp",
    "LEERPLICHT_OIDC_AUTHORIZATION_ENDPOINT": "https://idp.gemeente.test/auth",
    "LEERPLICHT_OIDC_TOKEN_ENDPOINT": "https://idp.gemeente.test/token",
    "LEERPLICHT_OIDC_USERINFO_ENDPOINT": "https://idp.gemeente.test/userinfo",
    "LEERPLICHT_OIDC_JWKS_ENDPOINT": "https://idp.gemeente.test/jwks",
}


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
