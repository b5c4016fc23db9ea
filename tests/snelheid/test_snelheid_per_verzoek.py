"""What a page asks once per request: the medewerker's gemeenten and the persons filter.

The cache lives only inside `beleid.per_verzoek` (opened per request by the
middleware) and is emptied when a medewerker or their gemeenten change, so an access
decision is never taken on stale data.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanmelden.aanmeldfabrieken import MedewerkerFactory
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid
from portaal.fabrieken import GemeenteFactory, PersoonFactory

pytestmark = pytest.mark.django_db


def _medewerker(*gemeenten):
    medewerker = MedewerkerFactory(rol=Rol.LEERPLICHTAMBTENAAR)
    medewerker.gemeenten.set(gemeenten)
    return medewerker


def _vragen(functie) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as vragen:
        uitkomst = functie()
    return uitkomst, len(vragen)


def test_binnen_een_verzoek_eenmaal_gevraagd():
    a = GemeenteFactory()
    gebruiker = _medewerker(a).gebruiker
    beleid.gemeenten_van(gebruiker)  # loads the medewerker on the user (Django's own cache)
    with beleid.per_verzoek():
        eerste, n1 = _vragen(lambda: beleid.gemeenten_van(gebruiker))
        tweede, n2 = _vragen(lambda: beleid.gemeenten_van(gebruiker))
    assert eerste == tweede == frozenset({a.code})
    assert (n1, n2) == (1, 0)


def test_buiten_een_verzoek_altijd_opnieuw():
    a = GemeenteFactory()
    gebruiker = _medewerker(a).gebruiker
    beleid.gemeenten_van(gebruiker)
    _, n1 = _vragen(lambda: beleid.gemeenten_van(gebruiker))
    _, n2 = _vragen(lambda: beleid.gemeenten_van(gebruiker))
    assert (n1, n2) == (1, 1)


def test_gewijzigde_gemeenten_meteen_zichtbaar_ook_binnen_het_verzoek():
    a, b = GemeenteFactory(), GemeenteFactory()
    medewerker = _medewerker(a)
    gebruiker = medewerker.gebruiker
    with beleid.per_verzoek():
        assert beleid.gemeenten_van(gebruiker) == {a.code}
        medewerker.gemeenten.add(b)
        assert beleid.gemeenten_van(gebruiker) == {a.code, b.code}
        medewerker.gemeenten.remove(a)
        assert beleid.gemeenten_van(gebruiker) == {b.code}
        medewerker.gemeenten.clear()
        assert beleid.gemeenten_van(gebruiker) == frozenset()
        assert not beleid.personen_voor(gebruiker).exists()


def test_andere_rol_binnen_het_verzoek_geldt_meteen():
    a = GemeenteFactory()
    PersoonFactory(gemeente=a)
    medewerker = _medewerker(a)
    gebruiker = medewerker.gebruiker
    with beleid.per_verzoek():
        assert beleid.personen_voor(gebruiker).count() == 1
        medewerker.rol = Rol.BELEIDSMEDEWERKER
        medewerker.save()
        assert beleid.personen_voor(gebruiker).count() == 0


def test_twee_medewerkers_in_een_verzoek_los_van_elkaar():
    a, b = GemeenteFactory(), GemeenteFactory()
    pa, pb = PersoonFactory(gemeente=a), PersoonFactory(gemeente=b)
    van_a, van_b = _medewerker(a).gebruiker, _medewerker(b).gebruiker
    with beleid.per_verzoek():
        assert list(beleid.personen_voor(van_a).values_list("pk", flat=True)) == [pa.pk]
        assert list(beleid.personen_voor(van_b).values_list("pk", flat=True)) == [pb.pk]
        assert beleid.gemeenten_van(van_a) == {a.code}
        assert beleid.gemeenten_van(van_b) == {b.code}


def test_bewaard_personenfilter_wordt_niet_aangetast_door_wie_het_gebruikt():
    a = GemeenteFactory()
    p1, p2 = PersoonFactory(gemeente=a), PersoonFactory(gemeente=a)
    gebruiker = _medewerker(a).gebruiker
    with beleid.per_verzoek():
        eerste = beleid.personen_voor(gebruiker)
        assert list(eerste.filter(pk=p1.pk)) == [p1]  # a filter on a copy...
        assert sorted(beleid.personen_voor(gebruiker).values_list("pk", flat=True)) == sorted(
            [p1.pk, p2.pk]
        )  # ...leaves the kept filter whole
        assert eerste is not beleid.personen_voor(gebruiker)
        list(eerste)  # evaluating one copy caches nothing for the next
        nieuw = PersoonFactory(gemeente=a)
        assert beleid.mag_zien(gebruiker, nieuw)
        assert beleid.personen_voor(gebruiker).count() == 3


def test_binnen_een_verzoek_even_streng_als_erbuiten():
    a, b = GemeenteFactory(), GemeenteFactory()
    PersoonFactory(gemeente=a)
    andere = PersoonFactory(gemeente=b)
    gebruiker = _medewerker(a).gebruiker
    buiten = set(beleid.personen_voor(gebruiker).values_list("pk", flat=True))
    with beleid.per_verzoek():
        binnen = set(beleid.personen_voor(gebruiker).values_list("pk", flat=True))
        assert not beleid.mag_zien(gebruiker, andere)
    assert binnen == buiten
    assert andere.pk not in binnen
    assert Persoon.objects.count() == 2


def test_middleware_opent_een_verzoekscope():
    gezien = []

    def view(request):
        gezien.append(beleid._per_verzoek.get())
        return "antwoord"

    assert beleid.PerVerzoekMiddleware(view)(object()) == "antwoord"
    assert gezien == [{}]
    assert beleid._per_verzoek.get() is None  # closed again after the request
