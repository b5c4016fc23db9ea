"""Expectations of the dashboard (dashboard app), written by hand.

The tabs: every rol that sees figures (administratie, leerplichtambtenaar, consulent,
teammanager, beleidsmedewerker); an unknown tab 404 for them. Another gemeente's code, a
malformed school year or group, a NUL byte: the own figures with a message, no leak.
The list of werkprocessen behind a number: the rollen that see dossiers only (so the
beleidsmedewerker gets 403); a question the dashboard never links (another gemeente,
garbage) 400, listing nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import DOSSIERROLLEN, Geval, Verzoek, alleen, iedereen
from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol

CIJFERS = frozenset(
    {
        Rol.ADMINISTRATIEF_MEDEWERKER,
        Rol.LEERPLICHTAMBTENAAR,
        Rol.CONSULENT_DOORSTROOMPUNT,
        Rol.TEAMMANAGER,
        Rol.BELEIDSMEDEWERKER,
    }
)
TABS = (
    "leerlingen",
    "meldingen",
    "leerplichttelling",
    "handhaving",
    "vrijstellingen",
    "thuiszitters",
    "resultaten",
    "doorstroompunt",
)
#: The world's records are of school year 2024-2025.
JAAR = "schooljaar=2024-2025"


def _start(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/dashboard/"), alleen(CIJFERS)),
        Geval(Verzoek("get", f"/dashboard/?{JAAR}&groep=bao_sbo"), alleen(CIJFERS)),
        Geval(Verzoek("get", "/dashboard/?gemeente=GM9202"), alleen(CIJFERS)),
        Geval(
            Verzoek("get", "/dashboard/?schooljaar=2024-2026&gemeente=%00&groep=x%00y"),
            alleen(CIJFERS),
        ),
        Geval(Verzoek("post", "/dashboard/", {}), iedereen(405)),
    ]


def _onderwerp(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", f"/dashboard/{tab}/?{JAAR}"), alleen(CIJFERS)) for tab in TABS]
    gevallen += [
        Geval(Verzoek("get", f"/dashboard/resultaten/?{JAAR}&gemeente=GM9202"), alleen(CIJFERS)),
        Geval(Verzoek("get", "/dashboard/meldingen/?schooljaar=%00"), alleen(CIJFERS)),
        Geval(Verzoek("get", "/dashboard/bestaatniet/"), alleen(CIJFERS, ja=404)),
        Geval(Verzoek("post", "/dashboard/meldingen/", {}), iedereen(405)),
    ]
    return gevallen


def _werkprocessen(w: Wereld) -> list[Geval]:
    lijst = "/dashboard/werkprocessen/"
    return [
        Geval(Verzoek("get", f"{lijst}?{JAAR}&type=relatief_verzuim"), alleen(DOSSIERROLLEN)),
        Geval(
            Verzoek("get", f"{lijst}?{JAAR}&type=verzuim_18plus&groep=geen&gemeente=GM9201"),
            alleen(DOSSIERROLLEN),
        ),
        Geval(Verzoek("get", f"{lijst}?{JAAR}&resultaat=onbekend"), alleen(DOSSIERROLLEN)),
        # Another gemeente's list: refused like garbage, nothing of it shown.
        Geval(
            Verzoek("get", f"{lijst}?{JAAR}&type=relatief_verzuim&gemeente=GM9202"),
            alleen(DOSSIERROLLEN, ja=400),
        ),
        Geval(Verzoek("get", f"{lijst}?schooljaar=x&type=%00"), alleen(DOSSIERROLLEN, ja=400)),
        Geval(Verzoek("get", lijst), alleen(DOSSIERROLLEN, ja=400)),
        Geval(Verzoek("post", lijst, {}), iedereen(405)),
    ]


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "dashboard:start": _start,
    "dashboard:onderwerp": _onderwerp,
    "dashboard:werkprocessen": _werkprocessen,
}
