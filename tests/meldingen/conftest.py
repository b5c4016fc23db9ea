"""Fixtures of the meldingen tests: one gemeente with a school, and a medewerker per rol
of the casework."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente, School
from leerplicht.toegang.models import Medewerker


@dataclass
class Regio:
    gemeente: Gemeente
    andere: Gemeente
    school: School
    mbo: School
    administratie: object
    lpa: object
    lpa_mbo: object
    teammanager: object
    consulent: object


def _medewerker(naam: str, rol: Rol, gemeenten: list[Gemeente]):
    gebruiker = get_user_model().objects.create_user(naam)
    m = Medewerker.objects.create(gebruiker=gebruiker, rol=rol)
    m.gemeenten.set(gemeenten)
    return gebruiker


@pytest.fixture
def regio(db) -> Regio:
    gemeente = Gemeente.objects.create(code="GM9301", naam="Rivierdorp")
    andere = Gemeente.objects.create(code="GM9302", naam="Heuvelstad")
    school = School.objects.create(
        id="31AA00", brin="31AA", vestiging="00", naam="Het Baken", onderwijssoort="vo",
        gemeente=gemeente,
    )  # fmt: skip
    mbo = School.objects.create(
        id="31BB", brin="31BB", naam="ROC Rivier", onderwijssoort="mbo", gemeente=gemeente
    )
    return Regio(
        gemeente=gemeente,
        andere=andere,
        school=school,
        mbo=mbo,
        administratie=_medewerker("admin.de.vries", Rol.ADMINISTRATIEF_MEDEWERKER, [gemeente]),
        lpa=_medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR, [gemeente]),
        lpa_mbo=_medewerker("lpa.mbo", Rol.LEERPLICHTAMBTENAAR, [gemeente]),
        teammanager=_medewerker("tm.bakker", Rol.TEAMMANAGER, [gemeente]),
        consulent=_medewerker("dsp.smit", Rol.CONSULENT_DOORSTROOMPUNT, [gemeente]),
    )


@pytest.fixture
def als(client, met_tweede_factor):
    """`als(gebruiker)`: the test client signed in as that user (with second factor)."""

    def aanmelden(gebruiker):
        return met_tweede_factor(client, gebruiker)

    return aanmelden


def pytest_collection_modifyitems(config, items):
    """WhiteNoise warns that STATIC_ROOT (made by collectstatic) is missing (see portaal)."""
    hier = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(hier):
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
