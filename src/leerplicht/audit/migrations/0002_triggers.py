"""The database refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) of audit entries."""

from django.db import migrations

from leerplicht.audit.database import maak_triggers, verwijder_triggers


def vooruit(apps, schema_editor):
    maak_triggers(schema_editor.connection)


def terug(apps, schema_editor):
    verwijder_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(vooruit, terug, elidable=False)]
