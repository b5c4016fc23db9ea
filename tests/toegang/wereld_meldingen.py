"""The administratie's records in the test world: every person's melding is put in the
queue (status nieuw) with a melder's name and reason that identify it, so the leak check
looks for them; no new meldingen (the exact record sets of test_beleid_regels stay). And a
toewijzingsregel per gemeente (ids kept on the world for the matrix)."""

from __future__ import annotations

from toegangswereld import Wereld

from leerplicht.domein.rollen import Rol
from leerplicht.meldingen.models import Melding
from leerplicht.werkprocessen.models import Toewijzingsregel


def breid_uit(wereld: Wereld) -> None:
    for wp in wereld.personen.values():
        code = wp.persoon.pk
        Melding.objects.filter(pk=wp.records["melding"]).update(
            status="nieuw",
            bron="duo",
            melder_naam=f"Melder-{code}",
            vermoedelijke_reden=f"Reden-{code}",
        )
        wp.records |= {"melder": f"Melder-{code}", "reden": f"Reden-{code}"}
    lpa = wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR.value]
    wereld.toewijzingsregels = {  # type: ignore[attr-defined]
        gemeente.code: Toewijzingsregel.objects.create(
            volgorde=10, gemeente=gemeente, behandelaar=lpa
        ).pk
        for gemeente in (wereld.eigen, wereld.ander)
    }
