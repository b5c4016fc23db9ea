"""Matrix expectations of the thuiszitters pages.

The list: every dossier rol (the consulent DSP sees an empty list: thuiszitters are
under 18). Registering (start, confirm, end) is for the rollen that do
MELDINGEN_VERWERKEN: administratie, leerplichtambtenaar, teammanager.
"""

from __future__ import annotations

from matrixhulp import DOSSIERROLLEN, EIGEN_PERSONEN, Geval, Verzoek, alleen, iedereen

from leerplicht.domein.rollen import Rol

REGISTREREN = frozenset({Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER})
KINDEREN = ("eigen_kind", "ander_kind")  # the persons with a thuiszitperiode


def _lijst(w) -> list[Geval]:
    return [Geval(Verzoek("get", "/thuiszitters/"), alleen(DOSSIERROLLEN))]


def _nieuw(w) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/thuiszitters/nieuw/"), alleen(REGISTREREN))]
    for doel in ("eigen_jongere", "ander_jongere"):
        # Filled in from the dossier link: the form only (the number came in the URL).
        gevallen.append(
            Geval(Verzoek("get", f"/thuiszitters/nieuw/?persoon={w.pk(doel)}"), alleen(REGISTREREN))
        )
        # A begin date in the future is refused for a person in reach (400); a person out
        # of reach is "not found" (400 too): nothing is stored either way.
        data = {"persoon": w.pk(doel), "van": "2999-01-01"}
        gevallen.append(
            Geval(Verzoek("post", "/thuiszitters/nieuw/", data, doel), alleen(REGISTREREN, ja=400))
        )
    return gevallen


def _bevestigen(w) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/thuiszitters/bevestigen/"), iedereen(405))]
    for doel in KINDEREN:
        # No signal stands for these meldingen: back to the list with a message.
        data = {"melding": w.personen[doel].records["melding"]}
        gevallen.append(
            Geval(
                Verzoek("post", "/thuiszitters/bevestigen/", data, doel),
                alleen(REGISTREREN, ja=302),
            )
        )
    return gevallen


def _periode(w) -> list[Geval]:
    gevallen = []
    for doel in KINDEREN:
        periode = w.personen[doel].records["thuiszitter"]
        eigen = doel in EIGEN_PERSONEN
        gevallen.append(
            Geval(
                Verzoek("get", f"/thuiszitters/{periode}/", omschrijving=doel),
                alleen(REGISTREREN, ja=200 if eigen else 404),
            )
        )
        # An outdated versie: a conflict (409), never saved; another gemeente: 404.
        data = {"versie": "999", "aanbod": "2024-10-01"}
        gevallen.append(
            Geval(
                Verzoek("post", f"/thuiszitters/{periode}/", data, doel),
                alleen(REGISTREREN, ja=409 if eigen else 404),
            )
        )
    return gevallen


VERWACHTINGEN = {
    "thuiszitters:lijst": _lijst,
    "thuiszitters:nieuw": _nieuw,
    "thuiszitters:bevestigen": _bevestigen,
    "thuiszitters:periode": _periode,
}
