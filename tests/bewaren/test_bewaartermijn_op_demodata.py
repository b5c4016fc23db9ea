"""Acceptance: a retention run on a generated region removes what is past its term, and
`rapport` of every closed school year is byte-identical before and after.

The region's last school year lies years back, so part of its data is past its term on
today's date. Runs on whichever database the test run uses (SQLite and PostgreSQL passes).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from leerplicht.bewaren.models import Vastgesteldrapport
from leerplicht.bewaren.opschonen import maak_plan
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.werkprocessen.models import Werkproces

pytestmark = [pytest.mark.traag, pytest.mark.django_db(transaction=True)]

LAATSTE_JAAR_MET_DATA = Schooljaar(2014)


def _leerplicht(*argumenten: str) -> str:
    uit = io.StringIO()
    call_command(*argumenten, stdout=uit)
    return uit.getvalue()


def _rapporten(jaren: list[Schooljaar], gemeente: str) -> dict[tuple[str, ...], str]:
    vragen = [("--schooljaar", j.naam) for j in jaren]
    vragen.append(("--schooljaar", jaren[0].naam, "--gemeente", gemeente))
    return {v: _leerplicht("rapport", *v, "--format", "json") for v in vragen}


def test_bewaartermijn_op_demodata(tmp_path: Path):
    data = tmp_path / "regio"
    _leerplicht(
        "genereer", str(data), "--gemeenten", "2", "--personen", "3000",
        "--schooljaar", LAATSTE_JAAR_MET_DATA.naam, "--jaren", "3", "--processen", "1",
    )  # fmt: skip
    _leerplicht("import", str(data))
    vandaag = timezone.localdate()
    jaren = [LAATSTE_JAAR_MET_DATA.vorige(n) for n in range(3)]
    jaren.append(laatste_afgesloten_schooljaar(vandaag))
    gemeente = Gemeente.objects.order_by("code").values_list("code", flat=True)[1]
    voor = _rapporten(jaren, gemeente)
    aantallen_voor = {m: m.objects.count() for m in (Persoon, Melding, Werkproces, Vsv)}
    met_bsn_voor = Persoon.objects.filter(bsn__isnull=False).count()

    proef = _leerplicht("bewaartermijn", "--peildatum", vandaag.isoformat())
    assert "Proefdraai" in proef
    assert {m: m.objects.count() for m in aantallen_voor} == aantallen_voor

    uit = _leerplicht("bewaartermijn", "--uitvoeren", "--peildatum", vandaag.isoformat())
    assert "Uitgevoerd" in uit

    # Really removed and anonymised.
    for model, aantal in aantallen_voor.items():
        assert model.objects.count() < aantal, model.__name__
    assert Persoon.objects.filter(bsn__isnull=False).count() < met_bsn_voor
    assert maak_plan(vandaag).leeg  # nothing past its term is left

    # Every closed school year was frozen first, and prints the same bytes as before.
    vastgesteld = set(Vastgesteldrapport.objects.values_list("schooljaar", flat=True))
    assert {j.naam for j in jaren} <= vastgesteld
    na = _rapporten(jaren, gemeente)
    for vraag, tekst in voor.items():
        assert na[vraag] == tekst, " ".join(vraag)
    assert '"meldingen"' in voor[("--schooljaar", LAATSTE_JAAR_MET_DATA.naam)]
    assert "intact" in _leerplicht("audit", "verify")
