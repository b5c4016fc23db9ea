"""Schooljaar vaststellen: frozen figures, printed byte for byte by `leerplicht rapport`."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from leerplicht.bewaren.models import Vastgesteldrapport
from leerplicht.bewaren.vaststellen import NietVastTeStellen, stel_vast
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.meldingen.models import Melding
from portaal.fabrieken import GemeenteFactory, MeldingFactory, PersoonFactory, WerkprocesFactory

pytestmark = pytest.mark.django_db

JAAR = Schooljaar(2019)


def _rapport(*argumenten: str) -> str:
    uit = io.StringIO()
    call_command("rapport", *argumenten, "--format", "json", stdout=uit)
    return uit.getvalue()


@pytest.fixture
def regio() -> None:
    """Two gemeenten with meldingen and werkprocessen in 2019-2020."""
    for code, aantal in (("GM9201", 3), ("GM9202", 2)):
        gemeente = GemeenteFactory(code=code, naam=f"Gemeente {code}")
        for i in range(aantal):
            persoon = PersoonFactory(gemeente=gemeente, geboortedatum=date(2008, 2, 29))
            MeldingFactory(persoon=persoon, datum=JAAR.begin + timedelta(days=40 + i))
            WerkprocesFactory(persoon=persoon, geopend=JAAR.begin + timedelta(days=41 + i))


def test_rapport_na_vaststellen_byte_voor_byte_gelijk_ook_als_gegevens_veranderen(regio):
    voor = _rapport("--schooljaar", JAAR.naam)
    uit = io.StringIO()
    call_command("schooljaar", "vaststellen", JAAR.naam, stdout=uit)
    assert "vastgesteld" in uit.getvalue()
    Melding.objects.all().delete()
    assert _rapport("--schooljaar", JAAR.naam) == voor
    # The default peildatum given explicitly is the same question.
    assert _rapport("--schooljaar", JAAR.naam, "--peildatum", "2019-10-01") == voor
    # Another school year is still computed from the data.
    assert json.loads(_rapport("--schooljaar", "2018-2019"))["schooljaar"] == "2018-2019"


def test_opgeslagen_tekst_is_die_van_rapport(regio):
    voor = _rapport("--schooljaar", JAAR.naam)
    vastgesteld = stel_vast(JAAR)
    assert vastgesteld.json + "\n" == voor
    assert vastgesteld.ongeschonden
    assert vastgesteld.peildatum == JAAR.standaard_peildatum


def test_deel_van_de_gemeenten_gelijk_aan_berekend_met_totaal_opnieuw_opgeteld(regio):
    een = _rapport("--schooljaar", JAAR.naam, "--gemeente", "GM9202")
    beide = _rapport("--schooljaar", JAAR.naam, "--gemeente", "GM9202", "--gemeente", "GM9201")
    stel_vast(JAAR)
    Melding.objects.all().delete()
    assert _rapport("--schooljaar", JAAR.naam, "--gemeente", "GM9202") == een
    assert (
        _rapport("--schooljaar", JAAR.naam, "--gemeente", "GM9201", "--gemeente", "GM9202") == beide
    )
    totaal = json.loads(een)["gemeenten"]["totaal"]
    assert totaal["meldingen"] == json.loads(een)["gemeenten"]["GM9202"]["meldingen"]
    assert totaal["naam"] == "Totaal"


def test_onbekende_gemeente_in_vastgestelde_cijfers(regio):
    stel_vast(JAAR)
    GemeenteFactory(code="GM9203")  # new since the freeze
    with pytest.raises(CommandError, match=r"onbekende gemeente.*vastgestelde cijfers.*GM9203"):
        _rapport("--schooljaar", JAAR.naam, "--gemeente", "GM9203")


def test_andere_peildatum_berekend_tot_er_is_opgeschoond(regio):
    stel_vast(JAAR)
    berekend = json.loads(_rapport("--schooljaar", JAAR.naam, "--peildatum", "2020-03-01"))
    assert berekend["peildatum"] == "2020-03-01"
    Vastgesteldrapport.objects.update(opgeschoond_op=timezone.now())
    with pytest.raises(CommandError, match=r"opgeschoond.*alleen nog op peildatum 2019-10-01"):
        _rapport("--schooljaar", JAAR.naam, "--peildatum", "2020-03-01")


def test_gewijzigde_vastgestelde_cijfers_worden_geweigerd(regio):
    stel_vast(JAAR)
    Vastgesteldrapport.objects.update(json="{}")
    with pytest.raises(CommandError, match="controlegetal klopt niet"):
        _rapport("--schooljaar", JAAR.naam)


def test_open_schooljaar_kan_niet_worden_vastgesteld(regio):
    lopend = Schooljaar.van_datum(timezone.localdate())
    with pytest.raises(CommandError, match=f"schooljaar {lopend.naam} is nog niet afgesloten"):
        call_command("schooljaar", "vaststellen", lopend.naam, stdout=io.StringIO())
    assert not Vastgesteldrapport.objects.exists()
    # The last day of the school year is still open; the day after, it is closed.
    with pytest.raises(NietVastTeStellen):
        stel_vast(JAAR, vandaag=JAAR.einde)
    stel_vast(JAAR, vandaag=JAAR.einde + timedelta(days=1))


def test_twee_keer_vaststellen_wordt_geweigerd(regio):
    jaar = laatste_afgesloten_schooljaar(timezone.localdate())
    stel_vast(jaar)
    with pytest.raises(CommandError, match="al vastgesteld"):
        call_command("schooljaar", "vaststellen", jaar.naam, stdout=io.StringIO())


def test_ongeldig_schooljaar_geeft_nederlandse_melding():
    with pytest.raises(CommandError, match="ongeldig schooljaar"):
        call_command("schooljaar", "vaststellen", "2024/2025", stdout=io.StringIO())


def test_vaststellen_staat_in_het_auditlog(regio):
    from leerplicht.audit.models import Auditregel

    stel_vast(JAAR)
    regel = Auditregel.objects.get(actie="vaststellen")
    assert regel.object_id == JAAR.naam


def test_startpagina_toont_de_vastgestelde_cijfers(regio):
    from leerplicht.bewaren.vaststellen import rapport_van
    from leerplicht.cijfers.rapport import maak_rapport

    stel_vast(JAAR)
    vastgesteld = maak_rapport(JAAR, gemeenten=["GM9201"])
    Melding.objects.all().delete()
    assert rapport_van(JAAR, gemeenten=["GM9201"]) == vastgesteld
    assert maak_rapport(JAAR, gemeenten=["GM9201"]) != vastgesteld
    # A gemeente that came after the freeze: computed from the data.
    GemeenteFactory(code="GM9209")
    assert "GM9209" in rapport_van(JAAR, gemeenten=["GM9209"])["gemeenten"]
