"""The tables of the Doorstroompunt's figures screen: the `vsv` and `verzuim_18plus`
sections of the rapport (figures.md and its extensions), beside the year before.

Rapport values laid out in the one table model of the figures (`cijfers.tabel`), never
added up: a total row is the rapport's own total. Pure Python (no Django): the view
(`views_doorstroompunt`) hands in the rapporten of the two school years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from leerplicht.cijfers.tabel import TOTAAL, Cel, Pad, Rij, Tabel, knoop_op, lees_cel
from leerplicht.domein.codes import VSV_RESULTATEN, VSV_RESULTATEN_AFGEROND
from leerplicht.domein.codes import VSV_RESULTATEN_MONITORING as MONITORING_CODES
from leerplicht.domein.leeftijdsklasse import MELDING_18PLUS, VSV_OPEN, Klassen
from leerplicht.domein.schooljaar import Schooljaar

GEEN_RESULTAAT = "Nog geen resultaat"
COHORTEN = (("nieuw", "Nieuw"), ("oud", "Oud"))


@dataclass(frozen=True)
class Groep:
    """A group of two columns (this year, the year before) from one place in the rapport:
    `pad` + the row's key for a row; `totaal` for the total row (None: no total row)."""

    naam: str
    pad: Pad
    totaal: Pad | None = None


def _cellen(rapporten: tuple[dict, dict], code: str, paden: Sequence[Pad]) -> tuple[Cel, ...]:
    """Per path the cell of this year and of the year before (`rapporten`: nu, vorig)."""
    per_jaar = {r["schooljaar"]: r for r in rapporten}
    return tuple(
        lees_cel(per_jaar, (r["schooljaar"], code, *pad)) for pad in paden for r in rapporten
    )


def _gemeenten(rapport: dict) -> list[str]:
    per = {code: g for code, g in rapport["gemeenten"].items() if code != TOTAAL}
    return sorted(per, key=lambda code: (per[code]["naam"], code))


def _tabel(
    sleutel: str,
    titel: str,
    toelichting: str,
    rijkop: str,
    nu: dict,
    vorig: dict,
    groepen: Sequence[Groep],
    rijen: Sequence[Rij],
) -> Tabel:
    """Two columns per group: this school year and the year before (named for screen
    readers); a header row of group names when the groups have names."""
    namen = tuple(g.naam for g in groepen)
    return Tabel(
        id=sleutel,
        titel=titel,
        toelichting=toelichting,
        rijkop=rijkop,
        kolommen=(nu["schooljaar"], "Vorig jaar") * len(groepen),
        schermlezers=("", f" ({vorig['schooljaar']})") * len(groepen),
        kolomgroepen=namen if any(namen) else (),
        rijen=tuple(rijen),
    )


def per_gemeente(
    sleutel: str, titel: str, toelichting: str, nu: dict, vorig: dict, groepen: Sequence[Groep]
) -> Tabel:
    """One row per gemeente of `nu` by name, then the rapport's `totaal`."""

    def rij(code: str, kop: str, totaal: bool = False) -> Rij:
        return Rij(kop, _cellen((nu, vorig), code, [g.pad for g in groepen]), totaal)

    rijen = [rij(c, nu["gemeenten"][c]["naam"]) for c in _gemeenten(nu)]
    rijen.append(rij(TOTAAL, "Totaal", totaal=True))
    return _tabel(sleutel, titel, toelichting, "Gemeente", nu, vorig, groepen, rijen)


def per_klasse(
    sleutel: str,
    titel: str,
    toelichting: str,
    rijkop: str,
    nu: dict,
    vorig: dict,
    groepen: Sequence[Groep],
    klassen: Sequence[tuple[str, str]],
) -> Tabel:
    """One row per (key, label) of `klassen` over the rapport's `totaal` (all gemeenten of
    the rapport, or the one chosen), then the total the rapport has for them, if any."""
    rijen = [
        Rij(label, _cellen((nu, vorig), TOTAAL, [(*g.pad, k) for g in groepen]))
        for k, label in klassen
    ]
    if all(g.totaal is not None for g in groepen):
        paden = [g.totaal or () for g in groepen]
        rijen.append(Rij("Totaal", _cellen((nu, vorig), TOTAAL, paden), totaal=True))
    return _tabel(sleutel, titel, toelichting, rijkop, nu, vorig, groepen, rijen)


def leeftijdslabels(klassen: Klassen) -> list[tuple[str, str]]:
    """(key, label) of age classes, the labels read off the table itself ("jonger dan 18",
    "18 jaar", "23 tot en met 26 jaar", "27 jaar en ouder")."""
    labels = []
    for i, (sleutel, vanaf) in enumerate(klassen):
        volgende = klassen[i + 1][1] if i + 1 < len(klassen) else None
        if i == 0 and volgende is not None:
            label = f"Jonger dan {volgende} jaar"
        elif volgende is None:
            label = f"{vanaf} jaar en ouder"
        elif volgende == vanaf + 1:
            label = f"{vanaf} jaar"
        else:
            label = f"{vanaf} tot en met {volgende - 1} jaar"
        labels.append((sleutel, label))
    return labels


def resultaatlabels(
    eigen: dict[str, str], rapporten: Sequence[dict], pad: Pad
) -> list[tuple[str, str]]:
    """The codes of this kind of result, then any other code the rapport counts (never a
    count left out) in the order of the contract; "onbekend" last."""
    geteld: set[str] = set()
    for rapport in rapporten:
        deel = rapport["gemeenten"][TOTAAL]
        for cohort, _ in COHORTEN:
            per_code = knoop_op(deel, (*pad, cohort))
            per_code = per_code if isinstance(per_code, dict) else {}
            geteld |= {code for code, n in per_code.items() if n}
    codes = [*eigen, *(c for c in VSV_RESULTATEN if c in geteld and c not in eigen)]
    codes += sorted(geteld - set(VSV_RESULTATEN) - {"onbekend"})
    return [(c, _hoofdletter(VSV_RESULTATEN.get(c, c))) for c in codes] + [
        ("onbekend", GEEN_RESULTAAT)
    ]


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def vsv_tabellen(nu: dict, vorig: dict, bereik: str) -> list[Tabel]:
    op_eind = f"op 31 juli {Schooljaar.van_naam(nu['schooljaar']).einde.year}"
    statussen = [
        ("in_behandeling", "In behandeling"),
        ("monitoring", "Monitoring"),
        ("afgerond", "Afgerond"),
        ("totaal", "Totaal"),
    ]
    tabellen = [
        per_gemeente(
            f"vsv-{cohort}",
            f"{naam} vsv'ers per gemeente, naar status {op_eind}",
            toelichting,
            nu,
            vorig,
            [Groep(label, ("vsv", cohort, status)) for status, label in statussen],
        )
        for cohort, naam, toelichting in (
            (
                "nieuw",
                "Nieuwe",
                "Jongeren die in het schooljaar zonder startkwalificatie van school gingen.",
            ),
            (
                "oud",
                "Oude",
                "Jongeren die in de vier schooljaren daarvoor zonder startkwalificatie van "
                "school gingen.",
            ),
        )
    ]
    tabellen.append(
        per_klasse(
            "vsv-resultaat-monitoring",
            f"Resultaat van de vsv'ers in monitoring {op_eind}, {bereik}",
            "Het laatst vastgelegde resultaat. Het totaal is het aantal vsv'ers in monitoring.",
            "Resultaat",
            nu,
            vorig,
            [
                Groep(naam, ("vsv", "resultaat_monitoring", cohort), ("vsv", cohort, "monitoring"))
                for cohort, naam in COHORTEN
            ],
            resultaatlabels(MONITORING_CODES, [nu, vorig], ("vsv", "resultaat_monitoring")),
        )
    )
    tabellen.append(
        per_klasse(
            "vsv-resultaat-afgerond",
            f"Resultaat van de vsv-trajecten die in het schooljaar zijn afgerond, {bereik}",
            "Vsv-trajecten met een afronddatum in het schooljaar, naar hun resultaat.",
            "Resultaat",
            nu,
            vorig,
            [Groep(naam, ("vsv", "resultaat_afgerond", cohort)) for cohort, naam in COHORTEN],
            resultaatlabels(VSV_RESULTATEN_AFGEROND, [nu, vorig], ("vsv", "resultaat_afgerond")),
        )
    )
    tabellen.append(
        per_klasse(
            "vsv-leeftijd",
            f"Leeftijd {op_eind} van de vsv'ers die niet zijn afgerond, {bereik}",
            "Vsv'ers in behandeling of in monitoring op 31 juli, naar hun leeftijd op die dag.",
            "Leeftijd op 31 juli",
            nu,
            vorig,
            [
                Groep(
                    naam,
                    ("vsv", "leeftijd_31_juli", cohort),
                    ("vsv", "leeftijd_31_juli", cohort, "totaal"),
                )
                for cohort, naam in COHORTEN
            ],
            leeftijdslabels(VSV_OPEN),
        )
    )
    return tabellen


def verzuim_tabellen(nu: dict, vorig: dict, bereik: str) -> list[Tabel]:
    meldingen = ("verzuim_18plus", "meldingen")
    return [
        per_gemeente(
            "verzuim-18plus",
            "Meldingen verzuim 18+ per gemeente",
            "Meldingen van verzuim van jongeren van 18 jaar en ouder met een datum in het "
            "schooljaar. Unieke jongeren: met minstens één melding. Recidive: jongeren met "
            "twee of meer meldingen in dezelfde gemeente.",
            nu,
            vorig,
            [
                Groep("Meldingen", meldingen),
                Groep("Unieke jongeren", ("verzuim_18plus", "unieke_personen")),
                Groep("Recidive", ("verzuim_18plus", "recidive")),
            ],
        ),
        per_klasse(
            "verzuim-18plus-actie",
            f"Meldingen verzuim 18+ naar actie gewenst, {bereik}",
            "Of de school bij de melding actie van het Doorstroompunt vroeg. Niet ingevuld "
            "telt als onbekend. Het totaal is het aantal meldingen.",
            "Actie gewenst",
            nu,
            vorig,
            [Groep("", ("verzuim_18plus", "actie_gewenst"), meldingen)],
            [("ja", "Ja"), ("nee", "Nee"), ("onbekend", "Onbekend")],
        ),
        per_klasse(
            "verzuim-18plus-leeftijd",
            f"Meldingen verzuim 18+ naar leeftijd bij de melding, {bereik}",
            "Leeftijd op de datum van de melding; op de 18e verjaardag telt een jongere als "
            "18. Het totaal is het aantal meldingen.",
            "Leeftijd bij de melding",
            nu,
            vorig,
            [Groep("", ("verzuim_18plus", "leeftijd_bij_melding"), meldingen)],
            leeftijdslabels(MELDING_18PLUS),
        ),
    ]
