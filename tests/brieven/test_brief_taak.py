"""A letter made by the background worker (issue 12, findings 6 and 8): the audit log names
the medewerker who asked for it (not the system) and the person, and the task fetches the
case again through that medewerker's scope, so a letter asked for before the gemeente was
taken away (or the account closed) is never made."""

from __future__ import annotations

import pytest
from django.test import Client

from brieven.brief_hulp import GEGEVENS, maak_medewerker, maak_zaak
from leerplicht.audit.models import Auditregel
from leerplicht.brieven.tasks import GEWEIGERD, brief_versturen
from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Document, Gebeurtenis, Interventie

pytestmark = pytest.mark.django_db

#: The database queue of production, without a worker: the test runs the task itself.
WACHTRIJ = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def zaak():
    return maak_zaak()


@pytest.fixture
def medewerker(zaak):
    return maak_medewerker("lpa", Rol.LEERPLICHTAMBTENAAR, zaak.gemeente)


@pytest.fixture
def wachtrij(settings):
    settings.TASKS = WACHTRIJ
    backend = brief_versturen.get_backend()
    backend.clear()
    return backend


def _vraag_brief_aan(client: Client, zaak, soort: str = "waarschuwing") -> dict:
    """Ask for a letter on the werkproces page; returns the queued task's arguments."""
    antwoord = client.post(
        f"/brieven/werkproces/{zaak.werkproces.pk}/",
        {"soort": soort, "versie": zaak.werkproces.versie, **GEGEVENS},
    )
    assert antwoord.status_code == 302
    [taak] = brief_versturen.get_backend().results
    return taak.kwargs


@pytest.fixture
def aanvraag(wachtrij, zaak, medewerker, met_tweede_factor) -> dict:
    argumenten = _vraag_brief_aan(met_tweede_factor(Client(), medewerker), zaak)
    assert argumenten["door_id"] == medewerker.pk
    assert argumenten["op_de_achtergrond"] is True
    assert not Document.objects.exists()  # nothing yet: the worker makes it
    return argumenten


def test_brief_van_de_werker_staat_in_het_log_op_naam_van_de_medewerker(aanvraag, zaak, medewerker):
    eerder = Auditregel.objects.order_by("-volgnummer").values_list("volgnummer", flat=True)[0]
    uitkomst = brief_versturen.call(**aanvraag)  # as the worker does: no web request
    document = Document.objects.get(pk=uitkomst["document"])
    regels = list(Auditregel.objects.filter(volgnummer__gt=eerder))
    soorten = {(r.actie, r.object_type) for r in regels}
    assert {("aanmaken", "document"), ("aanmaken", "interventie")} <= soorten
    for regel in regels:
        assert (regel.gebruiker_id, regel.gebruikersnaam) == (medewerker.pk, "lpa"), regel
        assert regel.rol == Rol.LEERPLICHTAMBTENAAR.value
        assert regel.persoon_id == zaak.persoon.pk, regel
    assert Auditregel.objects.get(
        actie="aanmaken", object_type="document", object_id=str(document.pk)
    )


def test_geen_brief_als_de_gemeente_intussen_is_afgenomen(aanvraag, zaak, medewerker):
    medewerker.medewerker.gemeenten.clear()
    uitkomst = brief_versturen.call(**aanvraag)
    assert uitkomst == {"fout": GEWEIGERD, "velden": {}, "conflict": False, "geweigerd": True}
    assert not Document.objects.exists()
    assert not Interventie.objects.exists()
    assert not Gebeurtenis.objects.filter(werkproces=zaak.werkproces).exists()
    weigering = Auditregel.objects.get(actie="geweigerd")
    assert (weigering.object_type, weigering.object_id) == ("werkproces", zaak.werkproces.pk)
    assert weigering.persoon_id == zaak.persoon.pk
    assert (weigering.gebruiker_id, weigering.gebruikersnaam) == (medewerker.pk, "lpa")
    assert weigering.toelichting["regel"] == "brief_buiten_bereik"


def test_geen_brief_als_het_account_inactief_is(aanvraag, medewerker):
    medewerker.is_active = False
    medewerker.save()
    assert brief_versturen.call(**aanvraag)["geweigerd"] is True
    assert not Document.objects.exists()
    assert Auditregel.objects.filter(actie="geweigerd").count() == 1


def test_geen_brief_als_het_account_weg_is(aanvraag, medewerker):
    medewerker.delete()
    assert brief_versturen.call(**aanvraag)["geweigerd"] is True
    assert not Document.objects.exists()
    weigering = Auditregel.objects.get(actie="geweigerd")
    assert weigering.toelichting["gebruiker_id"] == aanvraag["door_id"]


def test_geen_brief_voor_een_werkproces_van_een_andere_gemeente(zaak, medewerker):
    ander = maak_zaak("GM9304", "Zaltbommel")
    uitkomst = brief_versturen.call(
        soort="kennisgevingsbrief",
        door_id=medewerker.pk,
        gegevens=GEGEVENS,
        werkproces_id=ander.werkproces.pk,
    )
    assert uitkomst["geweigerd"] is True
    assert not Document.objects.exists()


def test_werkproces_inzien_logt_de_persoon(zaak, medewerker, met_tweede_factor):
    client = met_tweede_factor(Client(), medewerker)
    assert client.get(f"/brieven/werkproces/{zaak.werkproces.pk}/").status_code == 200
    regel = Auditregel.objects.get(actie="inzien", object_type="werkproces")
    assert regel.object_id == zaak.werkproces.pk
    assert regel.persoon_id == zaak.persoon.pk
    assert regel.gebruikersnaam == "lpa"
