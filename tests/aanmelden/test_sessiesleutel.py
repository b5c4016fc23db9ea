"""A new session key after the second factor and after SSO (issue 12, finding 5).

A session cookie captured between the password and the code (shoulder, shared
computer, a proxy log) must not become a fully signed-in session once the real
user enters the code: the key changes when the session gains rights, and the old
key is anonymous. Tested over HTTP with the test client, as a browser would.
"""

from __future__ import annotations

import pytest
from aanmeldfabrieken import MedewerkerFactory, TotpFactory, code_van, met_wachtwoord, via_idp
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from leerplicht.aanmelden.models import Sessie
from leerplicht.aanmelden.tweede_factor import maak_reservecodes
from leerplicht.domein.rollen import Rol

pytestmark = pytest.mark.django_db

CODE = reverse("aanmelden:code")
INSTELLEN = reverse("aanmelden:instellen")
INLOGGEN = reverse("portaal:inloggen")


def sessiecookie(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def met_cookie(waarde: str) -> Client:
    """Another browser that only has the (captured) session cookie."""
    ander = Client()
    ander.cookies[settings.SESSION_COOKIE_NAME] = waarde
    return ander


def naar_inloggen(client: Client) -> bool:
    antwoord = client.get("/")
    return antwoord.status_code == 302 and antwoord["Location"].startswith(INLOGGEN)


def test_na_de_code_uit_de_app_werkt_de_oude_sessiecookie_niet(client, lpa):
    apparaat = TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    oud = sessiecookie(client)
    # Between the steps the captured cookie reaches only the code page.
    assert met_cookie(oud).get("/")["Location"].startswith(CODE)

    assert client.post(CODE, {"code": code_van(apparaat), "next": "/"})["Location"] == "/"
    assert sessiecookie(client) != oud
    assert client.get("/").status_code == 200
    assert naar_inloggen(met_cookie(oud))
    assert met_cookie(sessiecookie(client)).get("/").status_code == 200


def test_na_een_reservecode_werkt_de_oude_sessiecookie_niet(client, lpa):
    TotpFactory(user=lpa)
    codes = maak_reservecodes(lpa)
    met_wachtwoord(client, lpa)
    oud = sessiecookie(client)

    assert client.post(CODE, {"code": codes[0], "next": "/"})["Location"] == "/"
    assert sessiecookie(client) != oud
    assert client.get("/").status_code == 200
    assert naar_inloggen(met_cookie(oud))


def test_na_het_instellen_van_de_app_werkt_de_oude_sessiecookie_niet(client, lpa):
    met_wachtwoord(client, lpa)
    assert client.get(INSTELLEN).status_code == 200
    apparaat = TOTPDevice.objects.get(user=lpa)
    oud = sessiecookie(client)

    klaar = client.post(INSTELLEN, {"code": code_van(apparaat), "next": "/"})
    assert klaar.status_code == 200  # the page with the reservecodes
    assert sessiecookie(client) != oud
    assert client.get("/").status_code == 200
    assert naar_inloggen(met_cookie(oud))


def test_overal_uitloggen_kent_de_nieuwe_sleutel(client, lpa):
    """The key is also what "overal uitloggen" ends: it must follow the new key."""
    apparaat = TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    client.post(CODE, {"code": code_van(apparaat)})
    assert list(Sessie.objects.values_list("sleutel", flat=True)) == [sessiecookie(client)]

    telefoon = Client()
    met_wachtwoord(telefoon, lpa)
    telefoon.post(reverse("aanmelden:overal_uitloggen"))
    assert naar_inloggen(client)


def test_sso_vanuit_een_anonieme_sessie_geeft_een_nieuwe_sleutel(client, sso):
    """The cookie from before SSO (it holds the state) is anonymous afterwards."""
    MedewerkerFactory(rol=Rol.BELEIDSMEDEWERKER, gebruiker__email="b.devries@gemeente.test")
    sso["email"] = "b.devries@gemeente.test"
    client.get("/sso/inloggen/?next=/")
    oud = sessiecookie(client)
    assert via_idp(client) == "/"
    assert sessiecookie(client) != oud
    assert client.get("/").status_code == 200
    assert naar_inloggen(met_cookie(oud))


def test_sso_na_het_wachtwoord_van_dezelfde_gebruiker_geeft_een_nieuwe_sleutel(client, sso):
    """Django's login() keeps the key when the session already has this user, and
    mozilla-django-oidc then skips login() altogether: the key changes anyway."""
    beleid = MedewerkerFactory(
        rol=Rol.BELEIDSMEDEWERKER, gebruiker__email="b.devries@gemeente.test"
    ).gebruiker
    met_wachtwoord(client, beleid)
    oud = sessiecookie(client)
    sso["email"] = "b.devries@gemeente.test"

    assert via_idp(client) == "/"
    assert sessiecookie(client) != oud
    assert client.get("/").status_code == 200
    assert naar_inloggen(met_cookie(oud))
    assert list(Sessie.objects.values_list("sleutel", flat=True)) == [sessiecookie(client)]
