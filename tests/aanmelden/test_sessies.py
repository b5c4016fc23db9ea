"""Sessieverloop after inactivity, and "overal uitloggen" (every session of the user)."""

from __future__ import annotations

import time

import pytest
from aanmeldfabrieken import GebruikerFactory, met_wachtwoord
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from leerplicht.aanmelden.instellingen import geheel_getal
from leerplicht.aanmelden.middleware import LAATSTE_ACTIVITEIT
from leerplicht.aanmelden.models import Sessie

pytestmark = pytest.mark.django_db

OVERAL = reverse("aanmelden:overal_uitloggen")


def stil_geweest(client, minuten: float) -> None:
    sessie = client.session
    sessie[LAATSTE_ACTIVITEIT] = int(time.time() - minuten * 60)
    sessie.save()


def test_standaard_dertig_minuten(settings):
    assert settings.SESSIE_INACTIEF_MINUTEN == 30
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_na_dertig_minuten_niets_uitgelogd(client):
    met_wachtwoord(client, GebruikerFactory())
    assert client.get("/").status_code == 200
    stil_geweest(client, 31)
    antwoord = client.get("/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/?next=%2F"
    assert "_auth_user_id" not in client.session
    inlog = client.get(antwoord["Location"]).content.decode()
    assert "U bent uitgelogd omdat u 30 minuten niets hebt gedaan" in inlog


def test_binnen_de_tijd_blijft_ingelogd_en_telt_opnieuw(client):
    met_wachtwoord(client, GebruikerFactory())
    stil_geweest(client, 29)
    assert client.get("/").status_code == 200
    assert time.time() - client.session[LAATSTE_ACTIVITEIT] < 5


def test_tijd_instelbaar(client, settings):
    settings.SESSIE_INACTIEF_MINUTEN = 5
    met_wachtwoord(client, GebruikerFactory())
    stil_geweest(client, 6)
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(("waarde", "verwacht"), [(None, 30), ("", 30), ("45", 45), (" 10 ", 10)])
def test_geheel_getal_uit_omgeving(waarde, verwacht):
    omgeving = {} if waarde is None else {"LEERPLICHT_SESSIE_MINUTEN": waarde}
    assert geheel_getal(omgeving, "LEERPLICHT_SESSIE_MINUTEN", 30) == verwacht


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [("dertig", "is geen geheel getal"), ("0", "is te klein"), ("-5", "is te klein")],
)
def test_geheel_getal_fout(waarde, melding):
    with pytest.raises(ValueError, match=melding):
        geheel_getal({"LEERPLICHT_SESSIE_MINUTEN": waarde}, "LEERPLICHT_SESSIE_MINUTEN", 30)


def test_overal_uitloggen_beeindigt_alle_sessies_van_de_gebruiker():
    jansen = GebruikerFactory(username="lpa.jansen")
    ander = GebruikerFactory(username="lpa.pietersen")
    laptop, telefoon, collega = Client(), Client(), Client()
    met_wachtwoord(laptop, jansen)
    met_wachtwoord(telefoon, jansen)
    met_wachtwoord(collega, ander)
    assert Sessie.objects.filter(gebruiker=jansen).count() == 2
    assert all(c.get("/").status_code == 200 for c in (laptop, telefoon, collega))

    antwoord = laptop.post(OVERAL, follow=True)
    assert antwoord.redirect_chain[-1][0] == reverse("portaal:inloggen")
    assert "U bent overal uitgelogd (2 sessies beëindigd)." in antwoord.content.decode()

    assert laptop.get("/").status_code == 302
    assert telefoon.get("/").status_code == 302
    assert collega.get("/").status_code == 200
    assert not Sessie.objects.filter(gebruiker=jansen).exists()
    over = {s.get_decoded().get("_auth_user_id") for s in Session.objects.all()}
    assert over == {str(ander.pk)}


def test_overal_uitloggen_alleen_met_post_en_csrf():
    gebruiker = GebruikerFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(gebruiker)
    assert client.get(OVERAL).status_code == 405
    assert client.post(OVERAL).status_code == 403
    assert client.get("/").status_code == 200


def test_overal_uitloggen_knop_op_elke_pagina(client):
    met_wachtwoord(client, GebruikerFactory())
    html = client.get("/").content.decode()
    formulier = html.split(f'action="{OVERAL}"')[1].split("</form>")[0]
    assert "csrfmiddlewaretoken" in formulier
    assert "Overal uitloggen</button>" in formulier


def test_uitloggen_vergeet_de_sessie(client):
    gebruiker = GebruikerFactory()
    met_wachtwoord(client, gebruiker)
    assert Sessie.objects.filter(gebruiker=gebruiker).count() == 1
    client.post(reverse("portaal:uitloggen"))
    assert not Sessie.objects.filter(gebruiker=gebruiker).exists()
