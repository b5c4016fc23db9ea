"""Expectations of the administratie's screens (meldingen app), written by hand.

The queue, hand entry, upload and a melding's page: only the rollen that process
meldingen (administratief medewerker, leerplichtambtenaar, teammanager: spelled out here
again, not read from domein.rollen), 404 for a melding out of reach. The toewijzingsregels:
only the teammanager, 404 for a rule of another gemeente. Posts that would change state
are sent so that nothing is stored (an empty form: 400; a stale versie: 409), so every
user can post them in turn.
"""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import EIGEN_PERSONEN, PERSONEN, Geval, Verzoek, alleen, iedereen
from toegangswereld import ANDER, EIGEN, Wereld

from leerplicht.domein.rollen import Rol

VERWERKEN = frozenset({Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER})
TEAM = frozenset({Rol.TEAMMANAGER})


def _per_persoon(doel: str, rollen: frozenset[Rol], ja: int = 200) -> dict[str, int]:
    """`ja` for these rollen on a melding of the own gemeente, 404 for another, else 403."""
    return alleen(rollen, ja=ja if doel in EIGEN_PERSONEN else 404)


def _melding(doel: str, w: Wereld) -> str:
    return w.personen[doel].records["melding"]


def _wachtrij(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/meldingen/"), alleen(VERWERKEN)),
        Geval(Verzoek("get", f"/meldingen/?gemeente={ANDER}"), alleen(VERWERKEN)),
        Geval(Verzoek("get", f"/meldingen/?gemeente={EIGEN}"), alleen(VERWERKEN)),
    ]


def _formulier(pad: str) -> Callable[[Wereld], list[Geval]]:
    return lambda w: [
        Geval(Verzoek("get", pad), alleen(VERWERKEN)),
        Geval(Verzoek("post", pad, {}, "leeg formulier"), alleen(VERWERKEN, ja=400)),
    ]


def _detail(w: Wereld) -> list[Geval]:
    gevallen = [
        Geval(
            Verzoek("get", f"/meldingen/{_melding(d, w)}/", omschrijving=d),
            _per_persoon(d, VERWERKEN),
        )
        for d in PERSONEN
    ]
    gevallen.append(Geval(Verzoek("get", "/meldingen/BESTAATNIET/"), alleen(VERWERKEN, ja=404)))
    return gevallen


def _route(w: Wereld) -> list[Geval]:
    gevallen = []
    for d in PERSONEN:
        pad = f"/meldingen/{_melding(d, w)}/route/"
        gevallen += [
            Geval(Verzoek("get", pad, omschrijving=d), iedereen(405)),
            Geval(
                Verzoek("post", pad, {"handeling": "compleet", "versie": "999"}, f"{d} verouderd"),
                _per_persoon(d, VERWERKEN, ja=409),
            ),
        ]
    return gevallen


def _te_laat_per_school(w: Wereld) -> list[Geval]:
    pad = "/meldingen/te-laat-per-school/"
    return [
        Geval(Verzoek("get", pad), alleen(VERWERKEN)),
        Geval(Verzoek("get", f"{pad}?schooljaar=2024-2025"), alleen(VERWERKEN)),
        Geval(
            Verzoek("get", f"{pad}?schooljaar=onzin", omschrijving="ongeldig"), alleen(VERWERKEN)
        ),
        Geval(Verzoek("post", pad, {}, "post"), iedereen(405)),
    ]


def _toewijzing(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/meldingen/toewijzing/"), alleen(TEAM)),
        Geval(
            Verzoek("post", "/meldingen/toewijzing/", {}, "leeg formulier"), alleen(TEAM, ja=400)
        ),
    ]


def _regel(w: Wereld, gemeente: str) -> int:
    return w.toewijzingsregels[gemeente]  # type: ignore[attr-defined]


def _toewijzing_wijzigen(w: Wereld) -> list[Geval]:
    eigen, ander = _regel(w, EIGEN), _regel(w, ANDER)
    return [
        Geval(
            Verzoek("get", f"/meldingen/toewijzing/{eigen}/", omschrijving="eigen"), alleen(TEAM)
        ),
        Geval(
            Verzoek("post", f"/meldingen/toewijzing/{eigen}/", {}, "eigen, leeg formulier"),
            alleen(TEAM, ja=400),
        ),
        Geval(
            Verzoek("get", f"/meldingen/toewijzing/{ander}/", omschrijving="ander"),
            alleen(TEAM, ja=404),
        ),
        Geval(Verzoek("get", "/meldingen/toewijzing/999999/"), alleen(TEAM, ja=404)),
    ]


def _toewijzing_verwijderen(w: Wereld) -> list[Geval]:
    eigen, ander = _regel(w, EIGEN), _regel(w, ANDER)
    return [
        Geval(Verzoek("get", f"/meldingen/toewijzing/{eigen}/verwijderen/"), iedereen(405)),
        Geval(
            Verzoek("post", f"/meldingen/toewijzing/{ander}/verwijderen/", omschrijving="ander"),
            alleen(TEAM, ja=404),
        ),
    ]


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "meldingen:wachtrij": _wachtrij,
    "meldingen:nieuw": _formulier("/meldingen/nieuw/"),
    "meldingen:upload": _formulier("/meldingen/upload/"),
    "meldingen:te_laat_per_school": _te_laat_per_school,
    "meldingen:melding": _detail,
    "meldingen:melding_route": _route,
    "meldingen:toewijzing": _toewijzing,
    "meldingen:toewijzing_wijzigen": _toewijzing_wijzigen,
    "meldingen:toewijzing_verwijderen": _toewijzing_verwijderen,
}
