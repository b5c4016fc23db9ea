"""What a de-registration (uitschrijving) without a next school leads to.

One rule for every way a de-registration reaches the register (DUO's list, a medewerker,
the enrolment feed):

- absoluut verzuim when the person is volledig leerplichtig or kwalificatieplichtig on
  the last day enrolled (`domein.leerplicht.leerplichtstatus`, with the facts the
  register holds: startkwalificatie, twaalf volledige schooljaren (art. 3 lid 1 onder a)
  and kwalificatieplicht vervallen (art. 4a lid 2)). A child not yet leerplichtig (art.
  3 lid 1) is never in absoluut verzuim, nor a 16-17 year old whose kwalificatieplicht
  lapsed with a praktijkonderwijs certificate or a vso profile;
- a nieuwe vsv melding for the Doorstroompunt when, on the last day enrolled, they are
  in its doelgroep (18 to the age limit in force, without startkwalificatie);
- otherwise nothing.

Judged on the last day enrolled: a pupil de-registered on the day before their 18th
birthday is still kwalificatieplichtig and leerplicht acts (tests/doorstroompunt).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .doorstroompunt_doelgroep import in_doelgroep_doorstroompunt
from .leerplicht import is_leer_of_kwalificatieplichtig, leerplichtstatus

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
    twaalf_schooljaren_voltooid: date | None = None,
    kwalificatieplicht_vervallen: date | None = None,
) -> Gevolg:
    """What follows a de-registration on `laatste_dag` (the last day enrolled), when no
    other school enrols the person afterwards.

    Absoluut verzuim needs a leer- or kwalificatieplichtige (domain.md, "Kinds of
    verzuim"), so the status is asked of `leerplichtstatus` with every fact that ends a
    leerplicht early, never of the age alone.
    """
    status = leerplichtstatus(
        geboortedatum,
        laatste_dag,
        startkwalificatie=startkwalificatie,
        twaalf_schooljaren_voltooid=twaalf_schooljaren_voltooid,
        kwalificatieplicht_vervallen=kwalificatieplicht_vervallen,
    )
    if is_leer_of_kwalificatieplichtig(status):
        return Gevolg.ABSOLUUT_VERZUIM
    if in_doelgroep_doorstroompunt(
        geboortedatum,
        laatste_dag,
        startkwalificatie=startkwalificatie,
        uitstroom_pro_vso=onderwijssoort in PRO_VSO,
    ):
        return Gevolg.VSV
    return Gevolg.GEEN
