"""Issue 13 item 8: a withdrawal after the year closed does not change that year's figures.

A 5 onder a granted on 15 March 2025 and withdrawn per 1 September 2025: the 2024-2025
figures (sent to OCW in October) keep counting the grant; the withdrawal is a new fact
with its own date.
"""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, maak_rapport
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.toegang.models import Medewerker
from leerplicht.vrijstellingen import diensten
from leerplicht.vrijstellingen.models import Vrijstelling
from portaal.fabrieken import GemeenteFactory, PersoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def duo_map(settings, tmp_path):
    settings.LEERPLICHT_DUO_MAP = tmp_path / "duo"
    settings.LEERPLICHT_DUO_KOPPELING = "leerplicht.duo.bestanden.Bestandskoppeling"


@pytest.fixture
def gemeente():
    return GemeenteFactory(code="GM0801", naam="Vrijdorp")


@pytest.fixture
def lpa(gemeente):
    gebruiker = get_user_model().objects.create_user("lpa")
    Medewerker.objects.create(gebruiker=gebruiker, rol=Rol.LEERPLICHTAMBTENAAR).gemeenten.set(
        [gemeente]
    )
    return gebruiker


def cijfers(jaar: int) -> dict:
    return maak_rapport(Schooljaar(jaar), gemeenten=ALLE_GEMEENTEN)["gemeenten"]["GM0801"]


def toegekend_en_ingetrokken(lpa, gemeente) -> Vrijstelling:
    kind = PersoonFactory(id="KIND1", geboortedatum=date(2014, 5, 5), gemeente=gemeente)
    v = diensten.registreer_vrijstelling(
        lpa, persoon=kind, gemeente=gemeente, grond="5a", aangevraagd=date(2025, 3, 1),
        geldig_van=date(2025, 3, 17),
    )  # fmt: skip
    v = diensten.leg_verklaring_vast(lpa, v, versie=v.versie, datum=date(2025, 2, 20), door="arts")
    v = diensten.besluit_vrijstelling(
        lpa, v, versie=v.versie, besluit="toegekend", besluitdatum=date(2025, 3, 15),
        motivering="Verklaring GGD-jeugdarts.",
    ).vrijstelling  # fmt: skip
    return diensten.trek_in(
        lpa, v, versie=v.versie, per=date(2025, 9, 1), motivering="Terug naar school"
    )


def test_intrekking_na_het_jaar_verandert_de_cijfers_van_dat_jaar_niet(lpa, gemeente):
    v = toegekend_en_ingetrokken(lpa, gemeente)
    g = cijfers(2024)
    assert g["vrijstellingen"]["5a"] == {"behandeld": 1, "toegekend": 1, "afgewezen": 0}
    assert g["leerplichttelling"]["vrijstelling_5a"]["totaal"] == 1
    # The withdrawal is a fact of its own; the grant keeps its decision date.
    v = Vrijstelling.objects.get(pk=v.pk)
    assert (v.besluit, v.besluitdatum, v.ingetrokken_per) == (
        "ingetrokken", date(2025, 3, 15), date(2025, 9, 1),
    )  # fmt: skip
    # The next year has no new decision: nothing counted there.
    volgend = cijfers(2025)
    assert volgend["vrijstellingen"]["5a"] == {"behandeld": 0, "toegekend": 0, "afgewezen": 0}
    assert volgend["leerplichttelling"]["vrijstelling_5a"]["totaal"] == 0


def test_migratie_vindt_de_datum_van_eerdere_intrekkingen(lpa, gemeente):
    v = toegekend_en_ingetrokken(lpa, gemeente)
    Vrijstelling.objects.filter(pk=v.pk).update(ingetrokken_per=None)  # as before the field
    assert cijfers(2024)["vrijstellingen"]["5a"]["toegekend"] == 0
    migratie = importlib.import_module("leerplicht.vrijstellingen.migrations.0006_ingetrokken_per")
    migratie.zet_ingetrokken_per(apps, None)
    assert Vrijstelling.objects.get(pk=v.pk).ingetrokken_per == date(2025, 9, 1)
    assert cijfers(2024)["vrijstellingen"]["5a"]["toegekend"] == 1
