"""Inzage (AVG art. 15): everything about one person, nothing about another; logged."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from audit.medewerkers import maak_medewerker
from leerplicht.audit.inzage import ONDERDELEN, inzagegegevens
from leerplicht.audit.logboek import registreer
from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Inschrijving, School
from leerplicht.vrijstellingen.models import Verlofaanvraag
from leerplicht.werkprocessen.models import Document, Gebeurtenis, Notitie
from portaal.fabrieken import (
    InterventieFactory,
    MeldingFactory,
    PersoonFactory,
    ThuiszitterFactory,
    VrijstellingFactory,
    VsvFactory,
    WerkprocesFactory,
)

pytestmark = pytest.mark.django_db

BSN, ANDER_BSN = "999990019", "999990020"


@pytest.fixture
def twee_personen():
    """A person with one of everything, and one other person (whose data must not show)."""
    persoon = PersoonFactory(id="P0000001", bsn=BSN, geboortedatum=date(2010, 2, 28))
    ander = PersoonFactory(id="P0000002", bsn=ANDER_BSN, gemeente=persoon.gemeente)
    school = School.objects.create(
        id="12AB00",
        brin="12AB",
        vestiging="00",
        naam="De Tol",
        onderwijssoort="vo",
        gemeente=persoon.gemeente,
    )
    for p in (persoon, ander):
        Inschrijving.objects.create(persoon=p, school=school, van=date(2022, 8, 1))
        werkproces = WerkprocesFactory(persoon=p)
        InterventieFactory(werkproces=werkproces, soort="waarschuwing")
        MeldingFactory(persoon=p, school=school, werkproces=werkproces)
        VrijstellingFactory(persoon=p)
        ThuiszitterFactory(persoon=p)
        VsvFactory(persoon=p)
        Notitie.objects.create(
            werkproces=werkproces, tijdstip=timezone.now(), door="lpa", tekst=f"Belde {p.pk}"
        )
        Gebeurtenis.objects.create(
            werkproces=werkproces,
            tijdstip=timezone.now(),
            soort="geopend",
            omschrijving="Werkproces geopend.",
        )
        Document.objects.create(
            persoon=p,
            werkproces=werkproces,
            soort="brief",
            titel="Uitnodiging",
            bestandsnaam="uitnodiging.pdf",
            mediatype="application/pdf",
            inhoud=f"%PDF brief aan {p.pk}".encode(),
            aangemaakt_op=timezone.now(),
        )
        Verlofaanvraag.objects.create(
            persoon=p,
            gemeente=p.gemeente,
            school=school,
            soort="gewichtige_omstandigheden",
            aangevraagd=date(2024, 9, 1),
            van=date(2024, 10, 1),
            tot=date(2024, 10, 25),
            aantal_schooldagen=15,
        )
    lpa = maak_medewerker("lpa.jansen", Rol.LEERPLICHTAMBTENAAR)
    registreer("inzien", gebruiker=lpa, object_type="persoon", object_id=persoon.id)
    return persoon, ander


def test_alles_over_een_persoon(twee_personen):
    persoon, ander = twee_personen
    gegevens = inzagegegevens(persoon)
    assert gegevens["persoon"]["bsn"] == BSN
    assert gegevens["persoon"]["geboortedatum"] == "2010-02-28"
    assert gegevens["persoon"]["gemeente_naam"] == persoon.gemeente.naam
    for deel in (
        "inschrijvingen",
        "meldingen",
        "werkprocessen",
        "vrijstellingen",
        "verlofaanvragen",
        "documenten",
        "thuiszitperiodes",
        "vsv_trajecten",
    ):
        assert len(gegevens[deel]) == 1, deel
    [werkproces] = gegevens["werkprocessen"]
    assert [i["soort"] for i in werkproces["interventies"]] == ["waarschuwing"]
    assert [n["tekst"] for n in werkproces["notities"]] == [f"Belde {persoon.pk}"]
    assert [g["soort"] for g in werkproces["gebeurtenissen"]] == ["geopend"]
    [document] = gegevens["documenten"]
    assert document["bestand"] == f"documenten/{document['id']}-uitnodiging.pdf"
    assert "inhoud" not in document
    tekst = json.dumps(gegevens)
    assert ANDER_BSN not in tekst and ander.id not in tekst


def test_verwerkingen_zonder_medewerker_of_adres(twee_personen):
    persoon, _ = twee_personen
    verwerkingen = inzagegegevens(persoon)["verwerkingen"]
    acties = {(v["actie"], v["object_type"]) for v in verwerkingen}
    assert ("inzien", "persoon") in acties
    assert ("aanmaken", "melding") in acties and ("aanmaken", "interventie") in acties
    assert all(v["rol"] in ("", "leerplichtambtenaar") for v in verwerkingen)
    assert "lpa.jansen" not in json.dumps(verwerkingen)
    assert all("ip_adres" not in v and "gebruikersnaam" not in v for v in verwerkingen)


def test_opdracht_schrijft_zip_en_registreert(twee_personen, tmp_path, capsys):
    persoon, _ = twee_personen
    pad = tmp_path / "inzage.zip"
    call_command("inzage", persoon.id, str(pad))
    assert f"Inzage van persoon {persoon.id} geschreven naar {pad}." in capsys.readouterr().out
    with zipfile.ZipFile(pad) as zip_:
        gegevens = json.loads(zip_.read("inzage-P0000001.json"))
        [document] = gegevens["documenten"]
        assert sorted(zip_.namelist()) == sorted(
            ["LEESMIJ.txt", "inzage-P0000001.json", document["bestand"]]
        )
        assert zip_.read(document["bestand"]) == b"%PDF brief aan P0000001"
        assert "AVG artikel 15" in zip_.read("LEESMIJ.txt").decode()
    assert gegevens["persoon"]["id"] == persoon.id
    [inzage] = Auditregel.objects.filter(actie="inzage")
    assert (inzage.object_type, inzage.object_id, inzage.persoon_id) == (
        "persoon",
        persoon.id,
        persoon.id,
    )
    assert inzage.gebruikersnaam.startswith("systeem:")


def test_opdracht_fouten_in_het_nederlands(twee_personen, tmp_path):
    with pytest.raises(CommandError, match="Er is geen persoon met id P404"):
        call_command("inzage", "P404", str(tmp_path / "a.zip"))
    with pytest.raises(CommandError, match=r"moet eindigen op \.zip"):
        call_command("inzage", "P0000001", str(tmp_path / "a.json"))
    bestaand = tmp_path / "bestaat.zip"
    bestaand.write_bytes(b"")
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("inzage", "P0000001", str(bestaand))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("inzage", "P0000001", str(tmp_path / "geen" / "a.zip"))
    assert not Auditregel.objects.filter(actie="inzage").exists()


def test_persoon_zonder_iets(db):
    persoon = PersoonFactory()
    gegevens = inzagegegevens(persoon)
    assert gegevens["meldingen"] == [] and gegevens["werkprocessen"] == []
    assert [v["actie"] for v in gegevens["verwerkingen"]] == ["aanmaken"]


def test_elk_model_met_persoonsgegevens_staat_in_de_inzage():
    """A model with person data (it has a scoping rule) must be part of the inzage."""
    from leerplicht.toegang.beleid import ZICHTBAAR

    assert set(ONDERDELEN) == set(ZICHTBAAR)
