"""Medewerkers per rol for the audit tests, signed in with a verified second factor."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from leerplicht.domein.rollen import Rol
from leerplicht.toegang.models import Medewerker

WACHTWOORD = "een-lang-testwachtwoord-audit"


def maak_medewerker(naam: str, rol: Rol | None, *gemeenten):
    gebruiker = get_user_model().objects.create_user(naam, password=WACHTWOORD)
    if rol is not None:
        medewerker = Medewerker.objects.create(gebruiker=gebruiker, rol=rol.value)
        medewerker.gemeenten.set(gemeenten)
    return gebruiker


def aanmelden(client, gebruiker) -> None:
    """Sign in as `gebruiker`, with a verified TOTP device when two-factor sign-in is on."""
    client.force_login(gebruiker)
    if "django_otp.plugins.otp_totp" in settings.INSTALLED_APPS:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        apparaat = TOTPDevice.objects.create(user=gebruiker, name="test", confirmed=True)
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
