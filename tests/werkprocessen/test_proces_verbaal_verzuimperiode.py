"""Issue 13, item 2: a proces-verbaal after the 18th birthday (or after a
startkwalificatie) about verzuim from before it, through the service and the page; the
figures still count it in the year of the PV date; and Halt ends at 18."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.cijfers.context import Rapportcontext
from leerplicht.cijfers.secties import handhaving
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.werkprocessen import diensten
from leerplicht.werkprocessen.models import Interventie, Werkproces
from portaal.fabrieken import PersoonFactory, WerkprocesFactory
from werkprocessen.werkproceszaak import Zaak

pytestmark = pytest.mark.django_db


def vandaag() -> date:
    return timezone.localdate()


def achttien_sinds(dagen: int) -> date:
    """A birth date: the 18th birthday `dagen` days ago (never on 29 February)."""
    achttien = vandaag() - timedelta(days=dagen)
    if (achttien.month, achttien.day) == (2, 29):
        achttien -= timedelta(days=1)
    return achttien.replace(year=achttien.year - 18)


@pytest.fixture
def achttienjarige(zaak: Zaak) -> Werkproces:
    """A werkproces of the zaak's gemeente for a pupil who turned 18 a month ago."""
    persoon = PersoonFactory(gemeente=zaak.werkproces.gemeente, geboortedatum=achttien_sinds(30))
    return WerkprocesFactory(persoon=persoon, geopend=vandaag() - timedelta(days=500))


def pv(werkproces: Werkproces, **velden) -> Interventie:
    return diensten.voeg_interventie_toe(
        werkproces,
        soort="proces_verbaal",
        datum=vandaag(),
        door="lpa",
        tegen="jongere",
        verzuim="relatief",
        **velden,
    )


def test_proces_verbaal_na_achttien_over_verzuim_daarvoor_wordt_vastgelegd(achttienjarige):
    van, tot = vandaag() - timedelta(days=400), vandaag() - timedelta(days=380)
    i = pv(achttienjarige, verzuim_van=van, verzuim_tot=tot)
    assert (i.datum, i.verzuim_van, i.verzuim_tot) == (vandaag(), van, tot)
    # The figures count the PV in the school year of its own date, not of the verzuim.
    gemeente = achttienjarige.gemeente_id
    dit_jaar, verzuimjaar = Schooljaar.van_datum(vandaag()), Schooljaar.van_datum(van)
    assert dit_jaar != verzuimjaar
    for jaar, aantal in ((dit_jaar, 1), (verzuimjaar, 0)):
        ctx = Rapportcontext(jaar, jaar.standaard_peildatum, (gemeente,))
        assert handhaving.bereken(ctx)[gemeente]["proces_verbaal"]["relatief"] == aantal


def test_proces_verbaal_over_verzuim_na_achttien_blijft_geweigerd(achttienjarige):
    with pytest.raises(diensten.Regelfout) as fout:
        pv(achttienjarige, verzuim_van=vandaag() - timedelta(days=20))
    assert "art. 22 lid 2 en 3 Leerplichtwet" in fout.value.meldingen[0]
    assert not Interventie.objects.filter(soort="proces_verbaal").exists()


def test_proces_verbaal_na_startkwalificatie_over_verzuim_daarvoor(zaak: Zaak):
    persoon = PersoonFactory(
        gemeente=zaak.werkproces.gemeente,
        geboortedatum=achttien_sinds(-200),  # 17
        startkwalificatie=vandaag() - timedelta(days=30),
    )
    w = WerkprocesFactory(persoon=persoon, geopend=vandaag() - timedelta(days=300))
    with pytest.raises(diensten.Regelfout):
        pv(w)  # about today: after the startkwalificatie
    i = pv(w, verzuim_van=vandaag() - timedelta(days=90))
    assert i.verzuim_tot is None


def test_halt_voor_achttienjarige_geweigerd(achttienjarige):
    with pytest.raises(diensten.Regelfout) as fout:
        diensten.voeg_interventie_toe(achttienjarige, soort="halt", datum=vandaag(), door="lpa")
    assert fout.value.fouten["soort"][0].startswith("Een Halt-verwijzing kan alleen tot 18 jaar")
    assert "art. 77e Wetboek van Strafrecht" in fout.value.fouten["soort"][0]


# --- through the page ---------------------------------------------------------------------


def formulier(w: Werkproces, **velden: str) -> dict[str, str]:
    data = {
        "interventie-versie": str(w.versie),
        "interventie-datum": vandaag().isoformat(),
        "interventie-soort": "proces_verbaal",
        "interventie-tegen": "ouders",
        "interventie-verzuim": "absoluut",
    }
    return data | {f"interventie-{k}": v for k, v in velden.items()}


def test_pagina_proces_verbaal_na_achttien_met_periode(zaak: Zaak, achttienjarige):
    url = f"/werkprocessen/{achttienjarige.pk}/interventie/"
    # Without the period the PV date counts: 18, refused with the article.
    antwoord = zaak.lpa.post(url, formulier(achttienjarige))
    assert antwoord.status_code == 400
    assert "art. 22 lid 2 en 3 Leerplichtwet" in antwoord.content.decode()
    van = vandaag() - timedelta(days=400)
    antwoord = zaak.lpa.post(
        url, formulier(achttienjarige, verzuim_van=van.isoformat(), verzuim_tot="")
    )
    assert antwoord.status_code == 302
    i = Interventie.objects.get(werkproces=achttienjarige)
    assert (i.datum, i.verzuim_van) == (vandaag(), van)
    pagina = zaak.lpa.get(f"/werkprocessen/{achttienjarige.pk}/").content.decode()
    assert f"over verzuim van {van:%d-%m-%Y}" in pagina


def test_proces_verbaal_over_verzuim_na_vervallen_kwalificatieplicht(zaak: Zaak):
    """Art. 22 with art. 4a lid 2: after a pro certificate there is no kwalificatieplicht
    to fail, so a PV about verzuim after it is refused; about verzuim before it, allowed."""
    certificaat = vandaag() - timedelta(days=60)
    persoon = PersoonFactory(
        gemeente=zaak.werkproces.gemeente,
        geboortedatum=achttien_sinds(-300),  # 17
        kwalificatieplicht_vervallen=certificaat,
        kwalificatieplicht_vervallen_grond="pro",
    )
    w = WerkprocesFactory(persoon=persoon, geopend=vandaag() - timedelta(days=300))
    with pytest.raises(diensten.Regelfout) as fout:
        pv(w, verzuim_van=certificaat + timedelta(days=7))
    assert "art. 22 lid 2 en 3 Leerplichtwet" in fout.value.meldingen[0]
    assert not Interventie.objects.filter(werkproces=w).exists()
    i = pv(w, verzuim_van=certificaat - timedelta(days=30), verzuim_tot=certificaat)
    assert i.verzuim_tot == certificaat
