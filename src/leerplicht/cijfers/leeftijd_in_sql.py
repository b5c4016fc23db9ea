"""Leeftijdsklasse as a database expression, from the tables of domein.leeftijdsklasse.

Age in whole years = (YYYYMMDD of the date - YYYYMMDD of the birth date) // 10000,
so a class test is a comparison of that difference with (age x 10000): no
per-row Python and the same result on SQLite and PostgreSQL.
"""

from __future__ import annotations

import itertools
from datetime import date

from django.db.models import Case, CharField, IntegerField, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from leerplicht.domein.leeftijdsklasse import Klassen, datumgetal


def _datumgetal(veld: str) -> Combinable:
    return ExtractYear(veld) * 10000 + ExtractMonth(veld) * 100 + ExtractDay(veld)


def leeftijdsverschil(geboortedatum: str, datum: str | date) -> Combinable:
    """(YYYYMMDD of `datum` - YYYYMMDD of `geboortedatum`); `datum` a field or a fixed date."""
    if isinstance(datum, date):
        links: Combinable = Value(datumgetal(datum), output_field=IntegerField())
    else:
        links = _datumgetal(datum)
    return links - _datumgetal(geboortedatum)


def leeftijdsklasse(verschil_alias: str, klassen: Klassen) -> Case:
    """Case over an annotated `leeftijdsverschil`: the key of its class in `klassen`."""
    whens = [
        When(**{f"{verschil_alias}__lt": volgende_vanaf * 10000}, then=Value(sleutel))
        for (sleutel, _), (_, volgende_vanaf) in itertools.pairwise(klassen)
    ]
    return Case(*whens, default=Value(klassen[-1][0]), output_field=CharField())
