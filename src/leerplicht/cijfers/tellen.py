"""Counting in the database: grouped counts come back as small dicts, never as rows."""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.db.models import F, QuerySet

from leerplicht.domein.onderwijssoort import GROEPEN, groep


def tel(queryset: QuerySet, *velden: str) -> dict[tuple, int]:
    """COUNT(*) grouped by `velden`: {(waarde, ...): aantal}.

    The values are selected under plain aliases in a subquery and grouped
    outside it, so an expensive expression (a correlated subquery such as the
    onderwijssoort of an event) is computed once per row, not again as the
    GROUP BY key. The values come back as the driver gives them: meant for
    codes and other text, not dates or booleans.
    """
    aliassen = [f"_k{i}" for i in range(len(velden))]
    binnen = (
        queryset.order_by()
        .annotate(**{a: F(v) for a, v in zip(aliassen, velden, strict=True)})
        .values(*aliassen)
    )
    sql, params = binnen.query.sql_with_params()
    kolommen = ", ".join(connection.ops.quote_name(a) for a in aliassen)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {kolommen}, COUNT(*) FROM ({sql}) rijen GROUP BY {kolommen}",  # noqa: S608
            params,
        )
        return {tuple(rij[:-1]): rij[-1] for rij in cursor.fetchall()}


def tel_groepen_van(queryset: QuerySet, *velden: str) -> dict[tuple, int]:
    """COUNT(*) over the groups of `queryset` (itself grouped and filtered with HAVING).

    For counts of counts, e.g. persons with two or more meldingen.
    """
    sql, params = queryset.query.sql_with_params()
    kolommen = ", ".join(connection.ops.quote_name(v) for v in velden)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {kolommen}, COUNT(*) FROM ({sql}) groepen GROUP BY {kolommen}",  # noqa: S608
            params,
        )
        return {tuple(rij[:-1]): rij[-1] for rij in cursor.fetchall()}


def leeg_per_groep() -> dict[str, int]:
    return dict.fromkeys(GROEPEN, 0) | {"totaal": 0}


def per_groep(aantallen: dict[str, int]) -> dict[str, int]:
    """{onderwijssoort: n} -> {"bao_sbo": n, ..., "geen": n, "totaal": n}."""
    uitkomst = leeg_per_groep()
    for soort, aantal in aantallen.items():
        uitkomst[groep(soort)] += aantal
        uitkomst["totaal"] += aantal
    return uitkomst


def verdeel(aantallen: dict[tuple, int], gemeenten: tuple[str, ...]) -> dict[str, dict[tuple, int]]:
    """{(gemeente, *rest): n} -> {gemeente: {rest: n}} with every gemeente present."""
    uitkomst: dict[str, dict[tuple, int]] = {g: defaultdict(int) for g in gemeenten}
    for (gemeente, *rest), aantal in aantallen.items():
        if gemeente in uitkomst:
            uitkomst[gemeente][tuple(rest) if len(rest) != 1 else rest[0]] += aantal
    return uitkomst
