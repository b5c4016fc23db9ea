"""Regelfout: a rule says no. The one error type of every use case, whatever the rule is
(the law, a route, the data): a list of `Bezwaar`, each a form field (or None: the form
as a whole), a Dutch message and the article it rests on (or None).

The message is what the user reads, so it says the article itself where it matters;
`artikel` is there for whoever wants it apart. Pure Python: a rule in `domein` returns
bezwaren, a service raises them as one `Regelfout`, a view puts them on its form.

    Regelfout("Kies een reden.", "reden")                # one message, one field
    Regelfout("Er is geen open voorstel.")                # one message, the whole form
    Regelfout({"datum": ["...", "..."], "resultaat": ["..."]})   # field -> messages
    Regelfout([Bezwaar("soort", "...", "art. 14 lid 1")])         # the bezwaren themselves
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The form's own errors (Django's NON_FIELD_ERRORS): the key of a bezwaar without a field.
HEEL_FORMULIER = "__all__"


@dataclass(frozen=True)
class Bezwaar:
    """A rule that is not met: which field (None: the whole form), what it says (Dutch),
    and the article it rests on."""

    veld: str | None
    tekst: str
    artikel: str | None = None


def _veld(veld: str | None) -> str | None:
    return None if veld in (None, "", HEEL_FORMULIER) else veld


class Regelfout(Exception):
    """A rule of the law, of a route or of the data forbids this; nothing was saved."""

    def __init__(
        self,
        bezwaren: str | Mapping[str, Iterable[str]] | Iterable[Bezwaar],
        veld: str | None = None,
        *,
        artikel: str | None = None,
    ) -> None:
        if isinstance(bezwaren, str):
            lijst = [Bezwaar(_veld(veld), bezwaren, artikel)]
        elif isinstance(bezwaren, Mapping):
            lijst = [
                Bezwaar(_veld(v), t, artikel) for v, teksten in bezwaren.items() for t in teksten
            ]
        else:
            lijst = list(bezwaren)
        self.bezwaren: list[Bezwaar] = lijst
        super().__init__(self.bericht)

    @property
    def meldingen(self) -> list[str]:
        """Every message, in order."""
        return [b.tekst for b in self.bezwaren]

    @property
    def bericht(self) -> str:
        """The messages as one text (one message: that message)."""
        return " ".join(self.meldingen)

    @property
    def fouten(self) -> dict[str, list[str]]:
        """Form field -> messages; the whole form's under `HEEL_FORMULIER`."""
        fouten: dict[str, list[str]] = {}
        for b in self.bezwaren:
            fouten.setdefault(b.veld or HEEL_FORMULIER, []).append(b.tekst)
        return fouten

    @property
    def veld(self) -> str | None:
        """The field of the first bezwaar (None: the whole form)."""
        return self.bezwaren[0].veld if self.bezwaren else None
