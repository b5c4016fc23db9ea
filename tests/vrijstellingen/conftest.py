"""Fixtures of the vrijstellingen tests: a gemeente, a child, and a medewerker per rol."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from leerplicht.domein.bsn import test_bsn as geldig_bsn
from leerplicht.domein.rollen import Rol
from leerplicht.toegang.models import Medewerker
from portaal.fabrieken import GemeenteFactory, PersoonFactory


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing (see portaal)."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))


@pytest.fixture(autouse=True)
def duo_map(settings, tmp_path) -> Path:
    settings.LEERPLICHT_DUO_MAP = tmp_path / "duo"
    settings.LEERPLICHT_DUO_KOPPELING = "leerplicht.duo.bestanden.Bestandskoppeling"
    return settings.LEERPLICHT_DUO_MAP


@pytest.fixture
def gemeente(db):
    return GemeenteFactory(code="GM0801", naam="Vrijdorp")


@pytest.fixture
def ander(db):
    return GemeenteFactory(code="GM0802", naam="Elders")


@pytest.fixture
def kind(gemeente):
    return PersoonFactory(id="KIND1", bsn=next(b for n in range(41, 70) if (b := geldig_bsn(n))), geboortedatum=date(2014, 5, 5),
                          gemeente=gemeente)  # fmt: skip


@pytest.fixture
def medewerker(gemeente):
    def maak(rol: Rol, naam: str | None = None):
        gebruiker = get_user_model().objects.create_user(naam or rol.value)
        Medewerker.objects.create(gebruiker=gebruiker, rol=rol).gemeenten.set([gemeente])
        return gebruiker

    return maak


@pytest.fixture
def lpa(medewerker):
    return medewerker(Rol.LEERPLICHTAMBTENAAR)


@pytest.fixture
def administratie(medewerker):
    return medewerker(Rol.ADMINISTRATIEF_MEDEWERKER)
