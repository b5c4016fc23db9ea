"""The client address behind LEERPLICHT_PROXY_AANTAL proxies: for lockout and audit log."""

from __future__ import annotations

import pytest
from aanmeldfabrieken import GebruikerFactory
from axes.models import AccessAttempt
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from leerplicht.audit.models import Auditregel
from leerplicht.clientadres import clientadres

PROXY = "10.0.0.1"


def _verzoek(xff: str | None, remote: str = PROXY):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("aantal", "xff", "verwacht"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy configured: the header is the client's own text
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the forged left part is ignored
        (2, "6.6.6.6, 203.0.113.5, 192.168.1.1", "203.0.113.5"),
        (2, "203.0.113.5", PROXY),  # fewer entries than proxies: not what is configured
        (1, "", PROXY),
        (1, None, PROXY),
        (1, "geen-adres", None),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_clientadres(settings, aantal, xff, verwacht):
    settings.LEERPLICHT_PROXY_AANTAL = aantal
    assert clientadres(_verzoek(xff)) == verwacht


@given(vervalst=st.lists(st.ip_addresses().map(str), max_size=5))
def test_wat_de_browser_ervoor_zet_telt_nooit(vervalst):
    """Whatever the client puts in front, one proxy's own entry decides."""
    with override_settings(LEERPLICHT_PROXY_AANTAL=1):
        xff = ", ".join([*vervalst, "198.51.100.23"])
        assert clientadres(_verzoek(xff)) == "198.51.100.23"


@pytest.mark.django_db
def test_blokkering_en_auditlog_zien_hetzelfde_adres(client, settings):
    settings.LEERPLICHT_PROXY_AANTAL = 1
    GebruikerFactory(username="lpa.jansen")
    client.post(
        "/inloggen/",
        {"username": "lpa.jansen", "password": "fout"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5",
    )
    assert Auditregel.objects.get(actie="inloggen_mislukt").ip_adres == "203.0.113.5"
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"
