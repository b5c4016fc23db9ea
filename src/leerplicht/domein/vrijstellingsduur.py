"""How long a granted vrijstelling covers a pupil (Leerplichtwet 1969, art. 6 lid 2 and 3).

Parents notify a vrijstelling on art. 5 every school year again, before 1 July
(art. 6 lid 2): one notification covers at most one school year, so a vrijstelling
ends on 31 July at the latest. The one exception is art. 5 onder a when the
statement says the pupil will never be able to attend a school (art. 6 lid 3). A
vrijstelling recorded without `geldig_tot` therefore counts as ended on 31 July of
the school year it started in, unless it is that exception. Signals of absoluut
verzuim use this, so an old vrijstelling without an end date does not hide a pupil
for ever.
"""

from __future__ import annotations

from datetime import date

from .schooljaar import Schooljaar

#: The grond whose vrijstelling may last without end (art. 5 onder a, art. 6 lid 3).
GROND_LICHAMELIJK_OF_PSYCHISCH = "5a"


def einde_van_vrijstelling(
    grond: str, geldig_van: date, geldig_tot: date | None, nooit_naar_school: bool
) -> date | None:
    """Last day a granted vrijstelling covers; None when it has no end (art. 6 lid 3)."""
    if geldig_tot is not None:
        return geldig_tot
    if grond == GROND_LICHAMELIJK_OF_PSYCHISCH and nooit_naar_school:
        return None
    return Schooljaar.van_datum(geldig_van).einde


def vroegste_begin_zonder_einddatum(peildatum: date) -> date:
    """The earliest `geldig_van` of a vrijstelling without `geldig_tot` (and not the art. 6
    lid 3 exception) that still covers `peildatum`: the first day of its school year.

    Derived from `einde_van_vrijstelling` (31 July of the school year of `geldig_van` is on
    or after `peildatum` exactly when `geldig_van` lies in the same school year or later),
    so the sweep can filter in SQL; tests check the two agree for every date.
    """
    return Schooljaar.van_datum(peildatum).begin


def dekt(
    grond: str,
    geldig_van: date,
    geldig_tot: date | None,
    nooit_naar_school: bool,
    peildatum: date,
) -> bool:
    """Whether a granted vrijstelling covers `peildatum`."""
    einde = einde_van_vrijstelling(grond, geldig_van, geldig_tot, nooit_naar_school)
    return geldig_van <= peildatum and (einde is None or peildatum <= einde)
