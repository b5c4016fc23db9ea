"""Facts about a pupil that end a leerplicht early (Leerplichtwet 1969).

Two exceptions change a person's status before the ages in `domein.leerplicht` do,
and with it every signal and figure built on that status (domain.md, "Who is
leerplichtig"). The register holds each as a date with its source:

- twaalf volledige schooljaren (art. 3 lid 1 onder a): full leerplicht ends at the end
  of the school year after which the pupil has attended school for twelve full school
  years; the date held is that last day (31 July of the twelfth school year);
- kwalificatieplicht vervallen (art. 4a lid 2): the kwalificatieplicht does not apply
  after a praktijkonderwijs certificate or diploma, or a vso uitstroomprofiel
  arbeidsmarkt or dagbesteding; the date held is the day it was obtained.

This module holds the codes and the Dutch wording with the article, so the dossier,
the form and the exchange format say the same thing.
"""

from __future__ import annotations

from datetime import date

from .leeftijd import verjaardag
from .leerplicht import (
    Leerplichtstatus,
    begin_volledige_leerplicht,
    einde_kwalificatieplicht,
    is_leer_of_kwalificatieplichtig,
    leerplichtstatus,
)

ARTIKEL_TWAALF_SCHOOLJAREN = "art. 3 lid 1 onder a Leerplichtwet 1969"
ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN = "art. 4a lid 2 Leerplichtwet 1969"
_ARTIKEL_4A = ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN

#: Why the kwalificatieplicht lapsed (exchange format `kwalificatieplicht_vervallen_grond`).
KWALIFICATIEPLICHT_VERVALLEN_GRONDEN: dict[str, str] = {
    "pro": "praktijkonderwijs: certificaat of diploma",
    "vso_arbeidsmarkt": "vso: uitstroomprofiel arbeidsmarkt",
    "vso_dagbesteding": "vso: uitstroomprofiel dagbesteding",
}


def _datum_tekst(datum: date) -> str:
    return f"{datum.day:02d}-{datum.month:02d}-{datum.year}"


def tekst_twaalf_schooljaren(voltooid: date, bron: str | None) -> str:
    """How the dossier states the 12-school-year end of full leerplicht."""
    tekst = (
        f"volledige leerplicht geëindigd na twaalf volledige schooljaren op "
        f"{_datum_tekst(voltooid)} ({ARTIKEL_TWAALF_SCHOOLJAREN})"
    )
    return f"{tekst}; bron: {bron}" if bron else tekst


def tekst_kwalificatieplicht_vervallen(vervallen: date, grond: str | None, bron: str | None) -> str:
    """How the dossier states the art. 4a lid 2 exception."""
    waarom = KWALIFICATIEPLICHT_VERVALLEN_GRONDEN.get(grond or "", "grond onbekend")
    tekst = (
        f"kwalificatieplicht vervallen op {_datum_tekst(vervallen)}, {waarom} "
        f"({ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN})"
    )
    return f"{tekst}; bron: {bron}" if bron else tekst


#: A child may go to school from its 4th birthday (art. 39 Wet op het primair onderwijs),
#: so twelve school years end at the earliest in the calendar year of the 16th birthday.
VROEGSTE_LEEFTIJD_TWAALF_SCHOOLJAREN = 16
#: Praktijkonderwijs and vso are secondary education, from about 12: a certificate or an
#: uitstroomprofiel before the 12th birthday is a typing error.
VROEGSTE_LEEFTIJD_KWALIFICATIEPLICHT_VERVALLEN = 12


def vroegste_twaalf_schooljaren(geboortedatum: date) -> date:
    """The earliest plausible end of twelve full school years (art. 3 lid 1 onder a): 31
    July of the year of the 16th birthday. Lenient on purpose (a child born in August who
    started at 4 may finish then); it only stops impossible dates, like an 11 year old."""
    return date(geboortedatum.year + VROEGSTE_LEEFTIJD_TWAALF_SCHOOLJAREN, 7, 31)


def fouten_in_feiten(
    twaalf_schooljaren_voltooid: date | None,
    kwalificatieplicht_vervallen: date | None,
    kwalificatieplicht_vervallen_grond: str | None,
    *,
    geboortedatum: date | None = None,
) -> list[tuple[str, str]]:
    """What is wrong with a set of facts, as (field, Dutch message); empty when valid.

    Twelve full school years end with a school year, so on 31 July (art. 3 lid 1 onder a),
    and not before the year of the 16th birthday; a lapsed kwalificatieplicht says why
    (art. 4a lid 2), a why needs its date, and the date is not before the 12th birthday.
    """
    fouten: list[tuple[str, str]] = []
    twaalf = twaalf_schooljaren_voltooid
    if twaalf is not None and (twaalf.month, twaalf.day) != (7, 31):
        fouten.append(
            (
                "twaalf_schooljaren_voltooid",
                "twaalf volledige schooljaren eindigen met een schooljaar: vul 31 juli in "
                f"({ARTIKEL_TWAALF_SCHOOLJAREN})",
            )
        )
    elif (
        twaalf is not None
        and geboortedatum is not None
        and twaalf < vroegste_twaalf_schooljaren(geboortedatum)
    ):
        vroegst = _datum_tekst(vroegste_twaalf_schooljaren(geboortedatum))
        fouten.append(
            (
                "twaalf_schooljaren_voltooid",
                f"twaalf volledige schooljaren kunnen voor iemand geboren op "
                f"{_datum_tekst(geboortedatum)} op zijn vroegst op {vroegst} voltooid zijn: "
                f"naar school vanaf 4 jaar ({ARTIKEL_TWAALF_SCHOOLJAREN})",
            )
        )
    vervallen = kwalificatieplicht_vervallen
    if (
        vervallen is not None
        and geboortedatum is not None
        and vervallen < verjaardag(geboortedatum, VROEGSTE_LEEFTIJD_KWALIFICATIEPLICHT_VERVALLEN)
    ):
        fouten.append(
            (
                "kwalificatieplicht_vervallen",
                "een certificaat praktijkonderwijs of vso-uitstroomprofiel vóór de 12e "
                f"verjaardag is niet mogelijk ({ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN})",
            )
        )
    grond = kwalificatieplicht_vervallen_grond or None
    if kwalificatieplicht_vervallen is not None and grond is None:
        fouten.append(
            (
                "kwalificatieplicht_vervallen_grond",
                "kies de grond: certificaat praktijkonderwijs of vso-uitstroomprofiel "
                f"({ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN})",
            )
        )
    if grond is not None and kwalificatieplicht_vervallen is None:
        fouten.append(("kwalificatieplicht_vervallen", "vul de datum in waarop dit is behaald"))
    if grond is not None and grond not in KWALIFICATIEPLICHT_VERVALLEN_GRONDEN:
        fouten.append(("kwalificatieplicht_vervallen_grond", f"onbekende grond {grond!r}"))
    return fouten


def omschrijving_leerplicht(
    geboortedatum: date,
    peildatum: date,
    *,
    startkwalificatie: date | None,
    twaalf_schooljaren_voltooid: date | None,
    kwalificatieplicht_vervallen: date | None,
) -> str:
    """The status on `peildatum` in Dutch, and when not leerplichtig why, with the article.

    Asks `leerplichtstatus` with every fact, so a page says what the signals decide.
    """
    status = leerplichtstatus(
        geboortedatum,
        peildatum,
        startkwalificatie=startkwalificatie,
        twaalf_schooljaren_voltooid=twaalf_schooljaren_voltooid,
        kwalificatieplicht_vervallen=kwalificatieplicht_vervallen,
    )
    if is_leer_of_kwalificatieplichtig(status):
        return status.label
    if status is Leerplichtstatus.NOG_NIET_LEERPLICHTIG:
        begin = _datum_tekst(begin_volledige_leerplicht(geboortedatum))
        return (
            f"niet leerplichtig (nog niet leerplichtig: leerplichtig vanaf {begin}, "
            "art. 3 lid 1 Leerplichtwet 1969)"
        )
    vervallen = kwalificatieplicht_vervallen
    binnen_de_leeftijd = peildatum <= einde_kwalificatieplicht(geboortedatum)
    zonder_startkwalificatie = startkwalificatie is None or startkwalificatie > peildatum
    if (
        vervallen is not None
        and vervallen <= peildatum
        and binnen_de_leeftijd
        and zonder_startkwalificatie
    ):
        return f"niet leerplichtig (kwalificatieplicht vervallen, {_ARTIKEL_4A})"
    return f"niet leerplichtig ({status.label})"
