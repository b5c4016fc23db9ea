"""The rapporten a report is built from: the school year and the two before it.

Each from `bewaren.vaststellen.rapport_van`: the frozen figures of a closed school year
where they answer the question, else computed by `cijfers.rapport.maak_rapport`. So the
jaarverslag of a year shows the same numbers as `leerplicht rapport` for that year, now
and after the bewaartermijn removed the rows behind it.
"""

from __future__ import annotations

from datetime import date

from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.domein.schooljaar import Schooljaar

from .benchmark import benchmark_voor
from .jaarverslag import Bron

#: The school year and the years before it that every table shows.
AANTAL_JAREN = 3


def bron_voor(
    schooljaar: Schooljaar,
    gemeenten: list[str],
    *,
    peildatum: date | None = None,
    teksten: dict[str, str] | None = None,
    jaren: int = AANTAL_JAREN,
) -> Bron:
    """The rapporten of `schooljaar` (on `peildatum`) and the `jaren - 1` years before it
    (each on its own default peildatum), over `gemeenten`."""
    reeks = [schooljaar.vorige(n) for n in range(jaren - 1, 0, -1)] + [schooljaar]
    rapporten = {
        jaar.naam: rapport_van(jaar, peildatum if jaar == schooljaar else None, gemeenten=gemeenten)
        for jaar in reeks
    }
    return Bron(
        rapporten=rapporten,
        schooljaren=tuple(j.naam for j in reeks),
        gemeenten=tuple(sorted(gemeenten)),
        teksten=teksten or {},
        # Only figures read in with authority over every gemeente of this report.
        benchmark=benchmark_voor(rapporten, gemeenten),
    )
