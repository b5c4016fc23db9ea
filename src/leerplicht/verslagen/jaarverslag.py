"""The jaarverslag's content: the rapporten of three school years -> one `Verslag`.

Region report (several gemeenten): tables per gemeente for the school year, and the
region's totaal beside the two previous years with the change. Gemeente report: the same
chapters for the one gemeente. Every number is a cell of the rapport JSON (`Cel.bron`);
changes are `domein.percentage.verandering`; draft sentences `domein.conceptzinnen`.

Pure Python (no Django): `rapporten.py` fetches the rapporten, the renderers lay it out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from leerplicht.cijfers.tabel import (
    TOTAAL,
    Cel,
    Pad,
    Rij,
    Soort,
    Tabel,
    knoop_op,
    lees_cel,
    opgemaakt,
)
from leerplicht.domein import codes
from leerplicht.domein.conceptzinnen import Eenheid, veranderingszin
from leerplicht.domein.kengetallen import GEHEEL, KENGETALLEN
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.percentage import percentage, verandering

from .document import Grafiek, Grafieksoort, Hoofdstuk, Onderdeel, Reeks, Tekstblok, Verslag

MELDINGEN = Eenheid("melding", "meldingen")
WERKPROCESSEN = Eenheid("werkproces", "werkprocessen")
PERSONEN = Eenheid("persoon", "personen")
LEERLINGEN = Eenheid("leerling", "leerlingen")
GEEN = Eenheid("", "")

#: A row of a table: (row header, path below the gemeente in the rapport).
Rijdef = tuple[str, Pad]


@dataclass(frozen=True)
class Bron:
    """The rapporten of the report and whose figures it shows."""

    #: schooljaar name -> rapport JSON (cijfers.rapport.maak_rapport) over `gemeenten`.
    rapporten: Mapping[str, dict]
    #: Oldest first; the last is the report's school year.
    schooljaren: tuple[str, ...]
    #: The gemeente codes of the report; one for a gemeente's report.
    gemeenten: tuple[str, ...]
    #: The team's edited texts by Tekstblok id (verslagen.models.Verslagtekst).
    teksten: Mapping[str, str] = field(default_factory=dict)
    #: Published figures of other regions and the country (verslagen.benchmark):
    #: (bron, schooljaar, kengetal) -> percentage of the leerlingen.
    benchmark: Mapping[tuple[str, str, str], float] = field(default_factory=dict)

    @property
    def jaar(self) -> str:
        return self.schooljaren[-1]

    @property
    def vorig(self) -> str | None:
        return self.schooljaren[-2] if len(self.schooljaren) > 1 else None

    @property
    def regio(self) -> bool:
        return len(self.gemeenten) > 1

    @property
    def sleutel(self) -> str:
        """Whose figures the comparisons show: the region's totaal, or the one gemeente."""
        return TOTAAL if self.regio else self.gemeenten[0]

    def naam(self, code: str) -> str:
        return self.rapporten[self.jaar]["gemeenten"][code]["naam"]

    def waarde(self, pad: Pad) -> int | float | None:
        """The value at `pad` (school year, gemeente, key, ...); None where the rapport has
        no such key (a school year frozen before that figure existed shows an empty cell,
        not an error)."""
        jaar, gemeente, *rest = pad
        return knoop_op(self.rapporten[jaar]["gemeenten"][gemeente], tuple(rest))  # type: ignore[return-value]

    def cel(self, pad: Pad, soort: Soort = Soort.AANTAL) -> Cel:
        return lees_cel(self.rapporten, pad, soort)

    def tekst(self, id_: str, titel: str, concept: str) -> Tekstblok:
        bewerkt = self.teksten.get(id_)
        return Tekstblok(id_, titel, concept, bewerkt or concept, bewerkt is not None)


# --- table shapes -------------------------------------------------------------------------


def is_totaalrij(kop: str) -> bool:
    """A row whose header starts with "Totaal" sums the rows above it (bold, never
    re-summed); a row that only reads a `totaal` key (meldingen of one soort) is not."""
    return kop.startswith("Totaal")


def _soort(pad: Pad) -> Soort:
    return Soort.PROCENT if pad and pad[-1].startswith("percentage") else Soort.AANTAL


def vergelijking(
    b: Bron, id_: str, titel: str, rijkop: str, rijen: Sequence[Rijdef], toelichting: str = ""
) -> Tabel:
    """Rows over the school years (oldest first) and the change against the year before."""
    uitvoer = []
    for kop, sub in rijen:
        paden = [(jaar, b.sleutel, *sub) for jaar in b.schooljaren]
        cellen = [b.cel(p, _soort(sub)) for p in paden]
        if b.vorig is not None and _soort(sub) is Soort.AANTAL:
            nieuw, oud = paden[-1], paden[-2]
            waarden = (b.waarde(nieuw), b.waarde(oud))
            wijziging = None if None in waarden else verandering(*waarden)
            cellen.append(Cel(wijziging, Soort.VERANDERING, uit=(nieuw, oud)))
        elif b.vorig is not None:
            cellen.append(Cel(None, Soort.VERANDERING))  # no change % of a percentage
        uitvoer.append(Rij(kop, tuple(cellen), totaal=is_totaalrij(kop)))
    kolommen = (*b.schooljaren, "Verandering") if b.vorig else b.schooljaren
    return Tabel(id_, titel, rijkop, kolommen, tuple(uitvoer), toelichting)


def per_gemeente(
    b: Bron, id_: str, titel: str, rijkop: str, rijen: Sequence[Rijdef], toelichting: str = ""
) -> Tabel:
    """Rows by gemeente (columns) for the report's school year, and the totaal."""
    kolommen = (*(b.naam(g) for g in b.gemeenten), "Totaal")
    uitvoer = tuple(
        Rij(
            kop,
            tuple(b.cel((b.jaar, g, *sub), _soort(sub)) for g in (*b.gemeenten, TOTAAL)),
            totaal=is_totaalrij(kop),
        )
        for kop, sub in rijen
    )
    return Tabel(id_, titel, rijkop, kolommen, uitvoer, toelichting)


def kruistabel(
    b: Bron,
    id_: str,
    titel: str,
    rijkop: str,
    rijen: Sequence[Rijdef],
    kolommen: Sequence[tuple[str, str]],
    toelichting: str = "",
) -> Tabel:
    """Rows × named keys (e.g. soort × onderwijssoortgroep) for the school year."""
    uitvoer = tuple(
        Rij(
            kop,
            tuple(b.cel((b.jaar, b.sleutel, *sub, k)) for _, k in kolommen),
            totaal=is_totaalrij(kop),
        )
        for kop, sub in rijen
    )
    return Tabel(id_, titel, rijkop, tuple(n for n, _ in kolommen), uitvoer, toelichting)


# --- charts from tables (the same numbers) ------------------------------------------------


def staaf_per_gemeente(tabel: Tabel, rijkop: str, titel: str, eenheid: str = "aantal") -> Grafiek:
    """Bars per gemeente of one row of a `per_gemeente` table (the totaal column left out)."""
    rij = next(r for r in tabel.rijen if r.kop == rijkop)
    gemeenten = tabel.kolommen[:-1]
    waarden = tuple(c.waarde for c in rij.cellen[:-1])
    beschrijving = "; ".join(
        f"{g}: {_als_tekst(w, eenheid)}" for g, w in zip(gemeenten, waarden, strict=True)
    )
    return Grafiek(
        f"{tabel.id}-grafiek",
        titel,
        Grafieksoort.STAAF,
        gemeenten,
        (Reeks(rijkop, waarden),),
        f"Staafdiagram: {titel.lower()} per gemeente. {beschrijving}.",
        eenheid,
        tabel.id,
    )


def lijn_over_jaren(tabel: Tabel, rijkoppen: Sequence[str], titel: str) -> Grafiek:
    """Lines over the school years of rows of a `vergelijking` table."""
    jaren = tuple(k for k in tabel.kolommen if k != "Verandering")
    reeksen = []
    delen = []
    for rij in tabel.rijen:
        if rij.kop not in rijkoppen:
            continue
        waarden = tuple(c.waarde for c in rij.cellen[: len(jaren)])
        reeksen.append(Reeks(rij.kop, waarden))
        reeks = ", ".join(
            f"{j}: {_als_tekst(w, 'aantal')}" for j, w in zip(jaren, waarden, strict=True)
        )
        delen.append(f"{rij.kop}: {reeks}")
    return Grafiek(
        f"{tabel.id}-verloop",
        titel,
        Grafieksoort.LIJN,
        jaren,
        tuple(reeksen),
        f"Lijndiagram: {titel.lower()} per schooljaar. " + "; ".join(delen) + ".",
        "aantal",
        tabel.id,
    )


def verdeling(tabel: Tabel, kolom: int, titel: str) -> Grafiek:
    """Horizontal bars: one column of a table over its rows (total rows left out)."""
    rijen = [r for r in tabel.rijen if not r.totaal]
    waarden = tuple(r.cellen[kolom].waarde for r in rijen)
    beschrijving = "; ".join(
        f"{r.kop}: {_als_tekst(w, 'aantal')}" for r, w in zip(rijen, waarden, strict=True)
    )
    return Grafiek(
        f"{tabel.id}-verdeling",
        titel,
        Grafieksoort.VERDELING,
        tuple(r.kop for r in rijen),
        (Reeks(tabel.kolommen[kolom], waarden),),
        f"Staafdiagram: {titel.lower()}. {beschrijving}.",
        "aantal",
        tabel.id,
    )


def _als_tekst(waarde: int | float | None, eenheid: str) -> str:
    return opgemaakt(waarde, Soort.PROCENT if eenheid == "procent" else Soort.AANTAL) or "geen"


# --- draft sentences ----------------------------------------------------------------------


def zinnen(b: Bron, id_: str, onderwerpen: Sequence[tuple[str, Pad, Eenheid]]) -> Tekstblok:
    """Draft sentences on this year against last year, one per onderwerp (with article)."""
    if b.vorig is None:
        concept = ""
    else:
        zinnen_ = []
        for onderwerp, sub, eenheid in onderwerpen:
            oud = b.waarde((b.vorig, b.sleutel, *sub))
            nieuw = b.waarde((b.jaar, b.sleutel, *sub))
            if oud is not None and nieuw is not None:  # both years know the figure
                zinnen_.append(veranderingszin(onderwerp, int(oud), int(nieuw), eenheid))
        concept = " ".join(zinnen_)
    return b.tekst(id_, "Wat opvalt", concept)


# --- the chapters -------------------------------------------------------------------------


def _codes(sectie: str, lijst: Mapping[str, str], *, totaal: str | None = "Totaal") -> list[Rijdef]:
    rijen: list[Rijdef] = [(_zin(naam), (sectie, code)) for code, naam in lijst.items()]
    if totaal:
        rijen.append((totaal, (sectie, TOTAAL)))
    return rijen


def _zin(naam: str) -> str:
    return naam[:1].upper() + naam[1:]


def _h_inleiding(b: Bron) -> Hoofdstuk:
    gebied = (
        "de gemeenten " + ", ".join(b.naam(g) for g in b.gemeenten)
        if b.regio
        else ("de gemeente " + b.naam(b.gemeenten[0]))
    )
    concept = (
        f"Dit jaarverslag beschrijft de uitvoering van de Leerplichtwet en het werk van het "
        f"Doorstroompunt in schooljaar {b.jaar} voor {gebied}, met de cijfers van de twee "
        f"schooljaren ervoor ernaast."
    )
    return Hoofdstuk("inleiding", "Inleiding", (b.tekst("inleiding", "Inleiding", concept),))


def _h_leerlingen(b: Bron) -> Hoofdstuk:
    rijen = [
        ("Volledig leerplichtig", ("leerlingen", "leerplichtig")),
        ("Kwalificatieplichtig", ("leerlingen", "kwalificatieplichtig")),
        ("Totaal", ("leerlingen", TOTAAL)),
    ]
    delen: list[Onderdeel] = []
    if b.regio:
        tabel = per_gemeente(
            b,
            "leerlingen-per-gemeente",
            f"Leerlingen per gemeente {b.jaar}",
            "Leerlingen",
            rijen,
            "Inwoners die op de peildatum volledig leerplichtig of kwalificatieplichtig zijn.",
        )
        delen += [tabel, staaf_per_gemeente(tabel, "Totaal", "Leerlingen")]
    delen.append(
        vergelijking(
            b, "leerlingen-verloop", "Leerlingen over drie schooljaren", "Leerlingen", rijen
        )
    )
    delen.append(
        zinnen(
            b, "leerlingen-tekst", [("het aantal leerlingen", ("leerlingen", TOTAAL), LEERLINGEN)]
        )
    )
    return Hoofdstuk("leerlingen", "Leerlingen", tuple(delen))


def _h_werkprocessen(b: Bron) -> Hoofdstuk:
    rijen = _codes("werkprocessen", codes.WERKPROCES_TYPEN)
    rijen.append(("Percentage van de leerlingen", ("werkprocessen", "percentage_leerlingen")))
    toelichting = (
        "Werkprocessen geopend in het schooljaar, en hun aantal als percentage van de leerlingen."
    )
    delen: list[Onderdeel] = []
    if b.regio:
        tabel = per_gemeente(
            b,
            "werkprocessen-per-gemeente",
            f"Werkprocessen per gemeente {b.jaar}",
            "Werkproces",
            rijen,
            toelichting,
        )
        delen += [
            tabel,
            staaf_per_gemeente(
                tabel,
                "Percentage van de leerlingen",
                "Werkprocessen als percentage van de leerlingen",
                "procent",
            ),
        ]
    verloop = vergelijking(
        b,
        "werkprocessen-verloop",
        "Werkprocessen over drie schooljaren",
        "Werkproces",
        rijen,
        toelichting,
    )
    delen += [
        verloop,
        lijn_over_jaren(
            verloop, ["Totaal", "Relatief verzuim", "Absoluut verzuim"], "Werkprocessen"
        ),
    ]
    delen.append(
        zinnen(
            b,
            "werkprocessen-tekst",
            [
                ("het aantal werkprocessen", ("werkprocessen", TOTAAL), WERKPROCESSEN),
                (
                    "het aantal werkprocessen relatief verzuim",
                    ("werkprocessen", "relatief_verzuim"),
                    GEEN,
                ),
                (
                    "het aantal werkprocessen absoluut verzuim",
                    ("werkprocessen", "absoluut_verzuim"),
                    GEEN,
                ),
            ],
        )
    )
    return Hoofdstuk("werkprocessen", "Werkprocessen", tuple(delen))


def _h_meldingen(b: Bron) -> Hoofdstuk:
    groepen = [(naam[:1].upper() + naam[1:], code) for code, naam in GROEPEN.items()]
    groepen.append(("Totaal", TOTAAL))
    soorten = [(_zin(naam), ("meldingen", code)) for code, naam in codes.MELDING_SOORTEN.items()]
    tabel = kruistabel(
        b,
        "meldingen-per-onderwijssoort",
        f"Meldingen per soort en onderwijssoort {b.jaar}",
        "Soort melding",
        soorten,
        groepen,
        "Meldingen met een datum in het schooljaar, naar de onderwijssoort van de melding.",
    )
    verloop = vergelijking(
        b,
        "meldingen-verloop",
        "Meldingen over drie schooljaren",
        "Soort melding",
        [(k, (*p, TOTAAL)) for k, p in soorten],
    )
    uniek = vergelijking(
        b,
        "meldingen-personen",
        "Leerlingen met een melding",
        "Soort melding",
        [
            *(
                (f"{_zin(naam)}: unieke leerlingen", ("meldingen", "unieke_personen", code))
                for code, naam in codes.MELDING_SOORTEN.items()
            ),
            *(
                (f"{_zin(naam)}: twee of meer meldingen", ("meldingen", "herhaald", code))
                for code, naam in codes.MELDING_SOORTEN.items()
            ),
        ],
        "Leerlingen met minstens één melding van die soort in het schooljaar, en met twee of meer.",
    )
    return Hoofdstuk(
        "meldingen",
        "Meldingen",
        (
            tabel,
            verdeling(tabel, len(groepen) - 1, f"Meldingen per soort {b.jaar}"),
            verloop,
            uniek,
            zinnen(
                b,
                "meldingen-tekst",
                [
                    (
                        f"het {naam}" if code != "18plus" else "het verzuim 18+",
                        ("meldingen", code, TOTAAL),
                        MELDINGEN,
                    )
                    for code, naam in codes.MELDING_SOORTEN.items()
                    if code in ("absoluut", "wettelijk", "langdurig", "luxe")
                ],
            ),
        ),
    )


TELLING_RIJEN: dict[str, str] = {
    **{
        f"vrijstelling_{g}": f"Vrijstelling {naam}"
        for g, naam in codes.VRIJSTELLING_GRONDEN.items()
    },
    "absoluut_verzuim": "Absoluut verzuim (leerlingen)",
    "relatief_verzuim": "Relatief verzuim (leerlingen)",
    "langdurig_relatief_verzuim": "Langdurig relatief verzuim (leerlingen)",
    "luxe_verzuim": "Luxe verzuim (leerlingen)",
    "halt": "Halt-verwijzingen",
    "pv_absoluut": "Processen-verbaal absoluut verzuim",
    "pv_relatief": "Processen-verbaal relatief verzuim",
    "pv_luxe": "Processen-verbaal luxe verzuim",
    "thuiszitters_begin": "Thuiszitters bij begin schooljaar",
    "thuiszitters_nieuw": "Nieuwe thuiszitters",
    "thuiszitters_opgelost": "Thuiszitters opgelost",
}


def _h_leerplichttelling(b: Bron) -> Hoofdstuk:
    groepen = [(naam[:1].upper() + naam[1:], code) for code, naam in GROEPEN.items()]
    groepen.append(("Totaal", TOTAAL))
    rijen = [(naam, ("leerplichttelling", code)) for code, naam in TELLING_RIJEN.items()]
    return Hoofdstuk(
        "leerplichttelling",
        "Leerplichttelling",
        (
            kruistabel(
                b,
                "leerplichttelling",
                f"Leerplichttelling {b.jaar}",
                "Onderdeel",
                rijen,
                groepen,
                "De rijen van de landelijke Leerplichttelling (OCW), naar onderwijssoort.",
            ),
        ),
    )


def _h_vrijstellingen(b: Bron) -> Hoofdstuk:
    kolommen = [("Behandeld", "behandeld"), ("Toegekend", "toegekend"), ("Afgewezen", "afgewezen")]
    rijen = [(_zin(naam), ("vrijstellingen", g)) for g, naam in codes.VRIJSTELLING_GRONDEN.items()]
    tabel = kruistabel(
        b,
        "vrijstellingen",
        f"Vrijstellingen per artikel {b.jaar}",
        "Artikel",
        rijen,
        kolommen,
        "Verzoeken met een besluit in het schooljaar.",
    )
    verloop = vergelijking(
        b,
        "vrijstellingen-verloop",
        "Toegekende vrijstellingen over drie schooljaren",
        "Artikel",
        [(k, (*p, "toegekend")) for k, p in rijen],
    )
    return Hoofdstuk("vrijstellingen", "Vrijstellingen", (tabel, verloop))


def _h_handhaving(b: Bron) -> Hoofdstuk:
    rijen = [
        ("Waarschuwingen", ("handhaving", "waarschuwing")),
        ("Halt-verwijzingen", ("handhaving", "halt")),
        ("Halt positief afgerond", ("handhaving", "halt_positief")),
        ("Halt negatief afgerond", ("handhaving", "halt_negatief")),
        *(
            (f"Processen-verbaal {naam}", ("handhaving", "proces_verbaal", v))
            for v, naam in codes.PROCES_VERBAAL_VERZUIM.items()
        ),
        ("Totaal processen-verbaal", ("handhaving", "proces_verbaal", TOTAAL)),
    ]
    delen: list[Onderdeel] = []
    if b.regio:
        delen.append(
            per_gemeente(
                b,
                "handhaving-per-gemeente",
                f"Handhaving per gemeente {b.jaar}",
                "Handhaving",
                rijen,
            )
        )
    delen.append(
        vergelijking(
            b,
            "handhaving-verloop",
            "Handhaving over drie schooljaren",
            "Handhaving",
            rijen,
            "Interventies met een datum in het schooljaar.",
        )
    )
    delen.append(
        zinnen(
            b,
            "handhaving-tekst",
            [
                ("het aantal Halt-verwijzingen", ("handhaving", "halt"), GEEN),
                ("het aantal processen-verbaal", ("handhaving", "proces_verbaal", TOTAAL), GEEN),
            ],
        )
    )
    return Hoofdstuk("handhaving", "Handhaving", tuple(delen))


def _h_thuiszitters(b: Bron) -> Hoofdstuk:
    rijen = [
        ("Thuiszitters bij begin schooljaar", ("thuiszitters", "begin")),
        ("Nieuwe thuiszitters", ("thuiszitters", "nieuw")),
        ("Opgelost", ("thuiszitters", "opgelost")),
        ("18 jaar of verhuisd", ("thuiszitters", "achttien_of_verhuisd")),
        ("Thuiszitters op 31 juli", ("thuiszitters", "einde")),
    ]
    verloop = vergelijking(
        b, "thuiszitters", "Thuiszitters over drie schooljaren", "Thuiszitters", rijen
    )
    return Hoofdstuk(
        "thuiszitters",
        "Thuiszitters",
        (
            verloop,
            zinnen(
                b,
                "thuiszitters-tekst",
                [
                    ("het aantal nieuwe thuiszitters", ("thuiszitters", "nieuw"), GEEN),
                    ("het aantal thuiszitters op 31 juli", ("thuiszitters", "einde"), GEEN),
                ],
            ),
        ),
    )


def _h_resultaten(b: Bron) -> Hoofdstuk:
    lijst = {**codes.WERKPROCES_RESULTATEN, "onbekend": "onbekend"}
    verloop = vergelijking(
        b,
        "resultaten",
        "Resultaten van gesloten werkprocessen",
        "Resultaat",
        _codes("resultaten", lijst),
        "Werkprocessen gesloten in het schooljaar, naar resultaat.",
    )
    return Hoofdstuk(
        "resultaten",
        "Resultaten",
        (
            verloop,
            verdeling(verloop, len(b.schooljaren) - 1, f"Resultaten {b.jaar}"),
        ),
    )


def _leeftijdsnaam(sleutel: str) -> str:
    if sleutel == "onder_18":
        return "Jonger dan 18"
    if sleutel.endswith("_en_ouder"):
        return f"{sleutel.removesuffix('_en_ouder')} jaar en ouder"
    if "_tot_" in sleutel:
        van, tot = sleutel.split("_tot_")
        return f"{van} tot {tot} jaar"
    return f"{sleutel} jaar"


def _nieuw_oud(
    b: Bron, id_: str, titel: str, rijkop: str, sectie: str, rijen: Sequence[tuple[str, str]]
) -> Tabel:
    """Rows of a vsv section split by cohort (new and old vsv'ers) for the school year:
    the cohort sits in the middle of the path (vsv.<sectie>.<nieuw|oud>.<code>)."""
    return Tabel(
        id_, titel, rijkop, ("Nieuw", "Oud"),
        tuple(
            Rij(kop, tuple(b.cel((b.jaar, b.sleutel, "vsv", sectie, cohort, code))
                           for cohort in ("nieuw", "oud")), totaal=is_totaalrij(kop))
            for kop, code in rijen
        ),
    )  # fmt: skip


def _h_doorstroompunt(b: Bron) -> Hoofdstuk:
    statussen = [
        ("In behandeling", "in_behandeling"),
        ("Monitoring", "monitoring"),
        ("Afgerond", "afgerond"),
        ("Totaal", TOTAAL),
    ]
    nieuw = vergelijking(
        b,
        "vsv-nieuw",
        "Nieuwe voortijdig schoolverlaters, status op 31 juli",
        "Status",
        [(n, ("vsv", "nieuw", k)) for n, k in statussen],
        "Uitgeschreven in het schooljaar zonder startkwalificatie.",
    )
    oud = vergelijking(
        b,
        "vsv-oud",
        "Oud-vsv'ers, status op 31 juli",
        "Status",
        [(n, ("vsv", "oud", k)) for n, k in statussen],
        "Uitgeschreven in de vier schooljaren ervoor en nog in beeld.",
    )
    resultaten = b.waarde((b.jaar, b.sleutel, "vsv", "resultaat_monitoring", "nieuw")) or {}
    monitoring = _nieuw_oud(
        b, "vsv-monitoring", f"Resultaat van de monitoring op 31 juli {b.jaar[-4:]}",
        "Resultaat", "resultaat_monitoring",
        [(_zin(codes.VSV_RESULTATEN.get(c, c)), c) for c in resultaten],
    )  # fmt: skip
    resultaten = b.waarde((b.jaar, b.sleutel, "vsv", "resultaat_afgerond", "nieuw")) or {}
    afgerond = _nieuw_oud(
        b, "vsv-afgerond", f"Afgeronde trajecten {b.jaar} naar resultaat", "Resultaat",
        "resultaat_afgerond", [(_zin(codes.VSV_RESULTATEN.get(c, c)), c) for c in resultaten],
    )  # fmt: skip
    klassen = b.waarde((b.jaar, b.sleutel, "vsv", "leeftijd_31_juli", "nieuw")) or {}
    leeftijd = _nieuw_oud(
        b, "vsv-leeftijd", f"Leeftijd op 31 juli {b.jaar[-4:]} (lopende trajecten)", "Leeftijd",
        "leeftijd_31_juli", [("Totaal" if k == TOTAAL else _leeftijdsnaam(k), k) for k in klassen],
    )  # fmt: skip
    achttien = vergelijking(
        b,
        "verzuim-18plus",
        "Verzuim 18+",
        "Verzuim 18+",
        [
            ("Meldingen", ("verzuim_18plus", "meldingen")),
            ("Unieke jongeren", ("verzuim_18plus", "unieke_personen")),
            ("Jongeren met twee of meer meldingen (recidive)", ("verzuim_18plus", "recidive")),
            ("Actie gewenst: ja", ("verzuim_18plus", "actie_gewenst", "ja")),
            ("Actie gewenst: nee", ("verzuim_18plus", "actie_gewenst", "nee")),
            ("Actie gewenst: onbekend", ("verzuim_18plus", "actie_gewenst", "onbekend")),
        ],
        "Meldingen 18+ met een datum in het schooljaar.",
    )
    return Hoofdstuk(
        "doorstroompunt",
        "Doorstroompunt",
        (
            nieuw,
            oud,
            monitoring,
            afgerond,
            leeftijd,
            achttien,
            zinnen(
                b,
                "doorstroompunt-tekst",
                [
                    (
                        "het aantal nieuwe voortijdig schoolverlaters",
                        ("vsv", "nieuw", TOTAAL),
                        GEEN,
                    ),
                    ("het aantal meldingen verzuim 18+", ("verzuim_18plus", "meldingen"), GEEN),
                ],
            ),
        ),
    )


def _h_benchmark(b: Bron) -> Hoofdstuk:
    """The kengetallen as shares of the leerlingen over the school years, and beside the
    report year's the percentages other regions and the country published for that year.

    Kengetallen with a published figure come first: the chart shows only those (a handful
    of bars stays readable), and its rows must lie together in the table (XLSX charts
    read the table's cells)."""
    titel = "Vergelijking met andere regio's"
    bronnen = sorted({bron for bron, jaar, _ in b.benchmark if jaar == b.jaar}, key=str.lower)
    if not bronnen:
        concept = (
            f"Er zijn nog geen cijfers van andere regio's of van het land voor schooljaar "
            f"{b.jaar} ingelezen; applicatiebeheer leest ze in met de opdracht "
            f"'leerplicht benchmark-import' (zie de handleiding van het jaarverslag, "
            f"onderdeel Benchmark)."
        )
        return Hoofdstuk("benchmark", titel, (b.tekst("benchmark-uitleg", titel, concept),))
    vergeleken = [
        k for k in KENGETALLEN if any((n, b.jaar, k.code) in b.benchmark for n in bronnen)
    ]
    rijen = []
    for k in [*vergeleken, *(k for k in KENGETALLEN if k not in vergeleken)]:
        eigen = []
        for jaar in b.schooljaren:
            deel, geheel = (jaar, b.sleutel, *k.deel), (jaar, b.sleutel, *GEHEEL)
            eigen.append(
                Cel(percentage(b.waarde(deel), b.waarde(geheel)), Soort.AANDEEL, uit=(deel, geheel))
            )
        extern = [
            Cel(b.benchmark.get((bron, b.jaar, k.code)), Soort.EXTERN_PROCENT) for bron in bronnen
        ]
        rijen.append(Rij(k.label, (*eigen, *extern)))
    wie = "de regio" if b.regio else b.naam(b.gemeenten[0])
    tabel = Tabel(
        "benchmark",
        f"Kengetallen als percentage van de leerlingen, {b.jaar} naast andere regio's",
        "Kengetal",
        (*b.schooljaren, *bronnen),
        tuple(rijen),
        f"Per schooljaar het aantal van {wie} als percentage van de leerlingen op de "
        f"peildatum; daarna de gepubliceerde percentages van {b.jaar} van "
        f"{_opsomming(bronnen)}, zoals ingelezen.",
    )
    getoond = rijen[: len(vergeleken)]
    reeksen = tuple(
        Reeks(kolom, tuple(r.cellen[i].waarde for r in getoond))
        for i, kolom in enumerate(tabel.kolommen)
        if i >= len(b.schooljaren) - 1
    )
    beschrijving = "; ".join(
        f"{r.kop}: "
        + ", ".join(
            f"{'eigen' if s.naam == b.jaar else s.naam} {_als_tekst(s.waarden[i], 'procent')}"
            for s in reeksen
        )
        for i, r in enumerate(getoond)
    )
    grafiek = Grafiek(
        "benchmark-grafiek",
        f"Eigen percentages {b.jaar} naast {_opsomming(bronnen)}",
        Grafieksoort.STAAF,
        tuple(r.kop for r in getoond),
        reeksen,
        f"Staafdiagram: percentages van de leerlingen in {b.jaar}, eigen cijfers (reeks "
        f"{b.jaar}) naast {_opsomming(bronnen)}. {beschrijving}.",
        "procent",
        tabel.id,
    )
    return Hoofdstuk("benchmark", titel, (tabel, grafiek))


def _opsomming(namen: Sequence[str]) -> str:
    """Names in a sentence: "A", "A en B", "A, B en C"."""
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


HOOFDSTUKKEN = (
    _h_inleiding,
    _h_leerlingen,
    _h_werkprocessen,
    _h_meldingen,
    _h_leerplichttelling,
    _h_vrijstellingen,
    _h_handhaving,
    _h_thuiszitters,
    _h_resultaten,
    _h_doorstroompunt,
    _h_benchmark,
)


def bouw_jaarverslag(b: Bron, gebied: str) -> Verslag:
    """The jaarverslag of `b.jaar` for `gebied` (the region's or the gemeente's name)."""
    rapport = b.rapporten[b.jaar]
    return Verslag(
        titel=f"Jaarverslag leerplicht {b.jaar}",
        gebied=gebied,
        gemeenten=b.gemeenten,
        schooljaar=b.jaar,
        schooljaren=b.schooljaren,
        peildatum=rapport["peildatum"],
        hoofdstukken=tuple(h(b) for h in HOOFDSTUKKEN),
        verantwoording=(
            "Alle cijfers komen rechtstreeks uit de leerplichtadministratie, elk jaar op dezelfde "
            "manier berekend (de definities staan in de handleiding van Leerplicht, onder "
            "'Wat de cijfers betekenen'); een afgesloten schooljaar met vastgestelde cijfers "
            "toont die vastgestelde cijfers.",
            f"Peildatum leerlingen: {rapport['peildatum']}; "
            "schooljaar: 1 augustus tot en met 31 juli.",
        ),
    )
