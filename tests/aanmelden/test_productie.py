"""Productie refuses to start with demo or missing secrets, and turns on HSTS and secure cookies."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from leerplicht.aanmelden.instellingen import productieproblemen

DEMO = "demo-sleutel"
GOEDE_SLEUTEL = "k7Fq2-Lp9xZr4Tm8Wv1Nc6Yb3Hd0Js5Ga-Qe7Ru2Io9Pk4Ul1Mn8Bv3Cx6Zt0Wy5"
GOED = {
    "LEERPLICHT_SECRET_KEY": GOEDE_SLEUTEL,
    "DATABASE_URL": "postgres://leerplicht@db/leerplicht",
    "LEERPLICHT_ALLOWED_HOSTS": "leerplicht.gemeente.nl",
}


def test_goede_omgeving_mag():
    assert productieproblemen(GOED, geheime_sleutel=GOEDE_SLEUTEL, demo_sleutel=DEMO) == []


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"LEERPLICHT_SECRET_KEY": ""}, "LEERPLICHT_SECRET_KEY ontbreekt"),
        ({"LEERPLICHT_SECRET_KEY": DEMO}, "LEERPLICHT_SECRET_KEY ontbreekt"),
        ({"LEERPLICHT_SECRET_KEY": "kort-maar-geheim"}, "te kort of te eenvoudig"),
        ({"LEERPLICHT_SECRET_KEY": "a" * 60}, "te kort of te eenvoudig"),
        (
            {"LEERPLICHT_SECRET_KEY": "django-insecure-" + GOEDE_SLEUTEL},
            "voorbeeld- of demosleutel",
        ),
        ({"DATABASE_URL": ""}, "DATABASE_URL ontbreekt"),
        ({"LEERPLICHT_ALLOWED_HOSTS": ""}, "LEERPLICHT_ALLOWED_HOSTS ontbreekt"),
        ({"LEERPLICHT_DEBUG": "1"}, "LEERPLICHT_DEBUG=1"),
        ({"LEERPLICHT_OIDC_CLIENT_SECRET": "changeme"}, "OIDC_CLIENT_SECRET"),
    ],
)
def test_weigert(wijziging, melding):
    omgeving = {**GOED, **wijziging}
    sleutel = omgeving["LEERPLICHT_SECRET_KEY"] or DEMO
    problemen = productieproblemen(omgeving, geheime_sleutel=sleutel, demo_sleutel=DEMO)
    assert len(problemen) == 1
    assert melding in problemen[0]


def draai(omgeving: dict[str, str], code: str) -> subprocess.CompletedProcess:
    schoon = {k: v for k, v in os.environ.items() if not k.startswith("LEERPLICHT_")}
    schoon.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env={**schoon, "DJANGO_SETTINGS_MODULE": "leerplicht.settings", **omgeving},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_start_niet_met_demosleutel():
    uit = draai({"LEERPLICHT_OMGEVING": "productie"}, "")
    assert uit.returncode != 0
    assert "Leerplicht start niet in productie" in uit.stderr
    assert "LEERPLICHT_SECRET_KEY ontbreekt" in uit.stderr
    assert "DATABASE_URL ontbreekt" in uit.stderr


def test_productie_zet_https_koppen_en_veilige_cookies(tmp_path):
    omgeving = {
        **GOED,
        "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3",
        "LEERPLICHT_OMGEVING": "productie",
    }
    uit = draai(
        omgeving,
        "from django.conf import settings as s\n"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG)",
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["31536000", "True", "True", "True", "False"]


def test_demo_zonder_https_eisen(tmp_path):
    uit = draai(
        {"DATABASE_URL": f"sqlite:///{tmp_path}/d.sqlite3"},
        "from django.conf import settings as s\nprint(s.SESSION_COOKIE_SECURE, s.OIDC_AAN)",
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["False", "False"]
