"""Error pages in Dutch, in the same layout."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_404(ingelogd):
    antwoord = ingelogd.get("/bestaat-niet/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 404
    assert "<title>Pagina niet gevonden - Leerplicht</title>" in html
    assert '<main id="inhoud"' in html


def test_403_csrf():
    antwoord = Client(enforce_csrf_checks=True).post(
        reverse("portaal:inloggen"), {"username": "x", "password": "y"}
    )
    assert antwoord.status_code == 403
    assert "Het formulier is verlopen" in antwoord.content.decode()


def test_500_zonder_context():
    html = render_to_string("500.html")
    assert "<title>Er ging iets mis - Leerplicht</title>" in html
    assert "Ingelogd als" not in html
