"""A withdrawal is a fact with its own date (`ingetrokken_per`), so the grant it withdraws
keeps counting in the figures of its decision year.

Rows withdrawn here before this field existed are recognised by the text `trek_in` wrote
into the motivering ("Ingetrokken per dd-mm-jjjj: ..."); the date is taken from there.
An imported "ingetrokken" has no such text and stays without the date.
"""

import re
from datetime import datetime

from django.db import migrations, models

INGETROKKEN_PER = re.compile(r"Ingetrokken per (\d{2}-\d{2}-\d{4}):")


def zet_ingetrokken_per(apps, schema_editor) -> None:
    Vrijstelling = apps.get_model("vrijstellingen", "Vrijstelling")
    rijen = Vrijstelling.objects.filter(
        besluit="ingetrokken", motivering__contains="Ingetrokken per "
    ).only("pk", "motivering")
    for v in rijen.iterator():
        gevonden = INGETROKKEN_PER.findall(v.motivering)
        if gevonden:
            per = datetime.strptime(gevonden[-1], "%d-%m-%Y").date()
            Vrijstelling.objects.filter(pk=v.pk).update(ingetrokken_per=per)


class Migration(migrations.Migration):
    dependencies = [
        ("vrijstellingen", "0005_verlof_per_schooljaar"),
    ]

    operations = [
        migrations.AddField(
            model_name="vrijstelling",
            name="ingetrokken_per",
            field=models.DateField(blank=True, null=True, verbose_name="ingetrokken per"),
        ),
        migrations.RunPython(zet_ingetrokken_per, migrations.RunPython.noop),
    ]
