"""Inloggen en uitloggen: every page but the login page needs a signed-in user."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from fabrieken import WACHTWOORD

pytestmark = pytest.mark.django_db

#: Pages that answer without signing in. The SSO pages start or finish a sign-in
#: themselves (404 while SSO is off; tests/aanmelden/test_oidc.py).
OPENBAAR = {
    "portaal:inloggen",
    "portaal:uitloggen",
    "oidc_authentication_init",
    "oidc_authentication_callback",
}


def portaal_namen() -> list[str]:
    resolver = get_resolver()
    namen = []
    for patroon in resolver.url_patterns:
        for sub in getattr(patroon, "url_patterns", [patroon]):
            # Pages with arguments (a person's id): tests/toegang/test_autorisatiematrix.py.
            if isinstance(sub, URLPattern) and sub.name and not sub.pattern.converters:
                namespace = getattr(patroon, "namespace", None)
                namen.append(f"{namespace}:{sub.name}" if namespace else sub.name)
    return namen


def test_anoniem_naar_inloggen(client):
    antwoord = client.get("/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/?next=/"


@pytest.mark.parametrize("naam", [n for n in portaal_namen() if n not in OPENBAAR])
def test_elke_pagina_vraagt_inloggen(client, naam):
    antwoord = client.get(reverse(naam))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("portaal:inloggen"))


def test_inlogpagina(client):
    antwoord = client.get(reverse("portaal:inloggen"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert '<html lang="nl"' in html
    assert "<title>Inloggen - Leerplicht</title>" in html
    assert '<label class="utrecht-form-label" for="id_username">Gebruikersnaam</label>' in html
    assert 'autocomplete="current-password"' in html
    assert "csrfmiddlewaretoken" in html
    assert "autofocus" not in html
    assert "Ingelogd als" not in html


def test_inloggen_lukt(client, gebruiker):
    antwoord = client.post(
        reverse("portaal:inloggen"),
        {"username": "lpa.jansen", "password": WACHTWOORD, "next": "/"},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/"
    start = client.get("/")
    assert start.status_code == 200
    assert "Ingelogd als <strong>lpa.jansen</strong>" in start.content.decode()


def test_verkeerd_wachtwoord(client, gebruiker):
    antwoord = client.post(
        reverse("portaal:inloggen"), {"username": "lpa.jansen", "password": "fout"}
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "<title>Fout: Inloggen - Leerplicht</title>" in html
    assert "Inloggen is niet gelukt" in html
    assert 'role="alert"' in html
    assert "_auth_user_id" not in client.session


def test_inloggen_zonder_csrf_token_geweigerd(gebruiker):
    client = Client(enforce_csrf_checks=True)
    antwoord = client.post(
        reverse("portaal:inloggen"), {"username": "lpa.jansen", "password": WACHTWOORD}
    )
    assert antwoord.status_code == 403


def test_geen_doorsturen_naar_andere_site(client, gebruiker):
    antwoord = client.post(
        reverse("portaal:inloggen"),
        {"username": "lpa.jansen", "password": WACHTWOORD, "next": "https://example.org/"},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/"


def test_ingelogd_naar_inlogpagina_gaat_naar_start(ingelogd):
    antwoord = ingelogd.get(reverse("portaal:inloggen"))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/"


def test_uitloggen_alleen_met_post(ingelogd):
    assert ingelogd.get(reverse("portaal:uitloggen")).status_code == 405
    assert ingelogd.get("/").status_code == 200

    antwoord = ingelogd.post(reverse("portaal:uitloggen"))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("portaal:inloggen")
    assert ingelogd.get("/").status_code == 302


def test_uitlogknop_is_een_formulier_met_csrf(ingelogd):
    html = ingelogd.get("/").content.decode()
    assert f'<form method="post" action="{reverse("portaal:uitloggen")}">' in html
    formulier = html.split(f'action="{reverse("portaal:uitloggen")}"')[1].split("</form>")[0]
    assert "csrfmiddlewaretoken" in formulier
