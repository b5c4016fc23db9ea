"""Acceptance: a retention run on the demo region (`leerplicht demo`, DEMOREGIO) removes
what is past its term today, and `rapport` of every closed school year is byte-identical
before and after, for the region and for a gemeente.

On today's date the demo region has persons past their term (two years after the 23rd
birthday) and finished vsv-trajecten past theirs. Runs on whichever database the test run
uses (SQLite and PostgreSQL passes).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from leerplicht.bewaren.models import Vastgesteldrapport
from leerplicht.bewaren.opschonen import maak_plan
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.portaal.management.commands.demo import DEMOREGIO
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.werkprocessen.models import Werkproces

pytestmark = [pytest.mark.traag, pytest.mark.django_db(transaction=True)]


def _leerplicht(*argumenten: str, **opties) -> str:
    uit = io.StringIO()
    call_command(*argumenten, stdout=uit, **opties)
    return uit.getvalue()


def _rapporten(jaren: list[Schooljaar], gemeente: str) -> dict[tuple[str, ...], str]:
    vragen = [("--schooljaar", j.naam) for j in jaren]
    vragen += [("--schooljaar", j.naam, "--gemeente", gemeente) for j in jaren]
    return {v: _leerplicht("rapport", *v, "--format", "json") for v in vragen}


def test_bewaartermijn_op_de_demoregio(settings, tmp_path):
    settings.VAR_DIR = tmp_path  # the demo's files, not the developer's var/demo
    _leerplicht("demo", zonder_server=True)
    assert (tmp_path / "demo" / "personen.csv").exists()
    assert Persoon.objects.count() == DEMOREGIO["personen"]
    vandaag = timezone.localdate()
    laatste = laatste_afgesloten_schooljaar(vandaag)
    jaren = [laatste.vorige(n) for n in range(3)]  # the demo's three school years
    gemeente = Gemeente.objects.order_by("code").values_list("code", flat=True)[1]
    voor = _rapporten(jaren, gemeente)
    aantallen = {m: m.objects.count() for m in (Persoon, Melding, Werkproces, Vsv)}

    plan = maak_plan(vandaag)
    assert plan.personen_weg and plan.vsv, "de demoregio heeft niets voorbij de termijn"
    proef = _leerplicht("bewaartermijn")
    assert "Proefdraai" in proef
    assert {m: m.objects.count() for m in aantallen} == aantallen

    assert "Uitgevoerd" in _leerplicht("bewaartermijn", "--uitvoeren")

    # Exactly what the plan said is gone; nothing past its term is left.
    assert Persoon.objects.count() == aantallen[Persoon] - len(plan.personen_weg)
    assert not Persoon.objects.filter(pk__in=plan.personen_weg).exists()
    assert Persoon.objects.filter(pk__in=plan.personen_anoniem, bsn__isnull=False).count() == 0
    assert Vsv.objects.count() == aantallen[Vsv] - len(plan.vsv)
    assert Melding.objects.count() == aantallen[Melding] - len(plan.meldingen)
    assert Werkproces.objects.count() == aantallen[Werkproces] - len(plan.werkprocessen)
    assert maak_plan(vandaag).leeg

    # Every closed school year was frozen first, and prints the same bytes as before.
    vastgesteld = set(Vastgesteldrapport.objects.values_list("schooljaar", flat=True))
    assert {j.naam for j in jaren} <= vastgesteld
    na = _rapporten(jaren, gemeente)
    for vraag, tekst in voor.items():
        assert na[vraag] == tekst, " ".join(vraag)
    assert '"vsv"' in voor[("--schooljaar", laatste.naam)]
    assert "intact" in _leerplicht("audit", "verify")
