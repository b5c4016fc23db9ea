"""Audit entries about no person carry the gemeenten they concern (issue 12, finding 6).

A privacy officer sees such an entry only when working for every gemeente of it; an entry
of the whole installation (a system action) only an officer of every gemeente. And every
look at an object about a person carries that person's id.
"""

from __future__ import annotations

import pytest
from django.test import Client

from audit.medewerkers import aanmelden, maak_medewerker
from leerplicht.audit.keten import GEHASHTE_VELDEN, bereken_hash, controleer_keten
from leerplicht.audit.logboek import registreer
from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from portaal.fabrieken import MeldingFactory

pytestmark = pytest.mark.django_db


def _zichtbaar(client, object_type: str) -> bool:
    return f"{object_type}" in client.get("/audit/").content.decode()


def test_inloggen_van_een_andere_gemeente_niet_zichtbaar(
    client, als_privacy_officer, andere_gemeente, eigen_gemeente
):
    ander = maak_medewerker("lpa.ander", Rol.LEERPLICHTAMBTENAAR, andere_gemeente)
    eigen = maak_medewerker("lpa.eigen", Rol.LEERPLICHTAMBTENAAR, eigen_gemeente)
    registreer("inloggen", gebruiker=ander)
    registreer("inloggen", gebruiker=eigen)
    html = als_privacy_officer.get("/audit/").content.decode()
    assert "lpa.eigen" in html
    assert "lpa.ander" not in html


def test_systeemregel_alleen_voor_privacy_officer_van_alle_gemeenten(
    client, eigen_gemeente, andere_gemeente
):
    registreer("importeren", object_type="uitwisselformaat")
    assert Auditregel.objects.get(object_type="uitwisselformaat").gemeenten == ""
    een = maak_medewerker("privacy.een", Rol.PRIVACY_OFFICER, eigen_gemeente)
    aanmelden(client, een)
    assert not _zichtbaar(client, "uitwisselformaat")
    beide = maak_medewerker("privacy.beide", Rol.PRIVACY_OFFICER, eigen_gemeente)
    beide.medewerker.gemeenten.add(andere_gemeente)
    aanmelden(client, beide)
    assert _zichtbaar(client, "uitwisselformaat")


def test_regel_van_twee_gemeenten_alleen_voor_wie_beide_heeft(
    client, eigen_gemeente, andere_gemeente
):
    registreer("importeren", object_type="tweegemeenten", gemeenten=["GM9001", "GM9002"])
    een = maak_medewerker("privacy.een", Rol.PRIVACY_OFFICER, eigen_gemeente)
    aanmelden(client, een)
    assert not _zichtbaar(client, "tweegemeenten")
    registreer("importeren", object_type="eengemeente", gemeenten=["GM9001"])
    assert _zichtbaar(client, "eengemeente")


def test_mislukt_inloggen_op_een_account_bij_de_gemeente_van_dat_account(
    client, als_privacy_officer, andere_gemeente
):
    maak_medewerker("lpa.ander", Rol.LEERPLICHTAMBTENAAR, andere_gemeente)
    Client().post("/inloggen/", {"username": "lpa.ander", "password": "fout-wachtwoord-123"})
    regel = Auditregel.objects.filter(actie="inloggen_mislukt").latest("volgnummer")
    assert regel.gemeenten == ",GM9002,"
    assert "inloggen mislukt" not in als_privacy_officer.get("/audit/").content.decode()


def test_meldingpagina_logt_de_persoon(client, eigen_gemeente):
    melding = MeldingFactory(gemeente=eigen_gemeente, persoon__gemeente=eigen_gemeente)
    aanmelden(client, maak_medewerker("adm", Rol.ADMINISTRATIEF_MEDEWERKER, eigen_gemeente))
    assert client.get(f"/meldingen/{melding.pk}/").status_code == 200
    regel = Auditregel.objects.filter(actie="inzien", object_type="melding").latest("volgnummer")
    assert regel.persoon_id == melding.persoon_id


def test_keten_intact_met_en_zonder_gemeenten(eigen_gemeente):
    registreer("importeren", object_type="oud")  # no gemeenten: hashes as before the field
    registreer("importeren", object_type="nieuw", gemeenten=["GM9001"])
    assert controleer_keten().intact
    regel = Auditregel.objects.get(object_type="nieuw")
    inhoud = {veld: getattr(regel, veld) for veld in GEHASHTE_VELDEN}
    assert bereken_hash(inhoud) == regel.hash
    # The gemeenten are covered by the hash: another set would not verify.
    assert bereken_hash({**inhoud, "gemeenten": ",GM9002,"}) != regel.hash
    assert bereken_hash({**inhoud, "gemeenten": ""}) != regel.hash
