"""The school's term to report wettelijk verzuim (domain.md, "Kinds of verzuim": 16 hours
of lessons in 4 consecutive school weeks; the school must report it within 5 working days).

Schools are supervised on this term, so the team wants to see which meldingen came late,
per school. Pure Python, no Django: `meldingen.meldtermijn` asks here for the melding page
and the list per school.

Which dates: "16 hours reached" is the last day of the reported verzuim (`verzuim_tot` of a
melding of soort wettelijk): the Verzuimloket asks the school for the period up to and
including the day the threshold was reached. A school that reports a longer period is
judged more mildly, never too strictly. "Reported" is the melding's own date (`datum`, the
meldingsdatum at DUO): the school's act, not the moment the administratie took it in.

Working days are Monday to Friday. The system does not know school holidays or public
holidays (they differ per region and school), so a melding around a holiday can show as
late when the school's days were in fact fewer: the signal asks for a look, it is no
verdict.
"""

from __future__ import annotations

from datetime import date, timedelta

#: The school reports within 5 working days of reaching the 16 hours.
MELDTERMIJN_WERKDAGEN = 5

#: Where the term comes from, as the screens cite it. domain.md gives the term but no
#: article; Leerplichtwet art. 21 is the school head's duty to report verzuim.
GRONDSLAG = "Leerplichtwet art. 21"

#: The signal as the melding page and the list show it (Dutch UI text).
TE_LAAT_TEKST = f"te laat gemeld ({GRONDSLAG}: binnen {MELDTERMIJN_WERKDAGEN} werkdagen)"

#: Only wettelijk verzuim has the term (the 16 hours in 4 weeks).
SOORTEN_MET_MELDTERMIJN = frozenset({"wettelijk"})

ZATERDAG = 5


def is_werkdag(dag: date) -> bool:
    """Monday to Friday; holidays are not known to the system (see the module)."""
    return dag.weekday() < ZATERDAG


def werkdagen_na(begin: date, eind: date) -> int:
    """The working days after `begin` up to and including `eind` (0 when eind <= begin)."""
    n, dag = 0, begin + timedelta(days=1)
    # At most a few weeks in practice; whole weeks are counted at once for long gaps.
    weken = max(0, (eind - dag).days // 7)
    n += weken * 5
    dag += timedelta(days=weken * 7)
    while dag <= eind:
        n += is_werkdag(dag)
        dag += timedelta(days=1)
    return n


def meldtermijn_einde(zestien_uur_bereikt: date) -> date:
    """The last day the school may report: the 5th working day after the 16 hours were
    reached (the day itself does not count, like a term in days of the Algemene
    termijnenwet)."""
    dag, over = zestien_uur_bereikt, MELDTERMIJN_WERKDAGEN
    while over:
        dag += timedelta(days=1)
        over -= is_werkdag(dag)
    return dag


def te_laat_gemeld(zestien_uur_bereikt: date | None, gemeld_op: date) -> bool:
    """Whether a melding of wettelijk verzuim came after the 5 working days. Unknown when
    the 16 hours were reached (no date): not late, the signal never guesses."""
    if zestien_uur_bereikt is None:
        return False
    return gemeld_op > meldtermijn_einde(zestien_uur_bereikt)


def zestien_uur_bereikt(soort: str, verzuim_tot: date | None) -> date | None:
    """The day the 16 hours were reached, for a melding of this soort (None: no term)."""
    return verzuim_tot if soort in SOORTEN_MET_MELDTERMIJN else None
