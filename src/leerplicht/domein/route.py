"""A route: the statuses a thing goes through and the table of allowed transitions.

Each route module (`verzuimmelding_route`, `werkproces_route`, `vsv_traject`) is its
statuses, their Dutch names and one table of `Overgang`; the rules of the law that guard
a transition stay named functions in that module, with their article. Who may take a
transition is the `Handeling` in `Overgang.nodig` (the rol table, `domein.rollen`): the
views check it, so the table is the one place that says it. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from .rollen import Handeling

S = TypeVar("S", bound=StrEnum)


@dataclass(frozen=True)
class Overgang(Generic[S]):
    van: S
    naar: S
    #: What the medewerker does (button text) and why the route allows it.
    handeling: str
    regel: str
    #: The kind of work (rol table) this transition needs: the views check it.
    nodig: Handeling


class Route(Generic[S]):
    """One table of transitions between the statuses of `statussen`."""

    def __init__(
        self,
        statussen: type[S],
        namen: Mapping[S, str],
        overgangen: Iterable[Overgang[S]],
        *,
        onderwerp: str,
    ) -> None:
        self.statussen = statussen
        self.namen = namen
        self.overgangen: tuple[Overgang[S], ...] = tuple(overgangen)
        #: Who is on the route, for the message ("Een melding").
        self.onderwerp = onderwerp

    def overgangen_vanuit(self, status: S | str) -> tuple[Overgang[S], ...]:
        return tuple(o for o in self.overgangen if o.van == status)

    def mag_naar(self, van: S | str, naar: S | str) -> bool:
        return any(o.van == van and o.naar == naar for o in self.overgangen)

    def nodig_naar(self, naar: S | str) -> Handeling:
        """The kind of work the transitions into `naar` need (one view takes them all)."""
        nodig = {o.nodig for o in self.overgangen if o.naar == naar}
        if len(nodig) != 1:
            raise ValueError(f"geen eenduidige handeling voor de overgangen naar {naar!r}")
        return nodig.pop()

    def onmogelijke_overgang(self, van: S | str, naar: S | str) -> str:
        """The Dutch message for a transition the route does not allow."""
        return (
            f"{self.onderwerp} met status '{self.namen[self.statussen(van)]}' kan niet naar "
            f"'{self.namen[self.statussen(naar)]}'."
        )
