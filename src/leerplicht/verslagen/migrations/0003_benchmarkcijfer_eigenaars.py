"""Benchmark figures get owners (security finding 3 of issue 12): a figure may only change
the reports of the gemeenten whose teammanager (or applicatiebeheer) read it in. Figures
read in before this had no owner and were shown in every report: they stay so, owned by
every gemeente ("*", models.ALLE_GEMEENTEN)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("verslagen", "0002_benchmarkcijfer"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="benchmarkcijfer",
            options={
                "ordering": ["schooljaar", "bron", "eigenaars", "kengetal"],
                "verbose_name": "benchmarkcijfer",
                "verbose_name_plural": "benchmarkcijfers",
            },
        ),
        migrations.RemoveConstraint(
            model_name="benchmarkcijfer",
            name="benchmarkcijfer_uniek",
        ),
        migrations.AddField(
            model_name="benchmarkcijfer",
            name="eigenaars",
            # Existing rows: every gemeente, as they were shown until now.
            field=models.CharField(default="*", max_length=4000),
            preserve_default=False,
        ),
        migrations.AddConstraint(
            model_name="benchmarkcijfer",
            constraint=models.UniqueConstraint(
                fields=("eigenaars", "bron", "schooljaar", "kengetal"),
                name="benchmarkcijfer_uniek_per_eigenaars",
            ),
        ),
        migrations.AddConstraint(
            model_name="benchmarkcijfer",
            constraint=models.CheckConstraint(
                condition=models.Q(("eigenaars", ""), _negated=True),
                name="benchmarkcijfer_eigenaars_niet_leeg",
            ),
        ),
    ]
