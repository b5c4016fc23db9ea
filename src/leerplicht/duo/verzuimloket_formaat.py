"""The file layout of DUO's Verzuimloket, as this project ASSUMES it. The only place.

DUO's real specification of the export (and of the status file uploaded in Mijn DUO)
is not public in a form we could check. Until it is aligned, this module is the one
place that knows columns and codes; nothing else in the casework does (the adapter
turns rows into `duo.koppeling.Verzuimmelding` and back). Aligning with the real
specification means changing this module (and its tests) only.

Assumed delivery (one file per delivery, for one gemeente):

- CSV, delimiter `;` (a `,` is accepted too: the shared reader detects it), UTF-8
  (a BOM is allowed), a header row with the column names of `VERZUIMMELDINGEN`,
  one row per melding; dates `JJJJ-MM-DD`; ja/nee for yes/no; an empty cell is
  "unknown". Errors are reported as `bestand:regel: kolom: wat er mis is`.
- `verzuimsoort` holds DUO's code of the kind of verzuim (`DUO_VERZUIMSOORTEN`),
  mapped to our `domein.codes.MELDING_SOORTEN`.

Assumed status file (written for upload in Mijn DUO): CSV `;`, UTF-8, header
`meldingsnummer;status;reden;datum`, one row per melding whose status changed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.uitwisselformaat import Kolom, Rij

from .koppeling import Terugmelding, Verzuimmelding

#: DUO's code of the kind of verzuim -> our melding `soort`.
DUO_VERZUIMSOORTEN: dict[str, str] = {
    "16uur4weken": "wettelijk",  # 16 uren in 4 weken (art. 21a)
    "langdurig_relatief": "langdurig",  # more than 4 weeks absent without reason
    "luxe": "luxe",
    "overig": "overig",
    "signaal": "overig",  # signaalverzuim: below the 16-hour threshold
    "18plus": "18plus",
    "absoluut": "absoluut",
}

#: The statuses we report back (`meldingen.models.DUO_STATUSSEN`) -> DUO's code.
DUO_STATUSCODES: dict[str, str] = {
    "in_behandeling": "IN_BEHANDELING",
    "afgesloten": "AFGESLOTEN",
    "ter_kennisneming": "TER_KENNISNEMING_AANGENOMEN",
    "ingetrokken": "INGETROKKEN",
}

#: Reasons for "afgesloten" -> DUO's code, with the Dutch text the screens show.
AFSLUITREDENEN: dict[str, str] = {
    "terug_naar_school": "terug naar school",
    "inschrijving_beeindigd": "inschrijving beëindigd",
    "verhuisd": "verhuisd",
    "vrijstelling": "vrijstelling",
    "achttien": "18 jaar geworden",
    "overig": "overig",
}
DUO_REDENCODES: dict[str, str] = {reden: reden.upper() for reden in AFSLUITREDENEN}

#: A closed werkproces's `resultaat` -> the reason reported for its meldingen.
REDEN_VOOR_RESULTAAT: dict[str, str] = {
    "school": "terug_naar_school",
    "dagbesteding": "terug_naar_school",
    "vrijstelling": "vrijstelling",
    "verhuisd": "verhuisd",
    "achttien": "achttien",
    "overdracht_dsp": "achttien",
}

TERUGMELDING_KOLOMMEN: tuple[str, ...] = ("meldingsnummer", "status", "reden", "datum")

_ONDERWIJSNUMMER = re.compile(r"^\d{9}$")
_HELE_GETAL = re.compile(r"^\d{1,4}$")
_UREN = re.compile(r"^\d{1,4}([,.]\d)?$")


def reden_voor_resultaat(resultaat: str | None) -> str:
    return REDEN_VOOR_RESULTAAT.get(resultaat or "", "overig")


def _regels(rij: Rij) -> list[formaat.Fout]:
    fouten: list[formaat.Fout] = []
    if rij.get("bsn") is None and rij.get("onderwijsnummer") is None:
        fouten.append(("bsn", "vul een BSN of een onderwijsnummer in"))
    onderwijsnummer = rij.get("onderwijsnummer")
    if onderwijsnummer is not None and not _ONDERWIJSNUMMER.match(str(onderwijsnummer)):
        fouten.append(("onderwijsnummer", "geen onderwijsnummer (9 cijfers)"))
    dagen = rij.get("verzuimde_dagen")
    if dagen is not None and not _HELE_GETAL.match(str(dagen)):
        fouten.append(("verzuimde_dagen", f"{dagen!r} is geen heel aantal dagen"))
    uren = rij.get("verzuimde_uren")
    if uren is not None and not _UREN.match(str(uren)):
        fouten.append(("verzuimde_uren", f"{uren!r} is geen aantal uren (bijv. 16 of 16,5)"))
    email = rij.get("melder_email")
    if email is not None and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", str(email)):
        fouten.append(("melder_email", "geen geldig e-mailadres"))
    van, tot = rij.get("verzuim_van"), rij.get("verzuim_tot")
    if isinstance(van, date) and isinstance(tot, date) and tot < van:
        fouten.append(("verzuim_tot", f"{tot.isoformat()} ligt vóór verzuim_van {van}"))
    return fouten


def _tekst(naam: str, lengte: int = 200) -> Kolom:
    return Kolom(naam, formaat.TEKST, verplicht=False, max_lengte=lengte)


#: The delivery file. `naam` is replaced by the real file name when reading.
VERZUIMMELDINGEN = formaat.Bestand(
    "verzuimmeldingen.csv",
    (
        Kolom("meldingsnummer", formaat.TEKST, max_lengte=64),
        Kolom("meldingsdatum", formaat.DATUM),
        Kolom("bsn", formaat.BSN, verplicht=False),
        _tekst("onderwijsnummer", 9),
        Kolom("geboortedatum", formaat.DATUM),
        Kolom("brin", formaat.BRIN),
        Kolom("vestiging", formaat.VESTIGING, verplicht=False),
        _tekst("leslocatie"),
        Kolom("verzuimsoort", formaat.CODE, codes=DUO_VERZUIMSOORTEN),
        Kolom("verzuim_van", formaat.DATUM, verplicht=False),
        Kolom("verzuim_tot", formaat.DATUM, verplicht=False),
        _tekst("vermoedelijke_reden", 4000),
        Kolom("alle_lessen_verzuimd", formaat.JA_NEE, verplicht=False),
        _tekst("verzuimde_dagen", 4),
        _tekst("verzuimde_uren", 6),
        _tekst("schoolactie", 4000),
        Kolom("actie_gewenst", formaat.JA_NEE, verplicht=False),
        _tekst("melder_naam"),
        _tekst("melder_functie"),
        _tekst("melder_telefoon", 40),
        _tekst("melder_email"),
        _tekst("telefoon_ouders", 40),
        _tekst("afwijkend_verblijfadres", 1000),
    ),
    sleutel=("meldingsnummer",),
    regels=(_regels,),
)

KOLOMMEN: tuple[str, ...] = VERZUIMMELDINGEN.kolomnamen


def bestandsspec(bestandsnaam: str) -> formaat.Bestand:
    """The layout, named after the file being read (errors then name that file)."""
    return replace(VERZUIMMELDINGEN, naam=bestandsnaam)


def _tekstwaarde(rij: Rij, kolom: str) -> str:
    waarde = rij.get(kolom)
    return "" if waarde is None else str(waarde)


def _uren(tekst: object) -> Decimal | None:
    if tekst is None:
        return None
    try:
        return Decimal(str(tekst).replace(",", "."))
    except InvalidOperation:  # excluded by _regels; never half a value
        return None


def naar_verzuimmelding(rij: Rij, herkomst: str) -> Verzuimmelding:
    """One checked row (see `_regels`) as the adapter's plain dataclass."""
    dagen = rij.get("verzuimde_dagen")
    return Verzuimmelding(
        meldingsnummer=str(rij["meldingsnummer"]),
        herkomst=herkomst,
        bsn=rij.get("bsn"),  # type: ignore[arg-type]
        onderwijsnummer=rij.get("onderwijsnummer"),  # type: ignore[arg-type]
        geboortedatum=rij.get("geboortedatum"),  # type: ignore[arg-type]
        brin=str(rij["brin"]),
        vestiging=rij.get("vestiging"),  # type: ignore[arg-type]
        leslocatie=_tekstwaarde(rij, "leslocatie"),
        meldingsdatum=rij["meldingsdatum"],  # type: ignore[arg-type]
        verzuim_van=rij.get("verzuim_van"),  # type: ignore[arg-type]
        verzuim_tot=rij.get("verzuim_tot"),  # type: ignore[arg-type]
        soort=DUO_VERZUIMSOORTEN[str(rij["verzuimsoort"])],
        vermoedelijke_reden=_tekstwaarde(rij, "vermoedelijke_reden"),
        alle_lessen_verzuimd=rij.get("alle_lessen_verzuimd"),  # type: ignore[arg-type]
        verzuimde_dagen=int(str(dagen)) if dagen is not None else None,
        verzuimde_uren=_uren(rij.get("verzuimde_uren")),
        schoolactie=_tekstwaarde(rij, "schoolactie"),
        actie_gewenst=rij.get("actie_gewenst"),  # type: ignore[arg-type]
        melder_naam=_tekstwaarde(rij, "melder_naam"),
        melder_functie=_tekstwaarde(rij, "melder_functie"),
        melder_telefoon=_tekstwaarde(rij, "melder_telefoon"),
        melder_email=_tekstwaarde(rij, "melder_email"),
        telefoon_ouders=_tekstwaarde(rij, "telefoon_ouders"),
        afwijkend_verblijfadres=_tekstwaarde(rij, "afwijkend_verblijfadres"),
    )


def terugmeldingsrij(t: Terugmelding) -> list[str]:
    """One row of the status file, in `TERUGMELDING_KOLOMMEN` order."""
    return [
        t.meldingsnummer,
        DUO_STATUSCODES[t.status],
        DUO_REDENCODES[t.reden] if t.reden else "",
        t.datum.isoformat(),
    ]
