"""Taking in a delivery: match by BSN or onderwijsnummer, else a new person; refuse a
meldingsnummer seen before; all or nothing; withdrawn over a vrijstelling; audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from leerplicht.audit.models import Auditregel
from leerplicht.domein.bsn import test_bsn
from leerplicht.duo.bestanden import Bestandskoppeling
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand
from leerplicht.meldingen.intake import neem_in
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon
from leerplicht.toegang.beleid import SYSTEEM
from leerplicht.vrijstellingen.models import Vrijstelling

pytestmark = pytest.mark.django_db


class Leerling:
    def __init__(self, bsn, geboortedatum):
        self.bsn, self.geboortedatum = bsn, geboortedatum


def _lever(tmp_path, leerlingen, naam="levering.csv", **opties):
    pad = tmp_path / naam
    opties.setdefault("brin", "31AA")
    opties.setdefault("vestiging", "00")
    opties.setdefault("meldingsdatum", date(2025, 3, 5))
    nummers = schrijf_verzuimloket_bestand(pad, leerlingen, **opties)
    return Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad), nummers


def test_bekende_leerling_op_bsn_en_nieuwe_persoon(regio, tmp_path):
    bekend = Persoon.objects.create(
        id="P1", bsn=test_bsn(31), geboortedatum=date(2011, 4, 1), gemeente=regio.andere
    )
    meldingen, nummers = _lever(
        tmp_path,
        [Leerling(test_bsn(31), date(2011, 4, 1)), Leerling(test_bsn(32), date(2012, 5, 6))],
    )
    resultaat = neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    assert resultaat.aantal == 2 and resultaat.nieuwe_personen == 1 and resultaat.ingetrokken == 0
    eerste = Melding.objects.get(pk=nummers[0])
    assert eerste.persoon == bekend
    # Known outside the delivery's reach: the melding goes to the woongemeente in the
    # register (art. 21 Leerplichtwet), never widening the delivery's gemeente.
    assert eerste.gemeente == regio.andere
    assert (eerste.status, eerste.bron, eerste.duo_status) == ("nieuw", "duo", None)
    assert eerste.ontvangen_op is not None and eerste.versie == 1
    assert eerste.school == regio.school and eerste.soort == "wettelijk"
    assert eerste.melder_naam == "J. de Mentor" and eerste.verzuimde_dagen == 3
    nieuw = Melding.objects.get(pk=nummers[1]).persoon
    assert nieuw.bsn == test_bsn(32) and nieuw.geboortedatum == date(2012, 5, 6)
    assert nieuw.gemeente == regio.gemeente and nieuw.pk.startswith("N")
    assert Melding.objects.get(pk=nummers[1]).gemeente == regio.gemeente


def test_bekende_leerling_van_de_gemeente_zelf(regio, tmp_path):
    eigen = Persoon.objects.create(
        id="P2", bsn=test_bsn(35), geboortedatum=date(2011, 4, 1), gemeente=regio.gemeente
    )
    meldingen, nummers = _lever(tmp_path, [Leerling(test_bsn(35), date(2011, 4, 1))])
    neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    melding = Melding.objects.get(pk=nummers[0])
    assert (melding.persoon, melding.gemeente) == (eigen, regio.gemeente)


def test_match_op_onderwijsnummer_via_eerdere_melding(regio, tmp_path):
    eerste, _ = _lever(tmp_path, [Leerling(None, date(2010, 1, 2))], naam="a.csv", voorvoegsel="A")
    neem_in(eerste, gemeente=regio.gemeente, door=SYSTEEM)
    tweede, nummers = _lever(
        tmp_path, [Leerling(None, date(2010, 1, 2))], naam="b.csv", voorvoegsel="B"
    )
    resultaat = neem_in(tweede, gemeente=regio.gemeente, door=SYSTEEM)
    assert resultaat.nieuwe_personen == 0
    assert Persoon.objects.count() == 1
    assert Melding.objects.get(pk=nummers[0]).onderwijsnummer == "100000000"


def test_zonder_gemeente_de_gemeente_van_de_school(regio, tmp_path):
    meldingen, nummers = _lever(tmp_path, [Leerling(test_bsn(33), date(2011, 1, 1))])
    neem_in(meldingen, gemeente=None, door=SYSTEEM)
    assert Melding.objects.get(pk=nummers[0]).gemeente == regio.school.gemeente


def test_meldingsnummer_twee_keer_geweigerd(regio, tmp_path):
    meldingen, nummers = _lever(tmp_path, [Leerling(test_bsn(35), date(2011, 1, 1))])
    neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    with pytest.raises(OngeldigeLevering) as fout:
        neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    assert fout.value.regels() == [
        f"levering.csv:2: meldingsnummer: meldingsnummer {nummers[0]} is al eerder ontvangen; "
        "een melding wordt maar één keer ingelezen"
    ]
    assert Melding.objects.count() == 1


def test_alles_of_niets(regio, tmp_path):
    meldingen, _ = _lever(
        tmp_path,
        [Leerling(test_bsn(35), date(2011, 1, 1)), Leerling(test_bsn(36), date(2011, 1, 1))],
    )
    # The second row's school is unknown: nothing of the first is stored either.
    meldingen[1] = replace(meldingen[1], brin="99ZZ", vestiging=None)
    with pytest.raises(OngeldigeLevering) as fout:
        neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    assert fout.value.regels() == [
        "levering.csv:3: brin: school 99ZZ staat niet in de leerplichtadministratie"
    ]
    assert not Melding.objects.exists() and not Persoon.objects.exists()
    assert not Auditregel.objects.filter(actie="importeren").exists()


def test_melding_over_een_vrijstelling_wordt_ingetrokken(regio, tmp_path):
    persoon = Persoon.objects.create(
        id="P2", bsn=test_bsn(37), geboortedatum=date(2011, 1, 1), gemeente=regio.gemeente
    )
    Vrijstelling.objects.create(
        id="V1", persoon=persoon, gemeente=regio.gemeente, grond="5a",
        aangevraagd=date(2025, 1, 1), besluit="toegekend", besluitdatum=date(2025, 1, 20),
        geldig_van=date(2025, 2, 20), geldig_tot=date(2025, 7, 31),
    )  # fmt: skip
    Vrijstelling.objects.create(
        id="V2", persoon=persoon, gemeente=regio.gemeente, grond="5a",
        aangevraagd=date(2024, 1, 1), besluit="afgewezen", besluitdatum=date(2024, 1, 20),
        geldig_van=date(2024, 1, 1),
    )  # fmt: skip
    meldingen, nummers = _lever(tmp_path, [Leerling(test_bsn(37), date(2011, 1, 1))])
    # verzuim 6 February - 4 March 2025 overlaps the vrijstelling from 20 February
    resultaat = neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    assert resultaat.ingetrokken == 1
    melding = Melding.objects.get(pk=nummers[0])
    assert (melding.status, melding.duo_status) == ("ingetrokken", "ingetrokken")


def test_afgewezen_of_latere_vrijstelling_trekt_niet_in(regio, tmp_path):
    persoon = Persoon.objects.create(
        id="P3", bsn=test_bsn(38), geboortedatum=date(2011, 1, 1), gemeente=regio.gemeente
    )
    Vrijstelling.objects.create(
        id="V3", persoon=persoon, gemeente=regio.gemeente, grond="5a",
        aangevraagd=date(2025, 1, 1), besluit="toegekend", besluitdatum=date(2025, 1, 20),
        geldig_van=date(2025, 3, 5),
    )  # fmt: skip
    meldingen, nummers = _lever(tmp_path, [Leerling(test_bsn(38), date(2011, 1, 1))])
    neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    assert Melding.objects.get(pk=nummers[0]).status == "nieuw"


def test_auditregel_met_alleen_aantallen(regio, tmp_path):
    meldingen, _ = _lever(tmp_path, [Leerling(test_bsn(39), date(2011, 1, 1))])
    neem_in(meldingen, gemeente=regio.gemeente, door=SYSTEEM)
    regel = Auditregel.objects.get(actie="importeren")
    assert regel.object_type == "melding"
    assert regel.toelichting == {
        "bron": "duo",
        "meldingen": 1,
        "nieuwe_personen": 1,
        "ingetrokken": 0,
    }
    assert test_bsn(39) not in str(regel.toelichting)


def test_commando_verzuimloket(regio, tmp_path, capsys):
    pad = tmp_path / "levering.csv"
    schrijf_verzuimloket_bestand(
        pad, [Leerling(test_bsn(40), date(2011, 1, 1))], brin="31AA", vestiging="00"
    )
    call_command("verzuimloket", str(pad), "--gemeente", regio.gemeente.code)
    assert (
        "Levering ingelezen: 1 meldingen, 1 nieuwe personen, 0 ingetrokken"
        in capsys.readouterr().out
    )
    with pytest.raises(CommandError, match="Levering geweigerd: 1 fout"):
        call_command("verzuimloket", str(pad))
    assert "al eerder ontvangen" in capsys.readouterr().err
    with pytest.raises(CommandError, match="gemeente GM0000 bestaat niet"):
        call_command("verzuimloket", str(pad), "--gemeente", "GM0000")
