"""Second factors of the demo accounts: a fixed secret and fixed reservecodes.

DEMO ONLY: the secrets follow from the user name, so anyone can compute the
codes. `leerplicht demo` refuses to run in productie; so does `democode`.
"""

from __future__ import annotations

import hashlib
from base64 import b32encode
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .tweede_factor import APPARAATNAAM, RESERVENAAM

AANTAL_DEMO_RESERVECODES = 3


@dataclass(frozen=True)
class DemoTweedeFactor:
    gebruikersnaam: str
    sleutel_hex: str
    reservecodes: tuple[str, ...]

    @property
    def sleutel_base32(self) -> str:
        return b32encode(bytes.fromhex(self.sleutel_hex)).decode()

    @property
    def otpauth(self) -> str:
        return (
            f"otpauth://totp/Leerplicht%20demo:{self.gebruikersnaam}"
            f"?secret={self.sleutel_base32}&algorithm=SHA1&digits=6&period=30"
            "&issuer=Leerplicht%20demo"
        )

    def code_nu(self) -> str:
        return f"{totp(bytes.fromhex(self.sleutel_hex)):06d}"


def demo_tweede_factor(gebruikersnaam: str) -> DemoTweedeFactor:
    """The fixed demo secret and reservecodes of one demo account (derived from its name)."""
    sleutel = hashlib.sha256(f"leerplicht-demo-totp-{gebruikersnaam}".encode()).hexdigest()[:40]
    codes = tuple(
        hashlib.sha256(f"leerplicht-demo-reserve-{gebruikersnaam}-{i}".encode()).hexdigest()[:8]
        for i in range(1, AANTAL_DEMO_RESERVECODES + 1)
    )
    return DemoTweedeFactor(gebruikersnaam, sleutel, codes)


def zorg_voor_demo_tweede_factoren(gebruikersnamen: list[str]) -> list[DemoTweedeFactor]:
    """Give each demo account exactly its demo TOTP device and its reservecodes (reset)."""
    gebruikers = get_user_model()
    gedaan = []
    with transaction.atomic():
        for naam in gebruikersnamen:
            gebruiker = gebruikers.objects.get(username=naam)
            demo = demo_tweede_factor(naam)
            TOTPDevice.objects.filter(user=gebruiker).exclude(key=demo.sleutel_hex).delete()
            TOTPDevice.objects.update_or_create(
                user=gebruiker,
                key=demo.sleutel_hex,
                defaults={"name": APPARAATNAAM, "confirmed": True},
            )
            StaticDevice.objects.filter(user=gebruiker).delete()
            reserve = StaticDevice.objects.create(user=gebruiker, name=RESERVENAAM, confirmed=True)
            StaticToken.objects.bulk_create(
                StaticToken(device=reserve, token=c) for c in demo.reservecodes
            )
            gedaan.append(demo)
    return gedaan
