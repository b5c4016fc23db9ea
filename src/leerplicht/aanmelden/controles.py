"""System checks of the web server set-up (`leerplicht check --deploy`, `leerplicht serveer`).

Tagged `deploy`: they are about how productie is run, and the settings of a laptop or a
test would only make noise. `leerplicht serveer` runs them at every start as well, so
the operator sees the warning where the server starts, not only when asking for it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as Waarschuwing

#: The tag of these checks, so `leerplicht serveer` can run just them.
PROXY_TAG = "proxy"

ZET_PROXY = (
    "Zet LEERPLICHT_PROXY_ADRES op het IP-adres waarvandaan de reverse proxy verbindt "
    "(bijvoorbeeld 127.0.0.1), LEERPLICHT_PROXY_AANTAL op het aantal proxies, en start de "
    "webapp met `leerplicht serveer`. Zie docs/beheer/beveiliging.md."
)


@register(Tags.security, PROXY_TAG, deploy=True)
def https_achter_proxy(app_configs=None, **kwargs) -> list[CheckMessage]:
    """HTTPS settings that rely on X-Forwarded-Proto, but no proxy whose header counts."""
    if settings.OMGEVING != "productie" or getattr(settings, "LEERPLICHT_PROXY_ADRES", ""):
        return []
    if not (settings.SECURE_SSL_REDIRECT or settings.SECURE_PROXY_SSL_HEADER):
        return []
    return [
        Waarschuwing(
            "Geen vertrouwde proxy ingesteld (LEERPLICHT_PROXY_ADRES ontbreekt), terwijl "
            "Leerplicht voor HTTPS op X-Forwarded-Proto van de proxy rekent. waitress gooit "
            "die kop weg van elke afzender die het niet vertrouwt: dan lijkt elk verzoek "
            "http, blijft het doorsturen naar https rondgaan en gaat HSTS nooit mee.",
            hint=ZET_PROXY,
            id="aanmelden.W001",
        )
    ]


@register(Tags.security, PROXY_TAG, deploy=True)
def clientadres_achter_proxy(app_configs=None, **kwargs) -> list[CheckMessage]:
    """A proxy count for the client address, but no proxy whose X-Forwarded-For counts."""
    if getattr(settings, "LEERPLICHT_PROXY_ADRES", "") or not getattr(
        settings, "LEERPLICHT_PROXY_AANTAL", 0
    ):
        return []
    return [
        Waarschuwing(
            "LEERPLICHT_PROXY_AANTAL is gezet, maar LEERPLICHT_PROXY_ADRES niet: waitress "
            "gooit X-Forwarded-For weg, dus zien blokkering en auditlog alleen het adres "
            "van de proxy.",
            hint=ZET_PROXY,
            id="aanmelden.W002",
        )
    ]
