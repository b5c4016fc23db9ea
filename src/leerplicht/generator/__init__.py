"""The generator (`leerplicht genereer`): a realistic synthetic region in the exchange format.

Why it exists: demos, load tests and the import/figures round trip need data that looks
like a team's register (proportions taken from the annual reports in shared/seeds), that
the importer accepts row by row, and that is the same every time for the same seed. Pure
Python, no Django, so it is unit-tested fast. It is a tool for demo and test data, not part
of the product's import and export (`uitwisseling`): it only uses `domein` for its rules and
the exchange format, and `uitwisseling` only holds the command that calls it.

How it works:
- The region (gemeenten, scholen, behandelaars; `regio`) is drawn first, from its own
  random stream; it is small.
- Persons are generated in fixed blocks of `uitvoeren.BLOK` persons (`blok`). Each block
  has its own `random.Random` seeded from (seed, block number), so a block gives the same
  rows whichever process makes it, and blocks can run in parallel (`uitvoeren`).
- Per person: birth date, woongemeente, a school career (`loopbaan`: inschrijvingen,
  startkwalificatie, leaving school early), then the events of each requested school year
  (`gebeurtenissen`: `meldingen`, `werkprocessen` with interventies, `vrijstellingen`,
  `thuiszitters`, `vsv`). Everything a row refers to exists, and every row follows the
  rules of `domein.uitwisselformaat`. How often each happens is in `verhoudingen`.
- Each block writes part files; the parts are concatenated in block order into the folder
  or the zip (`bestanden`). Nothing but one person's rows is held in memory.

Ids of events are derived from the person's number (`W000012301` is the first werkproces
of person 123), so they are unique without a shared counter.
"""

from .uitvoeren import genereer

__all__ = ["genereer"]
