"""Art. 6 lid 2 en 3: an art. 5 vrijstelling granted without an end date ends on 31 July
of the school year it starts in, unless (5 onder a) the statement says the pupil will never
be able to attend a school.

Before this, a grant with an empty end was stored without one, so the period ran forever
and the pupil was never signalled again. This sets the end the law gives. The rule is
copied here on purpose (a migration must not change when the domain code does later); it
is `domein.vrijstellingsregels.uiterste_einddatum`.
"""

from datetime import date

from django.db import migrations

ARTIKEL_5 = ("5a", "5b", "5c")
TOEKENNINGEN = ("toegekend",)


def einde_schooljaar(geldig_van: date) -> date:
    """31 July of the school year (1 August - 31 July) the date falls in."""
    return date(geldig_van.year + 1 if geldig_van.month >= 8 else geldig_van.year, 7, 31)


def zet_einde(apps, schema_editor) -> None:
    Vrijstelling = apps.get_model("vrijstellingen", "Vrijstelling")
    rijen = (
        Vrijstelling.objects.filter(
            grond__in=ARTIKEL_5, besluit__in=TOEKENNINGEN, geldig_tot__isnull=True
        )
        .exclude(grond="5a", nooit_naar_school=True)
        .only("pk", "geldig_van")
    )
    for v in rijen.iterator():
        Vrijstelling.objects.filter(pk=v.pk).update(geldig_tot=einde_schooljaar(v.geldig_van))


class Migration(migrations.Migration):
    dependencies = [("vrijstellingen", "0002_casework_vrijstelling_verlof")]

    operations = [migrations.RunPython(zet_einde, migrations.RunPython.noop)]
