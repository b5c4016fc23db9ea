"""Verzuim 18+: does the consulent of the Doorstroompunt act on a melding 18+?

The school says with each melding 18+ whether it wants action of the gemeente
(`actie_gewenst`). When it says no, the consulent normally only takes note. But when a
SECOND melding 18+ for the same person again says no action is wanted, the consulent is
still asked to make contact ("contact ondanks geen actie gewenst (herhaald)"): repeated
absence of a young adult is a signal of dropping out.

Which earlier meldingen count (decision, documented in docs/gebruikers/
verzuim-18plus-en-jikp.md): an earlier melding 18+ of the same person in the same
gemeente counts when it falls in the same school year (1 August - 31 July) as the new
melding, OR when it belongs to the verzuim 18+ werkproces that is still open. So a
werkproces that runs across the summer keeps counting, and a fresh school year after a
closed werkproces starts with a clean slate.

Pure Python; the use cases are in `leerplicht.werkprocessen.verzuim_18plus`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .schooljaar import Schooljaar

#: The reason shown on the melding page and on the werkproces timeline.
CONTACT_ONDANKS = "contact ondanks geen actie gewenst (herhaald)"


@dataclass(frozen=True)
class EerdereMelding:
    """An earlier melding 18+ of the same person in the same gemeente."""

    datum: date
    actie_gewenst: bool | None
    #: Part of the verzuim 18+ werkproces that is still open.
    in_lopend_werkproces: bool = False


@dataclass(frozen=True)
class Beoordeling:
    #: The consulent acts (makes contact), not only takes note.
    consulent_handelt: bool
    #: Acts although the school wants no action: the repeated-melding rule.
    contact_ondanks: bool
    #: How many earlier meldingen 18+ count (0: first melding; 1 or more: recidive).
    recidive: int

    @property
    def reden(self) -> str | None:
        if self.contact_ondanks:
            return CONTACT_ONDANKS
        if self.consulent_handelt:
            return "actie gewenst"
        return None


def telt_mee(eerdere: EerdereMelding, datum: date) -> bool:
    """Whether an earlier melding counts for a melding on `datum` (see the module text)."""
    if eerdere.datum > datum:
        return False
    return eerdere.in_lopend_werkproces or Schooljaar.van_datum(
        eerdere.datum
    ) == Schooljaar.van_datum(datum)


def beoordeel(
    datum: date, actie_gewenst: bool | None, eerdere: Iterable[EerdereMelding]
) -> Beoordeling:
    """The consulent's task for a melding 18+ on `datum`.

    `actie_gewenst` None (the school did not say) is treated as action wanted: the
    consulent judges, rather than a melding silently going unanswered.
    """
    tellend = [e for e in eerdere if telt_mee(e, datum)]
    contact_ondanks = actie_gewenst is False and any(e.actie_gewenst is False for e in tellend)
    return Beoordeling(
        consulent_handelt=actie_gewenst is not False or contact_ondanks,
        contact_ondanks=contact_ondanks,
        recidive=len(tellend),
    )
