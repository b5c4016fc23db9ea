"""The kinds of letter a team sends (issue 4, "Letters"), and which interventie each one is.

Pure Python (no Django): models, forms, services and docs read these tables.
"""

from __future__ import annotations

#: soort -> the name the medewerker sees.
BRIEFSOORTEN: dict[str, str] = {
    "kennisgevingsbrief": "Kennisgevingsbrief",
    "uitnodiging": "Uitnodiging voor een gesprek",
    "waarschuwing": "Waarschuwingsbrief",
    "halt_verwijzing": "Halt-verwijzing",
    "begeleidende_brief_pv": "Begeleidende brief bij een proces-verbaal",
    "besluit_vrijstelling": "Besluit op een aanvraag vrijstelling",
    "besluit_verlof": "Besluit op een aanvraag verlof",
}

#: A letter of these soorten IS an interventie of the MAS (domain.md): sending it
#: registers that interventie on the werkproces. The cover letter of a proces-verbaal
#: is not: the proces-verbaal itself is the interventie, registered with its own data.
INTERVENTIE_VAN_BRIEF: dict[str, str] = {
    "kennisgevingsbrief": "kennisgevingsbrief",
    "uitnodiging": "uitnodiging",
    "waarschuwing": "waarschuwing",
    "halt_verwijzing": "halt",
}

#: Letters about a decision (beschikking): they hang on the vrijstelling/verlof request,
#: so they may be sent without a werkproces.
BESLUITBRIEVEN: frozenset[str] = frozenset({"besluit_vrijstelling", "besluit_verlof"})

#: Letters that may go to the school as a copy (domain.md: "the school gets a copy" of
#: the waarschuwingsbrief).
MET_KOPIE_AAN_SCHOOL: frozenset[str] = frozenset({"waarschuwing"})
