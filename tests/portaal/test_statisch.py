"""Static files: NL Design System CSS in the package, served by WhiteNoise without collectstatic."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

import leerplicht.portaal

STATIC = Path(leerplicht.portaal.__file__).parent / "static" / "portaal"

BESTANDEN = (
    "portaal/portaal.css",
    "portaal/vendor/utrecht-component-library-css/index.css",
    "portaal/vendor/nlds-voorbeeld-design-tokens/theme.css",
)


@pytest.mark.parametrize("bestand", BESTANDEN)
def test_css_wordt_gevonden(bestand):
    assert finders.find(bestand)


@pytest.mark.parametrize("map_", ["utrecht-component-library-css", "nlds-voorbeeld-design-tokens"])
def test_licentie_bij_elk_vendorpakket(map_):
    licentie = (STATIC / "vendor" / map_ / "LICENSE.md").read_text()
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licentie


@override_settings(DEBUG=False)
def test_whitenoise_serveert_zonder_debug(client):
    antwoord = client.get("/static/portaal/portaal.css")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/css")
