"""Veilige cel: text that a spreadsheet will not run as a formula (CSV/XLSX injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`,
`-` or `@` (and, after trimming, tab or carriage return) as a formula, which
can start programs or leak data (`=HYPERLINK(...)`, DDE). Every export meant
for people to open in a spreadsheet passes its text cells through
`neutraliseer`: such a cell gets a leading apostrophe, which spreadsheets
show as plain text (OWASP "CSV Injection").

Not for the uitwisselformaat: that is a machine contract that must round-trip
byte for byte (`export` then `import` gives the same data), its readers are
programs, and its cells are validated codes, dates and ids. Changing cells
there would corrupt data; see docs/beheer/beveiliging.md.
"""

from __future__ import annotations

from typing import TypeVar

#: First characters that make a spreadsheet read a cell as a formula. The full-width
#: forms are included: some spreadsheet programs normalise them to the ASCII ones.
GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

T = TypeVar("T")


def is_gevaarlijk(waarde: object) -> bool:
    return isinstance(waarde, str) and waarde.startswith(GEVAARLIJK_BEGIN)


def neutraliseer(waarde: T) -> T | str:
    """The value as it may go into a human-facing CSV/XLSX cell.

    Text that starts like a formula gets a leading `'`; everything else (other
    text, numbers, dates, None) comes back unchanged, so numbers stay numbers.
    """
    if is_gevaarlijk(waarde):
        return "'" + waarde  # type: ignore[operator]
    return waarde
