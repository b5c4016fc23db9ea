"""The Doorstroompunt's use cases: intake from a de-registration, the traject's steps with
optimistic locking, the proposal "geen doelgroep meer" (stored: more in
test_vsv_voorstellen.py), and the warm transfer arrival."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.doorstroompunt import diensten, voorstellen
from leerplicht.doorstroompunt.models import Voorstel, Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.werkprocessen.models import Gebeurtenis, Werkproces
from portaal.fabrieken import PersoonFactory, VsvFactory, WerkprocesFactory

pytestmark = pytest.mark.django_db

VANDAAG = date(2025, 3, 3)


def ingeschreven(regio, geboren: date, **velden):
    persoon = PersoonFactory(gemeente=regio.gemeente, geboortedatum=geboren, **velden)
    Inschrijving.objects.create(persoon=persoon, school=regio.school, van=date(2022, 8, 22))
    return persoon


def test_uitschrijving_18_plus_zonder_startkwalificatie_wordt_vsv(regio):
    persoon = ingeschreven(regio, date(2005, 1, 1))
    uitkomst = diensten.meld_uitschrijving(persoon, regio.school, VANDAAG)
    assert uitkomst.melding is None
    vsv = uitkomst.vsv
    assert vsv is not None
    assert (vsv.gemeente_id, vsv.uitgeschreven, vsv.onderwijssoort) == (
        regio.gemeente.pk, VANDAAG, "mbo",
    )  # fmt: skip
    assert diensten.status(vsv, VANDAAG) == "in_behandeling"
    assert Inschrijving.objects.get(persoon=persoon).tot == VANDAAG
    # A second de-registration while the traject is open: no second traject.
    Inschrijving.objects.create(persoon=persoon, school=regio.school, van=date(2025, 4, 1))
    assert diensten.meld_uitschrijving(persoon, regio.school, date(2025, 5, 1)).vsv is None
    assert Vsv.objects.filter(persoon=persoon).count() == 1


def test_uitschrijving_onder_18_wordt_absoluut_verzuim(regio):
    persoon = ingeschreven(regio, date(2008, 6, 1))
    uitkomst = diensten.meld_uitschrijving(persoon, regio.school, VANDAAG)
    assert uitkomst.vsv is None
    melding = uitkomst.melding
    assert melding is not None
    assert (melding.soort, melding.bron, melding.status) == ("absoluut", "register", "nieuw")
    assert melding.verzuim_van == VANDAAG + timedelta(days=1)
    assert not Vsv.objects.filter(persoon=persoon).exists()


def test_18e_verjaardag_is_de_grens(regio):
    jonger = ingeschreven(regio, date(2007, 3, 4))  # 18 the day after
    precies = ingeschreven(regio, date(2007, 3, 3))  # 18 that day
    assert diensten.meld_uitschrijving(jonger, regio.school, VANDAAG).melding is not None
    assert diensten.meld_uitschrijving(precies, regio.school, VANDAAG).vsv is not None


def test_met_startkwalificatie_niets(regio):
    persoon = ingeschreven(regio, date(2004, 1, 1), startkwalificatie=date(2024, 7, 1))
    uitkomst = diensten.meld_uitschrijving(persoon, regio.school, VANDAAG)
    assert uitkomst.vsv is None and uitkomst.melding is None
    assert Inschrijving.objects.get(persoon=persoon).tot == VANDAAG


def test_uitschrijving_zonder_inschrijving_slaat_niets_op(regio):
    persoon = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(2005, 1, 1))
    with pytest.raises(diensten.Regelfout) as fout:
        diensten.meld_uitschrijving(persoon, regio.school, VANDAAG)
    assert fout.value.veld == "datum"
    assert not Vsv.objects.exists()


def test_traject_monitoring_en_afronden(regio):
    vsv = VsvFactory(persoon=ingeschreven(regio, date(2004, 1, 1)), gemeente=regio.gemeente,
                     uitgeschreven=date(2024, 10, 1))  # fmt: skip
    vsv = diensten.naar_monitoring(
        vsv, resultaat="werk_kort", datum=date(2025, 1, 10), toelichting="", door="c", versie=1
    )
    assert diensten.status(vsv, date(2025, 1, 10)) == "monitoring"
    assert (vsv.versie, vsv.resultaat) == (2, "werk_kort")
    with pytest.raises(diensten.Regelfout):  # already in monitoring
        diensten.naar_monitoring(
            vsv, resultaat="zzp", datum=date(2025, 2, 1), toelichting="", door="c", versie=2
        )
    vsv = diensten.leg_monitoring_vast(
        vsv, resultaat="werk_6mnd", datum=date(2025, 7, 10), toelichting="", door="c", versie=2
    )
    assert vsv.laatste_monitoring == date(2025, 7, 10)
    with pytest.raises(diensten.Regelfout):  # a closing result is no monitoring result
        diensten.rond_af(
            vsv, resultaat="werk_6mnd", datum=date(2025, 8, 1), toelichting="", door="c", versie=3
        )
    vsv = diensten.rond_af(
        vsv, resultaat="school", datum=date(2025, 8, 1), toelichting="", door="c", versie=3
    )
    assert diensten.status(vsv, date(2025, 8, 1)) == "afgerond"
    with pytest.raises(diensten.Regelfout):
        diensten.rond_af(
            vsv, resultaat="overig", datum=date(2025, 9, 1), toelichting="", door="c", versie=4
        )


def test_versieconflict_overschrijft_niets(regio):
    vsv = VsvFactory(persoon=ingeschreven(regio, date(2004, 1, 1)), gemeente=regio.gemeente,
                     uitgeschreven=date(2024, 10, 1))  # fmt: skip
    diensten.naar_monitoring(
        vsv, resultaat="werk_kort", datum=date(2025, 1, 10), toelichting="", door="a", versie=1
    )
    with pytest.raises(diensten.Versieconflict):
        diensten.rond_af(
            vsv, resultaat="overig", datum=date(2025, 2, 1), toelichting="", door="b", versie=1
        )
    opgeslagen = Vsv.objects.get(pk=vsv.pk)
    assert (opgeslagen.afgerond_op, opgeslagen.resultaat) == (None, "werk_kort")


def test_monitoring_verlopen(regio, settings):
    settings.LEERPLICHT_VSV_MONITORING_MAANDEN = 3
    persoon = ingeschreven(regio, date(2004, 1, 1))
    vsv = VsvFactory(persoon=persoon, gemeente=regio.gemeente, uitgeschreven=date(2024, 10, 1),
                     monitoring_vanaf=date(2025, 1, 10))  # fmt: skip
    assert diensten.monitoring_verlopen([vsv], date(2025, 4, 9)) == []
    assert diensten.monitoring_verlopen([vsv], date(2025, 4, 10)) == [(vsv, date(2025, 4, 10))]
    settings.LEERPLICHT_VSV_MONITORING_MAANDEN = 6
    assert diensten.monitoring_verlopen([vsv], date(2025, 4, 10)) == []


def test_voorstel_bevestigen_sluit_op_de_verjaardag(regio):
    persoon = ingeschreven(regio, date(2002, 6, 15))  # 23 on 15-6-2025, old rule
    vsv = VsvFactory(persoon=persoon, gemeente=regio.gemeente, uitgeschreven=date(2024, 10, 1))
    voorstellen.maak_voorstellen(date(2025, 6, 14))
    assert not Voorstel.objects.exists()
    voorstellen.maak_voorstellen(date(2025, 7, 1))  # the sweep missed some days: still right
    voorstel = Voorstel.objects.get(vsv=vsv)
    # Making the proposal raised the versie: a form loaded before it is stale.
    with pytest.raises(diensten.Versieconflict):
        voorstellen.bevestig(voorstel, door="c", versie=1, vandaag=date(2025, 7, 1))
    vsv = voorstellen.bevestig(voorstel, door="c", versie=2, vandaag=date(2025, 7, 1))
    assert (vsv.afgerond_op, vsv.resultaat) == (date(2025, 6, 15), "geen_doelgroep")


def test_warme_overdracht_aannemen(regio):
    vandaag = timezone.localdate()
    persoon = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(vandaag.year - 18, 1, 1))
    overdracht = WerkprocesFactory(
        persoon=persoon, geopend=vandaag - timedelta(days=100), gesloten=vandaag,
        resultaat="overdracht_dsp",
    )  # fmt: skip
    WerkprocesFactory(gemeente=regio.gemeente, persoon__gemeente=regio.gemeente,
                      resultaat="school", gesloten=vandaag)  # fmt: skip
    alle = Werkproces.objects.all()
    assert list(diensten.overgedragen_door_leerplicht(alle)) == [overdracht]
    anders = alle.filter(gemeente=regio.ander)
    assert list(diensten.overgedragen_door_leerplicht(anders)) == []
    nieuw = diensten.neem_overdracht_aan(overdracht, door="consulent")
    assert nieuw.type == "vsv"  # no school on the day
    assert (nieuw.persoon_id, nieuw.behandelaar, nieuw.gesloten) == (persoon.pk, "consulent", None)
    assert Gebeurtenis.objects.filter(werkproces=nieuw, soort="geopend").exists()
    assert list(diensten.overgedragen_door_leerplicht(alle)) == []
    with pytest.raises(diensten.Regelfout):
        diensten.neem_overdracht_aan(overdracht, door="consulent")
    assert Werkproces.objects.filter(persoon=persoon).count() == 2


def test_overdracht_van_ingeschrevene_wordt_verzuim_18plus(regio):
    vandaag = timezone.localdate()
    persoon = ingeschreven(regio, date(vandaag.year - 18, 1, 1))
    overdracht = WerkprocesFactory(persoon=persoon, gesloten=vandaag, resultaat="overdracht_dsp")
    assert diensten.neem_overdracht_aan(overdracht, door="c").type == "verzuim_18plus"
    assert not Melding.objects.filter(persoon=persoon).exists()


def test_verhuisd_binnen_de_regio_het_traject_gaat_mee(regio):
    """The person moves to the other gemeente of the region: confirming moves the open
    traject there (its consulent sees it now), nothing is closed."""
    persoon = ingeschreven(regio, date(2005, 1, 1))
    vsv = VsvFactory(persoon=persoon, gemeente=regio.gemeente, uitgeschreven=date(2024, 10, 1))
    Persoon.objects.filter(pk=persoon.pk).update(gemeente=regio.ander)
    assert voorstellen.maak_voorstellen(date(2025, 3, 3)).nieuw == 1
    [voorstel] = Voorstel.objects.all()
    assert (voorstel.vsv_id, voorstel.reden, voorstel.naar_gemeente) == (
        vsv.pk, "meeverhuizen", regio.ander.pk,
    )  # fmt: skip
    vsv.refresh_from_db()
    vsv = voorstellen.bevestig(voorstel, door="c", versie=vsv.versie, vandaag=date(2025, 3, 3))
    assert (vsv.gemeente_id, vsv.afgerond_op, vsv.resultaat) == (regio.ander.pk, None, None)
    assert voorstellen.maak_voorstellen(date(2025, 3, 4)).nieuw == 0
