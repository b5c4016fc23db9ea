"""The werkprocessen behind a number of the dashboard: the rows the rapport counted, within
the user's reach (`toegang.beleid.werkprocessen_voor`).

- per type: opened in the school year (the rows of `werkprocessen` and, with a group, of
  `werkprocessen_per_onderwijssoort`, through the section's own queryset);
- per resultaat: closed in the school year with that resultaat (`resultaten`; `onbekend`
  is closed without one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import QuerySet

from leerplicht.cijfers.context import Rapportcontext
from leerplicht.cijfers.keuze import schooljaar_uit
from leerplicht.cijfers.secties.werkprocessen_per_onderwijssoort import werkprocessen_geopend
from leerplicht.domein.codes import WERKPROCES_RESULTATEN, WERKPROCES_TYPEN
from leerplicht.domein.onderwijssoort import GROEP_VAN, GROEPEN
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.toegang import beleid
from leerplicht.toegang.beleid import Dossierbereik
from leerplicht.werkprocessen.models import Werkproces

ONBEKEND_RESULTAAT = "onbekend"
RESULTATEN = {**WERKPROCES_RESULTATEN, ONBEKEND_RESULTAAT: "zonder resultaat"}


@dataclass(frozen=True)
class Vraag:
    jaar: Schooljaar
    #: A gemeente of the user's, or "" for all of them.
    gemeente: str
    #: Exactly one of `type` and `resultaat` is set.
    type: str = ""
    resultaat: str = ""
    #: Only with `type`: an onderwijssoort group, or "".
    groep: str = ""

    def omschrijving(self) -> str:
        if self.type:
            tekst = f"Werkprocessen {WERKPROCES_TYPEN[self.type]}, geopend in {self.jaar.naam}"
            if self.groep:
                tekst += f", onderwijssoort {GROEPEN[self.groep]}"
            return tekst
        return f"Werkprocessen gesloten in {self.jaar.naam}, resultaat {RESULTATEN[self.resultaat]}"


def lees_vraag(parameters: Mapping[str, str], eigen: list[str]) -> Vraag | None:
    """The question of the query string, or None for anything the dashboard never links."""
    jaar = schooljaar_uit(parameters.get("schooljaar", ""))
    gemeente = parameters.get("gemeente", "")
    type_ = parameters.get("type", "")
    resultaat = parameters.get("resultaat", "")
    groep = parameters.get("groep", "")
    if jaar is None or (gemeente and gemeente not in eigen):
        return None
    if bool(type_) == bool(resultaat):
        return None
    if type_ and type_ not in WERKPROCES_TYPEN:
        return None
    if resultaat and (resultaat not in RESULTATEN or groep):
        return None
    if groep and groep not in GROEPEN:
        return None
    return Vraag(jaar, gemeente, type_, resultaat, groep)


def getelde_werkprocessen(gebruiker, vraag: Vraag, eigen: list[str]) -> QuerySet[Werkproces]:
    """The werkprocessen the figure counts that the user may see, oldest first."""
    gemeenten = (vraag.gemeente,) if vraag.gemeente else tuple(eigen)
    ctx = Rapportcontext(vraag.jaar, vraag.jaar.standaard_peildatum, gemeenten)
    if vraag.type:
        rijen = werkprocessen_geopend(ctx).filter(type=vraag.type)
        if vraag.groep:
            rijen = rijen.filter(os__in=[s for s, g in GROEP_VAN.items() if g == vraag.groep])
        volgorde = ("geopend", "id")
    else:
        rijen = Werkproces.objects.filter(gemeente__in=ctx.gemeenten, **ctx.in_jaar("gesloten"))
        if vraag.resultaat == ONBEKEND_RESULTAAT:
            rijen = rijen.filter(resultaat__isnull=True)
        else:
            rijen = rijen.filter(resultaat=vraag.resultaat)
        volgorde = ("gesloten", "id")
    zichtbaar = beleid.werkprocessen_voor(gebruiker).values("pk")
    return rijen.filter(pk__in=zichtbaar).select_related("gemeente").order_by(*volgorde)


def mag_doorklikken(gebruiker, doorklik: Mapping[str, str]) -> bool:
    """Whether a number gets a link: only where the user sees every werkproces it counts
    (the Doorstroompunt's reach: its own kinds of werkproces, so no resultaten)."""
    bereik = beleid.dossierbereik_van(gebruiker)
    if bereik is Dossierbereik.GEMEENTE:
        return True
    if bereik is Dossierbereik.DOORSTROOMPUNT:
        return doorklik.get("type", "") in beleid.DOORSTROOMPUNT_WERKPROCESSEN
    return False
