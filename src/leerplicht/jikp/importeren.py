"""Import of the yearly JIKP list: all or nothing, persons matched by BSN.

Every row is checked first (layout, codes, peiljaar, a known BSN, no person twice for
the same peiljaar); only a file without errors is stored, in one transaction. A row
for a person and peiljaar already registered updates it: a later list adds the
situation after three and five years. An empty situation cell leaves what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from leerplicht.audit.logboek import registreer
from leerplicht.invoer.fouten import STANDAARD_MAXIMUM, Foutenlijst
from leerplicht.invoer.lezer import Bestandslezer
from leerplicht.register.models import Gemeente, Persoon

from .formaat import bestandsspec
from .models import Jikpregistratie

SITUATIES = ("situatie_1_jaar", "situatie_3_jaar", "situatie_5_jaar")


class OngeldigeJikplijst(Exception):
    """The file has errors; nothing was stored. `regels()`: `bestand:regel: kolom: melding`."""

    def __init__(self, fouten: Foutenlijst) -> None:
        self.fouten = fouten
        super().__init__(f"{fouten.aantal} fout(en)")

    def regels(self) -> list[str]:
        return self.fouten.regels()


@dataclass(frozen=True)
class Resultaat:
    nieuw: int
    bijgewerkt: int


def importeer(pad: Path, gemeente: Gemeente, *, max_fouten: int = STANDAARD_MAXIMUM) -> Resultaat:
    pad = Path(pad)
    naam = pad.name
    fouten = Foutenlijst(max_fouten)
    if not pad.is_file():
        fouten.voeg_toe(naam, 1, "", "bestand bestaat niet of is geen bestand")
        raise OngeldigeJikplijst(fouten)
    lezer = Bestandslezer(bestandsspec(naam), fouten)
    rijen: list[tuple[int, dict]] = []
    gezien: dict[tuple[str, str], int] = {}
    with pad.open("rb") as invoer:
        for regel, rij in lezer.rijen(invoer):
            sleutel = (str(rij["bsn"]), str(rij["peiljaar"]))
            if sleutel in gezien:
                fouten.voeg_toe(
                    naam, regel, "bsn",
                    f"deze persoon staat voor peiljaar {sleutel[1]} ook op regel {gezien[sleutel]}",
                )  # fmt: skip
                continue
            gezien[sleutel] = regel
            rijen.append((regel, rij))
    personen = dict(
        Persoon.objects.filter(bsn__in={str(r["bsn"]) for _, r in rijen}).values_list("bsn", "pk")
    )
    for regel, rij in rijen:
        if str(rij["bsn"]) not in personen:
            # Never the BSN itself in the message: it goes to logs and screens.
            fouten.voeg_toe(naam, regel, "bsn", "geen persoon met dit BSN in de registratie")
    if fouten:
        raise OngeldigeJikplijst(fouten)

    nu = timezone.now()
    nieuw = bijgewerkt = 0
    with transaction.atomic():
        for _, rij in rijen:
            persoon_id = personen[str(rij["bsn"])]
            velden = {
                "gemeente": gemeente,
                "herkomst": rij["herkomst"],
                "bron": str(rij["bron"] or naam)[:200],
                "bijgewerkt_op": nu,
                **{s: rij[s] for s in SITUATIES if rij[s] is not None},
            }
            # One save per row: the audit signals log each change with before and after.
            bestaand = Jikpregistratie.objects.filter(
                persoon_id=persoon_id, peiljaar=rij["peiljaar"]
            ).first()
            if bestaand is None:
                Jikpregistratie.objects.create(
                    persoon_id=persoon_id, peiljaar=rij["peiljaar"], **velden
                )
                nieuw += 1
            else:
                for veld, waarde in velden.items():
                    setattr(bestaand, veld, waarde)
                bestaand.save()
                bijgewerkt += 1
        registreer(
            "importeren",
            object_type="jikp",
            object_id=gemeente.code,
            toelichting={"nieuw": nieuw, "bijgewerkt": bijgewerkt},
        )
    return Resultaat(nieuw, bijgewerkt)
