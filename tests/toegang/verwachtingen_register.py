"""Matrix expectations of the register pages beyond the search and the dossier.

Recording the facts that end a leerplicht early (art. 3 lid 1 onder a, art. 4a lid 2) is
completing the dossier: the rollen that do MELDINGEN_VERWERKEN (administratie,
leerplichtambtenaar, teammanager), for persons of their own gemeente (else 404).
"""

from __future__ import annotations

from matrixhulp import EIGEN_PERSONEN, PERSONEN, Geval, Verzoek, alleen

from leerplicht.domein.rollen import Rol

VASTLEGGEN = frozenset({Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER})


def _leerplichtfeiten(w) -> list[Geval]:
    gevallen = []
    for doel in PERSONEN:
        pad = f"/personen/{w.pk(doel)}/leerplichtfeiten/"
        eigen = doel in EIGEN_PERSONEN
        gevallen.append(
            Geval(
                Verzoek("get", pad, omschrijving=doel), alleen(VASTLEGGEN, ja=200 if eigen else 404)
            )
        )
        # Not 31 July: refused for a person in reach (400), nothing stored; elsewhere 404.
        data = {"twaalf_schooljaren_voltooid": "2020-06-30", "twaalf_schooljaren_bron": "x"}
        gevallen.append(
            Geval(Verzoek("post", pad, data, doel), alleen(VASTLEGGEN, ja=400 if eigen else 404))
        )
    gevallen.append(
        Geval(
            Verzoek("get", "/personen/BESTAATNIET/leerplichtfeiten/"),
            alleen(VASTLEGGEN, ja=404),
        )
    )
    return gevallen


VERWACHTINGEN = {"dossier:leerplichtfeiten": _leerplichtfeiten}
