"""Tweede factor: required for every rol in VEREIST_TWEE_FACTOREN, not skippable."""

from __future__ import annotations

import re

import pytest
from aanmeldfabrieken import MedewerkerFactory, TotpFactory, code_van, met_wachtwoord
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import VEREIST_TWEE_FACTOREN, Rol
from portaal.fabrieken import PersoonFactory

pytestmark = pytest.mark.django_db

CODE = reverse("aanmelden:code")
INSTELLEN = reverse("aanmelden:instellen")


@pytest.mark.parametrize("rol", sorted(VEREIST_TWEE_FACTOREN))
def test_rol_met_persoonsgegevens_moet_tweede_factor_instellen(client, rol):
    gebruiker = MedewerkerFactory(rol=rol).gebruiker
    assert met_wachtwoord(client, gebruiker)["Location"] == "/"
    antwoord = client.get("/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{INSTELLEN}?next=%2F"


@pytest.mark.parametrize("rol", sorted(set(Rol) - VEREIST_TWEE_FACTOREN))
def test_rol_zonder_persoonsgegevens_hoeft_niet(client, rol):
    assert rol == Rol.BELEIDSMEDEWERKER  # the only one: figures, never a person
    met_wachtwoord(client, MedewerkerFactory(rol=rol).gebruiker)
    assert client.get("/").status_code == 200


def test_superuser_moet_ook(client, django_user_model):
    from aanmeldfabrieken import WACHTWOORD

    baas = django_user_model.objects.create_superuser("baas", password=WACHTWOORD)
    met_wachtwoord(client, baas)
    assert client.get("/")["Location"].startswith(INSTELLEN)


def test_met_apparaat_naar_code_en_niet_verder(client, lpa):
    TotpFactory(user=lpa)
    persoon = PersoonFactory()
    met_wachtwoord(client, lpa)
    for pad in ["/", reverse("dossier:persoon", args=[persoon.id]), "/audit/"]:
        antwoord = client.get(pad)
        assert antwoord.status_code == 302, pad
        assert antwoord["Location"].startswith(f"{CODE}?next="), pad
        gevolgd = client.get(pad, follow=True).content.decode()
        assert "<title>Code invoeren - Leerplicht</title>" in gevolgd
        assert str(persoon.geboortedatum.year) not in gevolgd
    # A POST elsewhere does not run either.
    antwoord = client.post(reverse("dossier:zoeken"), {"zoekterm": persoon.id})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(CODE)


def test_uitloggen_kan_zonder_tweede_factor(client, lpa):
    met_wachtwoord(client, lpa)
    assert client.post(reverse("portaal:uitloggen"))["Location"] == reverse("portaal:inloggen")
    assert "_auth_user_id" not in client.session


def test_instellen_toont_qr_en_sleutel_en_bevestigt_met_code(client, lpa, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after the wrong code below
    met_wachtwoord(client, lpa)
    pagina = client.get(f"{INSTELLEN}?next=/")
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert "<title>Tweestapsverificatie instellen - Leerplicht</title>" in html
    assert '<svg role="img" aria-label="QR-code voor de authenticator-app"' in html
    assert 'for="id_code">Code</label>' in html
    apparaat = TOTPDevice.objects.get(user=lpa)
    assert not apparaat.confirmed
    # Same device (same QR code) on reload.
    client.get(INSTELLEN)
    assert TOTPDevice.objects.filter(user=lpa).count() == 1

    fout = client.post(INSTELLEN, {"code": "000000" if code_van(apparaat) != "000000" else "1"})
    assert fout.status_code == 200
    assert "Fout: Tweestapsverificatie instellen" in fout.content.decode()
    assert client.get("/").status_code == 302

    klaar = client.post(INSTELLEN, {"code": code_van(apparaat), "next": "/"})
    html = klaar.content.decode()
    assert klaar.status_code == 200
    codes = re.findall(r"<li class=\"utrecht-unordered-list__item\"><code>(\w+)</code>", html)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get("/").status_code == 200


def test_geen_tweede_apparaat_met_alleen_een_wachtwoord(client, lpa):
    """Someone with the password only must not be able to add their own app."""
    TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    antwoord = client.get(INSTELLEN)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == CODE
    assert client.post(INSTELLEN, {"code": "123456"})["Location"] == CODE
    assert TOTPDevice.objects.filter(user=lpa).count() == 1


def test_code_invoeren(client, lpa, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after the wrong code below
    apparaat = TotpFactory(user=lpa)
    persoon_pad = "/"
    met_wachtwoord(client, lpa, volgende=persoon_pad)
    pagina = client.get(f"{CODE}?next=/")
    assert pagina.status_code == 200
    assert "<title>Code invoeren - Leerplicht</title>" in pagina.content.decode()

    fout = client.post(CODE, {"code": "abc", "next": "/"})
    assert fout.status_code == 200
    assert "Deze code klopt niet of is verlopen" in fout.content.decode()
    assert 'role="alert"' in fout.content.decode()

    goed = client.post(CODE, {"code": code_van(apparaat), "next": "/"})
    assert goed.status_code == 302
    assert goed["Location"] == "/"
    assert client.get("/").status_code == 200
    # The audit log has the password step, the wrong code and the right one, in that order.
    acties = list(
        Auditregel.objects.filter(gebruikersnaam=lpa.username)
        .order_by("volgnummer")
        .values_list("actie", "toelichting")
    )
    assert [a for a, _ in acties] == ["inloggen", "tweede_factor"]
    assert acties[-1][1] == {"apparaat": "app"}
    assert Auditregel.objects.filter(actie="inloggen_mislukt", object_id=str(lpa.pk)).count() == 1


def test_code_van_vorige_periode_of_ver_weg_telt_niet(client, lpa):
    apparaat = TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    assert client.post(CODE, {"code": code_van(apparaat, stappen_verder=5)}).status_code == 200
    assert client.get("/").status_code == 302


def test_reservecode_werkt_een_keer(client, lpa):
    from leerplicht.aanmelden.tweede_factor import maak_reservecodes

    TotpFactory(user=lpa)
    codes = maak_reservecodes(lpa)
    met_wachtwoord(client, lpa)
    assert client.post(CODE, {"code": codes[0]})["Location"] == "/"
    assert Auditregel.objects.filter(actie="tweede_factor").last().toelichting == {
        "apparaat": "reservecode"
    }
    client.post(reverse("portaal:uitloggen"))

    met_wachtwoord(client, lpa)
    assert client.post(CODE, {"code": codes[0]}).status_code == 200
    assert client.get("/").status_code == 302


def test_geen_doorsturen_naar_andere_site(client, lpa):
    apparaat = TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    antwoord = client.post(CODE, {"code": code_van(apparaat), "next": "https://example.org/"})
    assert antwoord["Location"] == "/"


def test_verkeerde_code_is_mislukte_aanmelding(client, lpa):
    TotpFactory(user=lpa)
    gemeld = []

    def ontvang(sender, credentials, request=None, **kwargs):
        gemeld.append(credentials)

    user_login_failed.connect(ontvang)
    try:
        met_wachtwoord(client, lpa)
        client.post(CODE, {"code": "999999x"})
    finally:
        user_login_failed.disconnect(ontvang)
    assert gemeld == [{"username": "lpa.jansen"}]


def test_te_vaak_een_verkeerde_code_blokkeert(client, lpa, settings):
    apparaat = TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(CODE, {"code": "wrong1"}).status_code == 200
    assert client.post(CODE, {"code": "wrong1"}).status_code == 429
    # Now even the right code does not help: blocked, and signed out.
    antwoord = client.post(CODE, {"code": code_van(apparaat)})
    assert antwoord.status_code in (302, 429)
    assert client.get("/").status_code == 302
    assert client.get("/")["Location"].startswith(reverse("portaal:inloggen"))
    assert met_wachtwoord(client, lpa).status_code == 429


def test_na_een_verkeerde_code_even_wachten(client, lpa):
    """django-otp throttles: after a wrong code even the right one waits (1 s, then 2, 4...)."""
    apparaat = TotpFactory(user=lpa)
    met_wachtwoord(client, lpa)
    client.post(CODE, {"code": "000000x"})
    assert client.post(CODE, {"code": code_van(apparaat)}).status_code == 200
    assert client.get("/").status_code == 302
