"""The web server of Leerplicht (waitress), and which reverse proxy it may believe.

waitress removes X-Forwarded-Proto and X-Forwarded-For from every peer it does not
trust (`clear_untrusted_proxy_headers`, on by default). A plain `waitress-serve`
behind a TLS proxy therefore hands Django every request as http: with
SECURE_SSL_REDIRECT it redirects in a loop, without it HSTS (sent on https responses
only) never goes out, and the client address is always the proxy's.
`waitress_instellingen` names the proxy (LEERPLICHT_PROXY_ADRES) and how many proxies
wrote X-Forwarded-For (LEERPLICHT_PROXY_AANTAL), so waitress believes exactly that
proxy's headers and still nobody else's.

`leerplicht serveer` (productie) and `leerplicht demo` (127.0.0.1, no proxy) both start
waitress through `serveer`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from .instellingen import geheel_getal

STANDAARD_POORT = 8000
STANDAARD_THREADS = 8
#: Only the machine itself: a proxy elsewhere needs LEERPLICHT_LUISTERADRES set on purpose.
STANDAARD_LUISTERADRES = "127.0.0.1"
#: The Server header of every response (waitress `ident`).
NAAM = "Leerplicht"


def waitress_instellingen(
    *,
    luisteradres: str,
    poort: int,
    threads: int = STANDAARD_THREADS,
    proxy_adres: str = "",
    proxy_aantal: int = 0,
) -> dict[str, Any]:
    """The keyword arguments of `waitress.serve` / `waitress.create_server`."""
    instellingen: dict[str, Any] = {
        "host": luisteradres,
        "port": poort,
        "threads": threads,
        "ident": NAAM,
    }
    if proxy_adres:
        instellingen.update(_vertrouwde_proxy(proxy_adres, proxy_aantal))
    return instellingen


def _vertrouwde_proxy(adres: str, aantal: int) -> dict[str, Any]:
    """Believe the proxy's scheme always, and its client address only when
    LEERPLICHT_PROXY_AANTAL says how many proxies wrote X-Forwarded-For: the same count
    `clientadres` uses, so waitress and the audit log agree on who the client is."""
    koppen = {"x-forwarded-proto"}
    if aantal:
        koppen.add("x-forwarded-for")
    return {
        "trusted_proxy": adres,
        "trusted_proxy_headers": koppen,
        "trusted_proxy_count": max(aantal, 1),
    }


def serveerinstellingen(
    omgeving: Mapping[str, str], *, poort: int | None = None, threads: int | None = None
) -> dict[str, Any]:
    """The waitress settings of `leerplicht serveer`: the proxy from the Django settings
    (the system check reads the same ones), port, threads and listen address from the
    environment; the command's options win."""
    try:
        if poort is None:
            poort = geheel_getal(omgeving, "PORT", STANDAARD_POORT)
        if threads is None:
            threads = geheel_getal(omgeving, "LEERPLICHT_THREADS", STANDAARD_THREADS)
    except ValueError as fout:
        raise CommandError(str(fout)) from None
    if not 0 < poort < 65536:
        raise CommandError(f"Poort {poort} bestaat niet: kies een getal van 1 tot en met 65535.")
    if threads < 1:
        raise CommandError(f"{threads} threads kan niet: minstens 1.")
    return waitress_instellingen(
        luisteradres=omgeving.get("LEERPLICHT_LUISTERADRES", "").strip() or STANDAARD_LUISTERADRES,
        poort=poort,
        threads=threads,
        proxy_adres=getattr(settings, "LEERPLICHT_PROXY_ADRES", ""),
        proxy_aantal=getattr(settings, "LEERPLICHT_PROXY_AANTAL", 0),
    )


def beschrijving(instellingen: Mapping[str, Any]) -> str:
    """One Dutch line for the operator: where it listens and whose headers count."""
    adres = f"http://{instellingen['host']}:{instellingen['port']}/"
    if not instellingen.get("trusted_proxy"):
        proxy = "geen proxy vertrouwd (X-Forwarded-* worden weggegooid)"
    else:
        koppen = ", ".join(sorted(instellingen["trusted_proxy_headers"]))
        proxy = f"vertrouwt {koppen} van {instellingen['trusted_proxy']}"
    return f"Leerplicht draait op {adres} met {instellingen['threads']} threads; {proxy}."


def serveer(app: Callable, instellingen: Mapping[str, Any]) -> None:
    """Run waitress until it is stopped; a port in use is a Dutch error, not a traceback."""
    from waitress import serve

    try:
        serve(app, **instellingen)
    except OSError as fout:
        raise CommandError(
            f"Kan niet starten op {instellingen['host']}:{instellingen['port']}: "
            f"{fout.strerror or fout}. Kies een andere poort met --poort of PORT."
        ) from None
