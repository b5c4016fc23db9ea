"""Background work: the DUO status report, the verzuimstaat sweep, absoluut-verzuim signals."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from leerplicht.audit.models import Auditregel
from leerplicht.domein.bsn import test_bsn
from leerplicht.meldingen import route
from leerplicht.meldingen.absoluut_verzuim import signaleer
from leerplicht.meldingen.duo_terugmelding import meld_terug
from leerplicht.meldingen.models import Melding
from leerplicht.meldingen.tasks import (
    absoluut_verzuim_signaleren,
    veeg_verzuimstaten,
    verlopen_verzuimstaten,
    verzuimstaten_herinneren,
)
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.vrijstellingen.models import Vrijstelling

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 3, 5)


@pytest.fixture
def duo_map(tmp_path, settings):
    settings.LEERPLICHT_DUO_MAP = tmp_path
    return tmp_path


def _persoon(regio, pk, geboren, bsn=None):
    return Persoon.objects.create(id=pk, bsn=bsn, geboortedatum=geboren, gemeente=regio.gemeente)


def _melding(regio, persoon, nummer, bron="duo", status="nieuw"):
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=persoon, gemeente=regio.gemeente, datum=PEILDATUM,
        soort="wettelijk", school=regio.school, status=status, bron=bron,
    )  # fmt: skip


def test_terugmelding_alleen_gewijzigde_duo_meldingen(regio, duo_map):
    p = _persoon(regio, "P1", date(2011, 1, 1), test_bsn(51))
    route.verzuimstaat_opvragen(_melding(regio, p, "M1"), 1, vandaag=PEILDATUM)
    route.intrekken(_melding(regio, p, "M2"), 1)
    _melding(regio, p, "M3")  # nothing to report yet
    route.compleet(_melding(regio, p, "H1", bron="formulier"), 1)  # not from DUO
    resultaat = meld_terug()
    assert resultaat.aantal == 2 and resultaat.bestand.parent == duo_map
    regels = resultaat.bestand.read_text(encoding="utf-8").splitlines()
    assert regels[0] == "meldingsnummer;status;reden;datum"
    assert [r.split(";")[:2] for r in regels[1:]] == [
        ["M1", "IN_BEHANDELING"], ["M2", "INGETROKKEN"],
    ]  # fmt: skip
    assert Melding.objects.filter(duo_teruggemeld_op__isnull=False).count() == 2
    assert Auditregel.objects.filter(actie="exporteren", object_type="duo_terugmelding").exists()
    # Reported once: the next run has nothing, until a status changes again.
    assert meld_terug().aantal == 0
    m1 = Melding.objects.get(pk="M1")
    route.verzuimstaat_ontvangen(m1, m1.versie, door="admin")  # compleet: still in behandeling
    assert meld_terug().aantal == 0


def test_commando_duo_terugmelding(regio, duo_map, capsys):
    call_command("duo-terugmelding")
    assert "niets terug te melden" in capsys.readouterr().out
    p = _persoon(regio, "P1", date(2011, 1, 1))
    route.ter_kennisneming(_melding(regio, p, "M1"), 1)
    call_command("duo-terugmelding")
    assert "1 status(sen) teruggemeld" in capsys.readouterr().out


def test_veeg_verlopen_verzuimstaten(regio):
    p = _persoon(regio, "P1", date(2011, 1, 1))
    route.verzuimstaat_opvragen(_melding(regio, p, "M1"), 1, vandaag=date(2025, 2, 20))
    route.verzuimstaat_opvragen(_melding(regio, p, "M2"), 1, vandaag=date(2025, 2, 26))
    # M1: deadline 27 February, passed. M2: deadline 5 March, the day itself is in time.
    assert list(verlopen_verzuimstaten(PEILDATUM).values_list("pk", flat=True)) == ["M1"]
    assert veeg_verzuimstaten(PEILDATUM) == 1
    m1 = Melding.objects.get(pk="M1")
    assert (m1.verzuimstaat_herinnerd_op, m1.versie) == (PEILDATUM, 3)
    assert veeg_verzuimstaten(PEILDATUM) == 0  # once


def test_taken_draaien_in_de_wachtrij(regio):
    # ImmediateBackend in the tests: enqueue runs them at once.
    assert verzuimstaten_herinneren.enqueue().return_value == {"herinnerd": 0}
    assert absoluut_verzuim_signaleren.enqueue().return_value == {"meldingen": 0}


def test_absoluut_verzuim_signalen(regio):
    zonder_school = _persoon(regio, "A1", date(2012, 6, 1))
    ingeschreven = _persoon(regio, "A2", date(2012, 6, 1))
    Inschrijving.objects.create(persoon=ingeschreven, school=regio.school, van=date(2024, 8, 1))
    uitgeschreven = _persoon(regio, "A3", date(2010, 6, 1))
    Inschrijving.objects.create(
        persoon=uitgeschreven, school=regio.school, van=date(2022, 8, 1), tot=date(2025, 1, 31)
    )
    vrijgesteld = _persoon(regio, "A4", date(2012, 6, 1))
    Vrijstelling.objects.create(
        id="V1", persoon=vrijgesteld, gemeente=regio.gemeente, grond="5a",
        aangevraagd=date(2024, 8, 1), besluit="toegekend", besluitdatum=date(2024, 8, 20),
        geldig_van=date(2024, 9, 1),
    )  # fmt: skip
    _persoon(regio, "A5", date(2021, 6, 1))  # 3 years old: not leerplichtig yet
    _persoon(regio, "A6", date(2005, 6, 1))  # 19: no longer
    startkwalificatie = _persoon(regio, "A7", date(2008, 1, 1))  # 17, kwalificatieplichtig...
    startkwalificatie.startkwalificatie = date(2024, 7, 1)  # ...but has a startkwalificatie
    startkwalificatie.save()
    kwalificatieplichtig = _persoon(regio, "A8", date(2008, 1, 1))

    resultaat = signaleer(PEILDATUM)
    assert resultaat.aantal == 3
    meldingen = Melding.objects.filter(soort="absoluut")
    assert sorted(meldingen.values_list("persoon_id", flat=True)) == ["A1", "A3", "A8"]
    m = meldingen.get(persoon=zonder_school)
    assert (m.bron, m.status, m.datum, m.gemeente) == (
        "register",
        "nieuw",
        PEILDATUM,
        regio.gemeente,
    )
    assert kwalificatieplichtig.meldingen.count() == 1

    # Once per episode: no second signal while the first is open...
    assert signaleer(date(2025, 3, 6)).aantal == 0
    # ...nor while its werkproces is open, nor after it closed: the episode was handled
    # (issue 13). Only a new inschrijving that ends later starts a new episode
    # (tests/meldingen/test_absoluut_verzuim_feiten.py).
    route.compleet(m, 1)
    w = route.overdragen(m, 2, door="admin", vandaag=PEILDATUM).werkproces
    assert signaleer(date(2025, 3, 7)).meldingsnummers == ()
    w.gesloten, w.resultaat = date(2025, 4, 1), "overig"
    w.save()
    assert signaleer(date(2025, 4, 2)).aantal == 0


def test_commando_signaleer(regio, capsys):
    _persoon(regio, "A1", date(2012, 6, 1))
    call_command("signaleer-absoluut-verzuim", "--peildatum", "2025-03-05")
    assert "Peildatum 05-03-2025: 1 nieuwe melding(en) absoluut verzuim." in capsys.readouterr().out
    with pytest.raises(CommandError, match="is geen datum"):
        call_command("signaleer-absoluut-verzuim", "--peildatum", "5 maart")
