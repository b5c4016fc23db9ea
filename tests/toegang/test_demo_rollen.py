"""leerplicht demo gives every demo account its rol and gemeenten (beleid: one gemeente)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from leerplicht.domein.rollen import Rol
from leerplicht.portaal.management.commands.demo import DEMO_ACCOUNTS
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.toegang import beleid
from leerplicht.toegang.models import Medewerker

pytestmark = pytest.mark.django_db


def test_demo_accounts_met_rol_en_gemeenten(tmp_path, settings, django_user_model):
    settings.VAR_DIR = tmp_path
    for code, naam in (("GM9002", "Tweedorp"), ("GM9001", "Eendorp")):
        gemeente = Gemeente.objects.create(code=code, naam=naam)
        Persoon.objects.create(id=f"P{code}", geboortedatum="2015-01-01", gemeente=gemeente)
    uit = StringIO()
    call_command("demo", zonder_server=True, stdout=uit, stderr=StringIO())

    assert {a.toegangsrol for a in DEMO_ACCOUNTS} == set(Rol)  # every rol, privacy officer too
    rollen = {
        m.gebruiker.username: (m.rol, sorted(m.gemeenten.values_list("code", flat=True)))
        for m in Medewerker.objects.select_related("gebruiker")
    }
    assert rollen["privacy"] == (Rol.PRIVACY_OFFICER, ["GM9001", "GM9002"])
    assert rollen["lpa"] == (Rol.LEERPLICHTAMBTENAAR, ["GM9001", "GM9002"])
    assert rollen["dsp"] == (Rol.CONSULENT_DOORSTROOMPUNT, ["GM9001", "GM9002"])
    assert rollen["beleid"] == (Rol.BELEIDSMEDEWERKER, ["GM9001"])
    assert "alleen Eendorp" in uit.getvalue()
    assert "privacy" in uit.getvalue()

    lpa = django_user_model.objects.get(username="lpa")
    assert beleid.personen_voor(lpa).count() == 2
    assert not beleid.personen_voor(django_user_model.objects.get(username="beleid")).exists()


def test_rol_wordt_bij_elke_start_hersteld(tmp_path, settings, django_user_model):
    settings.VAR_DIR = tmp_path
    gemeente = Gemeente.objects.create(code="GM9001", naam="Eendorp")
    Persoon.objects.create(id="P1", geboortedatum="2015-01-01", gemeente=gemeente)
    call_command("demo", zonder_server=True, stdout=StringIO(), stderr=StringIO())
    medewerker = Medewerker.objects.get(gebruiker__username="beheer")
    medewerker.rol = Rol.TEAMMANAGER
    medewerker.save()
    medewerker.gemeenten.clear()
    call_command("demo", zonder_server=True, stdout=StringIO(), stderr=StringIO())
    medewerker.refresh_from_db()
    assert medewerker.rol == Rol.APPLICATIEBEHEERDER
    assert list(medewerker.gemeenten.values_list("code", flat=True)) == ["GM9001"]
