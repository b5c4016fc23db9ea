"""The services as other code calls them (the letters of Task C): versie None, ids, errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.werkprocessen import diensten
from leerplicht.werkprocessen.models import Interventie
from portaal.fabrieken import InterventieFactory, PersoonFactory, WerkprocesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkproces():
    persoon = PersoonFactory(geboortedatum=date(2010, 5, 5))
    return WerkprocesFactory(persoon=persoon, geopend=date(2024, 9, 1))


def test_interne_aanroep_zonder_versie(werkproces):
    i = diensten.voeg_interventie_toe(
        werkproces, soort="uitnodiging", datum=date(2024, 9, 10), door="jan"
    )
    assert (i.pk, i.door, i.werkproces_id) == (f"{werkproces.pk}-I1", "jan", werkproces.pk)
    werkproces.refresh_from_db()
    assert werkproces.versie == 2


def test_id_slaat_bezette_ids_over(werkproces):
    InterventieFactory(id=f"{werkproces.pk}-I2", werkproces=werkproces)
    i = diensten.voeg_interventie_toe(
        werkproces, soort="gesprek", datum=date(2024, 9, 10), door="j"
    )
    assert i.pk == f"{werkproces.pk}-I3"


def test_proces_verbaal_velden_en_onbekende_velden(werkproces):
    pv = diensten.voeg_interventie_toe(
        werkproces,
        soort="proces_verbaal",
        datum=date(2024, 9, 10),
        door="j",
        tegen="jongere",
        verzuim="absoluut",
    )
    assert (pv.tegen, pv.verzuim) == ("jongere", "absoluut")
    with pytest.raises(TypeError):
        diensten.voeg_interventie_toe(
            werkproces, soort="gesprek", datum=date(2024, 9, 10), door="j", kleur="rood"
        )


def test_verouderde_versie_is_een_conflict(werkproces):
    with pytest.raises(diensten.Versieconflict) as fout:
        diensten.voeg_notitie_toe(werkproces, tekst="x", door="j", versie=7)
    assert str(fout.value) == diensten.CONFLICTMELDING


def test_regelfout_slaat_niets_op(werkproces):
    morgen = timezone.localdate() + timedelta(days=1)
    with pytest.raises(diensten.Regelfout) as fout:
        diensten.voeg_interventie_toe(werkproces, soort="gesprek", datum=morgen, door="j", versie=1)
    assert fout.value.fouten == {
        "datum": ["De datum van een interventie kan niet in de toekomst liggen."]
    }
    werkproces.refresh_from_db()
    assert werkproces.versie == 1 and not Interventie.objects.exists()


def test_geen_interventie_in_gesloten_werkproces(werkproces):
    diensten.sluit(werkproces, resultaat="school", datum=date(2024, 10, 1), door="j", versie=None)
    with pytest.raises(diensten.Regelfout, match="Dit werkproces is gesloten op 1 oktober 2024"):
        diensten.voeg_interventie_toe(
            werkproces, soort="gesprek", datum=date(2024, 10, 2), door="j"
        )
