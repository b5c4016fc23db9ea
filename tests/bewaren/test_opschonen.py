"""leerplicht bewaartermijn: what is removed, what anonymised, what stays, and the dry run."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.bewaren.models import Vastgesteldrapport
from leerplicht.bewaren.opschonen import maak_plan, voer_uit
from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon, School
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Interventie, Werkproces
from portaal.fabrieken import (
    GemeenteFactory,
    InterventieFactory,
    MeldingFactory,
    PersoonFactory,
    ThuiszitterFactory,
    VrijstellingFactory,
    VsvFactory,
    WerkprocesFactory,
)

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 6, 1)


@dataclass
class Wereld:
    oud: Persoon
    oud_met_open_werkproces: Persoon
    jong: Persoon
    open_werkproces: Werkproces


@pytest.fixture
def wereld() -> Wereld:
    gemeente = GemeenteFactory(code="GM9301")
    school = School.objects.create(
        id="99ZZ00", brin="99ZZ", vestiging="00", naam="De School", onderwijssoort="vo",
        gemeente=gemeente,
    )  # fmt: skip
    # Born 1990: out of the doelgroep at 23 (2013), term of 2 years over in 2015.
    oud = PersoonFactory(id="P-OUD", gemeente=gemeente, geboortedatum=date(1990, 1, 15))
    Inschrijving.objects.create(persoon=oud, school=school, van=date(2002, 8, 1))
    w = WerkprocesFactory(
        id="W-OUD", persoon=oud, geopend=date(2007, 9, 1), gesloten=date(2008, 3, 1)
    )
    InterventieFactory(werkproces=w, datum=date(2007, 10, 1))
    MeldingFactory(meldingsnummer="M-OUD", persoon=oud, datum=date(2007, 9, 1), werkproces=w)
    VsvFactory(
        id="S-OUD", persoon=oud, uitgeschreven=date(2008, 9, 1), afgerond_op=date(2009, 1, 1)
    )
    VrijstellingFactory(id="V-OUD", persoon=oud, besluit="afgewezen", besluitdatum=date(2004, 5, 1))
    ThuiszitterFactory(id="T-OUD", persoon=oud, van=date(2005, 1, 1), tot=date(2005, 6, 1))

    # Past the doelgroep too, but with an open werkproces: anonymised, not removed.
    oud2 = PersoonFactory(
        id="P-OUD2", gemeente=gemeente, geboortedatum=date(1990, 5, 5), bsn="123456782",
        startkwalificatie=date(2009, 6, 30),
    )  # fmt: skip
    open_w = WerkprocesFactory(id="W-OPEN", persoon=oud2, geopend=date(2008, 1, 1))
    # Its melding's own term is over, but it stays with its werkproces.
    MeldingFactory(meldingsnummer="M-OPEN", persoon=oud2, datum=date(2008, 1, 1), werkproces=open_w)

    # Born 2008: the melding of 2016 is 5 years old, but the 19th birthday is in 2027.
    jong = PersoonFactory(id="P-JONG", gemeente=gemeente, geboortedatum=date(2008, 6, 6))
    MeldingFactory(meldingsnummer="M-JONG", persoon=jong, datum=date(2016, 1, 1))
    VrijstellingFactory(id="V-JONG", persoon=jong, besluitdatum=date(2014, 9, 1), geldig_tot=None)
    ThuiszitterFactory(id="T-JONG", persoon=jong, van=date(2024, 9, 1))
    VsvFactory(id="S-JONG", persoon=jong, uitgeschreven=date(2024, 9, 1))
    return Wereld(oud, oud2, jong, open_w)


def _bewaartermijn(*argumenten: str) -> str:
    uit = io.StringIO()
    call_command("bewaartermijn", *argumenten, stdout=uit)
    return uit.getvalue()


def test_plan_telt_per_soort(wereld: Wereld):
    plan = maak_plan(PEILDATUM)
    assert plan.personen_weg == {"P-OUD"}
    assert plan.personen_anoniem == {"P-OUD2"}
    assert plan.werkprocessen == {"W-OUD"}
    assert plan.meldingen == {"M-OUD"}
    assert plan.vrijstellingen == {"V-OUD"}
    assert plan.thuiszitters == {"T-OUD"}
    assert plan.vsv == {"S-OUD"}
    assert (plan.interventies, plan.inschrijvingen) == (1, 1)


def test_proefdraai_wijzigt_niets_en_toont_geen_persoonsgegevens(wereld: Wereld):
    voor = Persoon.objects.count(), Melding.objects.count(), Auditregel.objects.count()
    uit = _bewaartermijn("--peildatum", PEILDATUM.isoformat())
    assert "Proefdraai" in uit
    assert "persoon" in uit and "1 te verwijderen, 1 te anonimiseren" in uit
    for persoonsgegeven in ("P-OUD", "123456782", "1990", "M-OUD", "W-OUD"):
        assert persoonsgegeven not in uit
    assert (Persoon.objects.count(), Melding.objects.count(), Auditregel.objects.count()) == voor
    assert not Vastgesteldrapport.objects.exists()


def test_uitvoeren_verwijdert_en_anonimiseert(wereld: Wereld):
    uit = _bewaartermijn("--uitvoeren", "--peildatum", PEILDATUM.isoformat())
    assert "Uitgevoerd" in uit and "1 verwijderd, 1 geanonimiseerd" in uit
    assert not Persoon.objects.filter(pk="P-OUD").exists()
    assert not Inschrijving.objects.filter(persoon_id="P-OUD").exists()
    assert not Werkproces.objects.filter(pk="W-OUD").exists()
    assert not Interventie.objects.filter(werkproces_id="W-OUD").exists()
    for model, pk in ((Melding, "M-OUD"), (Vrijstelling, "V-OUD"), (Thuiszitter, "T-OUD")):
        assert not model.objects.filter(pk=pk).exists()
    assert not Vsv.objects.filter(pk="S-OUD").exists()

    anoniem = Persoon.objects.get(pk="P-OUD2")
    assert anoniem.bsn is None
    assert anoniem.geboortedatum == date(1990, 1, 1)
    assert anoniem.startkwalificatie == date(2009, 1, 1)
    assert Werkproces.objects.filter(pk="W-OPEN").exists()
    assert Melding.objects.filter(pk="M-OPEN").exists()

    assert Persoon.objects.filter(pk="P-JONG").exists()
    for model, pk in (
        (Melding, "M-JONG"),
        (Vrijstelling, "V-JONG"),
        (Thuiszitter, "T-JONG"),
        (Vsv, "S-JONG"),
    ):
        assert model.objects.filter(pk=pk).exists()


def test_tweede_run_doet_niets_meer(wereld: Wereld):
    voer_uit(maak_plan(PEILDATUM))
    plan = maak_plan(PEILDATUM)
    assert plan.leeg
    assert plan.personen_anoniem == set()  # already anonymised: not counted again


def test_afgesloten_schooljaren_eerst_vastgesteld(wereld: Wereld):
    vandaag = timezone.localdate()
    vastgesteld = voer_uit(maak_plan(PEILDATUM))
    namen = set(Vastgesteldrapport.objects.values_list("schooljaar", flat=True))
    assert namen == {j.naam for j in vastgesteld}
    assert "2002-2003" in namen  # the first school year with data (the inschrijving)
    assert laatste_afgesloten_schooljaar(vandaag).naam in namen
    assert not Vastgesteldrapport.objects.filter(opgeschoond_op__isnull=True).exists()


def test_een_auditregel_voor_de_hele_run(wereld: Wereld):
    voor = Auditregel.objects.count()
    voer_uit(maak_plan(PEILDATUM))
    nieuw = Auditregel.objects.filter(volgnummer__gt=voor)
    acties = list(nieuw.values_list("actie", flat=True))
    assert acties.count("opschonen") == 1
    assert "verwijderen" not in acties and "wijzigen" not in acties
    regel = nieuw.get(actie="opschonen")
    assert regel.toelichting["aantallen"]["persoon"] == {"verwijderen": 1, "anonimiseren": 1}
    assert "P-OUD" not in str(regel.toelichting)


def test_termijn_uit_de_instellingen(wereld: Wereld, settings):
    settings.BEWAARTERMIJN_JAREN = {"vsv": 20, "werkproces": 20}
    plan = maak_plan(PEILDATUM)
    assert plan.vsv == set()
    assert plan.werkprocessen == set()
    assert plan.meldingen == set()  # its werkproces stays
    assert plan.personen_weg == set()
    assert plan.personen_anoniem == {"P-OUD", "P-OUD2"}


def test_niets_te_doen_dan_ook_niets_vastgesteld():
    GemeenteFactory(code="GM9302")
    assert voer_uit(maak_plan(PEILDATUM)) == []
    assert not Vastgesteldrapport.objects.exists()
    regel = Auditregel.objects.get(actie="opschonen")  # the run itself is still logged
    assert regel.toelichting["aantallen"]["melding"] == {"verwijderen": 0}


def test_peildatum_in_de_toekomst_alleen_als_proefdraai(wereld: Wereld):
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    with pytest.raises(CommandError, match="in de toekomst"):
        _bewaartermijn("--uitvoeren", "--peildatum", morgen)
    assert "Proefdraai" in _bewaartermijn("--peildatum", morgen)
    with pytest.raises(CommandError, match="geen datum"):
        _bewaartermijn("--peildatum", "1-6-2025")


def test_taak_voert_de_run_uit(wereld: Wereld):
    from leerplicht.bewaren.tasks import bewaartermijn_uitvoeren

    resultaat = bewaartermijn_uitvoeren.enqueue()
    assert resultaat.return_value["aantallen"]["persoon"]["verwijderen"] == 1
    assert not Persoon.objects.filter(pk="P-OUD").exists()


def test_verlofaanvraag_en_losse_documenten(wereld: Wereld):
    """Verlof follows the vrijstelling's term; a person's own letters go when the person
    is anonymised (a letter names the person), a werkproces's letters stay with it."""
    from leerplicht.vrijstellingen.models import Verlofaanvraag
    from leerplicht.werkprocessen.models import Document

    school = School.objects.get(pk="99ZZ00")

    def verlof(persoon, tot: date, besluit: str = "afgewezen") -> Verlofaanvraag:
        return Verlofaanvraag.objects.create(
            persoon=persoon, gemeente=persoon.gemeente, school=school,
            soort="gewichtige_omstandigheden", aangevraagd=tot - timedelta(days=40),
            van=tot - timedelta(days=20), tot=tot, aantal_schooldagen=14, besluit=besluit,
            besluitdatum=tot - timedelta(days=30), schoolleider_gehoord_op=tot - timedelta(days=35),
        )  # fmt: skip

    oud_verlof = verlof(wereld.oud_met_open_werkproces, date(2006, 5, 1))
    jong_verlof = verlof(wereld.jong, date(2019, 5, 1))

    def document(**waar) -> Document:
        return Document.objects.create(
            soort="brief", titel="Brief", bestandsnaam="brief.pdf", mediatype="application/pdf",
            inhoud=b"%PDF", aangemaakt_op=timezone.now(), **waar,
        )  # fmt: skip

    los = document(persoon=wereld.oud_met_open_werkproces)
    bij_werkproces = document(
        persoon=wereld.oud_met_open_werkproces, werkproces=wereld.open_werkproces
    )
    plan = maak_plan(PEILDATUM)
    assert plan.verlofaanvragen == {oud_verlof.pk}  # the young one: 19th birthday not yet
    assert plan.aantallen()["verlofaanvraag"] == {"verwijderen": 1}
    _bewaartermijn("--uitvoeren", "--peildatum", PEILDATUM.isoformat())
    assert list(Verlofaanvraag.objects.values_list("pk", flat=True)) == [jong_verlof.pk]
    assert not Document.objects.filter(pk=los.pk).exists()
    assert Document.objects.filter(pk=bij_werkproces.pk).exists()
