"""Fewer and shorter writes per page: the session's last activity at most once a minute,
and audit writers of one process queued in Python before SQLite's write lock."""

from __future__ import annotations

import time

import pytest
from django.db import connection, transaction

from aanmelden.aanmeldfabrieken import GebruikerFactory, met_wachtwoord
from leerplicht.aanmelden.middleware import BIJWERKEN_NA_SECONDEN, LAATSTE_ACTIVITEIT
from leerplicht.audit import logboek
from leerplicht.audit.keten import controleer_keten


def _zet_laatste_activiteit(client, seconden_geleden: int) -> int:
    sessie = client.session
    waarde = int(time.time()) - seconden_geleden
    sessie[LAATSTE_ACTIVITEIT] = waarde
    sessie.save()
    return waarde


@pytest.mark.django_db
def test_sessie_niet_bij_elk_verzoek_geschreven(client):
    met_wachtwoord(client, GebruikerFactory())
    kort_geleden = _zet_laatste_activiteit(client, 5)
    assert client.get("/").status_code == 200
    assert client.session[LAATSTE_ACTIVITEIT] == kort_geleden


@pytest.mark.django_db
def test_sessie_bijgewerkt_na_een_minuut(client):
    met_wachtwoord(client, GebruikerFactory())
    _zet_laatste_activiteit(client, BIJWERKEN_NA_SECONDEN)
    assert client.get("/").status_code == 200
    assert time.time() - client.session[LAATSTE_ACTIVITEIT] < 5


@pytest.mark.django_db
def test_sessie_met_tijd_in_de_toekomst_bijgewerkt(client):
    met_wachtwoord(client, GebruikerFactory())
    _zet_laatste_activiteit(client, -3600)  # clock was set back
    assert client.get("/").status_code == 200
    assert time.time() - client.session[LAATSTE_ACTIVITEIT] < 5


class _TelSlot:
    def __init__(self) -> None:
        self.genomen = 0

    def __enter__(self):
        self.genomen += 1

    def __exit__(self, *_):
        return False


@pytest.mark.django_db(transaction=True)
def test_auditschrijvers_wachten_in_python_buiten_een_transactie(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("alleen SQLite: PostgreSQL wacht op het advisory lock")
    slot = _TelSlot()
    monkeypatch.setattr(logboek, "_SCHRIJVERS", slot)
    logboek.registreer("inzien", object_type="persoon", object_id="P1")
    assert slot.genomen == 1
    # Inside a caller's transaction the database lock is held already: never wait here.
    with transaction.atomic():
        logboek.registreer("inzien", object_type="persoon", object_id="P2")
    assert slot.genomen == 1
    controle = controleer_keten()
    assert controle.intact and controle.aantal == 2, controle.melding
