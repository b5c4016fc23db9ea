"""A command that needs the schema on an empty database creates it first."""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def zorg_voor_schema() -> bool:
    """Apply outstanding migrations; return whether anything was applied."""
    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", verbosity=0, interactive=False)
    return True
