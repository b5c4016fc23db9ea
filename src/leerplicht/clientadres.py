"""The client's IP address, for lockout (django-axes) and the audit log alike.

Without a reverse proxy it is REMOTE_ADDR. Behind LEERPLICHT_PROXY_AANTAL trusted
proxies, each of which appends the address it received the request from to
X-Forwarded-For (nginx: `proxy_add_x_forwarded_for`), the client is the N-th entry
from the right. Entries further left were written by the client and can be forged,
so they are never used. Too few entries means the proxy set-up is not what is
configured: then REMOTE_ADDR, the only address nobody outside can choose.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def clientadres(request: HttpRequest) -> str | None:
    aantal = getattr(settings, "LEERPLICHT_PROXY_AANTAL", 0)
    adres = request.META.get("REMOTE_ADDR")
    if aantal:
        keten = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        keten = [d for d in keten if d]
        if len(keten) >= aantal:
            adres = keten[-aantal]
    try:
        return str(ipaddress.ip_address(adres or ""))
    except ValueError:
        return None
