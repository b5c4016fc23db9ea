"""Bewaartermijnen: how long each kind of data is kept, and from which date the term runs.

The rule for one row is `vervaldatum(...)`: the first day on which the row may be
removed. The defaults below follow the legal basis written out in
docs/beheer/bewaartermijnen.md (Selectielijst gemeenten 2020, Leerplichtwet 1969,
Wet politiegegevens, AVG art. 5 lid 1 onder e); a gemeente can change the number of
years per kind with LEERPLICHT_BEWAARTERMIJN_<SOORT>_JAREN (see `jaren_uit_omgeving`).

Pure Python: no Django here, so the rules can be tested and read on their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from .doorstroompunt_doelgroep import LEEFTIJDSGRENZEN, geldende_leeftijdsgrens
from .leeftijd import verjaardag


class Soort(StrEnum):
    """The kinds of data with their own term."""

    PERSOON = "persoon"
    MELDING = "melding"
    WERKPROCES = "werkproces"
    VRIJSTELLING = "vrijstelling"
    THUISZITTER = "thuiszitter"
    VSV = "vsv"
    AUDITREGEL = "auditregel"


class Handeling(StrEnum):
    """What happens when the term has ended."""

    VERWIJDEREN = "verwijderen"
    #: Removed when nothing kept refers to it any more, otherwise made anonymous.
    VERWIJDEREN_OF_ANONIMISEREN = "verwijderen of anonimiseren"
    #: Counted and reported, never removed (the audit log is append-only).
    ALLEEN_TELLEN = "alleen tellen"


@dataclass(frozen=True)
class Bewaartermijn:
    soort: Soort
    jaren: int
    #: From which date the term runs, in words (Dutch, for the report and the docs).
    vanaf: str
    #: Never before this birthday of the person (Selectielijst: leerplicht files 19 years
    #: from birth), or None.
    niet_voor_leeftijd: int | None
    handeling: Handeling
    grondslag: str


STANDAARD: dict[Soort, Bewaartermijn] = {
    t.soort: t
    for t in (
        Bewaartermijn(
            Soort.PERSOON,
            2,
            "na het verlaten van de doelgroep (23e of, vanaf 2026, 27e verjaardag)",
            None,
            Handeling.VERWIJDEREN_OF_ANONIMISEREN,
            "Selectielijst gemeenten 2020, 12.1.4 (kwalificatieplicht/RMC: 2 jaar na einde)",
        ),
        Bewaartermijn(
            Soort.MELDING,
            5,
            "na de meldingsdatum (zolang het werkproces blijft, blijft de melding)",
            19,
            Handeling.VERWIJDEREN,
            "Selectielijst gemeenten 2020, 12.1.3 (19 jaar vanaf geboorte); Wet politiegegevens"
            " art. 14 (5 jaar)",
        ),
        Bewaartermijn(
            Soort.WERKPROCES,
            5,
            "na het sluiten van het werkproces (met zijn interventies)",
            19,
            Handeling.VERWIJDEREN,
            "Selectielijst gemeenten 2020, 12.1.3 en 12.1.4; Wet politiegegevens art. 14 "
            "(processen-verbaal 5 jaar)",
        ),
        Bewaartermijn(
            Soort.VRIJSTELLING,
            5,
            "na het einde van de vrijstelling (of het besluit, bij afwijzing of intrekking)",
            19,
            Handeling.VERWIJDEREN,
            "Selectielijst gemeenten 2020, 12.1.3; Leerplichtwet 1969 art. 5-7, 15",
        ),
        Bewaartermijn(
            Soort.THUISZITTER,
            5,
            "na het einde van de thuiszitperiode",
            19,
            Handeling.VERWIJDEREN,
            "Selectielijst gemeenten 2020, 12.1.3; AVG art. 5 lid 1 onder e",
        ),
        Bewaartermijn(
            Soort.VSV,
            2,
            "na het afronden van het vsv-traject",
            None,
            Handeling.VERWIJDEREN,
            "Selectielijst gemeenten 2020, 12.1.4 (2 jaar na einde); RMC-regeling",
        ),
        Bewaartermijn(
            Soort.AUDITREGEL,
            5,
            "na het moment van de gebeurtenis",
            None,
            Handeling.ALLEEN_TELLEN,
            "AVG art. 5 lid 2 en art. 32 (verantwoording); BIO 12.4; keten is alleen aan te vullen",
        ),
    )
}

OMGEVINGSVARIABELE = "LEERPLICHT_BEWAARTERMIJN_{soort}_JAREN"


def omgevingsvariabele(soort: Soort) -> str:
    return OMGEVINGSVARIABELE.format(soort=soort.value.upper())


def jaren_uit_omgeving(omgeving: Mapping[str, str]) -> dict[str, int]:
    """The overridden number of years per kind; a bad value raises ValueError (Dutch)."""
    jaren: dict[str, int] = {}
    for soort in Soort:
        naam = omgevingsvariabele(soort)
        tekst = omgeving.get(naam, "").strip()
        if not tekst:
            continue
        if not tekst.isascii() or not tekst.isdigit() or not 0 <= int(tekst) <= 100:
            raise ValueError(f"{naam} moet een geheel aantal jaren zijn (0 tot en met 100)")
        jaren[soort.value] = int(tekst)
    return jaren


def bewaartermijnen(jaren: Mapping[str, int] | None = None) -> dict[Soort, Bewaartermijn]:
    """The terms in force: the defaults, with the number of years overridden per kind."""
    jaren = jaren or {}
    return {s: replace(t, jaren=jaren.get(s.value, t.jaren)) for s, t in STANDAARD.items()}


def jaren_later(begin: date, jaren: int) -> date:
    """`begin` moved `jaren` years on; 29 February becomes 1 March in a year without it.

    The same reading as a birthday (leeftijd.verjaardag): a term never ends a day early.
    """
    return verjaardag(begin, jaren)


def vervaldatum(
    begin: date,
    termijn: Bewaartermijn,
    *,
    geboortedatum: date | None = None,
) -> date:
    """The first day on which a row whose term runs from `begin` may be removed."""
    einde = jaren_later(begin, termijn.jaren)
    if termijn.niet_voor_leeftijd is not None and geboortedatum is not None:
        einde = max(einde, verjaardag(geboortedatum, termijn.niet_voor_leeftijd))
    return einde


def verlopen(
    begin: date | None,
    termijn: Bewaartermijn,
    peildatum: date,
    *,
    geboortedatum: date | None = None,
) -> bool:
    """Whether the term has ended on `peildatum`. No start date (still open): never."""
    if begin is None:
        return False
    return vervaldatum(begin, termijn, geboortedatum=geboortedatum) <= peildatum


def laatste_einde_doelgroep(geboortedatum: date) -> date:
    """The day from which a person is, by age, never again in the Doorstroompunt doelgroep.

    The age limit is a dated rule (23, and 27 from 1 January 2026): someone who left at
    23 before 2026 but is under 27 on that day is in the doelgroep again. So this is the
    latest birthday at which the rule in force the day before still counted them in.
    """
    einde = verjaardag(geboortedatum, min(g.tot_leeftijd for g in LEEFTIJDSGRENZEN))
    for grens in LEEFTIJDSGRENZEN:
        dag = verjaardag(geboortedatum, grens.tot_leeftijd)
        if geldende_leeftijdsgrens(dag - timedelta(days=1)).tot_leeftijd >= grens.tot_leeftijd:
            einde = max(einde, dag)
    return einde


def einde_vrijstelling(
    besluit: str, besluitdatum: date | None, geldig_tot: date | None, geboortedatum: date
) -> date | None:
    """From when a vrijstelling's term runs: its end, the decision when refused or
    withdrawn, the 18th birthday (end of kwalificatieplicht) when granted without end,
    and never while still undecided."""
    if besluit == "open":
        return None
    if besluit == "toegekend":
        return geldig_tot or verjaardag(geboortedatum, 18)
    return besluitdatum or geldig_tot
