"""Writing to the audit log: `registreer` is the one entry point for every event.

Writers are serialised so the chain never forks: on PostgreSQL a transaction-level
advisory lock, on SQLite the write lock that `BEGIN IMMEDIATE` takes (settings).
The entry is written in the caller's transaction: a change that is rolled back
leaves no entry, and an entry never exists without its change.

No personal content in the "what": object type, object id and field names only.
Values appear only in `voor`/`na` of a change, and a BSN never: it becomes a keyed
fingerprint (`vingerafdruk`), which can confirm a known value but not reveal it.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from .keten import BEGIN_HASH, bereken_hash
from .models import Auditregel, Ketenkop

#: Actions, by their Dutch code. `registreer` accepts others too (new screens), but
#: keep to these where one fits.
ACTIES = {
    "inzien": "ingezien",
    "aanmaken": "aangemaakt",
    "wijzigen": "gewijzigd",
    "verwijderen": "verwijderd",
    "exporteren": "geëxporteerd",
    "downloaden": "gedownload",
    "importeren": "geïmporteerd",
    "inloggen": "ingelogd",
    "inloggen_mislukt": "inloggen mislukt",
    "uitloggen": "uitgelogd",
    "inzage": "inzage (AVG art. 15) gemaakt",
    "opschonen": "opgeschoond (bewaartermijn)",
    "geweigerd": "geweigerd (buiten het bereik van de gemeente)",
}

#: Fields whose values never go into the log, not even in `voor`/`na`: a fingerprint
#: shows that they changed. Identifiers, and the free texts and contact details of the
#: casework (they may hold health or family details; the log is never trimmed, so a copy
#: there would outlive the bewaartermijn of the dossier).
VERBORGEN_VELDEN = frozenset(
    {
        "bsn",
        "password",
        "wachtwoord",
        "onderwijsnummer",
        "vermoedelijke_reden",
        "schoolactie",
        "melder_naam",
        "melder_telefoon",
        "melder_email",
        "telefoon_ouders",
        "afwijkend_verblijfadres",
        "leslocatie",
        "toelichting",
        "sanctie",
        "tekst",
        "inhoud",
        "titel",
        "bestandsnaam",
        "motivering",
        "reden",
        "afspraken",
    }
)

#: Any fixed number; all writers of the chain take this PostgreSQL advisory lock.
_SLOT = 0x4C505F4155444954  # "LP_AUDIT"

#: SQLite: the threads of one process queue here before `BEGIN IMMEDIATE`. The database
#: lock still serialises every writer (and other processes); this only spares the threads
#: SQLite's busy handler, which polls with sleeps of 1 to 100 ms, so under load a waiting
#: writer slept long after the lock was free. Taken only when `registreer` opens the
#: transaction itself: inside a caller's transaction the database lock is already held,
#: and waiting here could deadlock with a thread that waits for that lock.
_SCHRIJVERS = threading.Lock()

_verzoek: ContextVar[HttpRequest | None] = ContextVar("audit_verzoek", default=None)
_wijzigingen_stil: ContextVar[bool] = ContextVar("audit_wijzigingen_stil", default=False)


def huidig_verzoek() -> HttpRequest | None:
    """The web request being handled (set by `AuditMiddleware`), for entries from signals."""
    return _verzoek.get()


@contextmanager
def bij_verzoek(request: HttpRequest | None) -> Iterator[None]:
    token = _verzoek.set(request)
    try:
        yield
    finally:
        _verzoek.reset(token)


@contextmanager
def zonder_wijzigingsregels() -> Iterator[None]:
    """Inside: ORM changes to person data leave no entry per row.

    Only for bulk operations (e.g. a retention run) that write one summarising entry
    themselves with `registreer`; otherwise every change must be logged.
    """
    token = _wijzigingen_stil.set(True)
    try:
        yield
    finally:
        _wijzigingen_stil.reset(token)


def wijzigingsregels_aan() -> bool:
    return not _wijzigingen_stil.get()


def vingerafdruk(waarde: object) -> str:
    """A keyed fingerprint (HMAC-SHA-256 with the secret key): equal values, equal prints.

    A BSN or a mistyped password has few enough possibilities to guess from a plain hash;
    the key prevents that.
    """
    sleutel = f"leerplicht.audit.vingerafdruk:{settings.SECRET_KEY}".encode()
    code = hmac.new(sleutel, str(waarde).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"vingerafdruk:{code[:24]}"


def _tekst(waarde: str) -> str:
    """PostgreSQL text and jsonb refuse NUL; replace it on every database alike."""
    return waarde.replace("\x00", "\ufffd")


def json_waarde(waarde: object) -> Any:
    """A value as plain JSON (dates as ISO text, decimals as text, no NUL characters)."""
    if isinstance(waarde, str):
        return _tekst(waarde)
    if isinstance(waarde, datetime):
        return waarde.isoformat()
    if isinstance(waarde, date | time):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, Mapping):
        return {_tekst(str(k)): json_waarde(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple | set | frozenset):
        return [json_waarde(v) for v in waarde]
    if waarde is None or isinstance(waarde, int | float | bool):
        return waarde
    return _tekst(str(waarde))


def _json(waarde: object) -> Any:
    """Exactly what the database gives back, so the hash before and after storing agree."""
    if waarde is None:
        return None
    return json.loads(json.dumps(json_waarde(waarde), allow_nan=False))


def _verberg(waarden: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if waarden is None:
        return None
    return {
        veld: (vingerafdruk(w) if veld in VERBORGEN_VELDEN and w not in (None, "") else w)
        for veld, w in waarden.items()
    }


def ip_adres_van(request: HttpRequest | None) -> str:
    """The client's address as django-axes sees it (so lockouts and the log agree); that is
    REMOTE_ADDR unless a proxy set-up is configured (docs/beheer/beveiliging.md)."""
    if request is None:
        return ""
    from leerplicht.clientadres import clientadres

    return clientadres(request) or ""


def gemeentetekst(gemeenten: Iterable[str]) -> str:
    """The codes sorted, each between commas (",GM0001,GM0002,"), so that a LIKE finds a
    whole code; "" for none."""
    codes = sorted({str(g) for g in gemeenten if g})
    return f",{','.join(codes)}," if codes else ""


def _gemeenten_van_wie(request: HttpRequest | None, gebruiker) -> frozenset[str]:
    from leerplicht.toegang.beleid import gemeenten_van

    if gebruiker is None and request is not None:
        gebruiker = getattr(request, "user", None)
    if gebruiker is None or not getattr(gebruiker, "is_authenticated", False):
        return frozenset()
    return gemeenten_van(gebruiker)


def _wie(request: HttpRequest | None, gebruiker) -> tuple[int | None, str, str]:
    from leerplicht.toegang.beleid import rol_van

    if gebruiker is None and request is not None:
        gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        rol = rol_van(gebruiker)
        return gebruiker.pk, gebruiker.get_username(), rol.value if rol else ""
    if request is not None:
        return None, "", ""
    try:
        systeem = getpass.getuser()
    except (KeyError, OSError):
        systeem = "onbekend"
    return None, f"systeem:{systeem}", ""


def registreer(
    actie: str,
    *,
    request: HttpRequest | None = None,
    gebruiker=None,
    object_type: str = "",
    object_id: str = "",
    velden: Sequence[str] = (),
    voor: dict | None = None,
    na: dict | None = None,
    persoon_id: str = "",
    gemeenten: Iterable[str] | None = None,
    toelichting: dict | None = None,
) -> Auditregel:
    """Append one entry to the audit log and return it.

    Who and from where come from `request` (or `gebruiker`); without either, from the
    request being handled (middleware), else the entry is a system action. `persoon_id`
    says which person it is about; for object_type "persoon" it is the object id.
    `gemeenten`: for an entry about no person, the gemeenten it concerns (default: those
    of the medewerker who acts; a system action: the whole installation). Only privacy
    officers of all of them see the entry (`zichtbaar_voor_gemeenten`).
    """
    if request is None and gebruiker is None:
        request = huidig_verzoek()
    gebruiker_id, gebruikersnaam, rol = _wie(request, gebruiker)
    object_id = _tekst(str(object_id))
    if not persoon_id and object_type == "persoon":
        persoon_id = object_id
    if persoon_id:
        gemeenten = ()
    elif gemeenten is None:
        gemeenten = _gemeenten_van_wie(request, gebruiker)
    if isinstance(velden, str):
        velden = [velden]
    inhoud: dict[str, Any] = {
        "gebruiker_id": gebruiker_id,
        "gebruikersnaam": _tekst(gebruikersnaam[:150]),
        "rol": rol,
        "actie": _tekst(actie),
        "object_type": _tekst(object_type),
        "object_id": object_id,
        "persoon_id": _tekst(str(persoon_id)),
        "gemeenten": gemeentetekst(gemeenten),
        "velden": [_tekst(str(v)) for v in velden],
        "voor": _json(_verberg(voor)),
        "na": _json(_verberg(na)),
        "toelichting": _json(toelichting),
        "ip_adres": ip_adres_van(request),
    }
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with _SCHRIJVERS:
            return _schrijf(inhoud)
    return _schrijf(inhoud)


def _schrijf(inhoud: dict[str, Any]) -> Auditregel:
    with transaction.atomic():
        kop = _neem_kop()
        inhoud["tijdstip"] = timezone.now()  # under the lock: time order = chain order
        inhoud["volgnummer"] = kop.volgnummer + 1
        inhoud["vorige_hash"] = kop.hash
        inhoud["hash"] = bereken_hash(inhoud)
        regel = Auditregel.objects.create(**inhoud)
        Ketenkop.objects.filter(pk=1).update(volgnummer=regel.volgnummer, hash=regel.hash)
    return regel


def _neem_kop() -> Ketenkop:
    """Lock the chain for this transaction and return its head (made on first use)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SLOT])
    kop = Ketenkop.objects.select_for_update().filter(pk=1).first()
    if kop is None:
        kop = Ketenkop.objects.create(pk=1, volgnummer=0, hash=BEGIN_HASH)
    return kop
