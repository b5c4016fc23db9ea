"""The start page per rol: figures of the own gemeenten only, and for the others what they can do."""

from __future__ import annotations

import re

import pytest
from toegangswereld import ZONDER_ROL, Wereld, aangemeld, maak_gebruiker

from leerplicht.domein.rollen import Rol
from leerplicht.toegang.uitleg import UITLEG
from leerplicht.toegang.uitleg import ZONDER_ROL as ZONDER_ROL_TEKST

pytestmark = pytest.mark.django_db


def _start(gebruiker) -> str:
    antwoord = aangemeld(gebruiker).get("/")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _rijkoppen(html: str) -> set[str]:
    return set(re.findall(r'<th scope="row" class="[^"]*">([^<]+)</th>', html))


def test_beleidsmedewerker_ziet_cijfers_van_de_eigen_gemeente(wereld: Wereld):
    html = _start(wereld.gebruikers[Rol.BELEIDSMEDEWERKER])
    assert "<table" in html
    assert _rijkoppen(html) == {"Eigendorp", "Totaal"}
    assert "Anderdorp" not in html
    assert UITLEG[Rol.BELEIDSMEDEWERKER] in html
    assert "U werkt voor: Eigendorp." in html


def test_meer_gemeenten_meer_rijen(wereld: Wereld):
    beide = maak_gebruiker("beleid.beide", Rol.BELEIDSMEDEWERKER, [wereld.eigen, wereld.ander])
    assert _rijkoppen(_start(beide)) == {"Eigendorp", "Anderdorp", "Totaal"}


@pytest.mark.parametrize("rol", [Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER])
def test_rollen_zonder_cijfers(wereld: Wereld, rol):
    html = _start(wereld.gebruikers[rol])
    assert "<table" not in html
    assert "Er zijn nog geen gegevens" not in html
    assert UITLEG[rol] in html
    assert "Een persoon zoeken" not in html


def test_zonder_rol(wereld: Wereld):
    html = _start(wereld.gebruikers[ZONDER_ROL])
    assert "<table" not in html
    assert ZONDER_ROL_TEKST in html


def test_dossierrol_krijgt_zoeklink(wereld: Wereld):
    html = _start(wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT])
    assert "<table" in html
    assert UITLEG[Rol.CONSULENT_DOORSTROOMPUNT] in html
    assert (
        '<a class="utrecht-link utrecht-link--html-a" href="/personen/">Een persoon zoeken</a>'
        in html
    )


def test_gemeente_zonder_personen_legt_uit_hoe_te_importeren(wereld: Wereld):
    from leerplicht.register.models import Gemeente

    leeg = Gemeente.objects.create(code="GM9299", naam="Leegdorp")
    html = _start(maak_gebruiker("beleid.leeg", Rol.BELEIDSMEDEWERKER, [leeg]))
    assert "Er zijn nog geen gegevens" in html
    assert "<table" not in html


def test_cijferrol_zonder_gemeente(wereld: Wereld):
    from leerplicht.toegang.uitleg import ZONDER_GEMEENTE

    html = _start(maak_gebruiker("lpa.nergens", Rol.LEERPLICHTAMBTENAAR, []))
    assert ZONDER_GEMEENTE in html
    assert "Er zijn nog geen gegevens" not in html
    assert "<table" not in html
