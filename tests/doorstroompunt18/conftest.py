"""Fixtures of the 18+ tests: one gemeente with an mbo school, a consulent and a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente, Persoon, School
from leerplicht.toegang.models import Medewerker


@dataclass
class Regio18:
    gemeente: Gemeente
    andere: Gemeente
    mbo: School
    consulent: object
    persoon: Persoon


@pytest.fixture
def regio18(db) -> Regio18:
    gemeente = Gemeente.objects.create(code="GM9401", naam="Beekdal")
    andere = Gemeente.objects.create(code="GM9402", naam="Zandhoek")
    mbo = School.objects.create(
        id="41CC", brin="41CC", naam="ROC Beekdal", onderwijssoort="mbo", gemeente=gemeente
    )
    gebruiker = get_user_model().objects.create_user("dsp.de.boer")
    m = Medewerker.objects.create(gebruiker=gebruiker, rol=Rol.CONSULENT_DOORSTROOMPUNT)
    m.gemeenten.set([gemeente])
    persoon = Persoon.objects.create(
        id="P18", bsn=test_bsn(71), geboortedatum=date(2005, 4, 1), gemeente=gemeente
    )
    return Regio18(gemeente, andere, mbo, gebruiker, persoon)
