"""De route van een verzuimmelding door de administratie (domain.md, "The journey of a
melding"): binnengekomen, verzuimstaat opgevraagd, compleet, overgedragen aan de
leerplichtambtenaar; of ter kennisneming aangenomen, of ingetrokken.

One table of allowed transitions, Signalen-style. Each transition names the rule of the
work it follows. Pure Python: the casework services ask `mag_naar` before they save.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Meldingstatus(StrEnum):
    NIEUW = "nieuw"
    VERZUIMSTAAT_OPGEVRAAGD = "verzuimstaat_opgevraagd"
    COMPLEET = "compleet"
    OVERGEDRAGEN = "overgedragen"
    TER_KENNISNEMING = "ter_kennisneming"
    INGETROKKEN = "ingetrokken"


NAMEN: dict[Meldingstatus, str] = {
    Meldingstatus.NIEUW: "nieuw",
    Meldingstatus.VERZUIMSTAAT_OPGEVRAAGD: "verzuimstaat opgevraagd",
    Meldingstatus.COMPLEET: "compleet",
    Meldingstatus.OVERGEDRAGEN: "overgedragen aan leerplichtambtenaar",
    Meldingstatus.TER_KENNISNEMING: "ter kennisneming aangenomen",
    Meldingstatus.INGETROKKEN: "ingetrokken",
}

#: Statuses in which the melding is still work for the administratie.
OPEN: frozenset[Meldingstatus] = frozenset(
    {Meldingstatus.NIEUW, Meldingstatus.VERZUIMSTAAT_OPGEVRAAGD, Meldingstatus.COMPLEET}
)


@dataclass(frozen=True)
class Overgang:
    van: Meldingstatus
    naar: Meldingstatus
    #: What the medewerker does (button text) and why the route allows it.
    handeling: str
    regel: str


S = Meldingstatus
OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(S.NIEUW, S.VERZUIMSTAAT_OPGEVRAAGD, "Verzuimstaat opvragen",
             "De administratie vraagt de school om de verzuimstaat; de school heeft één week."),
    Overgang(S.VERZUIMSTAAT_OPGEVRAAGD, S.COMPLEET, "Verzuimstaat ontvangen",
             "Met de verzuimstaat en de ontbrekende gegevens is het dossier compleet."),
    Overgang(S.NIEUW, S.COMPLEET, "Compleet zonder verzuimstaat",
             "Absoluut verzuim, luxe verzuim of een melding met alle gegevens: geen "
             "verzuimstaat nodig."),
    Overgang(S.COMPLEET, S.OVERGEDRAGEN, "Overdragen",
             "Alleen een compleet dossier gaat naar de leerplichtambtenaar."),
    Overgang(S.NIEUW, S.OVERGEDRAGEN, "Toevoegen aan lopend werkproces",
             "Een nieuwe melding voor een leerling met een open werkproces hoort bij dat "
             "werkproces (recidive)."),
    Overgang(S.NIEUW, S.TER_KENNISNEMING, "Ter kennisneming aannemen",
             "De school vraagt geen actie en er is geen reden tot onderzoek."),
    Overgang(S.NIEUW, S.INGETROKKEN, "Intrekken (vrijstelling)",
             "Een melding over een periode met een geldige vrijstelling wordt ingetrokken."),
    Overgang(S.VERZUIMSTAAT_OPGEVRAAGD, S.INGETROKKEN, "Intrekken (vrijstelling)",
             "Een melding over een periode met een geldige vrijstelling wordt ingetrokken."),
    Overgang(S.COMPLEET, S.INGETROKKEN, "Intrekken (vrijstelling)",
             "Een melding over een periode met een geldige vrijstelling wordt ingetrokken."),
)  # fmt: skip


def overgangen_vanuit(status: Meldingstatus | str) -> tuple[Overgang, ...]:
    return tuple(o for o in OVERGANGEN if o.van == status)


def mag_naar(van: Meldingstatus | str, naar: Meldingstatus | str) -> bool:
    return any(o.van == van and o.naar == naar for o in OVERGANGEN)


def onmogelijke_overgang(van: Meldingstatus | str, naar: Meldingstatus | str) -> str:
    """The Dutch message for a transition the route does not allow."""
    return (
        f"Een melding met status '{NAMEN[Meldingstatus(van)]}' kan niet naar "
        f"'{NAMEN[Meldingstatus(naar)]}'."
    )
