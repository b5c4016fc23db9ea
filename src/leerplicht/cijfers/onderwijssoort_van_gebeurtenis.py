"""Onderwijssoort van een gebeurtenis (exchange-format.md, last section).

Where a row gives `onderwijssoort`, that is it. Otherwise it is the
onderwijssoort of the school of the person's inschrijving on the event's date
(van <= datum <= tot, tot inclusive and empty while enrolled); with no
inschrijving on that date it is `geen`, and a school of unknown type gives
`onbekend`. With two inschrijvingen on one date the latest `van` wins, then
the highest school code, so the answer is always the same.

Computed in the database as a correlated subquery, so the figures follow the
register at all times and nothing derived is stored.
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from leerplicht.domein.onderwijssoort import GEEN
from leerplicht.register.models import Inschrijving


def onderwijssoort_op(persoon: str, datum: str, gegeven: str | None = "onderwijssoort") -> Coalesce:
    """ORM expression: the onderwijssoort of an event row (field names relative to that row)."""
    inschrijving = (
        Inschrijving.objects.filter(persoon=OuterRef(persoon), van__lte=OuterRef(datum))
        .filter(Q(tot__isnull=True) | Q(tot__gte=OuterRef(datum)))
        .order_by("-van", "-school_id")
        .values("school__onderwijssoort")[:1]
    )
    delen = [Subquery(inschrijving), Value(GEEN)]
    if gegeven:
        delen.insert(0, F(gegeven))
    return Coalesce(*delen)
