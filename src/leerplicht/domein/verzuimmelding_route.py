"""De route van een verzuimmelding door de administratie (domain.md, "The journey of a
melding"): binnengekomen, verzuimstaat opgevraagd, compleet, overgedragen aan de
leerplichtambtenaar; of ter kennisneming aangenomen, of ingetrokken.

One table of allowed transitions (`domein.route`), Signalen-style. Each transition names
the rule of the work it follows and the Handeling it needs (the administratie's queue).
Pure Python: the casework services ask `mag_naar` before they save.
"""

from __future__ import annotations

from enum import StrEnum

from .rollen import Handeling
from .route import Overgang, Route


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


S = Meldingstatus
#: Every step is the administratie's work.
V = Handeling.MELDINGEN_VERWERKEN
OVERGANGEN: tuple[Overgang[Meldingstatus], ...] = (
    Overgang(S.NIEUW, S.VERZUIMSTAAT_OPGEVRAAGD, "Verzuimstaat opvragen",
             "De administratie vraagt de school om de verzuimstaat; de school heeft één week.", V),
    Overgang(S.VERZUIMSTAAT_OPGEVRAAGD, S.COMPLEET, "Verzuimstaat ontvangen",
             "Met de verzuimstaat en de ontbrekende gegevens is het dossier compleet.", V),
    Overgang(S.NIEUW, S.COMPLEET, "Compleet zonder verzuimstaat",
             "Absoluut verzuim, luxe verzuim of een melding met alle gegevens: geen "
             "verzuimstaat nodig.", V),
    Overgang(S.COMPLEET, S.OVERGEDRAGEN, "Overdragen",
             "Alleen een compleet dossier gaat naar de leerplichtambtenaar.", V),
    Overgang(S.NIEUW, S.OVERGEDRAGEN, "Toevoegen aan lopend werkproces",
             "Een nieuwe melding voor een leerling met een open werkproces hoort bij dat "
             "werkproces (recidive).", V),
    Overgang(S.NIEUW, S.TER_KENNISNEMING, "Ter kennisneming aannemen",
             "De school vraagt geen actie en er is geen reden tot onderzoek.", V),
    Overgang(S.NIEUW, S.INGETROKKEN, "Intrekken (vrijstelling)",
             "Een melding over een periode met een geldige vrijstelling wordt ingetrokken.", V),
    Overgang(S.VERZUIMSTAAT_OPGEVRAAGD, S.INGETROKKEN, "Intrekken (vrijstelling)",
             "Een melding over een periode met een geldige vrijstelling wordt ingetrokken.", V),
    Overgang(S.COMPLEET, S.INGETROKKEN, "Intrekken (vrijstelling)",
             "Een melding over een periode met een geldige vrijstelling wordt ingetrokken.", V),
)  # fmt: skip


ROUTE = Route(Meldingstatus, NAMEN, OVERGANGEN, onderwerp="Een melding")
overgangen_vanuit = ROUTE.overgangen_vanuit
mag_naar = ROUTE.mag_naar
onmogelijke_overgang = ROUTE.onmogelijke_overgang
