"""Fixtures of the vsv tests: two gemeenten, an mbo school, and signed-in users."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client

from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente, School
from portaal.fabrieken import GemeenteFactory
from toegang.toegangswereld import aangemeld, maak_gebruiker


@dataclass
class Vsvregio:
    gemeente: Gemeente
    ander: Gemeente
    school: School
    consulent: Client
    consulent_ander: Client
    teammanager: Client
    lpa: Client


@pytest.fixture
def regio(db) -> Vsvregio:
    gemeente = GemeenteFactory(code="GM9401", naam="Vsvdorp")
    ander = GemeenteFactory(code="GM9402", naam="Elders")
    school = School.objects.create(
        id="94MB00", brin="94MB", vestiging="00", naam="Mbo Vsvdorp", onderwijssoort="mbo",
        gemeente=gemeente,
    )  # fmt: skip
    return Vsvregio(
        gemeente,
        ander,
        school,
        consulent=aangemeld(maak_gebruiker("consulent", Rol.CONSULENT_DOORSTROOMPUNT, [gemeente])),
        consulent_ander=aangemeld(
            maak_gebruiker("consulent2", Rol.CONSULENT_DOORSTROOMPUNT, [ander])
        ),
        teammanager=aangemeld(maak_gebruiker("teammanager", Rol.TEAMMANAGER, [gemeente])),
        lpa=aangemeld(maak_gebruiker("lpa", Rol.LEERPLICHTAMBTENAAR, [gemeente])),
    )


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing (see portaal)."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
