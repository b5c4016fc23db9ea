"""Expectations of the letter screens (brieven app), written by hand.

The templates (list, download, upload, preview): only the applicatiebeheerder; an
unknown soort is a 404 for them. Sending a letter: the rollen that send letters
(administratief medewerker, leerplichtambtenaar, consulent Doorstroompunt, teammanager),
each only for werkprocessen in their reach (404 otherwise, like a dossier). Posts are
sent empty, so nothing is stored (400) and every user can post them in turn.
"""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import PERSONEN, Geval, Verzoek, alleen, dossier
from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol

BEHEER = frozenset({Rol.APPLICATIEBEHEERDER})


def _sjablonen(w: Wereld) -> list[Geval]:
    return [Geval(Verzoek("get", "/brieven/"), alleen(BEHEER))]


def _sjabloon(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/brieven/waarschuwing/"), alleen(BEHEER)),
        Geval(Verzoek("get", "/brieven/bestaatniet/"), alleen(BEHEER, ja=404)),
        # No file: the list page again with the message, nothing stored.
        Geval(Verzoek("post", "/brieven/waarschuwing/", {"versie": ""}), alleen(BEHEER, ja=400)),
    ]


def _voorbeeld(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/brieven/uitnodiging/voorbeeld/"), alleen(BEHEER)),
        Geval(Verzoek("get", "/brieven/bestaatniet/voorbeeld/"), alleen(BEHEER, ja=404)),
    ]


def _versturen(w: Wereld) -> list[Geval]:
    gevallen = []
    for doel in PERSONEN:
        pad = f"/brieven/werkproces/{w.personen[doel].records['werkproces']}/"
        gevallen += [
            Geval(Verzoek("get", pad, omschrijving=doel), dossier(doel)),
            Geval(Verzoek("post", pad, {}, doel), dossier(doel, zichtbaar=400)),
        ]
    gevallen.append(
        Geval(Verzoek("get", "/brieven/werkproces/BESTAATNIET/"), dossier("", onzichtbaar=404))
    )
    return gevallen


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "brieven:sjablonen": _sjablonen,
    "brieven:sjabloon": _sjabloon,
    "brieven:voorbeeld": _voorbeeld,
    "brieven:versturen": _versturen,
}
