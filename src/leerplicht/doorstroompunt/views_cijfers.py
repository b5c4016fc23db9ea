"""The Doorstroompunt's figures screen: the `vsv` and `verzuim_18plus` sections of the
rapport (figures.md and its extensions) over the user's gemeenten, beside the year before.

Nothing is counted here, so the screen cannot disagree with `leerplicht rapport`: every
number is a number of the rapport (`bewaren.vaststellen.rapport_van`, which is
`maak_rapport`, or for a frozen school year the figures `rapport` prints), and a total
row is the rapport's own total. Aggregated figures are no dossier read: one "inzien"
entry with the filter, no persons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.domein.codes import VSV_RESULTATEN, VSV_RESULTATEN_AFGEROND
from leerplicht.domein.codes import VSV_RESULTATEN_MONITORING as MONITORING_CODES
from leerplicht.domein.formattering import getal
from leerplicht.domein.leeftijdsklasse import MELDING_18PLUS, VSV_OPEN, Klassen
from leerplicht.domein.rollen import Handeling
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van
from leerplicht.toegang.bescherming import vereist_handeling

TOTAAL = "totaal"
#: School years to choose from: the current one and the years before it that the `oud`
#: cohort of the vsv figures reaches back to (four), plus one to compare with.
JAREN_TERUG = 5
SECTIES = ("vsv", "verzuim_18plus")

GEEN_RESULTAAT = "Nog geen resultaat"
COHORTEN = (("nieuw", "Nieuw"), ("oud", "Oud"))

Pad = tuple[str, ...]


# --- tables: rapport values laid out, formatted, never added up ---------------------------


@dataclass(frozen=True)
class Cel:
    #: Dutch notation; "" for a value the rapport lacks (frozen before the section existed).
    tekst: str

    @property
    def ontbreekt(self) -> bool:
        return self.tekst == ""


@dataclass(frozen=True)
class Rij:
    kop: str
    cellen: tuple[Cel, ...]


@dataclass(frozen=True)
class Groep:
    """A group of two columns (this year, the year before) from one place in the rapport:
    `pad` + the row's key for a row; `totaal` for the total row (None: no total row)."""

    naam: str
    pad: Pad
    totaal: Pad | None = None


@dataclass(frozen=True)
class Tabel:
    sleutel: str
    titel: str
    toelichting: str
    rijkop: str
    groepen: tuple[str, ...]
    rijen: tuple[Rij, ...]
    totaal: Rij | None

    @property
    def met_groepen(self) -> bool:
        """Two header rows (a group name above the two years) when there are named groups."""
        return any(self.groepen)


def _waarde(deel: dict | None, pad: Pad) -> int | None:
    waarde: object = deel
    for sleutel in pad:
        if not isinstance(waarde, dict):
            return None
        waarde = waarde.get(sleutel)
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) else None


def _waarde_dict(deel: dict, pad: Pad) -> dict:
    waarde: object = deel
    for sleutel in pad:
        waarde = waarde.get(sleutel) if isinstance(waarde, dict) else None
    return waarde if isinstance(waarde, dict) else {}


def _cel(waarde: int | None) -> Cel:
    return Cel("" if waarde is None else getal(waarde))


def _cellen(nu: dict | None, vorig: dict | None, paden: Sequence[Pad]) -> tuple[Cel, ...]:
    return tuple(c for pad in paden for c in (_cel(_waarde(nu, pad)), _cel(_waarde(vorig, pad))))


def _gemeenten(rapport: dict) -> list[str]:
    per = {code: g for code, g in rapport["gemeenten"].items() if code != TOTAAL}
    return sorted(per, key=lambda code: (per[code]["naam"], code))


def per_gemeente(
    sleutel: str, titel: str, toelichting: str, nu: dict, vorig: dict, groepen: Sequence[Groep]
) -> Tabel:
    """One row per gemeente of `nu` by name, then the rapport's `totaal`."""

    def rij(code: str, kop: str) -> Rij:
        paden = [g.pad for g in groepen]
        return Rij(kop, _cellen(nu["gemeenten"].get(code), vorig["gemeenten"].get(code), paden))

    return Tabel(
        sleutel=sleutel,
        titel=titel,
        toelichting=toelichting,
        rijkop="Gemeente",
        groepen=tuple(g.naam for g in groepen),
        rijen=tuple(rij(c, nu["gemeenten"][c]["naam"]) for c in _gemeenten(nu)),
        totaal=rij(TOTAAL, "Totaal"),
    )


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
    deel_nu, deel_vorig = nu["gemeenten"][TOTAAL], vorig["gemeenten"][TOTAAL]
    rijen = tuple(
        Rij(label, _cellen(deel_nu, deel_vorig, [(*g.pad, k) for g in groepen]))
        for k, label in klassen
    )
    totaal = None
    if all(g.totaal is not None for g in groepen):
        totaal = Rij("Totaal", _cellen(deel_nu, deel_vorig, [g.totaal or () for g in groepen]))
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        toelichting=toelichting,
        rijkop=rijkop,
        groepen=tuple(g.naam for g in groepen),
        rijen=rijen,
        totaal=totaal,
    )


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
            per_code = _waarde_dict(deel, (*pad, cohort))
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


# --- the filter -----------------------------------------------------------------------------


def keuzejaren(vandaag: date) -> list[Schooljaar]:
    """The school years to choose from, newest (the current one, the default) first."""
    huidig = Schooljaar.van_datum(vandaag)
    return [huidig.vorige(n) for n in range(JAREN_TERUG + 1)]


def gekozen_jaar(tekst: str, jaren: list[Schooljaar]) -> tuple[Schooljaar, str]:
    """The chosen school year, or the default with a message (the input is not echoed)."""
    if not tekst:
        return jaren[0], ""
    jaar: Schooljaar | None
    try:
        jaar = Schooljaar.van_naam(tekst)
    except ValueError:
        jaar = None
    if jaar is None or jaar not in jaren:
        return jaren[0], (
            f"Dat schooljaar kunt u hier niet kiezen. U ziet de cijfers van schooljaar "
            f"{jaren[0].naam}."
        )
    return jaar, ""


def gekozen_gemeente(tekst: str, eigen: list[str]) -> tuple[str, str]:
    """The chosen gemeente if it is one of the user's; an unknown code and another gemeente's
    get the same answer, so the page says nothing about gemeenten out of reach."""
    if not tekst or tekst in eigen:
        return tekst, ""
    return "", "Die gemeente hoort niet bij uw gemeenten. U ziet de cijfers van al uw gemeenten."


@never_cache
@require_safe
@vereist_handeling(Handeling.DOORSTROOMPUNT_WERKEN)
def cijfers(request: HttpRequest) -> HttpResponse:
    """The vsv and verzuim 18+ figures of one school year for the user's gemeenten (or one)."""
    jaren = keuzejaren(timezone.localdate())
    jaar, jaarmelding = gekozen_jaar(request.GET.get("schooljaar", ""), jaren)
    eigen = sorted(gemeenten_van(request.user))
    gemeente, gemeentemelding = gekozen_gemeente(request.GET.get("gemeente", ""), eigen)
    gemeenten = Gemeente.objects.filter(code__in=eigen).order_by("naam")
    context: dict = {
        "jaren": [j.naam for j in jaren],
        "jaar": jaar,
        "vorig": jaar.vorige(),
        "gemeenten": gemeenten,
        "gemeente": gemeente,
        "meldingen": [m for m in (jaarmelding, gemeentemelding) if m],
    }
    if eigen:
        gekozen = [gemeente] if gemeente else eigen
        nu = rapport_van(jaar, gemeenten=gekozen)
        vorig = rapport_van(jaar.vorige(), gemeenten=gekozen)
        bereik = nu["gemeenten"][gemeente]["naam"] if gemeente else "al uw gemeenten"
        vsv = vsv_tabellen(nu, vorig, bereik)
        verzuim = verzuim_tabellen(nu, vorig, bereik)
        context |= {
            "bereik": bereik,
            "delen": [
                ("vsv", "Voortijdig schoolverlaters", vsv),
                ("verzuim", "Verzuim 18+", verzuim),
            ],
            "ontbreekt": any(
                c.ontbreekt
                for t in vsv + verzuim
                for r in (*t.rijen, *((t.totaal,) if t.totaal else ()))
                for c in r.cellen
            ),
        }
        registreer(
            "inzien",
            request=request,
            object_type="doorstroompunt_cijfers",
            velden=SECTIES,
            toelichting={"schooljaar": jaar.naam, "gemeente": gemeente or "alle"},
        )
    return render(request, "doorstroompunt/cijfers.html", context)
