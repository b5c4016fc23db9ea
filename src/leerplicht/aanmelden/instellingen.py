"""Settings of aanmelden and hardening, read from the environment.

Pure Python (no Django imports): `settings.py` calls these before Django is set
up, and tests call them with a plain dict as environment.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping

#: Environment variables of single sign-on; the first four switch it on together.
OIDC_VERPLICHT = (
    "LEERPLICHT_OIDC_CLIENT_ID",
    "LEERPLICHT_OIDC_CLIENT_SECRET",
    "LEERPLICHT_OIDC_AUTHORIZATION_ENDPOINT",
    "LEERPLICHT_OIDC_TOKEN_ENDPOINT",
    "LEERPLICHT_OIDC_USERINFO_ENDPOINT",
    "LEERPLICHT_OIDC_JWKS_ENDPOINT",
)

#: User fields a claim may be matched on (unique in practice; never created).
OIDC_GEBRUIKERSVELDEN = ("username", "email")

#: Beginnings of example and demo secrets (case-insensitive).
ONVEILIGE_SLEUTELS = ("demo", "django-insecure", "changeme", "geheim", "secret", "voorbeeld")


def geheel_getal(omgeving: Mapping[str, str], naam: str, standaard: int, minimum: int = 1) -> int:
    """An integer setting; a wrong value stops the start with a Dutch message."""
    tekst = omgeving.get(naam, "").strip()
    if not tekst:
        return standaard
    try:
        waarde = int(tekst)
    except ValueError:
        raise ValueError(f"{naam}={tekst!r} is geen geheel getal.") from None
    if waarde < minimum:
        raise ValueError(f"{naam}={waarde} is te klein (minstens {minimum}).")
    return waarde


def proxy_adres(omgeving: Mapping[str, str]) -> str:
    """LEERPLICHT_PROXY_ADRES: the address the reverse proxy connects from, or `*`; "" if unset.

    Only an IP address (waitress compares it with the peer's address as text, so a
    host name would never match and the proxy's headers would be dropped silently).
    """
    tekst = omgeving.get("LEERPLICHT_PROXY_ADRES", "").strip()
    if tekst in ("", "*"):
        return tekst
    try:
        return str(ipaddress.ip_address(tekst))
    except ValueError:
        raise ValueError(
            f"LEERPLICHT_PROXY_ADRES={tekst!r} is geen IP-adres: geef het adres waarvandaan de "
            "reverse proxy verbindt (bijvoorbeeld 127.0.0.1), of * voor elk adres."
        ) from None


def oidc_instellingen(omgeving: Mapping[str, str]) -> dict[str, object] | None:
    """The mozilla-django-oidc settings when SSO is configured, else None.

    Half a configuration is an error (ValueError, Dutch): a gemeente that meant to
    switch on SSO must not silently get password-only sign-in.
    """
    aanwezig = [n for n in OIDC_VERPLICHT if omgeving.get(n, "").strip()]
    if not aanwezig:
        return None
    ontbreekt = [n for n in OIDC_VERPLICHT if n not in aanwezig]
    if ontbreekt:
        raise ValueError(
            "Single sign-on (OIDC) is maar half ingesteld; ontbreekt: " + ", ".join(ontbreekt)
        )
    veld = omgeving.get("LEERPLICHT_OIDC_GEBRUIKERSVELD", "email").strip() or "email"
    if veld not in OIDC_GEBRUIKERSVELDEN:
        raise ValueError(
            f"LEERPLICHT_OIDC_GEBRUIKERSVELD={veld!r}: kies uit {', '.join(OIDC_GEBRUIKERSVELDEN)}."
        )
    claim = omgeving.get("LEERPLICHT_OIDC_CLAIM", "email").strip() or "email"
    scopes = omgeving.get("LEERPLICHT_OIDC_SCOPES", "").strip() or "openid email profile"
    return {
        "OIDC_RP_CLIENT_ID": omgeving["LEERPLICHT_OIDC_CLIENT_ID"].strip(),
        "OIDC_RP_CLIENT_SECRET": omgeving["LEERPLICHT_OIDC_CLIENT_SECRET"].strip(),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": omgeving[
            "LEERPLICHT_OIDC_AUTHORIZATION_ENDPOINT"
        ].strip(),
        "OIDC_OP_TOKEN_ENDPOINT": omgeving["LEERPLICHT_OIDC_TOKEN_ENDPOINT"].strip(),
        "OIDC_OP_USER_ENDPOINT": omgeving["LEERPLICHT_OIDC_USERINFO_ENDPOINT"].strip(),
        "OIDC_OP_JWKS_ENDPOINT": omgeving["LEERPLICHT_OIDC_JWKS_ENDPOINT"].strip(),
        "OIDC_RP_SIGN_ALGO": omgeving.get("LEERPLICHT_OIDC_SIGN_ALGO", "").strip() or "RS256",
        "OIDC_RP_SCOPES": scopes,
        "OIDC_USE_PKCE": True,
        "OIDC_CREATE_USER": False,
        "OIDC_STORE_ID_TOKEN": False,
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_TIMEOUT": 10,
        "LEERPLICHT_OIDC_CLAIM": claim,
        "LEERPLICHT_OIDC_GEBRUIKERSVELD": veld,
        "LEERPLICHT_OIDC_KNOPTEKST": (
            omgeving.get("LEERPLICHT_OIDC_KNOPTEKST", "").strip()
            or "Inloggen met uw gemeente-account"
        ),
    }


def productieproblemen(
    omgeving: Mapping[str, str], *, geheime_sleutel: str, demo_sleutel: str
) -> list[str]:
    """Why this environment may not run as productie (empty: it may). Dutch, one per line."""
    problemen = []
    if not omgeving.get("LEERPLICHT_SECRET_KEY") or geheime_sleutel == demo_sleutel:
        problemen.append(
            "LEERPLICHT_SECRET_KEY ontbreekt: in productie start Leerplicht niet met de "
            "demosleutel."
        )
    elif len(geheime_sleutel) < 50 or len(set(geheime_sleutel)) < 10:
        problemen.append(
            "LEERPLICHT_SECRET_KEY is te kort of te eenvoudig: gebruik minstens 50 willekeurige "
            "tekens (bijvoorbeeld: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    elif geheime_sleutel.lower().startswith(ONVEILIGE_SLEUTELS):
        problemen.append(
            "LEERPLICHT_SECRET_KEY lijkt een voorbeeld- of demosleutel: kies een willekeurige."
        )
    if not omgeving.get("DATABASE_URL", "").strip():
        problemen.append(
            "DATABASE_URL ontbreekt: in productie kiest Leerplicht niet zelf een database."
        )
    if not omgeving.get("LEERPLICHT_ALLOWED_HOSTS", "").strip():
        problemen.append(
            "LEERPLICHT_ALLOWED_HOSTS ontbreekt: geef de hostnaam of -namen van de webapp."
        )
    if omgeving.get("LEERPLICHT_DEBUG") == "1":
        problemen.append("LEERPLICHT_DEBUG=1 mag niet in productie (foutpagina's tonen gegevens).")
    geheim = omgeving.get("LEERPLICHT_OIDC_CLIENT_SECRET", "")
    if geheim and geheim.lower().startswith(ONVEILIGE_SLEUTELS):
        problemen.append("LEERPLICHT_OIDC_CLIENT_SECRET lijkt een voorbeeld- of demogeheim.")
    return problemen
