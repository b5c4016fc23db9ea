"""Recording the facts that end a leerplicht early, on the dossier (issue 13, items 3, 9).

The administratie completes the dossier: it records the date and source of twelve full
school years (art. 3 lid 1 onder a) or a lapsed kwalificatieplicht (art. 4a lid 2); the
dossier then shows them, in Dutch with the article, and the status that follows.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.toegang.models import Medewerker


@pytest.fixture
def wereld(met_tweede_factor):
    gemeente = Gemeente.objects.create(code="GM9401", naam="Feitendorp")
    vandaag = timezone.localdate()
    # 17 all this year: kwalificatieplichtig by age, whatever today is.
    persoon = Persoon.objects.create(
        id="F17", geboortedatum=date(vandaag.year - 17, 1, 1), gemeente=gemeente
    )

    def client_van(naam: str, rol: Rol) -> Client:
        gebruiker = get_user_model().objects.create_user(naam)
        Medewerker.objects.create(gebruiker=gebruiker, rol=rol).gemeenten.set([gemeente])
        return met_tweede_factor(Client(), gebruiker)

    return persoon, client_van


def test_administratie_legt_vervallen_kwalificatieplicht_vast(wereld):
    persoon, client_van = wereld
    admin = client_van("admin", Rol.ADMINISTRATIEF_MEDEWERKER)
    dossier = admin.get("/personen/F17/").content.decode()
    assert "geen vastgelegd" in dossier
    assert "/personen/F17/leerplichtfeiten/" in dossier
    assert "kwalificatieplichtig" in dossier

    formulier = admin.get("/personen/F17/leerplichtfeiten/")
    assert formulier.status_code == 200
    assert "art. 4a lid 2 Leerplichtwet 1969" in formulier.content.decode()

    certificaat = timezone.localdate().replace(day=1)
    antwoord = admin.post(
        "/personen/F17/leerplichtfeiten/",
        {
            "kwalificatieplicht_vervallen": certificaat.isoformat(),
            "kwalificatieplicht_vervallen_grond": "vso_arbeidsmarkt",
            "kwalificatieplicht_vervallen_bron": "uitstroomprofiel vso, opgave school",
        },
    )
    assert antwoord.status_code == 302 and antwoord["Location"] == "/personen/F17/"
    persoon.refresh_from_db()
    assert persoon.kwalificatieplicht_vervallen == certificaat
    assert persoon.kwalificatieplicht_vervallen_grond == "vso_arbeidsmarkt"
    assert persoon.twaalf_schooljaren_bron is None  # an empty box stays "unknown"
    dossier = admin.get("/personen/F17/").content.decode()
    assert (
        f"kwalificatieplicht vervallen op {certificaat:%d-%m-%Y}, vso: uitstroomprofiel "
        "arbeidsmarkt (art. 4a lid 2 Leerplichtwet 1969); bron: uitstroomprofiel vso, "
        "opgave school"
    ) in dossier
    assert "niet leerplichtig (kwalificatieplicht vervallen, art. 4a lid 2" in dossier
    # Who changed what, before and after: the audit log of the person.
    regel = Auditregel.objects.filter(object_type="persoon", actie="wijzigen").latest("pk")
    assert "kwalificatieplicht_vervallen" in regel.velden


def test_fouten_worden_in_het_nederlands_gemeld_en_niets_opgeslagen(wereld):
    persoon, client_van = wereld
    lpa = client_van("lpa", Rol.LEERPLICHTAMBTENAAR)
    antwoord = lpa.post(
        "/personen/F17/leerplichtfeiten/",
        {"twaalf_schooljaren_voltooid": "2024-06-30", "kwalificatieplicht_vervallen_grond": "pro"},
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "vul 31 juli in (art. 3 lid 1 onder a Leerplichtwet 1969)" in tekst
    assert "Vul de bron in" in tekst
    assert "Vul de datum in waarop dit is behaald" in tekst
    persoon.refresh_from_db()
    assert persoon.twaalf_schooljaren_voltooid is None
    assert persoon.kwalificatieplicht_vervallen_grond is None


def test_consulent_doorstroompunt_en_beleid_mogen_niet_vastleggen(wereld):
    _, client_van = wereld
    for naam, rol in (("dsp", Rol.CONSULENT_DOORSTROOMPUNT), ("beleid", Rol.BELEIDSMEDEWERKER)):
        client = client_van(naam, rol)
        assert client.get("/personen/F17/leerplichtfeiten/").status_code == 403
