"""What a de-registration (uitschrijving) without a next school leads to.

One rule for every way a de-registration reaches the register (DUO's list, a medewerker,
the enrolment feed): under 18 and without startkwalificatie the person is leerplichtig
and leerplicht acts (absoluut verzuim); from 18 to the age limit in force and without
startkwalificatie they are a voortijdig schoolverlater for the Doorstroompunt (a nieuwe
vsv melding); otherwise nothing follows. Judged on the last day enrolled.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .doorstroompunt_doelgroep import ONDERGRENS_LEEFTIJD, in_doelgroep_doorstroompunt
from .leeftijd import leeftijd_op

#: Leavers of these school types are in the doelgroep whatever their diploma, where the
#: rule in force says so (Wet van school naar duurzaam werk, from 1 January 2026).
PRO_VSO = frozenset({"pro", "vso"})


class Gevolg(StrEnum):
    VSV = "vsv"
    ABSOLUUT_VERZUIM = "absoluut_verzuim"
    GEEN = "geen"


def gevolg_van_uitschrijving(
    geboortedatum: date,
    laatste_dag: date,
    *,
    startkwalificatie: date | None,
    onderwijssoort: str,
) -> Gevolg:
    """What follows a de-registration on `laatste_dag` (the last day enrolled), when no
    other school enrols the person afterwards."""
    heeft_startkwalificatie = startkwalificatie is not None and startkwalificatie <= laatste_dag
    if leeftijd_op(geboortedatum, laatste_dag) < ONDERGRENS_LEEFTIJD:
        return Gevolg.GEEN if heeft_startkwalificatie else Gevolg.ABSOLUUT_VERZUIM
    if in_doelgroep_doorstroompunt(
        geboortedatum,
        laatste_dag,
        startkwalificatie=startkwalificatie,
        uitstroom_pro_vso=onderwijssoort in PRO_VSO,
    ):
        return Gevolg.VSV
    return Gevolg.GEEN
