"""Sending a letter: rendered with the case's data, stored in the dossier, and the
interventie on the werkproces for the letters that are one."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from brieven.brief_hulp import GEGEVENS, VANDAAG, maak_medewerker, maak_zaak, pdf_tekst
from leerplicht.brieven.diensten import (
    Brieffout,
    Regelfout,
    Versieconflict,
    laad_standaardsjablonen,
    verstuur_brief,
)
from leerplicht.brieven.models import Briefsjabloon
from leerplicht.brieven.soorten import BRIEFSOORTEN, INTERVENTIE_VAN_BRIEF
from leerplicht.domein.rollen import Rol
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Document, Interventie, Werkproces

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak():
    return maak_zaak()


@pytest.fixture
def lpa(zaak):
    return maak_medewerker(
        "lpa", Rol.LEERPLICHTAMBTENAAR, zaak.gemeente, volledige_naam="Karin Visser"
    )


#: What each soort must say besides the common data (from GEGEVENS).
EIGEN_TEKST = {
    "kennisgevingsbrief": ["28 januari 2025", "wettelijk verzuim"],
    "uitnodiging": ["12 maart 2025", "09.45", "Stadhuis Tiel, kamer 3"],
    "waarschuwing": ["Noor gaat elke dag naar school.", "De mentor belt elke week."],
    "halt_verwijzing": ["Halt"],
    "begeleidende_brief_pv": ["PV-2025-17", "relatief verzuim", "ouders"],
    "besluit_vrijstelling": ["artikel 5 onder a", "10 maart 2025", "31 juli 2025"],
    "besluit_verlof": ["10 maart 2025", "31 juli 2025", "gewichtige omstandigheden"],
}


@pytest.mark.parametrize("soort", list(BRIEFSOORTEN))
def test_elke_soort_brief_naar_pdf_met_de_juiste_gegevens(soort, zaak, lpa):
    document = verstuur_brief(zaak.werkproces, soort, door=lpa, gegevens=GEGEVENS, vandaag=VANDAAG)
    assert document.soort == "brief"
    assert document.mediatype == "application/pdf"
    assert document.persoon == zaak.persoon
    assert document.werkproces == zaak.werkproces
    assert bytes(document.inhoud).startswith(b"%PDF")
    tekst = pdf_tekst(document.inhoud)
    for verwacht in [
        "De ouders van Noor Jansen",
        "Kerkstraat 12",
        "4001 AB Tiel",
        "Noor Jansen",
        "5 maart 2025",  # the date of the letter, in Dutch
        zaak.werkproces.pk,  # ons kenmerk
        "Karin Visser",
        "leerplichtambtenaar",
        "Tielerwaard",
        *EIGEN_TEKST[soort],
    ]:
        assert verwacht in tekst, f"{verwacht!r} ontbreekt in de {soort}"
    if soort not in ("uitnodiging", "besluit_vrijstelling", "besluit_verlof"):
        assert "Het Lyceum Tielerwaard" in tekst
    interventies = list(zaak.werkproces.interventies.all())
    if soort in INTERVENTIE_VAN_BRIEF:
        assert [(i.soort, i.datum) for i in interventies] == [
            (INTERVENTIE_VAN_BRIEF[soort], VANDAAG)
        ]
        assert document.interventie == interventies[0]
        assert interventies[0].door == "lpa"
    else:
        assert interventies == []


def test_waarschuwing_met_kopie_aan_school(zaak, lpa):
    brief = verstuur_brief(
        zaak.werkproces,
        "waarschuwing",
        door=lpa,
        gegevens=GEGEVENS,
        kopie_aan_school=True,
        vandaag=VANDAAG,
    )
    documenten = list(Document.objects.filter(werkproces=zaak.werkproces).order_by("pk"))
    assert len(documenten) == 2
    assert documenten[0] == brief
    kopie = documenten[1]
    assert "kopie aan school" in kopie.titel
    assert "Kopie aan: Het Lyceum Tielerwaard" in pdf_tekst(kopie.inhoud)
    assert "Kopie aan:" not in pdf_tekst(brief.inhoud)
    interventie = Interventie.objects.get(werkproces=zaak.werkproces)
    assert interventie.soort == "waarschuwing"
    assert kopie.interventie == interventie == brief.interventie


def test_kopie_aan_school_alleen_bij_de_waarschuwing(zaak, lpa):
    with pytest.raises(Brieffout) as fout:
        verstuur_brief(
            zaak.werkproces, "uitnodiging", door=lpa, gegevens=GEGEVENS, kopie_aan_school=True
        )
    assert "kopie_aan_school" in fout.value.fouten
    assert not Document.objects.exists()


def test_verplichte_gegevens_ontbreken(zaak, lpa):
    with pytest.raises(Brieffout) as fout:
        verstuur_brief(
            zaak.werkproces, "uitnodiging", door=lpa, gegevens={"aan_naam": "Familie Jansen"}
        )
    assert {"aan_adres", "leerling_naam", "gesprek_datum", "gesprek_tijd"} <= set(fout.value.fouten)
    assert not Document.objects.exists()
    assert not Interventie.objects.exists()


def test_halt_verwijzing_onder_de_12_wordt_geweigerd(lpa):
    jong = maak_zaak("GM9302", "Buren", geboortedatum=date(2015, 1, 1))
    with pytest.raises(Regelfout) as fout:
        verstuur_brief(jong.werkproces, "halt_verwijzing", door=lpa, gegevens=GEGEVENS)
    assert "12" in " ".join(fout.value.meldingen)
    assert not Document.objects.exists()
    assert not Interventie.objects.exists()


def test_verouderde_versie_geeft_een_conflict_en_slaat_niets_op(zaak, lpa):
    Werkproces.objects.filter(pk=zaak.werkproces.pk).update(versie=5)
    for soort in ("waarschuwing", "begeleidende_brief_pv"):
        with pytest.raises(Versieconflict):
            verstuur_brief(zaak.werkproces, soort, door=lpa, gegevens=GEGEVENS, versie=4)
    assert not Document.objects.exists()
    assert not Interventie.objects.exists()
    verstuur_brief(zaak.werkproces, "begeleidende_brief_pv", door=lpa, gegevens=GEGEVENS, versie=5)
    assert Werkproces.objects.get(pk=zaak.werkproces.pk).versie == 6


def test_gesloten_werkproces_krijgt_geen_brief(zaak, lpa):
    Werkproces.objects.filter(pk=zaak.werkproces.pk).update(
        gesloten=date(2025, 3, 1), resultaat="school"
    )
    zaak.werkproces.refresh_from_db()
    with pytest.raises(Brieffout, match="gesloten"):
        verstuur_brief(zaak.werkproces, "kennisgevingsbrief", door=lpa, gegevens=GEGEVENS)


def test_interventiebrief_hoort_bij_een_werkproces(zaak, lpa):
    with pytest.raises(Brieffout, match="werkproces"):
        verstuur_brief(None, "waarschuwing", door=lpa, gegevens=GEGEVENS, persoon=zaak.persoon)


def test_besluit_bij_een_vrijstelling_zonder_werkproces(zaak, lpa):
    vrijstelling = Vrijstelling.objects.create(
        id="V-1",
        persoon=zaak.persoon,
        gemeente=zaak.gemeente,
        grond="5a",
        aangevraagd=date(2025, 2, 20),
        besluit="toegekend",
        besluitdatum=VANDAAG,
        geldig_van=date(2025, 3, 10),
        geldig_tot=date(2026, 3, 9),
    )
    gegevens = {k: GEGEVENS[k] for k in ("aan_naam", "aan_adres", "leerling_naam")}
    gegevens["besluit_motivering"] = "Verklaring jeugdarts."
    document = verstuur_brief(
        None,
        "besluit_vrijstelling",
        door=lpa,
        gegevens=gegevens,
        vrijstelling=vrijstelling,
        vandaag=VANDAAG,
    )
    assert document.vrijstelling == vrijstelling
    assert document.persoon == zaak.persoon
    assert document.werkproces is None
    tekst = pdf_tekst(document.inhoud)
    for verwacht in ("art. 5 onder a", "toegekend", "10 maart 2025", "9 maart 2026", "V-1"):
        assert verwacht in tekst


def test_aangepast_sjabloon_wordt_gebruikt(zaak, lpa):
    from brieven.test_brief_weergave import docx_met

    laad_standaardsjablonen()
    Briefsjabloon.objects.filter(soort="kennisgevingsbrief").update(
        docx=docx_met("Eigen tekst voor {{ leerling.naam }} op {{ datum }}")
    )
    document = verstuur_brief(
        zaak.werkproces, "kennisgevingsbrief", door=lpa, gegevens=GEGEVENS, vandaag=VANDAAG
    )
    assert "Eigen tekst voor Noor Jansen op 5 maart 2025" in pdf_tekst(document.inhoud)


def test_commando_laadt_de_standaardsjablonen():
    call_command("brieven", "standaard")
    assert set(Briefsjabloon.objects.values_list("soort", flat=True)) == set(BRIEFSOORTEN)
    Briefsjabloon.objects.filter(soort="waarschuwing").update(docx=b"eigen")
    call_command("brieven", "standaard")
    assert bytes(Briefsjabloon.objects.get(soort="waarschuwing").docx) == b"eigen"
    call_command("brieven", "standaard", "--overschrijven")
    sjabloon = Briefsjabloon.objects.get(soort="waarschuwing")
    assert bytes(sjabloon.docx) != b"eigen"
    assert sjabloon.versie == 2


def test_mislukte_brief_op_de_achtergrond_staat_op_de_tijdlijn(lpa):
    """In a worker nobody waits for the answer: a broken rule goes on the timeline."""
    from leerplicht.brieven.tasks import brief_versturen
    from leerplicht.werkprocessen.models import Gebeurtenis

    jong = maak_zaak("GM9302", "Buren", geboortedatum=date(2015, 1, 1))
    lpa.medewerker.gemeenten.add(jong.gemeente)  # the task fetches within the user's scope
    argumenten = {
        "soort": "halt_verwijzing",
        "door_id": lpa.pk,
        "gegevens": GEGEVENS,
        "werkproces_id": jong.werkproces.pk,
    }
    assert "fout" in brief_versturen.call(**argumenten)
    assert not Gebeurtenis.objects.filter(soort="brief_mislukt").exists()  # the form shows it
    assert "fout" in brief_versturen.call(**argumenten, op_de_achtergrond=True)
    [mislukt] = Gebeurtenis.objects.filter(werkproces=jong.werkproces, soort="brief_mislukt")
    assert mislukt.omschrijving.startswith(f"{BRIEFSOORTEN['halt_verwijzing']} niet gemaakt: ")
    assert "12" in mislukt.omschrijving
    assert not Document.objects.exists()
