"""The school of a verlofaanvraag: one field of the register (register.schoolveld), the
same lookup as the toewijzingsregels of the meldingen, with the verlof page's message."""

from __future__ import annotations

import pytest
from django import forms

from leerplicht.register.models import School
from leerplicht.register.schoolveld import Schoolveld
from leerplicht.vrijstellingen.models import Verlofaanvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(gemeente):
    return School.objects.create(
        id="31AA00", brin="31AA", vestiging="00", naam="Het Baken", onderwijssoort="vo",
        gemeente=gemeente,
    )  # fmt: skip


class Formulier(forms.Form):
    school = Schoolveld(required=False)


def test_schoolveld(school):
    bekend = Formulier({"school": " 31aa00 "})
    assert bekend.is_valid() and bekend.cleaned_data["school"] == school
    leeg = Formulier({"school": ""})
    assert leeg.is_valid() and leeg.cleaned_data["school"] is None
    onbekend = Formulier({"school": "99zz00"})
    assert not onbekend.is_valid()
    assert onbekend.errors["school"] == ["School: 99ZZ00 staat niet in de leerplichtadministratie."]


@pytest.fixture
def client_lpa(client, lpa, met_tweede_factor):
    return met_tweede_factor(client, lpa)


def _verlof(kind, **velden) -> dict:
    return {"persoon": kind.pk, "gemeente": kind.gemeente_id,
            "soort": "gewichtige_omstandigheden", "aangevraagd": "2025-02-01",
            "van": "2025-03-03", "tot": "2025-03-21", "aantal_schooldagen": "15",
            "reden": "begrafenis in het buitenland"} | velden  # fmt: skip


def test_verlof_met_onbekende_school(client_lpa, kind, school):
    antwoord = client_lpa.post("/vrijstellingen/verlof/nieuw/", _verlof(kind, school="99ZZ00"))
    assert antwoord.status_code == 400
    assert "Onbekende school: gebruik BRIN en vestiging." in antwoord.content.decode()
    assert not Verlofaanvraag.objects.exists()


def test_verlof_met_school(client_lpa, kind, school):
    antwoord = client_lpa.post("/vrijstellingen/verlof/nieuw/", _verlof(kind, school="31aa00"))
    assert antwoord.status_code == 302
    assert Verlofaanvraag.objects.get().school == school
