"""Settings, all from the environment (12-factor); safe defaults for a laptop.

Environment variables:
- DATABASE_URL: sqlite:///pad/naar.sqlite3 or postgres://user:pw@host:port/db
  (default: an SQLite file under var/ in the project folder)
- LEERPLICHT_SECRET_KEY: required when LEERPLICHT_OMGEVING=productie
- LEERPLICHT_OMGEVING: demo (default), test or productie
- LEERPLICHT_DEBUG: 1 to show Django's debug pages (never in productie)
- LEERPLICHT_ALLOWED_HOSTS: comma separated host names
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("LEERPLICHT_PROJECT_DIR", BASE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("LEERPLICHT_VAR_DIR", PROJECT_DIR / "var"))

OMGEVING = os.environ.get("LEERPLICHT_OMGEVING", "demo")
DEMO_SECRET_KEY = "demo-sleutel-niet-voor-productie-" + "x" * 20
SECRET_KEY = os.environ.get("LEERPLICHT_SECRET_KEY", DEMO_SECRET_KEY)
if OMGEVING == "productie" and SECRET_KEY == DEMO_SECRET_KEY:
    raise ImproperlyConfigured(
        "LEERPLICHT_SECRET_KEY ontbreekt: in productie start Leerplicht niet met de demosleutel."
    )
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
    "leerplicht.meldingen",
    "leerplicht.werkprocessen",
    "leerplicht.vrijstellingen",
    "leerplicht.thuiszitters",
    "leerplicht.doorstroompunt",
    "leerplicht.uitwisseling",
    "leerplicht.cijfers",
    "leerplicht.portaal",
    "leerplicht.toegang",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
        # pytest-django's test database for SQLite: a file, so subprocess tests can use it.
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if OMGEVING == "productie":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LEERPLICHT_LOGNIVEAU", "WARNING")},
}
