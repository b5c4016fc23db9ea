"""`leerplicht serveer` behind a TLS proxy: HTTPS seen, HSTS sent (issue 12, finding 9).

waitress drops X-Forwarded-Proto from peers it does not trust. The waitress settings
that `leerplicht serveer` builds name the trusted proxy; a real waitress server with
those settings (on 127.0.0.1, a free port, in a thread) shows that the proxy's header
counts and nobody else's. The system check warns in productie when no proxy is set.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.core.management import call_command
from django.core.management.base import CommandError
from test_productie import draai
from waitress import create_server
from waitress.adjustments import Adjustments

from leerplicht.aanmelden.controles import clientadres_achter_proxy, https_achter_proxy
from leerplicht.aanmelden.instellingen import proxy_adres
from leerplicht.aanmelden.webserver import serveerinstellingen, waitress_instellingen
from leerplicht.clientadres import clientadres

HOST = "leerplicht.gemeente.test"
CLIENT = "203.0.113.9"


@pytest.fixture
def productie(settings):
    """The HTTPS settings of LEERPLICHT_OMGEVING=productie (settings.py), no proxy yet."""
    settings.OMGEVING = "productie"
    settings.ALLOWED_HOSTS = [HOST]
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.LEERPLICHT_PROXY_ADRES = ""
    settings.LEERPLICHT_PROXY_AANTAL = 0
    return settings


# --- LEERPLICHT_PROXY_ADRES -------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(None, ""), (" ", ""), ("*", "*"), ("127.0.0.1", "127.0.0.1"), ("0:0::1", "::1")],
)
def test_proxy_adres(waarde, verwacht):
    omgeving = {} if waarde is None else {"LEERPLICHT_PROXY_ADRES": waarde}
    assert proxy_adres(omgeving) == verwacht


@pytest.mark.parametrize("waarde", ["proxy.gemeente.nl", "10.0.0.0/8", "127.0.0.1:443"])
def test_proxy_adres_geen_ip_adres(waarde):
    with pytest.raises(ValueError, match=r"LEERPLICHT_PROXY_ADRES=.* is geen IP-adres"):
        proxy_adres({"LEERPLICHT_PROXY_ADRES": waarde})


def test_start_niet_met_een_proxyadres_dat_geen_ip_adres_is():
    uit = draai({"LEERPLICHT_PROXY_ADRES": "proxy.gemeente.nl"}, "")
    assert uit.returncode != 0
    assert "LEERPLICHT_PROXY_ADRES='proxy.gemeente.nl' is geen IP-adres" in uit.stderr


# --- the waitress settings --------------------------------------------------------------


def test_zonder_proxy_vertrouwt_waitress_niemand():
    instellingen = waitress_instellingen(luisteradres="127.0.0.1", poort=8000)
    assert instellingen == {"host": "127.0.0.1", "port": 8000, "threads": 8, "ident": "Leerplicht"}
    assert Adjustments(**instellingen).trusted_proxy is None


@pytest.mark.parametrize(
    ("aantal", "koppen", "telling"),
    [
        (0, {"x-forwarded-proto"}, 1),
        (1, {"x-forwarded-proto", "x-forwarded-for"}, 1),
        (2, {"x-forwarded-proto", "x-forwarded-for"}, 2),
    ],
)
def test_met_proxy(aantal, koppen, telling):
    instellingen = waitress_instellingen(
        luisteradres="0.0.0.0",  # noqa: S104  (a proxy on another machine)
        poort=8000,
        proxy_adres="10.1.2.3",
        proxy_aantal=aantal,
    )
    aanpassingen = Adjustments(**instellingen)  # waitress accepts the combination
    assert aanpassingen.trusted_proxy == "10.1.2.3"
    assert aanpassingen.trusted_proxy_headers == koppen
    assert aanpassingen.trusted_proxy_count == telling
    assert aanpassingen.clear_untrusted_proxy_headers is True


def test_serveerinstellingen_uit_omgeving_en_instellingen(settings):
    settings.LEERPLICHT_PROXY_ADRES = "127.0.0.1"
    settings.LEERPLICHT_PROXY_AANTAL = 1
    omgeving = {"PORT": "8100", "LEERPLICHT_THREADS": "4", "LEERPLICHT_LUISTERADRES": "10.0.0.5"}
    instellingen = serveerinstellingen(omgeving)
    assert instellingen["host"] == "10.0.0.5"
    assert (instellingen["port"], instellingen["threads"]) == (8100, 4)
    assert instellingen["trusted_proxy"] == "127.0.0.1"
    assert serveerinstellingen(omgeving, poort=9000, threads=2)["port"] == 9000
    standaard = serveerinstellingen({})
    assert (standaard["host"], standaard["port"], standaard["threads"]) == ("127.0.0.1", 8000, 8)


@pytest.mark.parametrize(
    ("omgeving", "melding"),
    [
        ({"PORT": "acht"}, "PORT='acht' is geen geheel getal"),
        ({"PORT": "70000"}, "Poort 70000 bestaat niet"),
        ({"LEERPLICHT_THREADS": "0"}, "LEERPLICHT_THREADS=0 is te klein"),
    ],
)
def test_serveerinstellingen_fout(omgeving, melding):
    with pytest.raises(CommandError, match=melding):
        serveerinstellingen(omgeving)


# --- the system check -------------------------------------------------------------------


def ids(meldingen) -> list[str]:
    return [m.id for m in meldingen]


def test_check_waarschuwt_in_productie_zonder_proxy(productie):
    meldingen = https_achter_proxy()
    assert ids(meldingen) == ["aanmelden.W001"]
    assert "LEERPLICHT_PROXY_ADRES ontbreekt" in meldingen[0].msg
    assert "Zet LEERPLICHT_PROXY_ADRES op het IP-adres" in meldingen[0].hint
    assert "leerplicht serveer" in meldingen[0].hint


@pytest.mark.parametrize(
    ("doorsturen", "kop", "waarschuwt"),
    [
        (True, None, True),
        (False, ("HTTP_X_FORWARDED_PROTO", "https"), True),  # LEERPLICHT_HTTPS_DOORSTUREN=0
        (False, None, False),
    ],
)
def test_check_per_https_instelling(productie, doorsturen, kop, waarschuwt):
    productie.SECURE_SSL_REDIRECT = doorsturen
    productie.SECURE_PROXY_SSL_HEADER = kop
    assert bool(https_achter_proxy()) is waarschuwt


def test_check_stil_met_proxy(productie):
    productie.LEERPLICHT_PROXY_ADRES = "127.0.0.1"
    assert https_achter_proxy() == []


def test_check_stil_buiten_productie(productie):
    productie.OMGEVING = "demo"
    assert https_achter_proxy() == []


def test_check_proxyaantal_zonder_proxyadres(productie):
    assert clientadres_achter_proxy() == []
    productie.LEERPLICHT_PROXY_AANTAL = 1
    assert ids(clientadres_achter_proxy()) == ["aanmelden.W002"]
    productie.LEERPLICHT_PROXY_ADRES = "127.0.0.1"
    assert clientadres_achter_proxy() == []


def test_check_deploy_toont_het_en_gewone_check_niet(productie):
    fouten = StringIO()
    call_command("check", deploy=True, stdout=StringIO(), stderr=fouten)
    assert "aanmelden.W001" in fouten.getvalue()
    fouten = StringIO()
    call_command("check", stdout=StringIO(), stderr=fouten)
    assert "aanmelden.W001" not in fouten.getvalue()


# --- the command ------------------------------------------------------------------------


def test_serveer_start_waitress_met_de_proxy(productie, monkeypatch):
    productie.LEERPLICHT_PROXY_ADRES = "127.0.0.1"
    productie.LEERPLICHT_PROXY_AANTAL = 1
    aanroepen: list[dict[str, Any]] = []
    monkeypatch.setattr("waitress.serve", lambda app, **k: aanroepen.append(k))
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.setenv("LEERPLICHT_THREADS", "6")
    uit, fouten = StringIO(), StringIO()
    call_command("serveer", stdout=uit, stderr=fouten)
    assert aanroepen == [serveerinstellingen({"PORT": "8123", "LEERPLICHT_THREADS": "6"})]
    assert aanroepen[0]["trusted_proxy"] == "127.0.0.1"
    assert "http://127.0.0.1:8123/ met 6 threads" in uit.getvalue()
    assert "vertrouwt x-forwarded-for, x-forwarded-proto van 127.0.0.1" in uit.getvalue()
    assert "aanmelden.W001" not in fouten.getvalue()


def test_serveer_waarschuwt_bij_de_start_zonder_proxy(productie, monkeypatch):
    monkeypatch.setattr("waitress.serve", lambda app, **k: None)
    fouten = StringIO()
    call_command("serveer", poort=8124, stdout=StringIO(), stderr=fouten)
    assert "aanmelden.W001" in fouten.getvalue()
    assert "Zet LEERPLICHT_PROXY_ADRES" in fouten.getvalue()


def test_serveer_poort_bezet(productie, monkeypatch):
    def bezet(app, **k):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr("waitress.serve", bezet)
    with pytest.raises(CommandError, match=r"Kan niet starten op 127\.0\.0\.1:8125"):
        call_command("serveer", poort=8125, stdout=StringIO(), stderr=StringIO())


# --- a real waitress server with those settings -----------------------------------------


class Opname:
    """The Django app, remembering the WSGI environ of each request as waitress passed it."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.omgevingen: list[dict] = []

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        self.omgevingen.append(dict(environ))
        return self.app(environ, start_response)

    def laatste_verzoek(self) -> WSGIRequest:
        return WSGIRequest(self.omgevingen[-1])


@contextmanager
def waitress_met(instellingen: dict[str, Any], app: Callable) -> Iterator[int]:
    """Serve `app` with these waitress settings on 127.0.0.1, a free port; yield the port."""
    server = create_server(app, **{**instellingen, "host": "127.0.0.1", "port": 0})
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    try:
        yield server.effective_port
    finally:
        server.trigger.pull_trigger(server.close)  # closed in the server's own thread
        draad.join(timeout=10)
        server.task_dispatcher.shutdown()
    assert not draad.is_alive()


def vraag(poort: int, **koppen: str) -> http.client.HTTPResponse:
    """GET / as the proxy would send it."""
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
    try:
        verbinding.request("GET", "/", headers={"Host": HOST, "Connection": "close", **koppen})
        antwoord = verbinding.getresponse()
        antwoord.read()
        return antwoord
    finally:
        verbinding.close()


def door_proxy(productie, proxy: str, aantal: int = 1) -> tuple[http.client.HTTPResponse, Opname]:
    """One request over https through a proxy on 127.0.0.1 to `leerplicht serveer`'s waitress
    settings with LEERPLICHT_PROXY_ADRES=`proxy`."""
    productie.LEERPLICHT_PROXY_ADRES = proxy
    productie.LEERPLICHT_PROXY_AANTAL = aantal
    opname = Opname(WSGIHandler())  # built now: SecurityMiddleware reads its settings once
    with waitress_met(serveerinstellingen({}), opname) as poort:
        antwoord = vraag(
            poort, **{"X-Forwarded-Proto": "https", "X-Forwarded-For": f"198.51.100.1, {CLIENT}"}
        )
    return antwoord, opname


def test_https_van_de_vertrouwde_proxy_telt(productie):
    antwoord, opname = door_proxy(productie, "127.0.0.1")
    verzoek = opname.laatste_verzoek()
    assert verzoek.is_secure()
    assert antwoord.getheader("Strict-Transport-Security") == "max-age=31536000"
    # Not redirected to https (that would loop): on to the sign-in page.
    assert antwoord.status == 302
    assert antwoord.getheader("Location") == "/inloggen/?next=/"
    # The client is the address the proxy wrote, not the forged one left of it.
    assert verzoek.META["REMOTE_ADDR"] == CLIENT
    assert clientadres(verzoek) == CLIENT


def test_https_van_een_ander_adres_telt_niet(productie):
    antwoord, opname = door_proxy(productie, "192.0.2.10")  # the proxy is elsewhere
    verzoek = opname.laatste_verzoek()
    assert not verzoek.is_secure()
    assert "HTTP_X_FORWARDED_PROTO" not in verzoek.META
    assert verzoek.META["REMOTE_ADDR"] == "127.0.0.1"
    assert antwoord.status == 301
    assert antwoord.getheader("Location") == f"https://{HOST}/"
    assert antwoord.getheader("Strict-Transport-Security") is None


def test_zonder_proxyadres_ziet_niemand_https(productie):
    """The old `waitress-serve` command: the proxy's header is dropped, the redirect loops."""
    antwoord, opname = door_proxy(productie, "")
    assert not opname.laatste_verzoek().is_secure()
    assert antwoord.status == 301
    assert antwoord.getheader("Strict-Transport-Security") is None
    assert https_achter_proxy()  # and the check says so
