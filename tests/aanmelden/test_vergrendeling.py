"""Vergrendeling: 5 wrong passwords for one username from one address block it for 15 minutes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aanmeldfabrieken import WACHTWOORD, GebruikerFactory, met_wachtwoord
from axes.models import AccessAttempt
from django.contrib.auth.signals import user_login_failed
from django.test import Client

pytestmark = pytest.mark.django_db


def fout_wachtwoord(client, naam: str, ip: str = "127.0.0.1"):
    return client.post(
        "/inloggen/", {"username": naam, "password": "fout-wachtwoord"}, REMOTE_ADDR=ip
    )


@pytest.fixture
def mislukt():
    meldingen: list[dict] = []

    def ontvang(sender, credentials, request=None, **kwargs):
        meldingen.append(credentials)

    user_login_failed.connect(ontvang)
    yield meldingen
    user_login_failed.disconnect(ontvang)


def test_vijf_keer_fout_blokkeert(client, settings, mislukt):
    assert settings.AXES_FAILURE_LIMIT == 5
    gebruiker = GebruikerFactory(username="lpa.jansen")
    for _ in range(4):
        assert fout_wachtwoord(client, "lpa.jansen").status_code == 200
    geblokkeerd = fout_wachtwoord(client, "lpa.jansen")
    html = geblokkeerd.content.decode()
    assert geblokkeerd.status_code == 429
    assert "<title>Inloggen tijdelijk geblokkeerd - Leerplicht</title>" in html
    assert "de komende 15 minuten" in html
    assert "lpa.jansen" not in html  # no username echoed on the page

    # Even the right password does not get in now, and it counts as failed again.
    goed = met_wachtwoord(client, gebruiker)
    assert goed.status_code == 429
    assert "_auth_user_id" not in client.session
    assert len(mislukt) == 6
    assert all(m["username"] == "lpa.jansen" for m in mislukt)
    assert "fout-wachtwoord" not in str(mislukt)


def test_ander_adres_of_andere_naam_niet_geblokkeerd(client):
    GebruikerFactory(username="lpa.jansen")
    ander = GebruikerFactory(username="lpa.pietersen")
    for _ in range(5):
        fout_wachtwoord(client, "lpa.jansen")
    assert met_wachtwoord(client, ander).status_code == 302

    elders = Client()
    antwoord = elders.post(
        "/inloggen/",
        {"username": "lpa.jansen", "password": WACHTWOORD},
        REMOTE_ADDR="10.1.2.3",
    )
    assert antwoord.status_code == 302


def test_na_de_afkoeltijd_weer_inloggen(client):
    gebruiker = GebruikerFactory(username="lpa.jansen")
    for _ in range(5):
        fout_wachtwoord(client, "lpa.jansen")
    assert met_wachtwoord(client, gebruiker).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert met_wachtwoord(client, gebruiker).status_code == 302


def test_goede_aanmelding_zet_teller_terug(client):
    gebruiker = GebruikerFactory(username="lpa.jansen")
    for _ in range(4):
        fout_wachtwoord(client, "lpa.jansen")
    assert met_wachtwoord(client, gebruiker).status_code == 302
    client.post("/uitloggen/")
    for _ in range(4):
        assert fout_wachtwoord(client, "lpa.jansen").status_code == 200
    assert met_wachtwoord(client, gebruiker).status_code == 302
