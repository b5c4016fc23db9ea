"""Expectations of the Doorstroompunt screens (doorstroompunt app), written by hand.

The overview: the rollen that do Doorstroompunt work (consulent, teammanager). The traject
page: every dossier rol that sees the vsv-traject (toegang.beleid: vsv-trajecten of the own
gemeenten; only the two jongeren of the world have one). The forms: consulent and
teammanager only, 404 out of reach, 400 for an empty form (nothing stored).
"""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import DOSSIERS, Geval, Verzoek, alleen, dossier, iedereen
from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol

WERKEN = frozenset({Rol.CONSULENT_DOORSTROOMPUNT, Rol.TEAMMANAGER})
JONGEREN = ("eigen_jongere", "ander_jongere")


def _vsv(w: Wereld, doel: str) -> str:
    return w.personen[doel].records["vsv"]


def _overzicht(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/doorstroompunt/"), alleen(WERKEN)),
        # Another gemeente's code filters nothing in: the own lists, no leak.
        Geval(Verzoek("get", "/doorstroompunt/?gemeente=GM9202"), alleen(WERKEN)),
    ]


def _pagina(w: Wereld) -> list[Geval]:
    gevallen = [
        Geval(Verzoek("get", f"/doorstroompunt/{_vsv(w, d)}/", omschrijving=d), dossier(d))
        for d in JONGEREN
    ]
    gevallen.append(
        Geval(Verzoek("get", "/doorstroompunt/BESTAATNIET/"), dossier("", onzichtbaar=404))
    )
    return gevallen


def _handeling(doel: str) -> dict[str, int]:
    uitkomst = alleen(WERKEN, ja=400)
    for rol in WERKEN:
        if doel not in DOSSIERS.get(rol, frozenset()):
            uitkomst[rol] = 404
    return uitkomst


def _formulier(stap: str) -> Callable[[Wereld], list[Geval]]:
    def gevallen(w: Wereld) -> list[Geval]:
        lijst = [
            Geval(Verzoek("get", f"/doorstroompunt/{_vsv(w, 'eigen_jongere')}/{stap}/"),
                  iedereen(405))
        ]  # fmt: skip
        for doel in JONGEREN:
            pad = f"/doorstroompunt/{_vsv(w, doel)}/{stap}/"
            lijst.append(Geval(Verzoek("post", pad, {}, doel), _handeling(doel)))
        return lijst

    return gevallen


def _overdracht(w: Wereld) -> list[Geval]:
    """No werkproces of the world was handed over: 404 for who may take one on."""
    lijst = [
        Geval(
            Verzoek(
                "get",
                f"/doorstroompunt/overdracht/{w.personen['eigen_kind'].records['werkproces']}/aannemen/",
            ),
            iedereen(405),
        )
    ]
    for doel in ("eigen_kind", "eigen_jongere", "ander_kind"):
        pad = f"/doorstroompunt/overdracht/{w.personen[doel].records['werkproces']}/aannemen/"
        lijst.append(Geval(Verzoek("post", pad, {}, doel), alleen(WERKEN, ja=404)))
    return lijst


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "doorstroompunt:overzicht": _overzicht,
    "doorstroompunt:vsv": _pagina,
    "doorstroompunt:monitoring": _formulier("monitoring"),
    "doorstroompunt:afronden": _formulier("afronden"),
    "doorstroompunt:voorstel_bevestigen": _formulier("voorstel"),
    "doorstroompunt:voorstel_afwijzen": _formulier("voorstel/afwijzen"),
    "doorstroompunt:overdracht_aannemen": _overdracht,
}


def _uitschrijvingen(w: Wereld) -> list[Geval]:
    """The upload of DUO's de-registrations: the form for who works at the Doorstroompunt;
    an empty POST is refused (400, nothing stored)."""
    return [
        Geval(Verzoek("get", "/doorstroompunt/uitschrijvingen/"), alleen(WERKEN)),
        Geval(Verzoek("post", "/doorstroompunt/uitschrijvingen/", {}), alleen(WERKEN, ja=400)),
    ]


VERWACHTINGEN["doorstroompunt:uitschrijvingen"] = _uitschrijvingen


def _cijfers(w: Wereld) -> list[Geval]:
    """The figures screen: who works at the Doorstroompunt. Another gemeente's code, a
    malformed or out-of-range schooljaar: the own figures with a message, no leak."""
    return [
        Geval(Verzoek("get", "/doorstroompunt/cijfers/"), alleen(WERKEN)),
        Geval(Verzoek("get", "/doorstroompunt/cijfers/?gemeente=GM9202"), alleen(WERKEN)),
        Geval(
            Verzoek("get", "/doorstroompunt/cijfers/?schooljaar=2024-2026&gemeente=%00"),
            alleen(WERKEN),
        ),
        Geval(Verzoek("post", "/doorstroompunt/cijfers/", {}), iedereen(405)),
    ]


VERWACHTINGEN["doorstroompunt:cijfers"] = _cijfers
