"""Signals, confirming, starting and ending thuiszitperiodes (thuiszitters.signalen), the
list page, the command and the task; all built by hand on an ORM world."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.meldingen.models import Melding
from leerplicht.thuiszitters import signalen as s
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.thuiszitters.tasks import signaleer_thuiszitters
from portaal.fabrieken import (
    GemeenteFactory,
    MeldingFactory,
    PersoonFactory,
    ThuiszitterFactory,
    VrijstellingFactory,
    WerkprocesFactory,
)
from toegang.toegangswereld import aangemeld, maak_gebruiker

pytestmark = pytest.mark.django_db


def vandaag():
    """Today, asked when a test runs: a module constant goes stale across midnight."""
    return timezone.localdate()


def _leerling(gemeente, **extra):
    # 13 years old today: volledig leerplichtig.
    return PersoonFactory(
        gemeente=gemeente, geboortedatum=vandaag() - timedelta(days=13 * 365), **extra
    )


@pytest.fixture
def regio():
    eigen = GemeenteFactory(code="GM9301", naam="Thuisdorp")
    ander = GemeenteFactory(code="GM9302", naam="Verweg")
    lpa = maak_gebruiker("lpa.thuis", Rol.LEERPLICHTAMBTENAAR, [eigen])
    dsp = maak_gebruiker("dsp.thuis", Rol.CONSULENT_DOORSTROOMPUNT, [eigen])
    return eigen, ander, lpa, dsp


def _absoluut(persoon, dagen_geleden: int, **extra) -> Melding:
    return MeldingFactory(
        persoon=persoon, soort="absoluut", datum=vandaag() - timedelta(days=dagen_geleden),
        **{"status": "nieuw", **extra},
    )  # fmt: skip


def test_absoluut_verzuim_signaleert_vanaf_precies_vier_weken(regio):
    eigen, _, lpa, _ = regio
    nog_niet = _absoluut(_leerling(eigen), 27)
    wel = _absoluut(_leerling(eigen), 28)
    gevonden = s.signalen_voor(lpa, vandaag())
    assert [g.meldingsnummer for g in gevonden] == [wel.pk]
    assert nog_niet.pk not in {g.meldingsnummer for g in gevonden}
    assert gevonden[0].reden.label == "absoluut verzuim van 4 weken of langer"
    assert gevonden[0].duur == "4 weken"


def test_langdurig_met_open_werkproces_en_begin_uit_de_melding(regio):
    eigen, _, lpa, _ = regio
    p = _leerling(eigen)
    w = WerkprocesFactory(persoon=p, geopend=vandaag() - timedelta(days=10))
    m = MeldingFactory(
        persoon=p, soort="langdurig", datum=vandaag() - timedelta(days=3), werkproces=w,
        verzuim_van=vandaag() - timedelta(days=40), status="overgedragen",
    )  # fmt: skip
    (signaal,) = s.signalen_voor(lpa, vandaag())
    assert (signaal.meldingsnummer, signaal.begin) == (m.pk, m.verzuim_van)
    # Closing the werkproces resolves it.
    w.gesloten, w.resultaat = vandaag(), "school"
    w.save()
    assert s.signalen_voor(lpa, vandaag()) == []


def test_geen_signaal_bij_vrijstelling_afgehandeld_volwassen_of_historisch(regio):
    eigen, _, lpa, _ = regio
    vrij = _leerling(eigen)
    _absoluut(vrij, 60)
    VrijstellingFactory(persoon=vrij, besluitdatum=vandaag() - timedelta(days=100))
    _absoluut(_leerling(eigen), 60, status="ingetrokken")
    _absoluut(PersoonFactory(gemeente=eigen, geboortedatum=date(1990, 1, 1)), 60)
    MeldingFactory(persoon=_leerling(eigen), soort="langdurig")  # imported: no status
    assert s.signalen_voor(lpa, vandaag()) == []


def test_periode_houdt_het_signaal_weg_tot_ze_voor_de_melding_eindigde(regio):
    eigen, _, lpa, _ = regio
    p = _leerling(eigen)
    m = _absoluut(p, 50)
    periode = ThuiszitterFactory(persoon=p, van=vandaag() - timedelta(days=200))
    assert s.signalen_voor(lpa, vandaag()) == []  # open period
    periode.tot, periode.reden_einde = vandaag() - timedelta(days=60), "opgelost"
    periode.save()
    assert [g.meldingsnummer for g in s.signalen_voor(lpa, vandaag())] == [m.pk]
    periode.tot = vandaag() - timedelta(days=50)  # ended on the melding's first day
    periode.save()
    assert s.signalen_voor(lpa, vandaag()) == []


def test_een_signaal_per_persoon_en_alleen_eigen_gemeenten(regio):
    eigen, ander, lpa, dsp = regio
    p = _leerling(eigen)
    _absoluut(p, 40)
    oudste = _absoluut(p, 90)
    _absoluut(_leerling(ander), 90)
    assert [g.meldingsnummer for g in s.signalen_voor(lpa, vandaag())] == [oudste.pk]
    assert s.signalen_voor(dsp, vandaag()) == []  # no leerplicht meldingen for the DSP


def test_bevestigen_maakt_de_periode_en_daarna_geen_signaal(regio):
    eigen, _, lpa, _ = regio
    p = _leerling(eigen)
    m = _absoluut(p, 35)
    periode = s.bevestig_signaal(lpa, m.pk, vandaag(), "uit het MDO")
    assert (periode.persoon_id, periode.gemeente_id, periode.van, periode.tot) == (
        p.pk, eigen.pk, m.datum, None,
    )  # fmt: skip
    assert periode.toelichting == "uit het MDO"
    assert s.signalen_voor(lpa, vandaag()) == []
    with pytest.raises(s.Regelfout, match="niet meer open"):
        s.bevestig_signaal(lpa, m.pk, vandaag())


def test_andere_gemeente_kan_niet_bevestigen(regio):
    _, ander, lpa, _ = regio
    m = _absoluut(_leerling(ander), 35)
    with pytest.raises(s.Regelfout):
        s.bevestig_signaal(lpa, m.pk, vandaag())
    assert not Thuiszitter.objects.exists()


def test_starten_met_de_hand(regio):
    eigen, ander, lpa, _ = regio
    p = _leerling(eigen)
    with pytest.raises(s.Regelfout, match="toekomst"):
        s.start_periode(lpa, p, vandaag() + timedelta(days=1), vandaag())
    s.start_periode(lpa, p, vandaag() - timedelta(days=3), vandaag())
    with pytest.raises(s.Regelfout, match="al een open"):
        s.start_periode(lpa, p, vandaag(), vandaag())
    with pytest.raises(s.Regelfout, match="woont niet"):
        s.start_periode(lpa, _leerling(ander), vandaag(), vandaag())
    assert Thuiszitter.objects.count() == 1


def test_beeindigen_met_versie_en_regels(regio):
    eigen, _, _, _ = regio
    periode = ThuiszitterFactory(persoon=_leerling(eigen), van=vandaag() - timedelta(days=100))
    with pytest.raises(s.Regelfout, match="zowel de einddatum als de reden"):
        s.werk_periode_bij(periode, 1, vandaag(), tot=vandaag(), reden_einde=None, aanbod=None)
    with pytest.raises(s.Regelfout, match="vóór het begin"):
        s.werk_periode_bij(
            periode, 1, vandaag(), tot=periode.van - timedelta(days=1), reden_einde="opgelost",
            aanbod=None,
        )  # fmt: skip
    klaar = s.werk_periode_bij(
        periode, 1, vandaag(), tot=vandaag(), reden_einde="opgelost", aanbod=vandaag()
    )
    assert (klaar.tot, klaar.reden_einde, klaar.aanbod, klaar.versie) == (
        vandaag(), "opgelost", vandaag(), 2,
    )  # fmt: skip
    # The second person with the old versie: a conflict, nothing overwritten.
    with pytest.raises(s.Conflict):
        s.werk_periode_bij(periode, 1, vandaag(), tot=None, reden_einde=None, aanbod=None)
    assert Thuiszitter.objects.get(pk=periode.pk).reden_einde == "opgelost"
    wijziging = Auditregel.objects.filter(actie="wijzigen", object_type="thuiszitter").last()
    assert wijziging is not None and wijziging.object_id == periode.pk


# --- pages ----------------------------------------------------------------------------------


def test_lijst_sorteert_op_duur_en_markeert_het_pact_met_tekst(regio):
    eigen, ander, lpa, _ = regio
    kort = ThuiszitterFactory(persoon=_leerling(eigen), van=vandaag() - timedelta(days=40))
    lang = ThuiszitterFactory(persoon=_leerling(eigen), van=vandaag() - timedelta(days=120))
    elders = ThuiszitterFactory(persoon=_leerling(ander), van=vandaag() - timedelta(days=300))
    _absoluut(_leerling(eigen), 30)
    html = aangemeld(lpa).get("/thuiszitters/").content.decode()
    assert html.index(lang.persoon_id) < html.index(kort.persoon_id)
    assert html.count("<strong>langer dan 3 maanden</strong>") == 1
    assert "1 van de 2 periodes duren langer dan 3 maanden" in html
    assert elders.persoon_id not in html and "Verweg" not in html
    assert "Signalen, wachtend op bevestiging (1)" in html
    assert Auditregel.objects.filter(actie="inzien", object_type="thuiszitterslijst").exists()


def test_bevestigen_en_beeindigen_via_de_paginas(regio):
    eigen, _, lpa, _ = regio
    client = aangemeld(lpa)
    m = _absoluut(_leerling(eigen), 35)
    antwoord = client.post("/thuiszitters/bevestigen/", {"melding": m.pk})
    assert antwoord.status_code == 302
    periode = Thuiszitter.objects.get()
    pagina = client.get(f"/thuiszitters/{periode.pk}/")
    assert pagina.status_code == 200 and 'name="versie" value="1"' in pagina.content.decode()
    fout = client.post(f"/thuiszitters/{periode.pk}/", {"versie": "1", "tot": str(vandaag())})
    assert fout.status_code == 400
    tekst = fout.content.decode()
    assert "zowel de einddatum als de reden" in tekst and 'role="alert"' in tekst
    assert 'aria-describedby="id_reden_einde-fout"' in tekst
    goed = client.post(
        f"/thuiszitters/{periode.pk}/",
        {"versie": "1", "tot": vandaag().strftime("%d-%m-%Y"), "reden_einde": "opgelost"},
    )
    assert goed.status_code == 302
    conflict = client.post(
        f"/thuiszitters/{periode.pk}/", {"versie": "1", "aanbod": str(vandaag())}
    )
    assert conflict.status_code == 409
    assert (
        "Iemand anders heeft deze thuiszitperiode intussen gewijzigd" in conflict.content.decode()
    )
    assert Thuiszitter.objects.get().aanbod is None


def test_command_en_taak_tellen_per_gemeente(regio):
    eigen, _, _, _ = regio
    p = _leerling(eigen)
    _absoluut(p, 40)
    uit = StringIO()
    call_command("signaleer-thuiszitters", "--lijst", stdout=uit)
    assert "1 signalen van thuiszitten" in uit.getvalue()
    assert "Thuisdorp: 1" in uit.getvalue()
    assert f"persoon {p.pk}" in uit.getvalue()
    assert p.bsn is None or p.bsn not in uit.getvalue()
    resultaat = signaleer_thuiszitters.enqueue()
    assert resultaat.return_value == {"GM9301": 1}


def test_geen_signaal_na_vervallen_kwalificatieplicht(regio):
    """Issue 13: a 17 year old (full leerplicht over) who left praktijkonderwijs with a
    certificate is not kwalificatieplichtig (art. 4a lid 2), so langdurig verzuim makes
    no thuiszitter."""
    eigen, _, lpa, _ = regio
    zeventien = vandaag() - timedelta(days=17 * 365 + 30)
    met_certificaat = PersoonFactory(
        gemeente=eigen,
        geboortedatum=zeventien,
        kwalificatieplicht_vervallen=vandaag() - timedelta(days=60),
        kwalificatieplicht_vervallen_grond="pro",
    )
    zonder = PersoonFactory(gemeente=eigen, geboortedatum=zeventien)
    for persoon in (met_certificaat, zonder):
        MeldingFactory(persoon=persoon, soort="langdurig", datum=vandaag() - timedelta(days=40),
                       status="nieuw")  # fmt: skip
    assert [g.persoon_id for g in s.signalen_voor(lpa, vandaag())] == [zonder.pk]
