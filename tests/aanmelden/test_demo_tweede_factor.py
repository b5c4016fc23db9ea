"""Demo accounts get a fixed TOTP secret and reservecodes, printed at start (demo only)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from leerplicht.aanmelden.demo import demo_tweede_factor, zorg_voor_demo_tweede_factoren
from leerplicht.portaal.management.commands.demo import DEMO_ACCOUNTS
from leerplicht.register.models import Gemeente, Persoon

pytestmark = pytest.mark.django_db


def test_vaste_sleutel_per_account():
    lpa, nog_eens, dsp = (
        demo_tweede_factor("lpa"),
        demo_tweede_factor("lpa"),
        demo_tweede_factor("dsp"),
    )
    assert lpa == nog_eens
    assert lpa.sleutel_hex != dsp.sleutel_hex
    assert len(bytes.fromhex(lpa.sleutel_hex)) == 20
    assert lpa.otpauth.startswith("otpauth://totp/Leerplicht%20demo:lpa?secret=")
    assert len(set(lpa.reservecodes)) == 3


def test_apparaat_aanvaardt_de_democode(django_user_model):
    django_user_model.objects.create_user("lpa")
    [factor] = zorg_voor_demo_tweede_factoren(["lpa"])
    apparaat = TOTPDevice.objects.get(user__username="lpa")
    assert apparaat.confirmed
    assert apparaat.verify_token(factor.code_nu())
    # Reset at every start: same device, codes valid again.
    StaticToken.objects.all().delete()
    zorg_voor_demo_tweede_factoren(["lpa"])
    assert TOTPDevice.objects.filter(user__username="lpa").count() == 1
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(factor.reservecodes)


def test_demo_drukt_sleutels_en_reservecodes_af(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    Persoon.objects.create(
        id="P1",
        geboortedatum="2015-01-01",
        gemeente=Gemeente.objects.create(code="GM9001", naam="Proefdorp"),
    )
    uit = StringIO()
    call_command("demo", zonder_server=True, stdout=uit, stderr=StringIO())
    tekst = uit.getvalue()
    assert "Tweede factor (ALLEEN VOOR DE DEMO)" in tekst
    for account in DEMO_ACCOUNTS:
        factor = demo_tweede_factor(account.gebruikersnaam)
        assert factor.sleutel_base32 in tekst
        assert factor.otpauth in tekst
        assert all(code in tekst for code in factor.reservecodes)


def test_democode():
    uit = StringIO()
    call_command("democode", "lpa", stdout=uit)
    code = uit.getvalue().strip()
    assert len(code) == 6
    assert code.isdigit()


def test_democode_alleen_voor_demo_accounts():
    with pytest.raises(CommandError, match="'jansen' is geen demo-account"):
        call_command("democode", "jansen")


@override_settings(OMGEVING="productie")
def test_democode_niet_in_productie():
    with pytest.raises(CommandError, match="niet in productie"):
        call_command("democode", "lpa")
