"""Recording the facts that end a leerplicht early, on the dossier (issue 13, items 3, 9).

The administratie completes the dossier: it records the date and source of twelve full
school years (art. 3 lid 1 onder a) or a lapsed kwalificatieplicht (art. 4a lid 2); the
dossier then shows them, in Dutch with the article, and the status that follows.
"""

from __future__ import annotations

import re
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


def stand_op(pagina) -> str:
    """The lock the page carries, as a browser would send it back."""
    gevonden = re.search(r'name="stand" value="([0-9a-f]+)"', pagina.content.decode())
    assert gevonden, "het formulier draagt zijn stand niet mee"
    return gevonden.group(1)


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
            "stand": stand_op(formulier),
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


def test_twee_tegelijk_de_tweede_krijgt_een_conflict(wereld):
    """The optimistic lock: both load the form, the first saves, the second is told and
    nothing of the second is stored (the first's facts stay)."""
    persoon, client_van = wereld
    een, twee = (
        client_van("een", Rol.ADMINISTRATIEF_MEDEWERKER),
        client_van("twee", Rol.LEERPLICHTAMBTENAAR),
    )
    stand_een = stand_op(een.get("/personen/F17/leerplichtfeiten/"))
    stand_twee = stand_op(twee.get("/personen/F17/leerplichtfeiten/"))
    dag = timezone.localdate().replace(day=1)
    eerste = {
        "stand": stand_een,
        "kwalificatieplicht_vervallen": dag.isoformat(),
        "kwalificatieplicht_vervallen_grond": "pro",
        "kwalificatieplicht_vervallen_bron": "certificaat",
    }
    assert een.post("/personen/F17/leerplichtfeiten/", eerste).status_code == 302
    tweede = eerste | {
        "stand": stand_twee,
        "kwalificatieplicht_vervallen_grond": "vso_dagbesteding",
    }
    antwoord = twee.post("/personen/F17/leerplichtfeiten/", tweede)
    assert antwoord.status_code == 400
    assert "Iemand anders heeft de gegevens over het einde van de leerplicht intussen" in (
        antwoord.content.decode()
    )
    persoon.refresh_from_db()
    assert persoon.kwalificatieplicht_vervallen_grond == "pro"
    # Without a stand (an old page, a script) nothing is saved either.
    zonder = eerste | {"stand": "", "kwalificatieplicht_vervallen_bron": "anders"}
    assert een.post("/personen/F17/leerplichtfeiten/", zonder).status_code == 400
    persoon.refresh_from_db()
    assert persoon.kwalificatieplicht_vervallen_bron == "certificaat"


def test_onmogelijke_datum_voor_de_leeftijd_wordt_geweigerd(wereld):
    """Twelve full school years for a 17 year old cannot have ended before 31 July of the
    year of the 16th birthday (school from age 4)."""
    persoon, client_van = wereld
    admin = client_van("admin", Rol.ADMINISTRATIEF_MEDEWERKER)
    stand = stand_op(admin.get("/personen/F17/leerplichtfeiten/"))
    te_vroeg = date(persoon.geboortedatum.year + 15, 7, 31)
    antwoord = admin.post(
        "/personen/F17/leerplichtfeiten/",
        {"stand": stand, "twaalf_schooljaren_voltooid": te_vroeg.isoformat(),
         "twaalf_schooljaren_bron": "opgave school"},
    )  # fmt: skip
    assert antwoord.status_code == 400
    vroegst = date(persoon.geboortedatum.year + 16, 7, 31)
    assert f"op zijn vroegst op {vroegst:%d-%m-%Y}" in antwoord.content.decode()
    persoon.refresh_from_db()
    assert persoon.twaalf_schooljaren_voltooid is None
