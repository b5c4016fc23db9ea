"""De kerncijfers van de startpagina: two rapporten (figures.md) turned into table rows.

Pure functions on the rapport dicts of `leerplicht.cijfers.rapport.maak_rapport`;
nothing is counted here. Every number on the start page is a number of the
rapport (or the sum of a few of its numbers), so the start page always agrees
with `leerplicht rapport`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.percentage import verandering

TOTAAL = "totaal"

Waarde = int | float | None


@dataclass(frozen=True)
class Kerncijfer:
    """One key figure: where it sits in a gemeente's part of the rapport."""

    sleutel: str  # also the id of its table on the page
    titel: str
    toelichting: str
    waarde: Callable[[dict], Waarde]
    #: "aantal" (an integer count, with a change) or "percentage" (no change shown).
    soort: str = "aantal"


def _relatief_verzuim(g: dict) -> int:
    meldingen = g["meldingen"]
    return sum(meldingen[soort]["totaal"] for soort in ("wettelijk", "langdurig", "luxe"))


def _deel(g: dict, sectie: str, *pad: str) -> Waarde:
    """A value of a section that a rapport frozen before the section existed lacks: None
    (shown empty, no change) instead of an error."""
    waarde: object = g.get(sectie)
    for sleutel in pad:
        if not isinstance(waarde, dict):
            return None
        waarde = waarde.get(sleutel)
    return waarde if isinstance(waarde, int | float) else None


def _vsv_monitoring(g: dict) -> Waarde:
    nieuw, oud = _deel(g, "vsv", "nieuw", "monitoring"), _deel(g, "vsv", "oud", "monitoring")
    return None if nieuw is None or oud is None else nieuw + oud


KERNCIJFERS: tuple[Kerncijfer, ...] = (
    Kerncijfer(
        "leerlingen",
        "Leerlingen",
        "Leerplichtigen en kwalificatieplichtigen die in de gemeente wonen, op de peildatum.",
        lambda g: g["leerlingen"]["totaal"],
    ),
    Kerncijfer(
        "werkprocessen",
        "Werkprocessen geopend",
        "Werkprocessen (alle soorten) die in het schooljaar zijn geopend.",
        lambda g: g["werkprocessen"]["totaal"],
    ),
    Kerncijfer(
        "werkprocessen-percentage",
        "Werkprocessen als percentage van de leerlingen",
        "Geopende werkprocessen gedeeld door het aantal leerlingen, maal 100.",
        lambda g: g["werkprocessen"]["percentage_leerlingen"],
        soort="percentage",
    ),
    Kerncijfer(
        "absoluut-verzuim",
        "Meldingen absoluut verzuim",
        "Meldingen van leerlingen die bij geen enkele school staan ingeschreven.",
        lambda g: g["meldingen"]["absoluut"]["totaal"],
    ),
    Kerncijfer(
        "relatief-verzuim",
        "Meldingen relatief verzuim",
        "Meldingen van wettelijk, langdurig relatief en luxe verzuim samen.",
        _relatief_verzuim,
    ),
    Kerncijfer(
        "unieke-leerlingen-relatief-verzuim",
        "Leerlingen met relatief verzuim (uniek)",
        "Leerlingen met minstens één melding van wettelijk, langdurig relatief of luxe "
        "verzuim; wie vaker is gemeld, telt één keer (zoals in de Leerplichttelling).",
        lambda g: g["leerplichttelling"]["relatief_verzuim"]["totaal"],
    ),
    Kerncijfer(
        "processen-verbaal",
        "Processen-verbaal",
        "Processen-verbaal voor absoluut, relatief en luxe verzuim samen.",
        lambda g: g["handhaving"]["proces_verbaal"]["totaal"],
    ),
    Kerncijfer(
        "halt",
        "Halt-verwijzingen",
        "Verwijzingen naar een Halt-interventie schoolverzuim.",
        lambda g: g["handhaving"]["halt"],
    ),
    Kerncijfer(
        "thuiszitters-nieuw",
        "Nieuwe thuiszitters",
        "Thuiszitters die in het schooljaar thuis zijn komen te zitten.",
        lambda g: g["thuiszitters"]["nieuw"],
    ),
    Kerncijfer(
        "vrijstellingen-toegekend",
        "Vrijstellingen toegekend",
        "Vrijstellingen en vervangende leerplicht (alle artikelen) toegekend in het schooljaar.",
        lambda g: sum(per_grond["toegekend"] for per_grond in g["vrijstellingen"].values()),
    ),
    Kerncijfer(
        "nieuwe-vsvers",
        "Nieuwe voortijdig schoolverlaters",
        "Jongeren die in het schooljaar zonder startkwalificatie van school zijn gegaan.",
        lambda g: g["vsv"]["nieuw"]["totaal"],
    ),
    # Doorstroompunt (issue 5 item 8): for the consulent and the teammanager.
    Kerncijfer(
        "oud-vsvers",
        "Oud-vsv'ers",
        "Jongeren die in de vier schooljaren daarvoor zonder startkwalificatie van school "
        "zijn gegaan, in elke status op 31 juli.",
        lambda g: _deel(g, "vsv", "oud", "totaal"),
    ),
    Kerncijfer(
        "vsvers-in-monitoring",
        "Vsv'ers in monitoring",
        "Nieuwe en oude vsv'ers die op 31 juli in monitoring waren.",
        _vsv_monitoring,
    ),
    Kerncijfer(
        "verzuim-18plus",
        "Meldingen verzuim 18+",
        "Meldingen van verzuim van jongeren van 18 jaar en ouder in het schooljaar.",
        lambda g: _deel(g, "verzuim_18plus", "meldingen"),
    ),
    Kerncijfer(
        "verzuim-18plus-recidive",
        "Jongeren met herhaald verzuim 18+",
        "Jongeren met twee of meer meldingen verzuim 18+ in het schooljaar (recidive).",
        lambda g: _deel(g, "verzuim_18plus", "recidive"),
    ),
)


@dataclass(frozen=True)
class Rij:
    """One row of a table: a gemeente (or the total) with both years and the change."""

    code: str
    naam: str
    nieuw: Waarde
    oud: Waarde
    verandering: float | None
    nieuw_tekst: str
    oud_tekst: str
    verandering_tekst: str

    @property
    def is_totaal(self) -> bool:
        return self.code == TOTAAL


@dataclass(frozen=True)
class Tabel:
    sleutel: str
    titel: str
    toelichting: str
    soort: str
    rijen: tuple[Rij, ...]

    @property
    def toon_verandering(self) -> bool:
        return self.soort == "aantal"

    @property
    def gemeenten(self) -> tuple[Rij, ...]:
        return tuple(r for r in self.rijen if not r.is_totaal)

    @property
    def totaal(self) -> Rij | None:
        return next((r for r in self.rijen if r.is_totaal), None)


@dataclass(frozen=True)
class Kerncijfers:
    schooljaar: str
    vorig_schooljaar: str
    peildatum: date
    vorige_peildatum: date
    tabellen: tuple[Tabel, ...]


def _tekst(waarde: Waarde, soort: str) -> str:
    if waarde is None:
        return ""
    if soort == "percentage":
        return procent(waarde)
    return getal(int(waarde))


def _rij(code: str, nieuw: dict, oud: dict | None, cijfer: Kerncijfer) -> Rij:
    nieuwe_waarde = cijfer.waarde(nieuw)
    oude_waarde = cijfer.waarde(oud) if oud is not None else None
    verschil = None
    if cijfer.soort == "aantal" and nieuwe_waarde is not None and oude_waarde is not None:
        verschil = verandering(int(nieuwe_waarde), int(oude_waarde))
    return Rij(
        code=code,
        naam=nieuw["naam"],
        nieuw=nieuwe_waarde,
        oud=oude_waarde,
        verandering=verschil,
        nieuw_tekst=_tekst(nieuwe_waarde, cijfer.soort),
        oud_tekst=_tekst(oude_waarde, cijfer.soort),
        verandering_tekst=procent(verschil, teken=True),
    )


def kerncijfers(nu: dict, vorig: dict) -> Kerncijfers:
    """The key figures of rapport `nu` with those of rapport `vorig` (the year before) beside them.

    Rows: the gemeenten of `nu` by name, then the total. A gemeente missing from
    `vorig` gets no old value and no change.
    """
    per_gemeente = {code: g for code, g in nu["gemeenten"].items() if code != TOTAAL}
    volgorde = sorted(per_gemeente, key=lambda code: (per_gemeente[code]["naam"], code))
    tabellen = []
    for cijfer in KERNCIJFERS:
        rijen = [_rij(c, per_gemeente[c], vorig["gemeenten"].get(c), cijfer) for c in volgorde]
        rijen.append(_rij(TOTAAL, nu["gemeenten"][TOTAAL], vorig["gemeenten"].get(TOTAAL), cijfer))
        tabellen.append(
            Tabel(cijfer.sleutel, cijfer.titel, cijfer.toelichting, cijfer.soort, tuple(rijen))
        )
    return Kerncijfers(
        schooljaar=nu["schooljaar"],
        vorig_schooljaar=vorig["schooljaar"],
        peildatum=date.fromisoformat(nu["peildatum"]),
        vorige_peildatum=date.fromisoformat(vorig["peildatum"]),
        tabellen=tuple(tabellen),
    )
