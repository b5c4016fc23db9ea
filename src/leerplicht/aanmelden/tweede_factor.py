"""Tweede factor (TOTP): who must use one, setting it up, checking a code.

Every rol in `VEREIST_TWEE_FACTOREN` (and a superuser) must confirm a code from an
authenticator app after the password, before any other page. Backup codes
(reservecodes) are for a lost phone; each works once. A confirmed code gives the
session a new key (`_verifieer`): the key from the password step is worth nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import qrcode
import qrcode.image.svg
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from leerplicht.audit.logboek import registreer
from leerplicht.domein.rollen import VEREIST_TWEE_FACTOREN
from leerplicht.toegang.beleid import rol_van

from .sessies import vernieuw_sleutel

APPARAATNAAM = "authenticator-app"
RESERVENAAM = "reservecodes"
AANTAL_RESERVECODES = 10


def vereist_tweede_factor(gebruiker) -> bool:
    """True for a signed-in user whose rol (or superuser status) needs a second factor."""
    if not gebruiker.is_authenticated:
        return False
    return gebruiker.is_superuser or rol_van(gebruiker) in VEREIST_TWEE_FACTOREN


def is_geverifieerd(gebruiker) -> bool:
    controle: Callable[[], bool] | None = getattr(gebruiker, "is_verified", None)
    return bool(controle and controle())


def heeft_tweede_factor(gebruiker) -> bool:
    return user_has_device(gebruiker, confirmed=True)


def apparaat_in_te_stellen(gebruiker) -> TOTPDevice:
    """The user's unconfirmed authenticator device; the same one on every reload."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).order_by("pk").first()
    return apparaat or TOTPDevice.objects.create(user=gebruiker, name=APPARAATNAAM, confirmed=False)


def geheime_sleutel(apparaat: TOTPDevice) -> str:
    """The secret in base32, grouped by four, for typing it into an app by hand."""
    from base64 import b32encode

    tekst = b32encode(apparaat.bin_key).decode()
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def qr_svg(apparaat: TOTPDevice) -> SafeString:
    """The otpauth URI as an inline SVG (no data: URL, no inline style: fits the CSP)."""
    beeld = qrcode.make(
        apparaat.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10
    )
    svg = beeld.to_string(encoding="unicode")
    svg = svg.replace("<svg ", '<svg role="img" aria-label="QR-code voor de authenticator-app" ', 1)
    return mark_safe(svg)  # noqa: S308  (our own SVG from qrcode, no user input)


def _schoon(code: str) -> str:
    return "".join(code.split())


def bevestig_apparaat(request: HttpRequest, apparaat: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the new device with a code from the app; return fresh reservecodes, or None."""
    if not apparaat.verify_token(_schoon(code)):
        _meld_mislukt(request)
        return None
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    _verifieer(request, apparaat)
    registreer("tweede_factor_ingesteld", request=request, toelichting={"apparaat": "app"})
    return maak_reservecodes(request.user)


def maak_reservecodes(gebruiker) -> list[str]:
    """Replace the user's reservecodes with new ones (shown once, stored as given)."""
    reserve, _ = StaticDevice.objects.get_or_create(
        user=gebruiker, name=RESERVENAAM, defaults={"confirmed": True}
    )
    reserve.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_RESERVECODES)]
    StaticToken.objects.bulk_create(StaticToken(device=reserve, token=c) for c in codes)
    return codes


def controleer_code(request: HttpRequest, code: str) -> bool:
    """Check a code from the app or a reservecode; on success the session is verified."""
    code = _schoon(code)
    if code:
        for apparaat in _apparaten(request.user):
            gevonden = verify_token(request.user, apparaat.persistent_id, code)
            if gevonden is not None:
                _verifieer(request, gevonden)
                soort = "reservecode" if isinstance(gevonden, StaticDevice) else "app"
                registreer("tweede_factor", request=request, toelichting={"apparaat": soort})
                return True
    _meld_mislukt(request)
    return False


def _verifieer(request: HttpRequest, apparaat) -> None:
    """Mark the session verified, under a new key: a cookie captured between the password
    and the code must not become a fully signed-in session."""
    otp_login(request, apparaat)
    vernieuw_sleutel(request)


def _apparaten(gebruiker) -> list:
    totp = list(TOTPDevice.objects.filter(user=gebruiker, confirmed=True))
    reserve = list(StaticDevice.objects.filter(user=gebruiker, confirmed=True))
    return totp + reserve


def _meld_mislukt(request: HttpRequest) -> None:
    """A wrong second-factor code is a failed sign-in: the audit log and lockout count it."""
    user_login_failed.send(
        sender=__name__,
        credentials={"username": request.user.get_username()},
        request=request,
    )
