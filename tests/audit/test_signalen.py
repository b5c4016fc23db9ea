"""Entries from signals: sign-in, failed sign-in, sign-out, and ORM changes to person data."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from audit.medewerkers import WACHTWOORD, maak_medewerker
from leerplicht.audit.logboek import bij_verzoek, vingerafdruk, zonder_wijzigingsregels
from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Inschrijving, Persoon, School
from portaal.fabrieken import (
    InterventieFactory,
    MeldingFactory,
    PersoonFactory,
    ThuiszitterFactory,
    VrijstellingFactory,
    VsvFactory,
    WerkprocesFactory,
)

pytestmark = pytest.mark.django_db


def _regels(actie: str | None = None):
    regels = Auditregel.objects.order_by("volgnummer")
    return list(regels.filter(actie=actie) if actie else regels)


# --- Sign-in ---------------------------------------------------------------------------


def test_inloggen_en_uitloggen(client):
    lpa = maak_medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    client.post("/inloggen/", {"username": "lpa.jansen", "password": WACHTWOORD})
    [ingelogd] = _regels("inloggen")
    assert (ingelogd.gebruiker_id, ingelogd.gebruikersnaam) == (lpa.pk, "lpa.jansen")
    assert ingelogd.rol == "leerplichtambtenaar"
    assert ingelogd.ip_adres == "127.0.0.1"
    client.post("/uitloggen/")
    [uitgelogd] = _regels("uitloggen")
    assert uitgelogd.gebruiker_id == lpa.pk


def test_mislukt_inloggen_bestaand_account(client):
    lpa = maak_medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    client.post("/inloggen/", {"username": "lpa.jansen", "password": "fout-wachtwoord-123"})
    [mislukt] = _regels("inloggen_mislukt")
    assert mislukt.gebruiker_id is None and mislukt.gebruikersnaam == ""
    assert (mislukt.object_type, mislukt.object_id) == ("gebruiker", str(lpa.pk))
    assert mislukt.ip_adres == "127.0.0.1"
    assert mislukt.toelichting == {
        "gebruikersnaam": vingerafdruk("lpa.jansen"),
        "stap": "wachtwoord",
    }
    assert not _regels("inloggen")


def test_mislukt_inloggen_bewaart_getypte_naam_niet(client):
    """A password typed in the name box must not end up readable in the log."""
    getypt = "Geheim-Wachtwoord-2026!"
    client.post("/inloggen/", {"username": getypt, "password": "nog-iets"})
    [mislukt] = _regels("inloggen_mislukt")
    assert (mislukt.object_type, mislukt.object_id) == ("", "")
    rij = Auditregel.objects.values().get(pk=mislukt.pk)
    assert getypt not in json.dumps(rij, default=str)
    assert "nog-iets" not in json.dumps(rij, default=str)
    assert mislukt.toelichting["gebruikersnaam"] == vingerafdruk(getypt)


def test_mislukte_tweede_factor(medewerker):
    """A wrong code after a good password (aanmelden sends user_login_failed for it)."""
    from django.contrib.auth.signals import user_login_failed

    lpa = medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    request = RequestFactory().post("/inloggen/code/", REMOTE_ADDR="203.0.113.9")
    request.user = lpa
    user_login_failed.send(sender=__name__, credentials={"username": "lpa.jansen"}, request=request)
    [mislukt] = _regels("inloggen_mislukt")
    assert (mislukt.object_id, mislukt.ip_adres) == (str(lpa.pk), "203.0.113.9")
    assert mislukt.toelichting["stap"] == "tweede_factor"
    assert mislukt.gebruikersnaam == ""


# --- Changes to person data ------------------------------------------------------------


def test_aanmaken_wijzigen_en_verwijderen_van_een_persoon():
    persoon = PersoonFactory(id="P0000042", bsn="999990019", geboortedatum=date(2012, 3, 4))
    [aangemaakt] = _regels("aanmaken")
    assert (aangemaakt.object_type, aangemaakt.object_id) == ("persoon", "P0000042")
    assert aangemaakt.persoon_id == "P0000042"
    assert "geboortedatum" in aangemaakt.velden
    assert aangemaakt.voor is None and aangemaakt.na is None  # no content on creation

    persoon.geboortedatum = date(2012, 3, 5)
    persoon.save()
    [gewijzigd] = _regels("wijzigen")
    assert gewijzigd.velden == ["geboortedatum"]
    assert gewijzigd.voor == {"geboortedatum": "2012-03-04"}
    assert gewijzigd.na == {"geboortedatum": "2012-03-05"}

    persoon.save()  # nothing changed: no entry
    assert len(_regels("wijzigen")) == 1

    persoon.delete()
    [verwijderd] = _regels("verwijderen")
    assert (verwijderd.object_type, verwijderd.object_id) == ("persoon", "P0000042")
    assert verwijderd.voor is None and verwijderd.velden == []


def test_bsn_wijziging_alleen_als_vingerafdruk():
    persoon = PersoonFactory(bsn="999990019")
    persoon.bsn = "999990020"
    persoon.save()
    [gewijzigd] = _regels("wijzigen")
    assert gewijzigd.velden == ["bsn"]
    assert gewijzigd.voor == {"bsn": vingerafdruk("999990019")}
    assert gewijzigd.na == {"bsn": vingerafdruk("999990020")}


def test_wijziging_met_tekst_als_datum_telt_niet_als_wijziging():
    persoon = PersoonFactory(geboortedatum=date(2012, 3, 4))
    opnieuw = Persoon.objects.get(pk=persoon.pk)
    opnieuw.geboortedatum = "2012-03-04"
    opnieuw.save()
    assert not _regels("wijzigen")


def test_opslaan_van_nieuw_object_met_bestaand_id_is_een_wijziging():
    persoon = PersoonFactory(geboortedatum=date(2012, 3, 4))
    Persoon(
        id=persoon.id, geboortedatum=date(2013, 1, 1), gemeente=persoon.gemeente, bsn=None
    ).save()
    [gewijzigd] = _regels("wijzigen")
    assert gewijzigd.velden == ["geboortedatum"]


@pytest.mark.parametrize(
    ("fabriek", "object_type"),
    [
        (MeldingFactory, "melding"),
        (WerkprocesFactory, "werkproces"),
        (VrijstellingFactory, "vrijstelling"),
        (ThuiszitterFactory, "thuiszitter"),
        (VsvFactory, "vsv"),
    ],
)
def test_elk_model_met_persoonsgegevens(fabriek, object_type):
    obj = fabriek()
    [aangemaakt] = [r for r in _regels("aanmaken") if r.object_type == object_type]
    assert aangemaakt.object_id == str(obj.pk)
    assert aangemaakt.persoon_id == obj.persoon_id


def test_inschrijving_en_interventie_horen_bij_hun_persoon():
    werkproces = WerkprocesFactory()
    school = School.objects.create(
        id="12AB00",
        brin="12AB",
        vestiging="00",
        naam="De Tol",
        onderwijssoort="bao",
        gemeente=werkproces.gemeente,
    )
    inschrijving = Inschrijving.objects.create(
        persoon=werkproces.persoon, school=school, van=date(2020, 8, 1)
    )
    interventie = InterventieFactory(werkproces=werkproces)
    interventie.soort = "waarschuwing"
    interventie.save()
    [ins] = [r for r in _regels("aanmaken") if r.object_type == "inschrijving"]
    assert (ins.object_id, ins.persoon_id) == (str(inschrijving.pk), werkproces.persoon_id)
    [gewijzigd] = _regels("wijzigen")
    assert gewijzigd.object_type == "interventie"
    assert gewijzigd.persoon_id == werkproces.persoon_id
    assert (gewijzigd.voor, gewijzigd.na) == ({"soort": "gesprek"}, {"soort": "waarschuwing"})


def test_cascade_geeft_een_regel_per_object():
    werkproces = WerkprocesFactory()
    InterventieFactory.create_batch(2, werkproces=werkproces)
    werkproces.delete()
    verwijderd = _regels("verwijderen")
    assert sorted(r.object_type for r in verwijderd) == ["interventie", "interventie", "werkproces"]
    assert {r.persoon_id for r in verwijderd} == {werkproces.persoon_id}


def test_wijziging_tijdens_een_verzoek_krijgt_gebruiker_en_adres():
    lpa = maak_medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.4")
    request.user = lpa
    with bij_verzoek(request):
        PersoonFactory()
    [aangemaakt] = _regels("aanmaken")
    assert (aangemaakt.gebruikersnaam, aangemaakt.ip_adres) == ("lpa.jansen", "198.51.100.4")


def test_anoniem_verzoek_is_geen_systeem():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4")
    request.user = AnonymousUser()
    with bij_verzoek(request):
        PersoonFactory()
    [aangemaakt] = _regels("aanmaken")
    assert (aangemaakt.gebruikersnaam, aangemaakt.ip_adres) == ("", "198.51.100.4")


def test_zonder_wijzigingsregels_voor_bulkbewerkingen():
    with zonder_wijzigingsregels():
        persoon = PersoonFactory()
        persoon.geboortedatum = date(2011, 1, 1)
        persoon.save()
        persoon.delete()
    assert not _regels()
    PersoonFactory()
    assert len(_regels("aanmaken")) == 1
