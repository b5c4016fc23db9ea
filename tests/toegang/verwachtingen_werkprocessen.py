"""Expectations of the werkproces page and its forms (werkprocessen app), written by hand.

Reading: the dossier rollen, each for the werkprocessen it may see (the consulent
Doorstroompunt only the 18+ werkproces of the own gemeente). The forms: only the rollen that
do that kind of work (domein.rollen.HANDELINGEN, spelled out here again), 404 for a
werkproces out of reach, and for an empty form 400 (nothing is stored, so the matrix can
post every form for every user).
"""

from __future__ import annotations

from collections.abc import Callable

from matrixhulp import DOSSIERS, PERSONEN, Geval, Verzoek, alleen, dossier, iedereen
from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Document

BEHANDELEN = frozenset({Rol.LEERPLICHTAMBTENAAR, Rol.CONSULENT_DOORSTROOMPUNT, Rol.TEAMMANAGER})
NOTITIES = BEHANDELEN | {Rol.ADMINISTRATIEF_MEDEWERKER}
HEROPENEN = frozenset({Rol.TEAMMANAGER})


def _werkproces(w: Wereld, doel: str) -> str:
    return w.personen[doel].records["werkproces"]


def _pagina(w: Wereld) -> list[Geval]:
    gevallen = [
        Geval(Verzoek("get", f"/werkprocessen/{_werkproces(w, d)}/", omschrijving=d), dossier(d))
        for d in PERSONEN
    ]
    gevallen.append(
        Geval(Verzoek("get", "/werkprocessen/BESTAATNIET/"), dossier("", onzichtbaar=404))
    )
    return gevallen


def _document(w: Wereld) -> list[Geval]:
    gevallen = []
    for doel in PERSONEN:
        pk = Document.objects.get(titel=w.personen[doel].records["document"]).pk
        gevallen.append(
            Geval(
                Verzoek("get", f"/werkprocessen/document/{pk}/", omschrijving=doel), dossier(doel)
            )
        )
    gevallen.append(
        Geval(Verzoek("get", "/werkprocessen/document/999999/"), dossier("", onzichtbaar=404))
    )
    return gevallen


def _handeling(doel: str, rollen: frozenset[Rol]) -> dict[str, int]:
    """400 (empty form) for these rollen on a werkproces they see, 404 out of reach, else 403."""
    uitkomst = alleen(rollen, ja=400)
    for rol in rollen:
        if doel not in DOSSIERS.get(rol, frozenset()):
            uitkomst[rol] = 404
    return uitkomst


def _formulier(stap: str, rollen: frozenset[Rol]) -> Callable[[Wereld], list[Geval]]:
    def gevallen(w: Wereld) -> list[Geval]:
        lijst = [
            Geval(
                Verzoek("get", f"/werkprocessen/{_werkproces(w, 'eigen_kind')}/{stap}/"),
                iedereen(405),
            )
        ]
        for doel in PERSONEN:
            pad = f"/werkprocessen/{_werkproces(w, doel)}/{stap}/"
            lijst.append(Geval(Verzoek("post", pad, {}, doel), _handeling(doel, rollen)))
        return lijst

    return gevallen


VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    "werkprocessen:werkproces": _pagina,
    "werkprocessen:document": _document,
    "werkprocessen:interventie_toevoegen": _formulier("interventie", BEHANDELEN),
    "werkprocessen:halt_uitkomst": _formulier("halt-uitkomst", BEHANDELEN),
    "werkprocessen:om_gegevens": _formulier("om-gegevens", BEHANDELEN),
    "werkprocessen:notitie_toevoegen": _formulier("notitie", NOTITIES),
    "werkprocessen:document_uploaden": _formulier("document", NOTITIES),
    "werkprocessen:sluiten": _formulier("sluiten", BEHANDELEN),
    "werkprocessen:overdragen_dsp": _formulier("overdragen-dsp", BEHANDELEN),
    "werkprocessen:heropenen": _formulier("heropenen", HEROPENEN),
    "werkprocessen:behandelaar": _formulier("behandelaar", BEHANDELEN),
}
