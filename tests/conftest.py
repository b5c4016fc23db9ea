"""Top-level pytest configuration. Keep it small: fixtures belong next to their tests."""

import os

import pytest
from hypothesis import settings

# In CI: no per-example deadline (a loaded 2-core machine is slow at random moments).
settings.register_profile("ci", deadline=None, derandomize=False)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def met_tweede_factor(db):
    """Sign a test client in with a confirmed second factor, as after password + code.

    Rollen in VEREIST_TWEE_FACTOREN reach no page with `force_login` alone (the
    TweeFactorMiddleware of leerplicht.aanmelden); use `met_tweede_factor(client, user)`.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def inloggen(client, gebruiker):
        apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()
        if apparaat is None:
            apparaat = TOTPDevice.objects.create(
                user=gebruiker, name="authenticator-app", confirmed=True
            )
        client.force_login(gebruiker)
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
        return client

    return inloggen
