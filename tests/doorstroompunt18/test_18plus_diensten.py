"""Verzuim 18+ and zorg en preventie 18+ on the werkproces: the repeated-melding rule at
the hand-over (meldingen.route.overdragen), the outcome and the traject."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from leerplicht.meldingen import melding_18plus, route
from leerplicht.meldingen.models import Melding
from leerplicht.versiebeheer import Versieconflict
from leerplicht.werkprocessen import verzuim_18plus as dienst
from leerplicht.werkprocessen.diensten import Regelfout
from leerplicht.werkprocessen.models import Gebeurtenis, Werkproces

pytestmark = pytest.mark.django_db


def _melding(r, nummer, datum, actie, status="compleet"):
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=r.persoon, gemeente=r.gemeente, datum=datum,
        soort="18plus", school=r.mbo, status=status, bron="duo", actie_gewenst=actie,
    )  # fmt: skip


def _over(melding):
    return route.overdragen(melding, melding.versie, door="admin", vandaag=melding.datum)


def _contact_gebeurtenissen(werkproces):
    return Gebeurtenis.objects.filter(werkproces=werkproces, soort="contact_gevraagd")


def test_tweede_melding_zonder_actie_op_tijdlijn_van_lopend_werkproces(regio18):
    eerste = _melding(regio18, "M1", date(2024, 10, 1), False)
    o1 = _over(eerste)
    assert o1.werkproces.type == "verzuim_18plus"
    assert not _contact_gebeurtenissen(o1.werkproces).exists()

    tweede = _melding(regio18, "M2", date(2025, 2, 1), False)
    o2 = _over(tweede)
    assert (o2.werkproces.pk, o2.nieuw) == (o1.werkproces.pk, False)
    [g] = _contact_gebeurtenissen(o2.werkproces)
    assert "contact ondanks geen actie gewenst (herhaald)" in g.omschrijving
    assert "M2" in g.omschrijving and "nummer 2" in g.omschrijving
    b = melding_18plus.beoordeling(tweede)
    assert (b.contact_ondanks, b.recidive) == (True, 1)


def test_herhaling_na_gesloten_werkproces_in_zelfde_schooljaar_opent_nieuw(regio18):
    eerste = _melding(regio18, "M1", date(2024, 10, 1), False)
    w = _over(eerste).werkproces
    Werkproces.objects.filter(pk=w.pk).update(gesloten=date(2024, 11, 1), resultaat="overig")
    tweede = _melding(regio18, "M2", date(2025, 2, 1), False)
    o = _over(tweede)
    assert o.nieuw and _contact_gebeurtenissen(o.werkproces).count() == 1


def test_geen_herhaling_bij_eerdere_melding_met_actie(regio18):
    route.overdragen(_melding(regio18, "M1", date(2024, 10, 1), True), 1, door="admin")
    o = route.overdragen(_melding(regio18, "M2", date(2025, 2, 1), False), 1, door="admin")
    assert not _contact_gebeurtenissen(o.werkproces).exists()


def test_ingetrokken_melding_telt_niet(regio18):
    _melding(regio18, "M1", date(2024, 10, 1), False, status="ingetrokken")
    b = melding_18plus.beoordeling(_melding(regio18, "M2", date(2025, 2, 1), False))
    assert (b.contact_ondanks, b.recidive) == (False, 0)


def test_andere_soort_melding_geen_beoordeling(regio18):
    m = _melding(regio18, "M1", date(2024, 10, 1), False)
    m.soort = "wettelijk"
    assert melding_18plus.beoordeling(m) is None


def test_uitkomst_vastleggen_met_versie(regio18):
    w = route.overdragen(_melding(regio18, "M1", date(2024, 10, 1), True), 1, door="a").werkproces
    w = dienst.leg_uitkomst_vast(w, uitkomst="andere_opleiding", door="dsp", versie=w.versie)
    w.refresh_from_db()
    assert (w.uitkomst_18plus, w.versie) == ("andere_opleiding", 2)
    assert Gebeurtenis.objects.filter(werkproces=w, omschrijving__contains="andere opleiding")
    with pytest.raises(Versieconflict):
        dienst.leg_uitkomst_vast(w, uitkomst="gestopt", door="dsp", versie=1)
    w.refresh_from_db()
    assert w.uitkomst_18plus == "andere_opleiding"


def test_uitkomst_alleen_bij_18plus_en_uit_de_lijst(regio18):
    w = Werkproces.objects.create(
        id="W1", persoon=regio18.persoon, gemeente=regio18.gemeente, type="relatief_verzuim",
        geopend=date(2024, 9, 1),
    )  # fmt: skip
    with pytest.raises(Regelfout, match="alleen bij een werkproces verzuim 18"):
        dienst.leg_uitkomst_vast(w, uitkomst="gestopt", door="dsp", versie=1)
    w.type = "verzuim_18plus"
    with pytest.raises(Regelfout, match="Kies een uitkomst"):
        dienst.leg_uitkomst_vast(w, uitkomst="onzin", door="dsp", versie=1)


def test_database_weigert_onbekende_codes(regio18):
    w = Werkproces.objects.create(
        id="W1", persoon=regio18.persoon, gemeente=regio18.gemeente, type="verzuim_18plus",
        geopend=date(2024, 9, 1),
    )  # fmt: skip
    assert w.uitkomst_18plus is None and w.reden_18plus is None
    for veld in ("uitkomst_18plus", "reden_18plus"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Werkproces.objects.filter(pk="W1").update(**{veld: "onzin"})


def test_traject_zorg_preventie_openen(regio18):
    w = dienst.open_zorg_preventie_traject(
        regio18.persoon, regio18.gemeente, reden="geen_bbl_baan", door="dsp.de.boer",
        vandaag=date(2025, 3, 5),
    )  # fmt: skip
    w.refresh_from_db()
    assert (w.type, w.reden_18plus, w.behandelaar) == (
        "zorg_preventie_18plus", "geen_bbl_baan", "dsp.de.boer",
    )  # fmt: skip
    assert Gebeurtenis.objects.filter(werkproces=w, omschrijving__contains="geen BBL-baan")
    with pytest.raises(Regelfout, match="Kies een reden"):
        dienst.open_zorg_preventie_traject(regio18.persoon, regio18.gemeente, reden="x", door="d")
