"""The infographic of one gemeente: one page with the key figures of a school year at a
glance, each beside last year's and the change (issue 6, "an infographic per gemeente").

Built from the same `Bron` as the jaarverslag (`rapporten.bron_voor(..., [gemeente])`),
and every number is a `Cel` with its path into the rapport JSON, so the infographic can
be checked against `leerplicht rapport --format json` like the report's tables. Each
figure is one key of the JSON, never a sum made here: what the infographic says is what
the report says.

Pure Python: no Django. The words for screen readers ("gestegen met 12,50 procent") are
made here too, so the web page and the PDF say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from leerplicht.cijfers.tabel import Cel, Pad, Soort
from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.percentage import verandering

from .jaarverslag import TOTAAL, Bron
from .opmaak import tekst_van


@dataclass(frozen=True)
class Kerncijferdef:
    id: str
    #: What is counted, in plain words (the tile's heading).
    label: str
    #: One short line on what it means.
    uitleg: str
    #: The key below the gemeente in the rapport JSON.
    pad: Pad
    soort: Soort = Soort.AANTAL


#: The key figures, in the order of the report's chapters.
KERNCIJFERS: tuple[Kerncijferdef, ...] = (
    Kerncijferdef(
        "leerlingen",
        "Leerlingen",
        "Volledig leerplichtig of kwalificatieplichtig op de peildatum.",
        ("leerlingen", TOTAAL),
    ),
    Kerncijferdef(
        "werkprocessen",
        "Werkprocessen",
        "Zaken die het team in het schooljaar opende.",
        ("werkprocessen", TOTAAL),
    ),
    Kerncijferdef(
        "werkprocessen-percentage",
        "Werkprocessen naast de leerlingen",
        "Het aantal werkprocessen als percentage van het aantal leerlingen.",
        ("werkprocessen", "percentage_leerlingen"),
        Soort.PROCENT,
    ),
    Kerncijferdef(
        "absoluut-verzuim",
        "Meldingen absoluut verzuim",
        "Kinderen en jongeren die op geen school staan ingeschreven.",
        ("meldingen", "absoluut", TOTAAL),
    ),
    Kerncijferdef(
        "relatief-verzuim",
        "Leerlingen gemeld voor relatief verzuim",
        "Ingeschreven, maar zonder geldige reden niet op school (luxe verzuim telt mee).",
        ("leerplichttelling", "relatief_verzuim", TOTAAL),
    ),
    Kerncijferdef(
        "luxe-verzuim",
        "Leerlingen gemeld voor luxe verzuim",
        "Zonder toestemming vrij genomen, meestal voor een vakantie.",
        ("leerplichttelling", "luxe_verzuim", TOTAAL),
    ),
    Kerncijferdef(
        "vrijstelling-5a",
        "Vrijstellingen om lichamelijke of psychische redenen",
        "Toegekend op grond van artikel 5 onder a van de Leerplichtwet.",
        ("vrijstellingen", "5a", "toegekend"),
    ),
    Kerncijferdef(
        "thuiszitters",
        "Thuiszitters op 31 juli",
        "Aan het eind van het schooljaar nog thuis: vier weken of langer zonder school.",
        ("thuiszitters", "einde"),
    ),
    Kerncijferdef(
        "processen-verbaal",
        "Processen-verbaal",
        "Opgemaakt tegen ouders of jongeren wegens verzuim.",
        ("handhaving", "proces_verbaal", TOTAAL),
    ),
    Kerncijferdef(
        "vsv-nieuw",
        "Nieuwe voortijdig schoolverlaters",
        "Jongeren die zonder startkwalificatie van school gingen.",
        ("vsv", "nieuw", TOTAAL),
    ),
)


@dataclass(frozen=True)
class Kerncijfer:
    id: str
    label: str
    uitleg: str
    #: This school year's value (with `bron`).
    nu: Cel
    #: Last school year's value (with `bron`); None without a previous year in the Bron.
    vorig: Cel | None
    #: (nu - vorig) / vorig × 100 from the two cells (`uit`); its value None against 0,
    #: and for a percentage (as in the report: no change % of a percentage).
    verandering: Cel | None


@dataclass(frozen=True)
class Infographic:
    gemeente: str
    naam: str
    schooljaar: str
    vorig_schooljaar: str | None
    #: The peildatum of the leerlingen (ISO), as in the rapport.
    peildatum: str
    kerncijfers: tuple[Kerncijfer, ...]


def bouw_infographic(b: Bron) -> Infographic:
    """The key figures of the Bron's one gemeente for its last school year."""
    if b.regio:
        raise ValueError("een infographic gaat over één gemeente")
    code = b.gemeenten[0]
    cijfers = []
    for d in KERNCIJFERS:
        nu_pad = (b.jaar, code, *d.pad)
        nu = b.cel(nu_pad, d.soort)
        vorig: Cel | None = None
        wijziging: Cel | None = None
        if b.vorig is not None:
            oud_pad = (b.vorig, code, *d.pad)
            vorig = b.cel(oud_pad, d.soort)
            waarde = None
            if d.soort is Soort.AANTAL and None not in (nu.waarde, vorig.waarde):
                waarde = verandering(int(nu.waarde), int(vorig.waarde))  # type: ignore[arg-type]
            wijziging = Cel(waarde, Soort.VERANDERING, uit=(nu_pad, oud_pad))
        cijfers.append(Kerncijfer(d.id, d.label, d.uitleg, nu, vorig, wijziging))
    return Infographic(
        gemeente=code,
        naam=b.naam(code),
        schooljaar=b.jaar,
        vorig_schooljaar=b.vorig,
        peildatum=b.rapporten[b.jaar]["peildatum"],
        kerncijfers=tuple(cijfers),
    )


# --- what the page and the PDF show ---------------------------------------------------------


@dataclass(frozen=True)
class Tegel:
    """One key figure as the templates show it: texts only, and the paths behind them."""

    id: str
    label: str
    uitleg: str
    waarde: str
    #: `Cel.bron` of this year's value, "schooljaar/gemeente/sectie/..."
    bron: str
    vorig: str
    vorig_bron: str
    #: "+12,50%" / "-3,20%" / "gelijk" / "" (no percentage: against 0, or a percentage).
    verandering: str
    #: "op", "neer", "gelijk" or "" (no comparison): the arrow and its colour class.
    richting: str
    #: The arrow as a glyph (hidden from screen readers, which read `woorden`).
    pijl: str
    #: The change in words: "Gestegen met 12,50 procent ten opzichte van 2024-2025."
    woorden: str
    #: "<pad nu>|<pad vorig>" of the change ("" without one).
    uit: str


PIJLEN = {"op": "▲", "neer": "▼", "gelijk": "=", "": ""}


def _pad(pad: Pad | None) -> str:
    return "/".join(pad) if pad else ""


def _procent_in_woorden(waarde: float) -> str:
    return procent(waarde).removesuffix("%") + " procent"


def _in_woorden(nu: Cel, vorig: Cel | None, wijziging: Cel | None, vorig_jaar: str) -> str:
    """The comparison as a sentence; the numbers in the same notation as the tile."""
    if vorig is None or nu.waarde is None or vorig.waarde is None:
        return "Geen vergelijking met het vorige schooljaar."
    if nu.waarde == vorig.waarde:
        return f"Gelijk gebleven ten opzichte van {vorig_jaar}."
    woord = "Gestegen" if nu.waarde > vorig.waarde else "Gedaald"
    if wijziging is not None and wijziging.waarde is not None:
        hoeveel = _procent_in_woorden(abs(float(wijziging.waarde)))
        return f"{woord} met {hoeveel} ten opzichte van {vorig_jaar}."
    if nu.soort is Soort.PROCENT:
        van = _procent_in_woorden(float(vorig.waarde))
        naar = _procent_in_woorden(float(nu.waarde))
    else:  # against 0: no percentage (figures.md)
        van, naar = getal(int(vorig.waarde)), getal(int(nu.waarde))
    return f"{woord} van {van} in {vorig_jaar} naar {naar}."


def _richting(nu: Cel, vorig: Cel | None) -> str:
    if vorig is None or nu.waarde is None or vorig.waarde is None:
        return ""
    if nu.waarde == vorig.waarde:
        return "gelijk"
    return "op" if nu.waarde > vorig.waarde else "neer"


def _verandering_tekst(richting: str, wijziging: Cel | None) -> str:
    if richting == "gelijk":
        return "gelijk"
    if wijziging is None or wijziging.waarde is None:
        return ""
    return tekst_van(wijziging)


def tegels(info: Infographic) -> tuple[Tegel, ...]:
    vorig_jaar = info.vorig_schooljaar or ""
    uitkomst = []
    for k in info.kerncijfers:
        richting = _richting(k.nu, k.vorig)
        wijziging = k.verandering
        uitkomst.append(
            Tegel(
                id=k.id,
                label=k.label,
                uitleg=k.uitleg,
                waarde=tekst_van(k.nu),
                bron=_pad(k.nu.bron),
                vorig=tekst_van(k.vorig) if k.vorig is not None else "",
                vorig_bron=_pad(k.vorig.bron) if k.vorig is not None else "",
                verandering=_verandering_tekst(richting, wijziging),
                richting=richting,
                pijl=PIJLEN[richting],
                woorden=_in_woorden(k.nu, k.vorig, wijziging, vorig_jaar),
                uit="|".join(_pad(p) for p in wijziging.uit)
                if wijziging is not None and wijziging.uit
                else "",
            )
        )
    return tuple(uitkomst)
