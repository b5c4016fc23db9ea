"""The hash chain of the audit log: the canonical form of an entry and the check of the chain.

hash(n) = SHA-256 over the canonical JSON of entry n (all its fields except `hash`,
including `vorige_hash`, which is hash(n-1); the first entry points at BEGIN_HASH).
Changing any stored field of any entry changes its hash; removing an entry leaves a
gap in the volgnummers or, at the end, a mismatch with `Ketenkop`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from leerplicht.domein.formattering import getal

from .models import Auditregel, Ketenkop

BEGIN_HASH = "0" * 64
#: Bump only with a migration that re-reads old entries by their own version.
VERSIE = 1

#: The fields that the hash covers, in the order the check reads them.
GEHASHTE_VELDEN = (
    "volgnummer",
    "tijdstip",
    "gebruiker_id",
    "gebruikersnaam",
    "rol",
    "actie",
    "object_type",
    "object_id",
    "persoon_id",
    "gemeenten",
    "velden",
    "voor",
    "na",
    "toelichting",
    "ip_adres",
    "vorige_hash",
)
_BATCH = 2000


def tijdstip_tekst(tijdstip: datetime) -> str:
    """UTC with microseconds: the same text however the database hands the value back."""
    return tijdstip.astimezone(UTC).isoformat(timespec="microseconds")


def canonieke_vorm(inhoud: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: one byte string per entry, on SQLite and PostgreSQL."""
    gegevens = {veld: inhoud[veld] for veld in GEHASHTE_VELDEN}
    if not gegevens["gemeenten"]:
        # Entries from before the field (and entries about no gemeente) hash as before.
        del gegevens["gemeenten"]
    gegevens["tijdstip"] = tijdstip_tekst(gegevens["tijdstip"])
    gegevens["versie"] = VERSIE
    return json.dumps(
        gegevens, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def bereken_hash(inhoud: dict[str, Any]) -> str:
    return hashlib.sha256(canonieke_vorm(inhoud)).hexdigest()


@dataclass(frozen=True)
class Ketencontrole:
    intact: bool
    #: Entries checked (all of them when intact).
    aantal: int
    #: The volgnummer of the first entry that is wrong or missing.
    eerste_fout: int | None
    melding: str
    laatste_hash: str = BEGIN_HASH


def _regels() -> Iterator[dict[str, Any]]:
    """All entries in order, a batch at a time by key (constant memory, no long cursor)."""
    vanaf = 0
    while True:
        batch = list(
            Auditregel.objects.filter(volgnummer__gt=vanaf)
            .order_by("volgnummer")
            .values(*GEHASHTE_VELDEN, "hash")[:_BATCH]
        )
        if not batch:
            return
        yield from batch
        vanaf = batch[-1]["volgnummer"]


def controleer_keten() -> Ketencontrole:
    """Read the whole log once and say whether every entry and link is as written."""
    vorige_hash, verwacht, aantal = BEGIN_HASH, 1, 0
    for regel in _regels():
        n = regel["volgnummer"]
        if n != verwacht:
            ontbreekt = f"regel {verwacht}" if n == verwacht + 1 else f"regels {verwacht}-{n - 1}"
            return _kapot(
                aantal,
                verwacht,
                f"{ontbreekt} ontbreekt: gat in de volgnummers "
                f"(na regel {verwacht - 1} volgt regel {n}); er is een regel verwijderd.",
            )
        if regel["vorige_hash"] != vorige_hash:
            return _kapot(
                aantal,
                n,
                f"regel {n}: de keten is verbroken: de vorige hash van deze regel is niet "
                f"de hash van regel {n - 1} (regel {n - 1} of {n} is gewijzigd).",
            )
        if bereken_hash(regel) != regel["hash"]:
            return _kapot(
                aantal,
                n,
                f"regel {n}: de hash klopt niet met de inhoud: de regel is na het schrijven "
                "gewijzigd.",
            )
        vorige_hash, verwacht, aantal = regel["hash"], n + 1, aantal + 1
    return _vergelijk_met_kop(aantal, verwacht - 1, vorige_hash)


def _vergelijk_met_kop(aantal: int, laatste: int, laatste_hash: str) -> Ketencontrole:
    kop = Ketenkop.objects.filter(pk=1).first()
    if kop is None:
        if aantal:
            return _kapot(
                aantal, None, "de kop van de keten (laatste volgnummer en hash) ontbreekt."
            )
    elif kop.volgnummer > laatste:
        ontbreekt = (
            f"regel {laatste + 1}"
            if kop.volgnummer == laatste + 1
            else f"regels {laatste + 1}-{kop.volgnummer}"
        )
        return _kapot(
            aantal,
            laatste + 1,
            f"{ontbreekt} ontbreekt aan het eind: de kop van de keten staat op regel "
            f"{kop.volgnummer}; er is een regel verwijderd.",
        )
    elif kop.volgnummer != laatste or kop.hash != laatste_hash:
        return _kapot(
            aantal,
            laatste,
            f"regel {laatste}: de kop van de keten (regel {kop.volgnummer}) past niet bij de "
            "laatste regel.",
        )
    return Ketencontrole(
        intact=True,
        aantal=aantal,
        eerste_fout=None,
        melding=f"Auditlog intact: {getal(aantal)} regels.",
        laatste_hash=laatste_hash,
    )


def _kapot(aantal: int, eerste_fout: int | None, uitleg: str) -> Ketencontrole:
    return Ketencontrole(
        intact=False,
        aantal=aantal,
        eerste_fout=eerste_fout,
        melding=f"Auditlog NIET intact: {uitleg}",
    )
