"""Worklists in the toegang world: every werkproces gets a behandelaar (the LPA test user
for the children's, the consulent DSP for the young adults', in both gemeenten), so "Mijn
werk" has rows and the leak check sees whether another gemeente's work leaks into it.

No new records: test_beleid_regels.py counts the world's records exactly. Deadlines, Halt
without outcome and late verzuimstaten are tested in tests/werklijsten/."""

from __future__ import annotations

from leerplicht.domein.rollen import Rol
from leerplicht.werkprocessen.models import Werkproces


def breid_uit(wereld) -> None:
    for sleutel, wp in wereld.personen.items():
        behandelaar = (
            Rol.LEERPLICHTAMBTENAAR if sleutel.endswith("kind") else Rol.CONSULENT_DOORSTROOMPUNT
        )
        Werkproces.objects.filter(pk=wp.records["werkproces"]).update(behandelaar=behandelaar.value)
