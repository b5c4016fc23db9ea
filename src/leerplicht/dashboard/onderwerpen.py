"""The dashboard's tabs: per topic, which figures of the rapport it shows and how.

Each tab is a function `Bron -> Inhoud`: tables (the chosen year beside the year before,
with the change; per gemeente when the user has several) and one or two charts. Where the
rapport splits a section by onderwijssoort group (meldingen, Leerplichttelling, and the
extension `werkprocessen_per_onderwijssoort`), the school-type filter picks the group;
where it does not, the tab says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from leerplicht.cijfers.secties.leerplichttelling import RIJEN as TELLING_RIJEN
from leerplicht.cijfers.tabel import Soort, Tabel
from leerplicht.domein.codes import (
    MELDING_SOORTEN,
    PROCES_VERBAAL_VERZUIM,
    VRIJSTELLING_GRONDEN,
    WERKPROCES_RESULTATEN,
    WERKPROCES_TYPEN,
)
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.verslagen.document import Grafiek

from .tabellen import (
    Bron,
    Cijfer,
    cijfer,
    kruistabel,
    per_gemeente,
    som,
    staaf_per_gemeente,
    trend,
    verdeling,
    vergelijking,
)

#: Said on a tab (or under a table) whose figures the rapport does not split by school type.
GEEN_SPLITSING = "Het filter op onderwijssoort geldt niet voor {wat}: {waarom}"


@dataclass(frozen=True)
class Inhoud:
    inleiding: str
    tabellen: tuple[Tabel, ...]
    grafieken: tuple[Grafiek, ...]
    #: The sections of the rapport shown (for the audit entry).
    secties: tuple[str, ...]
    #: Why the school-type filter does not apply to this whole tab ("" when it does).
    filteruitleg: str = ""


@dataclass(frozen=True)
class Onderwerp:
    slug: str
    titel: str
    bouw: Callable[[Bron], Inhoud]


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _zonder(*items: object) -> tuple:
    return tuple(i for i in items if i is not None)


# --- Leerlingen en werkprocessen ------------------------------------------------------------


def werkprocessen_per_type(b: Bron) -> list[Cijfer]:
    """Werkprocessen opened in the year per type; with a school type chosen, that group of
    the extension `werkprocessen_per_onderwijssoort` (and the drill-down filters on it)."""
    groep = b.filter.groep
    cijfers = []
    for soort, naam in WERKPROCES_TYPEN.items():
        doorklik = (("type", soort),) + ((("groep", groep),) if groep else ())
        pad = (
            ("werkprocessen_per_onderwijssoort", soort, groep)
            if groep
            else ("werkprocessen", soort)
        )
        cijfers.append(cijfer(_hoofdletter(naam), *pad, doorklik=doorklik))
    return cijfers


def _werkprocessen_totaal(b: Bron) -> Cijfer:
    if b.filter.groep:
        return som("Totaal", [c.paden[0] for c in werkprocessen_per_type(b)])
    return cijfer("Totaal", "werkprocessen", "totaal")


def leerlingen_en_werkprocessen(b: Bron) -> Inhoud:
    per_type = werkprocessen_per_type(b)
    totaal = _werkprocessen_totaal(b)
    percentage = cijfer(
        "Percentage van de leerlingen",
        "werkprocessen",
        "percentage_leerlingen",
        soort=Soort.PROCENT,
    )
    alle = cijfer("Werkprocessen geopend (alle soorten)", "werkprocessen", "totaal")
    leerlingen = cijfer("Leerlingen", "leerlingen", "totaal")
    geopend = Cijfer("Werkprocessen geopend", totaal.paden)
    tabellen = _zonder(
        vergelijking(
            b,
            "leerlingen",
            "Leerlingen op de peildatum",
            "Leerplichtigen en kwalificatieplichtigen die in de gemeente wonen, op de peildatum "
            "(1 oktober van het schooljaar). Alleen op leeftijd bepaald.",
            "Leerlingen",
            [
                [cijfer("Volledig leerplichtig", "leerlingen", "leerplichtig")],
                [cijfer("Kwalificatieplichtig", "leerlingen", "kwalificatieplichtig")],
            ],
            totaal=[cijfer("Totaal", "leerlingen", "totaal")],
            filteruitleg=GEEN_SPLITSING.format(
                wat="deze tabel", waarom="leerlingen worden geteld op hun woongemeente en leeftijd."
            ),
        ),
        vergelijking(
            b,
            "werkprocessen",
            "Werkprocessen geopend, naar soort",
            "Werkprocessen die in het schooljaar zijn geopend, bij de gemeente van het "
            "werkproces. De onderwijssoort is die van het werkproces, anders die van de "
            "inschrijving op de dag van openen.",
            "Soort werkproces",
            [[c] for c in per_type],
            totaal=[totaal],
        ),
        vergelijking(
            b,
            "werkprocessen-percentage",
            "Werkprocessen als percentage van de leerlingen",
            "Alle geopende werkprocessen gedeeld door het aantal leerlingen, maal 100.",
            "Cijfer",
            [[alle], [leerlingen], [percentage]],
            filteruitleg=GEEN_SPLITSING.format(
                wat="deze tabel", waarom="het percentage is over alle werkprocessen."
            ),
        ),
        per_gemeente(
            b,
            "werkprocessen-per-gemeente",
            "Werkprocessen geopend per gemeente",
            "Het percentage van de leerlingen is over alle werkprocessen.",
            [geopend, percentage],
            filteruitleg="Het filter op onderwijssoort geldt wel voor de werkprocessen, niet "
            "voor het percentage van de leerlingen.",
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-werkprocessen-per-gemeente",
            "Werkprocessen geopend per gemeente",
            geopend,
            "werkprocessen-per-gemeente",
        )
        or verdeling(
            b,
            "grafiek-werkprocessen-verdeling",
            f"Werkprocessen geopend in {b.jaar.naam}, naar soort",
            per_type,
            "werkprocessen",
        ),
        trend(
            b,
            "grafiek-werkprocessen-trend",
            "Werkprocessen geopend, de laatste drie schooljaren",
            [geopend],
            "werkprocessen",
        ),
    )
    return Inhoud(
        "Leerlingen op de peildatum en de werkprocessen die in het schooljaar zijn geopend. "
        "Wie werkprocessen mag inzien, opent met een aantal de lijst van die werkprocessen.",
        tabellen,
        grafieken,
        ("leerlingen", "werkprocessen", "werkprocessen_per_onderwijssoort"),
    )


# --- Meldingen ------------------------------------------------------------------------------


def meldingen(b: Bron) -> Inhoud:
    kolom = b.filter.groep or "totaal"
    per_soort = [
        cijfer(_hoofdletter(naam), "meldingen", soort, kolom)
        for soort, naam in MELDING_SOORTEN.items()
    ]
    alle = som("Alle meldingen", [c.paden[0] for c in per_soort])
    tabellen = _zonder(
        vergelijking(
            b,
            "meldingen",
            "Meldingen naar soort verzuim",
            "Meldingen met een datum in het schooljaar, bij de gemeente van de melding. De "
            "onderwijssoort is die op de melding, anders die van de inschrijving op de datum "
            "van de melding. Alle meldingen is de som van de soorten.",
            "Soort verzuim",
            [[c] for c in per_soort],
            totaal=[alle],
        ),
        vergelijking(
            b,
            "meldingen-personen",
            "Leerlingen met meldingen, naar soort verzuim",
            "Unieke personen: met minstens één melding van die soort in het schooljaar. "
            "Herhaald: met twee of meer.",
            "Soort verzuim",
            [
                [
                    cijfer(_hoofdletter(naam), "meldingen", "unieke_personen", soort),
                    cijfer(_hoofdletter(naam), "meldingen", "herhaald", soort),
                ]
                for soort, naam in MELDING_SOORTEN.items()
            ],
            kolomgroepen=("Unieke personen", "Twee of meer meldingen"),
            filteruitleg=GEEN_SPLITSING.format(
                wat="deze tabel", waarom="personen worden niet naar onderwijssoort geteld."
            ),
        ),
        kruistabel(
            b,
            "meldingen-onderwijssoort",
            "Meldingen naar soort verzuim en onderwijssoort",
            "Alle onderwijssoorten naast elkaar; het filter kiest één van deze kolommen.",
            "Soort verzuim",
            [*(_hoofdletter(n) for n in GROEPEN.values()), "Totaal"],
            [
                (
                    _hoofdletter(naam),
                    [cijfer(g, "meldingen", soort, g) for g in (*GROEPEN, "totaal")],
                )
                for soort, naam in MELDING_SOORTEN.items()
            ],
            totaal=(
                "Alle meldingen",
                [
                    som(g, [("meldingen", s, g) for s in MELDING_SOORTEN])
                    for g in (*GROEPEN, "totaal")
                ],
            ),
        ),
        per_gemeente(
            b,
            "meldingen-per-gemeente",
            "Meldingen per gemeente",
            "Alle meldingen (de som van de soorten) en de meldingen absoluut verzuim.",
            [
                Cijfer("Alle meldingen", alle.paden),
                cijfer("Absoluut verzuim", "meldingen", "absoluut", kolom),
            ],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-meldingen-per-gemeente",
            "Meldingen per gemeente",
            alle,
            "meldingen-per-gemeente",
        )
        or verdeling(
            b,
            "grafiek-meldingen-verdeling",
            f"Meldingen in {b.jaar.naam}, naar soort verzuim",
            per_soort,
            "meldingen",
        ),
        trend(
            b,
            "grafiek-meldingen-trend",
            "Meldingen, de laatste drie schooljaren",
            [alle, per_soort[0]],
            "meldingen",
        ),
    )
    return Inhoud(
        "Meldingen van verzuim met een datum in het schooljaar, naar soort verzuim en "
        "onderwijssoort.",
        tabellen,
        grafieken,
        ("meldingen",),
    )


# --- Leerplichttelling ----------------------------------------------------------------------

TELLING_LABELS: dict[str, str] = {
    **{
        f"vrijstelling_{g}": f"Vrijstelling toegekend, {naam}"
        for g, naam in VRIJSTELLING_GRONDEN.items()
    },
    "absoluut_verzuim": "Absoluut verzuim (unieke leerlingen)",
    "relatief_verzuim": "Relatief verzuim (unieke leerlingen)",
    "langdurig_relatief_verzuim": "Langdurig relatief verzuim (unieke leerlingen)",
    "luxe_verzuim": "Luxe verzuim (unieke leerlingen)",
    "halt": "Halt-verwijzingen",
    **{f"pv_{v}": f"Processen-verbaal {naam}" for v, naam in PROCES_VERBAAL_VERZUIM.items()},
    "thuiszitters_begin": "Thuiszitters aan het begin van het schooljaar",
    "thuiszitters_nieuw": "Nieuwe thuiszitters",
    "thuiszitters_opgelost": "Thuiszitters opgelost",
}


def leerplichttelling(b: Bron) -> Inhoud:
    kolom = b.filter.groep or "totaal"
    rijen = [cijfer(TELLING_LABELS[r], "leerplichttelling", r, kolom) for r in TELLING_RIJEN]
    absoluut = cijfer("Absoluut verzuim", "leerplichttelling", "absoluut_verzuim", kolom)
    relatief = cijfer("Relatief verzuim", "leerplichttelling", "relatief_verzuim", kolom)
    tabellen = _zonder(
        vergelijking(
            b,
            "leerplichttelling",
            "De Leerplichttelling",
            "De rijen die OCW vraagt. Een leerling telt per rij één keer, in de onderwijssoort "
            "van zijn eerste gebeurtenis van die rij in het schooljaar.",
            "Rij",
            [[c] for c in rijen],
        ),
        kruistabel(
            b,
            "leerplichttelling-onderwijssoort",
            "De Leerplichttelling naar onderwijssoort",
            "Alle onderwijssoorten naast elkaar, zoals OCW ze vraagt; het filter kiest één van "
            "deze kolommen.",
            "Rij",
            [*(_hoofdletter(n) for n in GROEPEN.values()), "Totaal"],
            [
                (
                    TELLING_LABELS[r],
                    [cijfer(g, "leerplichttelling", r, g) for g in (*GROEPEN, "totaal")],
                )
                for r in TELLING_RIJEN
            ],
        ),
        per_gemeente(
            b,
            "leerplichttelling-per-gemeente",
            "Absoluut en relatief verzuim per gemeente (unieke leerlingen)",
            "Een leerling met meldingen in twee gemeenten telt in elk van beide mee.",
            [absoluut, relatief],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-leerplichttelling-per-gemeente",
            "Relatief verzuim per gemeente (unieke leerlingen)",
            relatief,
            "leerplichttelling-per-gemeente",
        ),
        trend(
            b,
            "grafiek-leerplichttelling-trend",
            "Absoluut en relatief verzuim (unieke leerlingen), de laatste drie schooljaren",
            [absoluut, relatief],
            "leerplichttelling",
        ),
    )
    return Inhoud(
        "De Leerplichttelling voor OCW: vrijstellingen, verzuim, Halt, processen-verbaal en "
        "thuiszitters, naar onderwijssoort.",
        tabellen,
        grafieken,
        ("leerplichttelling",),
    )


# --- Handhaving -----------------------------------------------------------------------------


def handhaving(b: Bron) -> Inhoud:
    pv = [
        cijfer(_hoofdletter(naam), "handhaving", "proces_verbaal", v)
        for v, naam in PROCES_VERBAAL_VERZUIM.items()
    ]
    pv_totaal = cijfer("Processen-verbaal", "handhaving", "proces_verbaal", "totaal")
    halt = cijfer("Halt-verwijzingen", "handhaving", "halt")
    waarschuwing = cijfer("Waarschuwingen", "handhaving", "waarschuwing")
    tabellen = _zonder(
        vergelijking(
            b,
            "handhaving",
            "Waarschuwingen en Halt",
            "Interventies met een datum in het schooljaar. Halt positief of negatief: de "
            "uitkomst van de Halt-verwijzing, zodra die bekend is.",
            "Interventie",
            [
                [waarschuwing],
                [halt],
                [cijfer("Halt, positief afgerond", "handhaving", "halt_positief")],
                [cijfer("Halt, negatief afgerond", "handhaving", "halt_negatief")],
            ],
        ),
        vergelijking(
            b,
            "processen-verbaal",
            "Processen-verbaal naar soort verzuim",
            "Processen-verbaal met een datum in het schooljaar.",
            "Soort verzuim",
            [[c] for c in pv],
            totaal=[cijfer("Totaal", "handhaving", "proces_verbaal", "totaal")],
        ),
        per_gemeente(
            b,
            "handhaving-per-gemeente",
            "Halt en processen-verbaal per gemeente",
            "Halt-verwijzingen en processen-verbaal met een datum in het schooljaar.",
            [halt, pv_totaal],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-handhaving-per-gemeente",
            "Processen-verbaal per gemeente",
            pv_totaal,
            "handhaving-per-gemeente",
        ),
        trend(
            b,
            "grafiek-handhaving-trend",
            "Waarschuwingen, Halt en processen-verbaal, de laatste drie schooljaren",
            [waarschuwing, halt, pv_totaal],
            "handhaving",
        ),
    )
    return Inhoud(
        "Waarschuwingen, Halt-verwijzingen en processen-verbaal in het schooljaar.",
        tabellen,
        grafieken,
        ("handhaving",),
        filteruitleg=GEEN_SPLITSING.format(
            wat="dit tabblad",
            waarom="handhaving wordt niet naar onderwijssoort geteld. Halt en processen-verbaal "
            "per onderwijssoort staan in het tabblad Leerplichttelling.",
        ),
    )


# --- Vrijstellingen -------------------------------------------------------------------------


def vrijstellingen(b: Bron) -> Inhoud:
    def per_grond(sleutel: str) -> list[Cijfer]:
        return [cijfer(f"Art. {g}", "vrijstellingen", g, sleutel) for g in VRIJSTELLING_GRONDEN]

    def alle(sleutel: str, label: str) -> Cijfer:
        return som(label, [("vrijstellingen", g, sleutel) for g in VRIJSTELLING_GRONDEN])

    sleutels = ("behandeld", "toegekend", "afgewezen")
    rijen = [
        [cijfer(_hoofdletter(naam), "vrijstellingen", g, s) for s in sleutels]
        for g, naam in VRIJSTELLING_GRONDEN.items()
    ]
    toegekend = alle("toegekend", "Toegekend")
    behandeld = alle("behandeld", "Behandeld")
    tabellen = _zonder(
        vergelijking(
            b,
            "vrijstellingen",
            "Vrijstellingen naar artikel",
            "Besluiten met een besluitdatum in het schooljaar. Behandeld: elk besluit "
            "(toegekend, afgewezen of ingetrokken). Alle artikelen is de som van de artikelen.",
            "Artikel",
            rijen,
            kolomgroepen=("Behandeld", "Toegekend", "Afgewezen"),
            totaal=[alle(s, "Alle artikelen") for s in sleutels],
        ),
        per_gemeente(
            b,
            "vrijstellingen-per-gemeente",
            "Vrijstellingen per gemeente",
            "Behandeld en toegekend, alle artikelen samen.",
            [behandeld, toegekend],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-vrijstellingen-per-gemeente",
            "Vrijstellingen toegekend per gemeente",
            toegekend,
            "vrijstellingen-per-gemeente",
        )
        or verdeling(
            b,
            "grafiek-vrijstellingen-verdeling",
            f"Vrijstellingen toegekend in {b.jaar.naam}, naar artikel",
            per_grond("toegekend"),
            "vrijstellingen",
        ),
        trend(
            b,
            "grafiek-vrijstellingen-trend",
            "Vrijstellingen behandeld en toegekend, de laatste drie schooljaren",
            [behandeld, toegekend],
            "vrijstellingen",
        ),
    )
    return Inhoud(
        "Aanvragen van vrijstelling en vervangende leerplicht waarover in het schooljaar is "
        "besloten, naar artikel van de Leerplichtwet.",
        tabellen,
        grafieken,
        ("vrijstellingen",),
        filteruitleg=GEEN_SPLITSING.format(
            wat="dit tabblad",
            waarom="besluiten worden niet naar onderwijssoort geteld. Toegekende vrijstellingen "
            "per onderwijssoort staan in het tabblad Leerplichttelling.",
        ),
    )


# --- Thuiszitters ---------------------------------------------------------------------------


def thuiszitters(b: Bron) -> Inhoud:
    nieuw = cijfer("Nieuwe thuiszitters", "thuiszitters", "nieuw")
    einde = cijfer("Thuiszitters op 31 juli", "thuiszitters", "einde")
    tabellen = _zonder(
        vergelijking(
            b,
            "thuiszitters",
            "Thuiszitters in het schooljaar",
            "Thuiszitperiodes. Begin: liep op 1 augustus al. Nieuw: begon in het schooljaar. "
            "Opgelost, of 18 jaar of verhuisd: eindigde in het schooljaar met die reden. Op "
            "31 juli: liep op de laatste dag van het schooljaar nog.",
            "Thuiszitters",
            [
                [cijfer("Aan het begin van het schooljaar", "thuiszitters", "begin")],
                [nieuw],
                [cijfer("Opgelost", "thuiszitters", "opgelost")],
                [cijfer("18 jaar geworden of verhuisd", "thuiszitters", "achttien_of_verhuisd")],
                [einde],
            ],
        ),
        per_gemeente(
            b,
            "thuiszitters-per-gemeente",
            "Thuiszitters per gemeente",
            "Nieuwe thuiszitters en thuiszitters op 31 juli.",
            [nieuw, einde],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-thuiszitters-per-gemeente",
            "Nieuwe thuiszitters per gemeente",
            nieuw,
            "thuiszitters-per-gemeente",
        ),
        trend(
            b,
            "grafiek-thuiszitters-trend",
            "Nieuwe thuiszitters en thuiszitters op 31 juli, de laatste drie schooljaren",
            [nieuw, einde],
            "thuiszitters",
        ),
    )
    return Inhoud(
        "Leer- en kwalificatieplichtigen die zonder vrijstelling vier weken of langer niet "
        "naar school gaan.",
        tabellen,
        grafieken,
        ("thuiszitters",),
        filteruitleg=GEEN_SPLITSING.format(
            wat="dit tabblad",
            waarom="thuiszitters worden hier niet naar onderwijssoort geteld. Thuiszitters per "
            "onderwijssoort staan in het tabblad Leerplichttelling.",
        ),
    )


# --- Resultaten -----------------------------------------------------------------------------


def resultaten(b: Bron) -> Inhoud:
    per_resultaat = [
        cijfer(_hoofdletter(naam), "resultaten", r, doorklik=(("resultaat", r),))
        for r, naam in {**WERKPROCES_RESULTATEN, "onbekend": "zonder resultaat"}.items()
    ]
    totaal = cijfer("Totaal", "resultaten", "totaal")
    tabellen = _zonder(
        vergelijking(
            b,
            "resultaten",
            "Gesloten werkprocessen naar resultaat",
            "Werkprocessen die in het schooljaar zijn gesloten. Zonder resultaat: gesloten "
            "zonder vastgelegd resultaat (kan bij overgezette gegevens).",
            "Resultaat",
            [[c] for c in per_resultaat],
            totaal=[totaal],
        ),
        per_gemeente(
            b,
            "resultaten-per-gemeente",
            "Gesloten werkprocessen per gemeente",
            "Alle resultaten samen.",
            [Cijfer("Gesloten werkprocessen", totaal.paden)],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-resultaten-per-gemeente",
            "Gesloten werkprocessen per gemeente",
            totaal,
            "resultaten-per-gemeente",
        )
        or verdeling(
            b,
            "grafiek-resultaten-verdeling",
            f"Gesloten werkprocessen in {b.jaar.naam}, naar resultaat",
            per_resultaat,
            "resultaten",
        ),
        trend(
            b,
            "grafiek-resultaten-trend",
            "Gesloten werkprocessen, de laatste drie schooljaren",
            [Cijfer("Gesloten werkprocessen", totaal.paden)],
            "resultaten",
        ),
    )
    return Inhoud(
        "Het resultaat van de werkprocessen die in het schooljaar zijn gesloten. Wie "
        "werkprocessen mag inzien, opent met een aantal de lijst van die werkprocessen.",
        tabellen,
        grafieken,
        ("resultaten",),
        filteruitleg=GEEN_SPLITSING.format(
            wat="dit tabblad",
            waarom="resultaten worden niet naar onderwijssoort geteld.",
        ),
    )


# --- Doorstroompunt -------------------------------------------------------------------------


def doorstroompunt(b: Bron) -> Inhoud:
    statussen = {
        "in_behandeling": "In behandeling",
        "monitoring": "Monitoring",
        "afgerond": "Afgerond",
    }
    nieuw = cijfer("Nieuwe vsv'ers", "vsv", "nieuw", "totaal")
    oud = cijfer("Oude vsv'ers", "vsv", "oud", "totaal")
    meldingen_18 = cijfer("Meldingen verzuim 18+", "verzuim_18plus", "meldingen")
    tabellen = _zonder(
        vergelijking(
            b,
            "vsv",
            "Voortijdig schoolverlaters naar status op 31 juli",
            "Nieuw: in het schooljaar zonder startkwalificatie van school gegaan. Oud: in de "
            "vier schooljaren daarvoor. De status is die op 31 juli (voor het lopende "
            "schooljaar: die van vandaag).",
            "Status",
            [
                [cijfer(naam, "vsv", cohort, s) for cohort in ("nieuw", "oud")]
                for s, naam in statussen.items()
            ],
            kolomgroepen=("Nieuw", "Oud"),
            totaal=[
                cijfer("Totaal", "vsv", "nieuw", "totaal"),
                cijfer("Totaal", "vsv", "oud", "totaal"),
            ],
        ),
        vergelijking(
            b,
            "verzuim-18plus",
            "Verzuim 18+",
            "Meldingen van verzuim van jongeren van 18 jaar en ouder met een datum in het "
            "schooljaar. Recidive: jongeren met twee of meer meldingen in dezelfde gemeente.",
            "Cijfer",
            [
                [meldingen_18],
                [cijfer("Unieke jongeren", "verzuim_18plus", "unieke_personen")],
                [cijfer("Recidive", "verzuim_18plus", "recidive")],
            ],
        ),
        per_gemeente(
            b,
            "doorstroompunt-per-gemeente",
            "Vsv'ers en verzuim 18+ per gemeente",
            "Nieuwe vsv'ers en meldingen verzuim 18+ in het schooljaar.",
            [nieuw, meldingen_18],
        ),
    )
    grafieken = _zonder(
        staaf_per_gemeente(
            b,
            "grafiek-doorstroompunt-per-gemeente",
            "Nieuwe vsv'ers per gemeente",
            nieuw,
            "doorstroompunt-per-gemeente",
        ),
        trend(
            b,
            "grafiek-doorstroompunt-trend",
            "Nieuwe en oude vsv'ers, de laatste drie schooljaren",
            [nieuw, oud],
            "vsv",
        ),
    )
    return Inhoud(
        "Voortijdig schoolverlaters (vsv) en verzuim 18+: het werk van het Doorstroompunt.",
        tabellen,
        grafieken,
        ("vsv", "verzuim_18plus"),
        filteruitleg=GEEN_SPLITSING.format(
            wat="dit tabblad",
            waarom="vsv en verzuim 18+ worden niet naar onderwijssoort geteld.",
        ),
    )


ONDERWERPEN: dict[str, Onderwerp] = {
    o.slug: o
    for o in (
        Onderwerp("leerlingen", "Leerlingen en werkprocessen", leerlingen_en_werkprocessen),
        Onderwerp("meldingen", "Meldingen", meldingen),
        Onderwerp("leerplichttelling", "Leerplichttelling", leerplichttelling),
        Onderwerp("handhaving", "Handhaving", handhaving),
        Onderwerp("vrijstellingen", "Vrijstellingen", vrijstellingen),
        Onderwerp("thuiszitters", "Thuiszitters", thuiszitters),
        Onderwerp("resultaten", "Resultaten", resultaten),
        Onderwerp("doorstroompunt", "Doorstroompunt", doorstroompunt),
    )
}
EERSTE = next(iter(ONDERWERPEN))
