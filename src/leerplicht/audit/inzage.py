"""Inzage (AVG art. 15): everything the system holds about one person, as one zip.

The zip holds `inzage-<id>.json` (all data, machine-readable) and `LEESMIJ.txt`
(what the parts mean). The audit entries about the person say when, what and in
which rol the data was used, but not which employee nor from where: the right of
access covers the processing, not the identity of each employee (CJEU C-579/21,
Pankki S, 2023); the privacy officer sees those in the audit screen when needed.
Making an inzage is itself logged (actie "inzage").
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from leerplicht.modellen import M, OpModel
from leerplicht.register.models import Inschrijving, Persoon

from .logboek import json_waarde, registreer

if TYPE_CHECKING:
    pass


FORMAATVERSIE = 1

LEESMIJ = """Inzage in persoonsgegevens (AVG artikel 15)

Dit bestand is gemaakt door Leerplicht op {gemaakt_op} voor persoon {persoon_id}.
Het JSON-bestand bevat alles wat het systeem over deze persoon bewaart:

- persoon: de gegevens uit de leerplichtadministratie (BSN, geboortedatum, woongemeente,
  datum startkwalificatie);
- inschrijvingen: op welke school, van wanneer tot wanneer;
- meldingen: verzuimmeldingen (meldingsnummer, datum, soort, school);
- werkprocessen: dossiers van de leerplichtambtenaar of het Doorstroompunt, met de
  interventies (gesprekken, brieven, Halt, proces-verbaal);
- per werkproces ook de notities en de statuswijzigingen (gebeurtenissen);
- documenten: de brieven en andere bestanden in het dossier, als bestanden in de map
  `documenten/` van dit zip-bestand (het JSON-bestand noemt ze);
- vrijstellingen, verlofaanvragen, thuiszitperiodes en vsv-trajecten, per vsv-traject
  met de voorstellen "geen doelgroep meer" (of meeverhuizen) en wat ermee is gebeurd;
- verwerkingen: wanneer de gegevens zijn ingezien, aangemaakt, gewijzigd of verwijderd,
  welke velden, en in welke rol (niet door welke medewerker). Bij een wijziging staan de
  oude en nieuwe waarde erbij; een BSN staat in het auditlog nooit leesbaar, alleen als
  vingerafdruk. Gegevens die met een import uit een ander systeem zijn ingelezen, staan
  hier niet per persoon: elke import is één regel in het auditlog.

Datums staan als JJJJ-MM-DD. Een leeg veld (null) is onbekend of niet van toepassing.
"""


def _rijen(queryset: models.QuerySet, *, zonder: Iterable[str] = ()) -> list[dict[str, Any]]:
    velden = [f.attname for f in queryset.model._meta.concrete_fields if f.attname not in zonder]
    return [json_waarde(rij) for rij in queryset.values(*velden)]


def _verwerkingen(persoon_id: str) -> list[dict[str, Any]]:
    regels = (
        M.Auditregel.objects.filter(persoon_id=persoon_id)
        .order_by("volgnummer")
        .values(
            "volgnummer",
            "tijdstip",
            "rol",
            "actie",
            "object_type",
            "object_id",
            "velden",
            "voor",
            "na",
        )
    )
    return [json_waarde(r) for r in regels.iterator(chunk_size=2000)]


def inzagegegevens(persoon: Persoon) -> dict[str, Any]:
    """All data about `persoon`, as plain JSON values."""
    werkprocessen = []
    for werkproces in _rijen(
        M.Werkproces.objects.filter(persoon=persoon).order_by("geopend", "id")
    ):
        werkproces["interventies"] = _rijen(
            M.Interventie.objects.filter(werkproces_id=werkproces["id"]).order_by("datum", "id"),
            zonder=("werkproces_id",),
        )
        werkproces["notities"] = _rijen(
            M.Notitie.objects.filter(werkproces_id=werkproces["id"]), zonder=("werkproces_id",)
        )
        werkproces["gebeurtenissen"] = _rijen(
            M.Gebeurtenis.objects.filter(werkproces_id=werkproces["id"]), zonder=("werkproces_id",)
        )
        werkprocessen.append(werkproces)
    return {
        "formaatversie": FORMAATVERSIE,
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "persoon": _rijen(Persoon.objects.filter(pk=persoon.pk))[0]
        | {"gemeente_naam": persoon.gemeente.naam},
        "inschrijvingen": _rijen(
            Inschrijving.objects.filter(persoon=persoon).order_by("van", "id"), zonder=("id",)
        ),
        "meldingen": _rijen(M.Melding.objects.filter(persoon=persoon).order_by("datum", "pk")),
        "werkprocessen": werkprocessen,
        "vrijstellingen": _rijen(
            M.Vrijstelling.objects.filter(persoon=persoon).order_by("aangevraagd", "id")
        ),
        "verlofaanvragen": _rijen(
            M.Verlofaanvraag.objects.filter(persoon=persoon).order_by("van", "pk")
        ),
        "documenten": [
            rij | {"bestand": _documentpad(rij)}
            for rij in _rijen(M.Document.objects.filter(persoon=persoon), zonder=("inhoud",))
        ],
        "thuiszitperiodes": _rijen(
            M.Thuiszitter.objects.filter(persoon=persoon).order_by("van", "id")
        ),
        "vsv_trajecten": [
            traject
            | {
                "voorstellen": _rijen(
                    M.Voorstel.objects.filter(vsv_id=traject["id"]).order_by("gemaakt_op", "id"),
                    zonder=("vsv_id",),
                )
            }
            for traject in _rijen(
                M.Vsv.objects.filter(persoon=persoon).order_by("uitgeschreven", "id")
            )
        ],
        "verwerkingen": _verwerkingen(persoon.pk),
    }


#: Every model with person data and where the inzage puts it (a test compares this with
#: `toegang.beleid.ZICHTBAAR`, so a new model cannot be forgotten here).
ONDERDELEN: OpModel[str] = OpModel(
    {
        Persoon: "persoon",
        Inschrijving: "inschrijvingen",
        "meldingen.Melding": "meldingen",
        "werkprocessen.Werkproces": "werkprocessen",
        "werkprocessen.Interventie": "werkprocessen.interventies",
        "werkprocessen.Notitie": "werkprocessen.notities",
        "werkprocessen.Gebeurtenis": "werkprocessen.gebeurtenissen",
        "werkprocessen.Document": "documenten",
        "vrijstellingen.Vrijstelling": "vrijstellingen",
        "vrijstellingen.Verlofaanvraag": "verlofaanvragen",
        "thuiszitters.Thuiszitter": "thuiszitperiodes",
        "doorstroompunt.Vsv": "vsv_trajecten",
        "doorstroompunt.Voorstel": "vsv_trajecten.voorstellen",
        "jikp.Jikpregistratie": "jikp_registraties",
    }
)


def _documentpad(rij: dict[str, Any]) -> str:
    return f"documenten/{rij['id']}-{rij['bestandsnaam']}"


def bestandsnaam(persoon: Persoon) -> str:
    return f"inzage-{persoon.pk}.zip"


def maak_inzage(persoon: Persoon, *, request=None, gebruiker=None) -> bytes:
    """The zip for `persoon`; logs the inzage (in the same transaction as the reading)."""
    gegevens = inzagegegevens(persoon)
    registreer(
        "inzage",
        request=request,
        gebruiker=gebruiker,
        object_type="persoon",
        object_id=persoon.pk,
        velden=[sleutel for sleutel in gegevens if sleutel not in ("formaatversie", "gemaakt_op")],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zip_:
        zip_.writestr(
            f"inzage-{persoon.pk}.json",
            json.dumps(gegevens, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
        )
        for document in M.Document.objects.filter(persoon=persoon).only(
            "pk", "bestandsnaam", "inhoud"
        ):
            pad = _documentpad({"id": document.pk, "bestandsnaam": document.bestandsnaam})
            zip_.writestr(pad, bytes(document.inhoud))
        zip_.writestr(
            "LEESMIJ.txt",
            LEESMIJ.format(gemaakt_op=gegevens["gemaakt_op"], persoon_id=persoon.pk),
        )
    return buffer.getvalue()
