"""Settings, all from the environment (12-factor); safe defaults for a laptop.

Environment variables:
- DATABASE_URL: sqlite:///pad/naar.sqlite3 or postgres://user:pw@host:port/db
  (default: an SQLite file under var/ in the project folder)
- LEERPLICHT_SECRET_KEY: required when LEERPLICHT_OMGEVING=productie
- LEERPLICHT_OMGEVING: demo (default), test or productie
- LEERPLICHT_DEBUG: 1 to show Django's debug pages (never in productie)
- LEERPLICHT_ALLOWED_HOSTS: comma separated host names
- LEERPLICHT_SESSIE_MINUTEN: sign-out after this many minutes without a request (30)
- LEERPLICHT_INLOG_POGINGEN, LEERPLICHT_BLOKKADE_MINUTEN: lockout after failed sign-ins (5, 15)
- LEERPLICHT_PROXY_AANTAL: number of reverse proxies in front (for the client IP; 0)
- LEERPLICHT_PROXY_ADRES: IP address the reverse proxy connects from (or *): `leerplicht
  serveer` believes X-Forwarded-Proto/-For from it only; unset: from nobody (https unseen)
- PORT, LEERPLICHT_THREADS, LEERPLICHT_LUISTERADRES: port (8000), threads (8) and listen
  address (127.0.0.1) of `leerplicht serveer` (read by the command, not here)
- LEERPLICHT_OIDC_*: single sign-on, see docs/beheer/oidc.md
- LEERPLICHT_BEWAARTERMIJN_<SOORT>_JAREN: retention per kind, see docs/beheer/bewaartermijnen.md
- LEERPLICHT_TAKEN_BACKEND: the django-tasks backend (default: run immediately)
- LEERPLICHT_VSV_MONITORING_MAANDEN, LEERPLICHT_VSV_SIGNAAL_DAGEN: the Doorstroompunt's
  monitoring interval (6 months) and the window of the nightly vsv signal (90 days)
Hardening and sign-in: docs/beheer/beveiliging.md.
"""

from __future__ import annotations

import os
import re
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from leerplicht.aanmelden.instellingen import (
    geheel_getal,
    oidc_instellingen,
    productieproblemen,
    proxy_adres,
)
from leerplicht.domein import vsv_traject
from leerplicht.domein.bewaartermijn import jaren_uit_omgeving

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("LEERPLICHT_PROJECT_DIR", BASE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("LEERPLICHT_VAR_DIR", PROJECT_DIR / "var"))

OMGEVING = os.environ.get("LEERPLICHT_OMGEVING", "demo")
DEMO_SECRET_KEY = "demo-sleutel-niet-voor-productie-" + "x" * 20
SECRET_KEY = os.environ.get("LEERPLICHT_SECRET_KEY", DEMO_SECRET_KEY)
if OMGEVING == "productie" and (
    _problemen := productieproblemen(
        os.environ, geheime_sleutel=SECRET_KEY, demo_sleutel=DEMO_SECRET_KEY
    )
):
    raise ImproperlyConfigured("Leerplicht start niet in productie:\n- " + "\n- ".join(_problemen))
DEBUG = os.environ.get("LEERPLICHT_DEBUG") == "1" and OMGEVING != "productie"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("LEERPLICHT_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "leerplicht.register",
    "leerplicht.dossier",
    "leerplicht.meldingen",
    "leerplicht.werkprocessen",
    "leerplicht.vrijstellingen",
    "leerplicht.thuiszitters",
    "leerplicht.doorstroompunt",
    "leerplicht.jikp",
    "leerplicht.verslagen",
    "leerplicht.uitwisseling",
    "leerplicht.cijfers",
    "leerplicht.portaal",
    "leerplicht.toegang",
    "leerplicht.aanmelden",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "leerplicht.audit",
    "django_tasks",
    "django_tasks_db",
    "leerplicht.bewaren",
    "leerplicht.brieven",
    "leerplicht.werklijsten",
    "leerplicht.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Closed by default: every view needs a signed-in user unless marked login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # The user's gemeenten asked once per request (toegang.beleid.gemeenten_van).
    "leerplicht.toegang.beleid.PerVerzoekMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "leerplicht.audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages (its sign-out message) and OTP (is_verified): see aanmelden/middleware.py.
    "leerplicht.aanmelden.middleware.SessieverloopMiddleware",
    "leerplicht.aanmelden.middleware.TweeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a lockout into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "leerplicht.urls"
WSGI_APPLICATION = "leerplicht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    standaard = f"sqlite:///{VAR_DIR / 'leerplicht.sqlite3'}"
    url = os.environ.get("DATABASE_URL", standaard)
    config = dj_database_url.parse(url, conn_max_age=60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            # WAL: readers never block the writer; IMMEDIATE: no lock upgrades mid-import.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA temp_store=FILE; PRAGMA cache_size=-200000;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
        config["CONN_MAX_AGE"] = 0
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username+IP before any password is checked.
    "leerplicht.aanmelden.vergrendeling.Vergrendeling",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "portaal:inloggen"
LOGIN_REDIRECT_URL = "portaal:start"
LOGOUT_REDIRECT_URL = "portaal:inloggen"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# WhiteNoise serves the apps' static/ folders directly, also with DEBUG off
# (waitress in `leerplicht demo`), so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
# STATIC_ROOT exists only after collectstatic; WhiteNoise would warn about it at every start.
warnings.filterwarnings("ignore", message="No directory at: " + re.escape(str(STATIC_ROOT)))

# Sign-in and hardening (leerplicht.aanmelden; docs/beheer/beveiliging.md).
#: Sign-out after this many minutes without a request (SessieverloopMiddleware).
SESSIE_INACTIEF_MINUTEN = geheel_getal(os.environ, "LEERPLICHT_SESSIE_MINUTEN", 30)
SESSION_COOKIE_HTTPONLY = True
# Lax, not Strict: the identity provider's redirect back (SSO) must carry the session.
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = SESSIE_INACTIEF_MINUTEN * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if OMGEVING == "productie":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False  # the gemeente's other sites are not ours to decide
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = os.environ.get("LEERPLICHT_HTTPS_DOORSTUREN", "1") == "1"

# Content Security Policy: only our own files; no inline script or style anywhere.
# img-src allows data: because the NL Design System CSS draws icons as data: SVGs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Two factors (django-otp): the issuer shown in the authenticator app.
OTP_TOTP_ISSUER = "Leerplicht"

# Lockout after failed sign-ins (django-axes), per username + IP address.
AXES_FAILURE_LIMIT = geheel_getal(os.environ, "LEERPLICHT_INLOG_POGINGEN", 5)
AXES_COOLOFF_TIME = timedelta(minutes=geheel_getal(os.environ, "LEERPLICHT_BLOKKADE_MINUTEN", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "leerplicht.aanmelden.vergrendeling.geblokkeerd"
LEERPLICHT_PROXY_AANTAL = geheel_getal(os.environ, "LEERPLICHT_PROXY_AANTAL", 0, minimum=0)
# The proxy whose X-Forwarded-* headers `leerplicht serveer` (waitress) believes; waitress
# drops them from anyone else, so without it a request over https looks like http.
try:
    LEERPLICHT_PROXY_ADRES = proxy_adres(os.environ)
except ValueError as _fout:
    raise ImproperlyConfigured(str(_fout)) from None
AXES_CLIENT_IP_CALLABLE = "leerplicht.clientadres.clientadres"
# Sign-ins are in the audit log (leerplicht.audit); axes keeps only what lockout needs,
# and writes no usernames to the application log.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Single sign-on (OpenID Connect), only when LEERPLICHT_OIDC_* are set (docs/beheer/oidc.md).
try:
    _oidc = oidc_instellingen(os.environ)
except ValueError as _fout:
    raise ImproperlyConfigured(str(_fout)) from None
OIDC_AAN = _oidc is not None
if _oidc:
    globals().update(_oidc)
    AUTHENTICATION_BACKENDS.append("leerplicht.aanmelden.oidc.GemeenteOidcBackend")
    LOGIN_REDIRECT_URL_FAILURE = "/inloggen/?sso=mislukt"

# Bewaartermijnen (leerplicht.bewaren; docs/beheer/bewaartermijnen.md): the years per kind,
# overridden with LEERPLICHT_BEWAARTERMIJN_<SOORT>_JAREN (e.g. ..._WERKPROCES_JAREN=7).
try:
    BEWAARTERMIJN_JAREN = jaren_uit_omgeving(os.environ)
except ValueError as _fout:
    raise ImproperlyConfigured(str(_fout)) from None

# The DUO adapter (leerplicht.duo): the file-based one reads Verzuimloket exports and
# writes files for Mijn DUO into LEERPLICHT_DUO_MAP (default var/duo).
LEERPLICHT_DUO_KOPPELING = os.environ.get(
    "LEERPLICHT_DUO_KOPPELING", "leerplicht.duo.bestanden.Bestandskoppeling"
)
LEERPLICHT_DUO_MAP = Path(os.environ.get("LEERPLICHT_DUO_MAP", VAR_DIR / "duo"))

# Background tasks (django-tasks), e.g. the scheduled retention run. In productie they go
# to the database queue (django-tasks-db; run `leerplicht db_worker`); elsewhere they run
# at once in the process that enqueues them. LEERPLICHT_TAKEN_BACKEND overrides either.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "LEERPLICHT_TAKEN_BACKEND",
            "django_tasks_db.DatabaseBackend"
            if OMGEVING == "productie"
            else "django_tasks.backends.immediate.ImmediateBackend",
        ),
    },
}

#: The team's name on the jaarverslag of all its gemeenten (leerplicht.verslagen), e.g.
#: "Regio Rivierenland"; a gemeente's own report carries the gemeente's name.
LEERPLICHT_REGIO_NAAM = os.environ.get("LEERPLICHT_REGIO_NAAM", "Regio")

#: Finished background task rows (their arguments) are removed after this many days by
#: the retention run (leerplicht.bewaren.taakresultaten).
LEERPLICHT_TAAKRESULTATEN_DAGEN = geheel_getal(
    os.environ, "LEERPLICHT_TAAKRESULTATEN_DAGEN", 1, minimum=0
)

#: The Doorstroompunt's monitoring interval and the nightly vsv signal's window (defaults
#: in leerplicht.domein.vsv_traject).
LEERPLICHT_VSV_MONITORING_MAANDEN = geheel_getal(
    os.environ, "LEERPLICHT_VSV_MONITORING_MAANDEN", vsv_traject.MONITORING_MAANDEN
)
LEERPLICHT_VSV_SIGNAAL_DAGEN = geheel_getal(
    os.environ, "LEERPLICHT_VSV_SIGNAAL_DAGEN", vsv_traject.SIGNAALVENSTER_DAGEN
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LEERPLICHT_LOGNIVEAU", "WARNING")},
}
