"""Factories for sign-in tests: users with a rol, a confirmed second factor."""

from __future__ import annotations

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
