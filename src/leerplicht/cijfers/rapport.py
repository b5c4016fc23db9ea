"""The figures of one school year per gemeente, in the JSON shape of figures.md.

Every section is computed by aggregation in the database (secties/), per
gemeente. `totaal` is the sum over the gemeenten of the report, never computed
another way; derived values (percentages) are then computed from the summed
counts the same way as for a gemeente.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.register.models import Gemeente

from .context import Rapportcontext
from .secties import (
    handhaving,
    leerlingen,
    leerplichttelling,
    meldingen,
    resultaten,
    thuiszitters,
    verzuim_18plus,
    vrijstellingen,
    vsv,
    werkprocessen,
    werkprocessen_per_onderwijssoort,
)

#: Section name -> computation, in the order of figures.md.
SECTIES: dict[str, Callable[[Rapportcontext], dict[str, dict]]] = {
    "leerlingen": leerlingen.bereken,
    "werkprocessen": werkprocessen.bereken,
    "handhaving": handhaving.bereken,
    "meldingen": meldingen.bereken,
    "leerplichttelling": leerplichttelling.bereken,
    "vrijstellingen": vrijstellingen.bereken,
    "thuiszitters": thuiszitters.bereken,
    "resultaten": resultaten.bereken,
    "vsv": vsv.bereken,
    # Extensions on figures.md (docs/gebruikers/cijfers.md):
    "verzuim_18plus": verzuim_18plus.bereken,
    "werkprocessen_per_onderwijssoort": werkprocessen_per_onderwijssoort.bereken,
}

#: Values computed from other values, after summing (so `totaal` gets them right too).
AFGELEIDE_WAARDEN: tuple[Callable[[dict], None], ...] = (werkprocessen.vul_afgeleide_waarden,)


class OnbekendeGemeente(ValueError):
    pass


class _AlleGemeenten:
    """Every gemeente in the database: for the command line and the frozen figures.

    Always named, never a default: a screen that forgets to pass its user's gemeenten
    fails instead of showing every gemeente's figures (fail closed, issue 12).
    """

    def __repr__(self) -> str:
        return "ALLE_GEMEENTEN"


ALLE_GEMEENTEN = _AlleGemeenten()
#: Which gemeenten a rapport is over: a list of CBS-codes, or ALLE_GEMEENTEN.
Gemeentekeuze = Sequence[str] | _AlleGemeenten


def gekozen_codes(gemeenten: Gemeentekeuze) -> list[str] | None:
    """The codes of a choice (None: all); anything else than a choice is refused."""
    if gemeenten is ALLE_GEMEENTEN:
        return None
    if gemeenten is None or isinstance(gemeenten, str | bytes):
        raise TypeError("gemeenten: geef een lijst CBS-codes of ALLE_GEMEENTEN")
    return list(gemeenten)  # type: ignore[arg-type]


def maak_rapport(
    schooljaar: Schooljaar, peildatum: date | None = None, *, gemeenten: Gemeentekeuze
) -> dict:
    """The rapport of `schooljaar` over `gemeenten` (ALLE_GEMEENTEN: every gemeente)."""
    namen = dict(Gemeente.objects.order_by("code").values_list("code", "naam"))
    gemeenten = gekozen_codes(gemeenten)
    if gemeenten is not None:
        onbekend = sorted(set(gemeenten) - set(namen))
        if onbekend:
            raise OnbekendeGemeente(f"onbekende gemeente(n): {', '.join(onbekend)}")
        namen = {code: namen[code] for code in sorted(set(gemeenten))}
    ctx = Rapportcontext(schooljaar, peildatum or schooljaar.standaard_peildatum, tuple(namen))
    per_gemeente: dict[str, dict] = {code: {"naam": naam} for code, naam in namen.items()}
    for sectie, bereken in SECTIES.items():
        for code, cijfers in (bereken(ctx) if namen else {}).items():
            per_gemeente[code][sectie] = cijfers
    delen = list(per_gemeente.values())
    if not delen:  # no gemeenten: a totaal of zeros, in the same shape
        leeg = replace(ctx, gemeenten=("",))
        delen = [{sectie: bereken(leeg)[""] for sectie, bereken in SECTIES.items()}]
    for cijfers in per_gemeente.values():
        for vul in AFGELEIDE_WAARDEN:
            vul(cijfers)
    totaal = totaal_van(delen)
    return {
        "schooljaar": schooljaar.naam,
        "peildatum": ctx.peildatum.isoformat(),
        "gemeenten": {**per_gemeente, "totaal": totaal},
    }


def totaal_van(delen: list[dict]) -> dict:
    """The `totaal` entry of gemeenten' figures: summed counts, then derived values.

    Also used for a subset of a frozen rapport (leerplicht.bewaren), so it is summed the
    same way as here. A rapport frozen before a section was added lacks it: only the
    sections the parts have are summed.
    """
    secties = [s for s in SECTIES if all(s in d for d in delen)]
    totaal: dict = {"naam": "Totaal", **{s: _som([d[s] for d in delen]) for s in secties}}
    for vul in AFGELEIDE_WAARDEN:
        vul(totaal)
    return totaal


def _som(delen: list[dict]) -> dict:
    """Add up nested dicts of counts key by key; derived values (None/float) are left for later."""
    uitkomst: dict = {}
    for sleutel, voorbeeld in delen[0].items():
        waarden = [d[sleutel] for d in delen]
        if isinstance(voorbeeld, dict):
            uitkomst[sleutel] = _som(waarden)
        elif isinstance(voorbeeld, int) and not isinstance(voorbeeld, bool):
            uitkomst[sleutel] = sum(waarden)
        else:
            uitkomst[sleutel] = None
    return uitkomst
