"""Work in the demo's queues, so the casework screens show something on the first start:
assignment rules (every demo gemeente to the demo `lpa`, verzuim 18+ to `dsp`) and one
Verzuimloket delivery for a dozen pupils, taken in through the DUO adapter like a real
delivery. Done once: nothing is added when rules or DUO meldingen exist already.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from leerplicht.duo.koppeling import duo_koppeling
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand
from leerplicht.meldingen.intake import neem_in
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.toegang.beleid import SYSTEEM
from leerplicht.werkprocessen.models import Toewijzingsregel

#: Pupils in the demo delivery.
AANTAL_MELDINGEN = 12


def zorg_voor_toewijzingsregels(lpa: str = "lpa", dsp: str = "dsp") -> int:
    """One rule per demo gemeente; returns how many were made (0 if rules exist)."""
    if Toewijzingsregel.objects.exists():
        return 0
    gebruikers = get_user_model().objects
    lpa_gebruiker, dsp_gebruiker = gebruikers.get(username=lpa), gebruikers.get(username=dsp)
    regels = []
    for gemeente in Gemeente.objects.order_by("code"):
        regels.append(
            Toewijzingsregel(
                volgorde=10,
                gemeente=gemeente,
                werkprocestype="verzuim_18plus",
                behandelaar=dsp_gebruiker,
            )
        )
        regels.append(Toewijzingsregel(volgorde=20, gemeente=gemeente, behandelaar=lpa_gebruiker))
    Toewijzingsregel.objects.bulk_create(regels)
    return len(regels)


def zorg_voor_demolevering(map: Path) -> int:
    """Take in one delivery of pupils aged 12 to 15 at their latest school; returns the count."""
    if Melding.objects.filter(bron="duo").exists():
        return 0
    vandaag = timezone.localdate()
    laatste_school = Subquery(
        Inschrijving.objects.filter(persoon=OuterRef("pk")).order_by("-van").values("school_id")[:1]
    )
    leerlingen = list(
        Persoon.objects.filter(
            bsn__isnull=False,
            geboortedatum__lte=vandaag - timedelta(days=12 * 366),
            geboortedatum__gt=vandaag - timedelta(days=15 * 365),
        )
        .annotate(school_id=laatste_school)
        .filter(school_id__isnull=False)
        .order_by("pk")[:AANTAL_MELDINGEN]
    )
    aantal = 0
    map.mkdir(parents=True, exist_ok=True)
    per_school: dict[str, list[Persoon]] = {}
    for leerling in leerlingen:
        per_school.setdefault(leerling.school_id, []).append(leerling)
    scholen = School.objects.in_bulk(per_school)
    for i, (school_id, groep) in enumerate(sorted(per_school.items())):
        school = scholen[school_id]
        pad = map / f"verzuimloket-demo-{i + 1}.csv"
        schrijf_verzuimloket_bestand(
            pad,
            groep,
            brin=school.brin,
            vestiging=school.vestiging,
            meldingsdatum=vandaag - timedelta(days=i),
            voorvoegsel=f"DEMO{i + 1}-",
        )
        aantal += neem_in(
            duo_koppeling().lees_verzuimmeldingen(pad), gemeente=None, door=SYSTEEM
        ).aantal
    return aantal
