"""Authorisation matrix: vrijstellingen and verlof (vrijstellingen:*).

Registering is the administratie's, the leerplichtambtenaar's and the teammanager's
work (Handeling.VRIJSTELLING_REGISTREREN); deciding the LPA's and the teammanager's
(VRIJSTELLING_BESLUITEN). The Doorstroompunt does not handle vrijstellingen (403).
Another gemeente's vrijstelling or verlof: 404; its person in a form: 400 "not found".
"""

from __future__ import annotations

from matrixhulp import PERSONEN, Geval, Verzoek, alleen
from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol

REGISTREERT = frozenset({Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER})
BESLIST = frozenset({Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER})
KINDEREN = ("eigen_kind", "ander_kind")


def _per_object(doel: str, ja: int = 200) -> dict[str, int]:
    """Registering rollen: `ja` for the own gemeente, 404 for the other; others 403."""
    uitkomst = alleen(REGISTREERT)
    for rol in REGISTREERT:
        uitkomst[rol] = ja if doel.startswith("eigen") else 404
    return uitkomst


def _overzicht(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/vrijstellingen/"), alleen(REGISTREERT)),
        # Another gemeente's code is ignored: still only the own gemeente.
        Geval(Verzoek("get", "/vrijstellingen/?gemeente=GM9202"), alleen(REGISTREERT)),
    ]


def _vrijstelling(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/vrijstellingen/BESTAATNIET/"), _per_object("ander"))]
    for doel in KINDEREN:
        pk = w.personen[doel].records["vrijstelling"]
        gevallen.append(Geval(Verzoek("get", f"/vrijstellingen/{pk}/", omschrijving=doel),
                              _per_object(doel)))  # fmt: skip
        # Deciding: the administratie may not (403); the world's vrijstelling is decided
        # already, so the LPA's decision is refused by the rules (400), nothing stored.
        besluit = _per_object(doel, ja=400)
        besluit[Rol.ADMINISTRATIEF_MEDEWERKER] = 403 if doel.startswith("eigen") else 404
        gevallen.append(
            Geval(
                Verzoek("post", f"/vrijstellingen/{pk}/",
                        {"actie": "besluit", "besluit-versie": "1"}, f"besluit {doel}"),
                besluit,
            )
        )  # fmt: skip
    return gevallen


def _nieuw(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/vrijstellingen/nieuw/"), alleen(REGISTREERT))]
    for doel in PERSONEN:
        data = {
            "persoon": w.pk(doel),
            "gemeente": w.eigen.pk,
            "grond": "5a",
            "aangevraagd": "2024-09-01",
            "geldig_van": "2024-09-01",
        }
        # Own person: registered, on to the new vrijstelling (302); the other gemeente's:
        # "not found" (400), the typed number not shown again.
        gevallen.append(
            Geval(Verzoek("post", "/vrijstellingen/nieuw/", data, doel),
                  _per_object(doel, ja=302) | {
                      r: 400 for r in REGISTREERT if not doel.startswith("eigen")}),
        )  # fmt: skip
    return gevallen


def _verlof_nieuw(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/vrijstellingen/verlof/nieuw/"), alleen(REGISTREERT))]
    for doel in PERSONEN:
        data = {
            "persoon": w.pk(doel),
            "gemeente": w.eigen.pk,
            "soort": "gewichtige_omstandigheden",
            "aangevraagd": "2024-09-01",
            "van": "2024-09-02",
            "tot": "2024-09-20",
            "aantal_schooldagen": "15",
            "reden": "begrafenis in het buitenland",
        }
        gevallen.append(
            Geval(Verzoek("post", "/vrijstellingen/verlof/nieuw/", data, doel),
                  _per_object(doel, ja=302) | {
                      r: 400 for r in REGISTREERT if not doel.startswith("eigen")}),
        )  # fmt: skip
    return gevallen


def _verlof(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/vrijstellingen/verlof/999999/"), _per_object("ander"))]
    for doel in KINDEREN:
        pk = w.personen[doel].records["verlofaanvraag"]
        gevallen.append(
            Geval(Verzoek("get", f"/vrijstellingen/verlof/{pk}/", omschrijving=doel),
                  _per_object(doel))
        )  # fmt: skip
        # Deciding without data: 400 for the deciders, 403 for the administratie.
        besluit = _per_object(doel, ja=400)
        besluit[Rol.ADMINISTRATIEF_MEDEWERKER] = 403 if doel.startswith("eigen") else 404
        gevallen.append(
            Geval(Verzoek("post", f"/vrijstellingen/verlof/{pk}/", {}, f"besluit {doel}"),
                  besluit)
        )  # fmt: skip
    return gevallen


VERWACHTINGEN = {
    "vrijstellingen:overzicht": _overzicht,
    "vrijstellingen:vrijstelling": _vrijstelling,
    "vrijstellingen:nieuw": _nieuw,
    "vrijstellingen:verlof_nieuw": _verlof_nieuw,
    "vrijstellingen:verlof": _verlof,
}
