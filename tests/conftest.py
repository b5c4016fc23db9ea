"""Top-level pytest configuration. Keep it small: fixtures belong next to their tests."""

import os

import pytest
from hypothesis import settings

from chromium import (
    VERPLICHT,
    gereedschap_verplicht,
    ontbreekt_melding,
    playwright_aanwezig,
    vereis_browser,
)

# In CI: no per-example deadline (a loaded 2-core machine is slow at random moments).
settings.register_profile("ci", deadline=None, derandomize=False)
if os.environ.get("CI"):
    settings.load_profile("ci")


# --- missing tools (tests/chromium.py): skipped in your own run, a failure in make test ------


def pytest_report_header(config):
    if gereedschap_verplicht():
        return (
            f"{VERPLICHT}=1: een ontbrekend hulpmiddel (Chromium, Playwright, pdftoppm) is een fout"
        )
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("browser") is not None:
        vereis_browser()


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """A browser test module skips itself when Playwright is missing
    (`pytest.importorskip("playwright.sync_api")`); with the switch that is an error."""
    rapport = yield
    if (
        rapport.skipped
        and gereedschap_verplicht()
        and "playwright" in str(rapport.longrepr)
        and not playwright_aanwezig()
    ):
        rapport.outcome = "failed"
        rapport.longrepr = (
            f"{ontbreekt_melding('playwright', ' (Python-pakket)')}. Met {VERPLICHT}=1 "
            "(make test) is een ontbrekend hulpmiddel een fout: de test zou anders niets "
            "controleren."
        )
    return rapport


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
