"""De verzuimstaat: the school's attendance record the administratie asks for.

The school has one week to answer (domain.md, "The journey of a melding", step 2);
without it the melding is not passed on. After the deadline the melding is on the
overdue list and the school gets a reminder.
"""

from __future__ import annotations

from datetime import date, timedelta

from .formattering import datum_tekst  # noqa: F401  (re-exported: letters and messages)

#: One week, counted in calendar days from the day of the request.
TERMIJN_DAGEN = 7


def termijn(opgevraagd_op: date) -> date:
    """The last day the school may send the verzuimstaat."""
    return opgevraagd_op + timedelta(days=TERMIJN_DAGEN)


def is_te_laat(verzuimstaat_termijn: date | None, peildatum: date) -> bool:
    """Past the deadline on `peildatum` (the deadline day itself is still in time)."""
    return verzuimstaat_termijn is not None and peildatum > verzuimstaat_termijn


def periode_overlapt(
    van: date, tot: date | None, geldig_van: date, geldig_tot: date | None
) -> bool:
    """Whether the verzuim period [van, tot] overlaps a validity [geldig_van, geldig_tot].

    An empty end is open-ended. A melding over a period with a granted vrijstelling is
    withdrawn (issue 4: "a melding that overlaps a vrijstelling is withdrawn").
    """
    eind = tot or van
    return geldig_van <= eind and (geldig_tot is None or geldig_tot >= van)
