"""Expectations of the jaarverslag and the infographic in the web app (verslagen), by hand.

The report, its files and the infographic: every rol that sees figures (administratie,
leerplichtambtenaar, consulent, teammanager, beleidsmedewerker), of their own gemeente only.
Another gemeente's code or garbage on a page: the own figures with a message (200), no
leak; for a file: 400, no file. Writing the report's texts: the teammanager only (403 for
the others); a block or gemeente that is not of the user's report: 400. Reading in
benchmark figures: the teammanager only; removing them too, and only figures owned by the
teammanager's own gemeenten (another gemeente's, or a region's with another gemeente: 404).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.utils import timezone
from matrixhulp import Geval, Verzoek, alleen, iedereen
from toegangswereld import EIGEN, Wereld

from leerplicht.domein.rollen import Rol
from leerplicht.verslagen.models import Benchmarkcijfer

CIJFERS = frozenset(
    {
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.LEERPLICHTAMBTENAAR,
        Rol.CONSULENT_DOORSTROOMPUNT,
        Rol.TEAMMANAGER,
        Rol.BELEIDSMEDEWERKER,
    }
)
SCHRIJVERS = frozenset({Rol.TEAMMANAGER})
#: The world's records are of school year 2024-2025.
JAAR = "schooljaar=2024-2025"
ANDER = "GM9202"


def _jaarverslag(w: Wereld) -> list[Geval]:
    pad = "/verslagen/jaarverslag/"
    return [
        Geval(Verzoek("get", pad), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?{JAAR}&gemeente={EIGEN}"), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?{JAAR}&gemeente={ANDER}"), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?schooljaar=%00&gemeente=x%00y"), alleen(CIJFERS)),
        Geval(Verzoek("post", pad, {}), iedereen(405)),
    ]


def _bestand(w: Wereld) -> list[Geval]:
    pad = "/verslagen/jaarverslag/bestand/"
    return [
        Geval(Verzoek("get", f"{pad}?{JAAR}&formaat=pdf"), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?{JAAR}&formaat=xlsx"), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?{JAAR}&formaat=json&gemeente={EIGEN}"), alleen(CIJFERS)),
        # Another gemeente's file, a format that does not exist, nothing: no file at all.
        Geval(
            Verzoek("get", f"{pad}?{JAAR}&formaat=csv&gemeente={ANDER}"), alleen(CIJFERS, ja=400)
        ),
        Geval(Verzoek("get", f"{pad}?formaat=exe%00"), alleen(CIJFERS, ja=400)),
        Geval(Verzoek("get", pad), alleen(CIJFERS, ja=400)),
        Geval(Verzoek("post", pad, {}), iedereen(405)),
    ]


def _tekst(w: Wereld) -> list[Geval]:
    pad = "/verslagen/jaarverslag/tekst/"
    geldig = {"schooljaar": "2024-2025", "gemeenten": EIGEN, "blok": "inleiding", "versie": 0}
    return [
        Geval(Verzoek("get", pad), iedereen(405)),
        # Putting the concept back while it is the concept: saved (nothing to change), back.
        Geval(
            Verzoek("post", pad, {**geldig, "tekst": "", "actie": "terugzetten"}, "concept"),
            alleen(SCHRIJVERS, ja=302),
        ),
        Geval(
            Verzoek("post", pad, {**geldig, "gemeenten": ANDER, "tekst": "x"}, "andere gemeente"),
            alleen(SCHRIJVERS, ja=400),
        ),
        Geval(
            Verzoek("post", pad, {**geldig, "blok": "bestaat-niet", "tekst": "x"}, "vreemd blok"),
            alleen(SCHRIJVERS, ja=400),
        ),
        Geval(Verzoek("post", pad, {}, "leeg"), alleen(SCHRIJVERS, ja=400)),
    ]


def _infographic(w: Wereld) -> list[Geval]:
    pad = "/verslagen/infographic/"
    return [
        Geval(Verzoek("get", pad), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?{JAAR}&gemeente={ANDER}"), alleen(CIJFERS)),
        Geval(Verzoek("get", f"{pad}?{JAAR}&gemeente={EIGEN}&formaat=pdf"), alleen(CIJFERS)),
        Geval(
            Verzoek("get", f"{pad}?{JAAR}&gemeente={ANDER}&formaat=pdf"), alleen(CIJFERS, ja=400)
        ),
        Geval(Verzoek("post", pad, {}), iedereen(405)),
    ]


def _benchmark(w: Wereld) -> list[Geval]:
    pad = "/verslagen/benchmark/"
    return [
        Geval(Verzoek("get", pad), alleen(SCHRIJVERS)),
        # No file: the form again with its message, nothing stored.
        Geval(Verzoek("post", pad, {}, "leeg"), alleen(SCHRIJVERS, ja=400)),
    ]


def _benchmarkcijfer(bron: str, eigenaars: str) -> int:
    return Benchmarkcijfer.objects.create(
        bron=bron,
        eigenaars=eigenaars,
        schooljaar="2024-2025",
        kengetal="halt",
        percentage=Decimal("0.2"),
        ingelezen_op=timezone.now(),
        ingelezen_door="matrix",
    ).pk


def _benchmark_verwijderen(w: Wereld) -> list[Geval]:
    eigen = _benchmarkcijfer("Bron eigen", EIGEN)
    ander = _benchmarkcijfer("Bron ander", ANDER)
    regio = _benchmarkcijfer("Bron regio", f"{EIGEN},{ANDER}")

    def pad(cijfer_id: int) -> str:
        return f"/verslagen/benchmark/{cijfer_id}/verwijderen/"

    return [
        # The confirmation of the own gemeente's figures; another's: as if there were none.
        Geval(Verzoek("get", pad(eigen), omschrijving="eigen"), alleen(SCHRIJVERS)),
        Geval(Verzoek("get", pad(ander), omschrijving="ander"), alleen(SCHRIJVERS, ja=404)),
        Geval(Verzoek("post", pad(ander), {}, "ander"), alleen(SCHRIJVERS, ja=404)),
        Geval(Verzoek("post", pad(regio), {}, "regio met ander"), alleen(SCHRIJVERS, ja=404)),
        # Last: it removes the figures.
        Geval(Verzoek("post", pad(eigen), {}, "eigen"), alleen(SCHRIJVERS, ja=302)),
    ]


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "verslagen:jaarverslag": _jaarverslag,
    "verslagen:bestand": _bestand,
    "verslagen:tekst": _tekst,
    "verslagen:infographic": _infographic,
    "verslagen:benchmark": _benchmark,
    "verslagen:benchmark_verwijderen": _benchmark_verwijderen,
}
