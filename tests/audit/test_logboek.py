"""registreer: who, what, from where; the chain; append-only in the model and the database."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from audit.medewerkers import maak_medewerker
from leerplicht.audit.keten import BEGIN_HASH, bereken_hash
from leerplicht.audit.logboek import registreer, vingerafdruk
from leerplicht.audit.models import AuditlogAlleenAanvullen, Auditregel, Ketenkop
from leerplicht.domein.rollen import Rol

pytestmark = pytest.mark.django_db

BSN = "999990019"


def _verzoek(gebruiker=None, ip: str = "192.0.2.7"):
    request = RequestFactory().get("/personen/P000001/", REMOTE_ADDR=ip)
    request.user = gebruiker or AnonymousUser()
    return request


def test_regels_vormen_een_keten():
    eerste = registreer("inzien", object_type="persoon", object_id="P1")
    tweede = registreer("inzien", object_type="persoon", object_id="P2")
    assert (eerste.volgnummer, tweede.volgnummer) == (1, 2)
    assert eerste.vorige_hash == BEGIN_HASH
    assert tweede.vorige_hash == eerste.hash
    opgeslagen = Auditregel.objects.values().get(volgnummer=2)
    assert bereken_hash(opgeslagen) == tweede.hash
    kop = Ketenkop.objects.get()
    assert (kop.volgnummer, kop.hash) == (2, tweede.hash)


def test_wie_en_vanwaar_uit_het_verzoek():
    lpa = maak_medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    regel = registreer(
        "inzien",
        request=_verzoek(lpa),
        object_type="persoon",
        object_id="P000001",
        velden=["bsn", "geboortedatum"],
    )
    regel = Auditregel.objects.get(pk=regel.pk)
    assert regel.gebruiker_id == lpa.pk
    assert regel.gebruikersnaam == "lpa.jansen"
    assert regel.rol == "leerplichtambtenaar"
    assert regel.ip_adres == "192.0.2.7"
    assert regel.persoon_id == "P000001"
    assert regel.velden == ["bsn", "geboortedatum"]
    assert regel.voor is None and regel.na is None


def test_een_veldnaam_als_tekst():
    assert registreer("inzien", velden="bsn").velden == ["bsn"]


def test_ipv6_en_onzin_als_adres():
    assert registreer("inzien", request=_verzoek(ip="2001:db8::1")).ip_adres == "2001:db8::1"
    assert registreer("inzien", request=_verzoek(ip="geen-adres")).ip_adres == ""


def test_gebruiker_zonder_rol_en_systeem():
    zonder = maak_medewerker("iemand", None)
    regel = registreer("inzien", gebruiker=zonder)
    assert (regel.gebruikersnaam, regel.rol, regel.ip_adres) == ("iemand", "", "")
    systeem = registreer("importeren")
    assert systeem.gebruiker_id is None
    assert systeem.gebruikersnaam.startswith("systeem:")


def test_bsn_nooit_leesbaar_in_voor_en_na():
    regel = registreer(
        "wijzigen",
        object_type="persoon",
        object_id="P1",
        velden=["bsn", "geboortedatum"],
        voor={"bsn": BSN, "geboortedatum": "2012-01-01"},
        na={"bsn": None, "geboortedatum": "2012-01-02"},
    )
    rij = Auditregel.objects.values().get(pk=regel.pk)
    assert BSN not in json.dumps(rij, default=str)
    assert rij["voor"] == {"bsn": vingerafdruk(BSN), "geboortedatum": "2012-01-01"}
    assert rij["na"] == {"bsn": None, "geboortedatum": "2012-01-02"}


def test_vingerafdruk_is_gesleuteld_en_stabiel(settings):
    import hashlib

    assert vingerafdruk(BSN) == vingerafdruk(BSN)
    assert vingerafdruk(BSN) != vingerafdruk("999990020")
    assert hashlib.sha256(BSN.encode()).hexdigest()[:24] not in vingerafdruk(BSN)
    eerst = vingerafdruk(BSN)
    settings.SECRET_KEY = "een-andere-sleutel-" + "y" * 40
    assert vingerafdruk(BSN) != eerst


def test_waarden_als_json_ook_datums():
    from datetime import date
    from decimal import Decimal

    regel = registreer(
        "wijzigen",
        voor={"geboortedatum": date(2012, 2, 29), "bedrag": Decimal("1.50")},
        na={"geboortedatum": date(2012, 3, 1), "bedrag": None},
        toelichting={"aantallen": (1, 2)},
    )
    rij = Auditregel.objects.values("voor", "na", "toelichting").get(pk=regel.pk)
    assert rij == {
        "voor": {"geboortedatum": "2012-02-29", "bedrag": "1.50"},
        "na": {"geboortedatum": "2012-03-01", "bedrag": None},
        "toelichting": {"aantallen": [1, 2]},
    }


def test_model_weigert_wijzigen_en_verwijderen():
    regel = registreer("inzien", object_type="persoon", object_id="P1")
    regel.actie = "iets anders"
    with pytest.raises(AuditlogAlleenAanvullen):
        regel.save()
    with pytest.raises(AuditlogAlleenAanvullen):
        regel.delete()
    with pytest.raises(AuditlogAlleenAanvullen):
        Auditregel.objects.filter(pk=regel.pk).update(actie="x")
    with pytest.raises(AuditlogAlleenAanvullen):
        Auditregel.objects.all().delete()
    assert Auditregel.objects.get(pk=regel.pk).actie == "inzien"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditregel SET actie = 'verzonnen'",
        "UPDATE audit_auditregel SET hash = 'x' WHERE volgnummer = 1",
        "DELETE FROM audit_auditregel",
        "DELETE FROM audit_auditregel WHERE volgnummer = 1",
        "DELETE FROM audit_ketenkop",
        "UPDATE audit_ketenkop SET volgnummer = 0",
    ],
)
def test_database_weigert_wijzigen_en_verwijderen(sql):
    registreer("inzien", object_type="persoon", object_id="P1")
    with (
        pytest.raises(DatabaseError, match="alleen aan te vullen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert Auditregel.objects.filter(actie="inzien").count() == 1
    assert Ketenkop.objects.get().volgnummer == 1


def test_postgresql_weigert_ook_truncate():
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE bestaat alleen op PostgreSQL")
    registreer("inzien")
    with (
        pytest.raises(DatabaseError, match="alleen aan te vullen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("TRUNCATE audit_auditregel CASCADE")
    assert Auditregel.objects.count() == 1


def test_regel_in_teruggedraaide_transactie_verdwijnt_mee():
    registreer("inzien")
    with pytest.raises(RuntimeError), transaction.atomic():
        registreer("wijzigen")
        raise RuntimeError
    volgende = registreer("inzien")
    assert volgende.volgnummer == 2
    assert list(Auditregel.objects.values_list("actie", flat=True).order_by("pk")) == [
        "inzien",
        "inzien",
    ]
