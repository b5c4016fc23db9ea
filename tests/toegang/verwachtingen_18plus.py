"""Expectations of the Doorstroompunt's 18+ screens on werkprocessen
(werkprocessen.views_18plus), written by hand.

Both need Handeling.WERKPROCES_BEHANDELEN (leerplichtambtenaar, consulent Doorstroompunt,
teammanager). A person or werkproces out of reach: 404. The outcome page exists only for
an 18+ werkproces: the 12-year-old's relatief verzuim gives 404 to everyone allowed in.
An empty POST stores nothing: 400.
"""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import DOSSIERS, PERSONEN, Geval, Verzoek, alleen
from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol

BEHANDELEN = frozenset({Rol.LEERPLICHTAMBTENAAR, Rol.CONSULENT_DOORSTROOMPUNT, Rol.TEAMMANAGER})


def _verwacht(doel: str, ja: int, bestaat: bool = True) -> dict[str, int]:
    uitkomst = alleen(BEHANDELEN, ja=ja)
    for rol in BEHANDELEN:
        if not bestaat or doel not in DOSSIERS.get(rol, frozenset()):
            uitkomst[rol] = 404
    return uitkomst


def _uitkomst(w: Wereld) -> list[Geval]:
    gevallen = []
    for doel in PERSONEN:
        pad = f"/werkprocessen/{w.personen[doel].records['werkproces']}/uitkomst-18plus/"
        achttien_plus = doel.endswith("jongere")
        gevallen += [
            Geval(Verzoek("get", pad, omschrijving=doel), _verwacht(doel, 200, achttien_plus)),
            Geval(Verzoek("post", pad, {}, doel), _verwacht(doel, 400, achttien_plus)),
        ]
    return gevallen


def _traject(w: Wereld) -> list[Geval]:
    gevallen = []
    for doel in PERSONEN:
        pad = f"/werkprocessen/persoon/{w.personen[doel].persoon.pk}/zorg-preventie-18plus/"
        gevallen += [
            Geval(Verzoek("get", pad, omschrijving=doel), _verwacht(doel, 200)),
            Geval(Verzoek("post", pad, {}, doel), _verwacht(doel, 400)),
        ]
    gevallen.append(
        Geval(
            Verzoek("get", "/werkprocessen/persoon/BESTAATNIET/zorg-preventie-18plus/"),
            _verwacht("", 200, bestaat=False),
        )
    )
    return gevallen


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "werkprocessen:uitkomst_18plus": _uitkomst,
    "werkprocessen:zorg_preventie_18plus_openen": _traject,
}
