"""`flush` (wipe all data, e.g. between tests) also empties the audit log: the triggers that
refuse deleting audit entries are lifted for the wipe and put back right after.

Wiping a whole database is a deliberate act of whoever runs the server; it cannot be
hidden in a running system, and `leerplicht audit verify` checks the triggers are back.
"""

from __future__ import annotations

from django.core.management.commands import flush
from django.db import connections

from leerplicht.audit.database import maak_triggers, verwijder_triggers


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        verwijder_triggers(connection)
        try:
            return super().handle(**options)
        finally:
            maak_triggers(connection)
