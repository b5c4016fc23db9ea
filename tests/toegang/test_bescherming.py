"""View protection: anonymous -> login, wrong rol -> 403, other gemeente -> 404; closed by default."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import include, path
from toegangswereld import ZONDER_ROL, Wereld, aangemeld

from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Persoon
from leerplicht.toegang.bescherming import (
    AUDITROLLEN,
    BEHEERROLLEN,
    CIJFERROLLEN,
    DOSSIERROLLEN,
    object_of_404,
    vereist_dossiertoegang,
    vereist_rol,
)

pytestmark = pytest.mark.django_db


def _view(request):
    return HttpResponse("binnen")


def _verzoek(gebruiker=None):
    request = RequestFactory().get("/ergens/?a=1")
    request.user = gebruiker or AnonymousUser()
    return request


def test_rollensets():
    assert {
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.LEERPLICHTAMBTENAAR,
        Rol.CONSULENT_DOORSTROOMPUNT,
        Rol.TEAMMANAGER,
    } == DOSSIERROLLEN
    assert Rol.BELEIDSMEDEWERKER in CIJFERROLLEN
    assert Rol.APPLICATIEBEHEERDER not in CIJFERROLLEN
    assert {Rol.PRIVACY_OFFICER} == AUDITROLLEN
    assert {Rol.APPLICATIEBEHEERDER} == BEHEERROLLEN


def test_anoniem_naar_inloggen():
    antwoord = vereist_rol(Rol.TEAMMANAGER)(_view)(_verzoek())
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/?next=/ergens/%3Fa%3D1"


def test_andere_rol_403(wereld: Wereld):
    beschermd = vereist_rol(Rol.TEAMMANAGER)(_view)
    with pytest.raises(PermissionDenied):
        beschermd(_verzoek(wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]))
    with pytest.raises(PermissionDenied):
        beschermd(_verzoek(wereld.gebruikers[ZONDER_ROL]))
    assert beschermd(_verzoek(wereld.gebruikers[Rol.TEAMMANAGER])).content == b"binnen"
    assert beschermd.toegestane_rollen == {Rol.TEAMMANAGER}


@pytest.mark.parametrize("rol", list(Rol))
def test_vereist_dossiertoegang(wereld: Wereld, rol):
    beschermd = vereist_dossiertoegang(_view)
    if rol in DOSSIERROLLEN:
        assert beschermd(_verzoek(wereld.gebruikers[rol])).status_code == 200
    else:
        with pytest.raises(PermissionDenied):
            beschermd(_verzoek(wereld.gebruikers[rol]))


def test_vereist_rol_zonder_rollen_kan_niet():
    with pytest.raises(ValueError, match="zonder rollen"):
        vereist_rol()


def test_object_van_andere_gemeente_is_404(wereld: Wereld):
    lpa = wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]
    assert object_of_404(lpa, Persoon, pk="EIGENKIND").pk == "EIGENKIND"
    with pytest.raises(Http404):
        object_of_404(lpa, Persoon, pk="ANDERKIND")
    with pytest.raises(Http404):
        object_of_404(lpa, Persoon, pk="BESTAAT-NIET")


def _nieuwe_view(request):
    return HttpResponse("vergeten te beschermen")


urlpatterns = [path("nieuw/", _nieuwe_view), path("", include("leerplicht.urls"))]


@override_settings(ROOT_URLCONF=__name__)
def test_nieuwe_view_is_standaard_dicht(wereld: Wereld):
    """LoginRequiredMiddleware: a view nobody protected still needs a signed-in user."""
    antwoord = aangemeld(None).get("/nieuw/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/")
    assert aangemeld(wereld.gebruikers[ZONDER_ROL]).get("/nieuw/").status_code == 200
