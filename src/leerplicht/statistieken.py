"""Fresh planner statistics after a bulk load, so the database picks the right indexes.

PostgreSQL's autovacuum would get there later; SQLite never does by itself, and without
statistics it chose a slow plan for the worklist's Halt query (3.7 ms instead of 0.5 ms
on the demo region, docs/ontwikkelaars/metingen.md). `ANALYZE` on both: well under a
second for a region.
"""

from __future__ import annotations

from django.db import connection


def werk_statistieken_bij() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
