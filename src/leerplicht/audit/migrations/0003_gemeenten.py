"""The gemeenten an entry about no person concerns (who of the privacy officers sees it).

SQLite adds a column by rebuilding the table, which drops its triggers: they are
removed first and made again after, on both databases alike. No row is changed: old
entries keep "" and hash as before (`keten.canonieke_vorm`).
"""

from django.db import migrations, models

from leerplicht.audit.database import maak_triggers, verwijder_triggers


def triggers_weg(apps, schema_editor):
    verwijder_triggers(schema_editor.connection)


def triggers_terug(apps, schema_editor):
    maak_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_triggers")]

    operations = [
        migrations.RunPython(triggers_weg, triggers_terug, elidable=False),
        migrations.AddField(
            model_name="auditregel",
            name="gemeenten",
            field=models.CharField(blank=True, default="", max_length=2000),
        ),
        migrations.RunPython(triggers_terug, triggers_weg, elidable=False),
    ]
