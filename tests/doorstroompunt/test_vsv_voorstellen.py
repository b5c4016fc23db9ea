"""Stored proposals "geen doelgroep meer" / "meeverhuizen" (doorstroompunt/voorstellen.py):
the daily sweep, confirming, rejecting (and not proposing again), lapsing, the screens,
and the person-data plumbing (scoping, inzage, retention)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from leerplicht.audit.inzage import inzagegegevens
from leerplicht.audit.models import Auditregel
from leerplicht.bewaren.opschonen import maak_plan, voer_uit
from leerplicht.domein.rollen import Rol
from leerplicht.doorstroompunt import diensten, voorstellen
from leerplicht.doorstroompunt.models import Voorstel, Vsv
from leerplicht.doorstroompunt.tasks import vsv_voorstellen_maken
from leerplicht.doorstroompunt.voorstellen import maak_voorstellen
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid
from paginaregels import zonder_inline_script_of_stijl
from portaal.fabrieken import GemeenteFactory, PersoonFactory, VsvFactory
from toegang.toegangswereld import maak_gebruiker

pytestmark = pytest.mark.django_db

DAG = date(2025, 3, 3)


def traject(regio, geboren: date = date(2004, 1, 1), **velden) -> Vsv:
    persoon = PersoonFactory(gemeente=regio.gemeente, geboortedatum=geboren)
    velden.setdefault("uitgeschreven", date(2024, 10, 1))
    return VsvFactory(persoon=persoon, gemeente=regio.gemeente, **velden)


def verhuis(vsv: Vsv, gemeente) -> None:
    Persoon.objects.filter(pk=vsv.persoon_id).update(gemeente=gemeente)


def open_voorstel(vsv: Vsv) -> Voorstel | None:
    return Voorstel.objects.filter(vsv=vsv, status="open").first()


def versie(vsv: Vsv) -> int:
    return Vsv.objects.get(pk=vsv.pk).versie


# --- the sweep ----------------------------------------------------------------------------


def test_sweep_is_idempotent(regio):
    oud = traject(regio, geboren=date(2001, 1, 1))  # 23 on 1-1-2024
    verhuisd = traject(regio)
    verhuis(verhuisd, regio.ander)
    niets = traject(regio)
    eerste = maak_voorstellen(DAG)
    assert (eerste.nieuw, eerste.vervallen) == (2, 0)
    assert {(v.vsv_id, v.reden, v.vanaf, v.naar_gemeente) for v in Voorstel.objects.all()} == {
        (oud.pk, "leeftijd", date(2024, 10, 1), ""),  # past the limit when the traject began
        (verhuisd.pk, "meeverhuizen", DAG, regio.ander.pk),
    }
    versies = {v.pk: v.versie for v in Vsv.objects.all()}
    assert versies == {oud.pk: 2, verhuisd.pk: 2, niets.pk: 1}
    # Again, the same day and the next: nothing changes, no versie moves.
    for dag in (DAG, DAG + timedelta(days=1)):
        telling = maak_voorstellen(dag)
        assert (telling.nieuw, telling.vervallen, telling.eerder_afgewezen) == (0, 0, 0)
    assert Voorstel.objects.count() == 2
    assert {v.pk: v.versie for v in Vsv.objects.all()} == versies
    # The move keeps the day it was first seen.
    assert open_voorstel(verhuisd).vanaf == DAG
    assert Auditregel.objects.filter(actie="aanmaken", object_type="vsv_voorstellen").count() == 3


@pytest.mark.parametrize(
    ("geboren", "dag_ervoor", "dag"),
    [
        # 23 on 31-12-2025, under the old rule: the proposal that day, not the day before.
        (date(2002, 12, 31), date(2025, 12, 30), date(2025, 12, 31)),
        # 23 on 1-1-2026, in scope of the 2026 law: nothing at 23, the proposal at 27.
        (date(2003, 1, 1), date(2029, 12, 31), date(2030, 1, 1)),
    ],
)
def test_sweep_op_de_juiste_dag_rond_de_wetswijziging(regio, geboren, dag_ervoor, dag):
    vsv = traject(regio, geboren=geboren, uitgeschreven=date(2024, 9, 1))
    if geboren == date(2003, 1, 1):
        assert maak_voorstellen(date(2026, 1, 1)).nieuw == 0  # turns 23: still in the doelgroep
    assert maak_voorstellen(dag_ervoor).nieuw == 0
    assert open_voorstel(vsv) is None
    assert maak_voorstellen(dag).nieuw == 1
    voorstel = open_voorstel(vsv)
    assert (voorstel.reden, voorstel.vanaf, voorstel.naar_gemeente) == ("leeftijd", dag, "")


def test_afgewezen_voorstel_komt_niet_terug(regio):
    vsv = traject(regio)
    verhuis(vsv, regio.ander)
    maak_voorstellen(DAG)
    afgewezen = voorstellen.wijs_af(
        open_voorstel(vsv), door="consulent", toelichting="Verhuizing verkeerd geregistreerd.",
        versie=2,
    )  # fmt: skip
    assert (afgewezen.status, afgewezen.behandeld_door) == ("afgewezen", "consulent")
    assert afgewezen.toelichting == "Verhuizing verkeerd geregistreerd."
    assert afgewezen.behandeld_op is not None
    for dag in (DAG, DAG + timedelta(days=1), DAG + timedelta(days=30)):
        telling = maak_voorstellen(dag)
        assert (telling.nieuw, telling.eerder_afgewezen) == (0, 1)
    assert open_voorstel(vsv) is None
    assert Voorstel.objects.filter(vsv=vsv).count() == 1
    # The database holds it too: no second open-or-rejected row with the same key.
    with pytest.raises(IntegrityError), transaction.atomic():
        Voorstel.objects.create(
            vsv=vsv, reden="meeverhuizen", vanaf=DAG, naar_gemeente=regio.ander.pk
        )


def test_verhuizing_naar_een_andere_gemeente_is_een_nieuw_voorstel(regio):
    derde = GemeenteFactory(code="GM9403", naam="Verderop")
    vsv = traject(regio)
    verhuis(vsv, regio.ander)
    maak_voorstellen(DAG)
    voorstellen.wijs_af(open_voorstel(vsv), door="c", toelichting="Klopt niet.", versie=2)
    verhuis(vsv, derde)
    assert maak_voorstellen(DAG + timedelta(days=10)).nieuw == 1
    nieuw = open_voorstel(vsv)
    assert (nieuw.reden, nieuw.naar_gemeente, nieuw.vanaf) == (
        "meeverhuizen", derde.pk, DAG + timedelta(days=10),
    )  # fmt: skip


def test_nieuwer_voorstel_vervangt_het_open_voorstel(regio):
    """At most one open proposal: a newer one replaces it; the replaced one is kept as
    lapsed (nobody decided), and applies again when the situation comes back."""
    derde = GemeenteFactory(code="GM9403", naam="Verderop")
    vsv = traject(regio)
    verhuis(vsv, regio.ander)
    maak_voorstellen(DAG)
    eerste = open_voorstel(vsv)
    verhuis(vsv, derde)
    telling = maak_voorstellen(DAG + timedelta(days=1))
    assert (telling.nieuw, telling.vervallen) == (1, 1)
    eerste.refresh_from_db()
    assert (eerste.status, eerste.toelichting) == ("vervallen", voorstellen.VERVANGEN)
    assert open_voorstel(vsv).naar_gemeente == derde.pk
    # Moved back to the traject's gemeente: nothing applies, the open one lapses.
    verhuis(vsv, regio.gemeente)
    assert maak_voorstellen(DAG + timedelta(days=2)).vervallen == 1
    assert open_voorstel(vsv) is None
    assert Voorstel.objects.get(naar_gemeente=derde.pk).toelichting == voorstellen.NIET_MEER
    # And to the second gemeente again: a lapsed proposal does not block.
    verhuis(vsv, regio.ander)
    assert maak_voorstellen(DAG + timedelta(days=3)).nieuw == 1
    assert open_voorstel(vsv).naar_gemeente == regio.ander.pk
    # The database allows one open proposal per traject.
    with pytest.raises(IntegrityError), transaction.atomic():
        Voorstel.objects.create(vsv=vsv, reden="leeftijd", vanaf=DAG)


def test_gecorrigeerde_geboortedatum_laat_het_voorstel_vervallen(regio):
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    assert open_voorstel(vsv).reden == "leeftijd"
    Persoon.objects.filter(pk=vsv.persoon_id).update(geboortedatum=date(2005, 1, 1))
    assert maak_voorstellen(DAG).vervallen == 1
    assert open_voorstel(vsv) is None


# --- confirming ----------------------------------------------------------------------------


def test_bevestigen_sluit_op_de_verjaardag_met_geen_doelgroep(regio):
    vsv = traject(regio, geboren=date(2002, 6, 15))  # 23 on 15-6-2025, old rule
    maak_voorstellen(date(2025, 7, 1))
    vsv = voorstellen.bevestig(
        open_voorstel(vsv), door="consulent", versie=2, vandaag=date(2025, 7, 20)
    )
    assert (vsv.afgerond_op, vsv.resultaat) == (date(2025, 6, 15), "geen_doelgroep")
    assert vsv.toelichting == "Geen doelgroep meer: leeftijdsgrens bereikt."
    voorstel = Voorstel.objects.get(vsv=vsv)
    assert (voorstel.status, voorstel.behandeld_door) == ("bevestigd", "consulent")
    # Already decided: a second confirmation is refused.
    with pytest.raises(diensten.Regelfout):
        voorstellen.bevestig(voorstel, door="c", versie=None, vandaag=date(2025, 7, 20))


def test_bevestigen_niet_voor_de_laatste_stap(regio):
    """Past the limit when monitoring began: closed on the monitoring day, not before it."""
    vsv = traject(regio, geboren=date(2001, 1, 1), monitoring_vanaf=date(2024, 11, 1))
    maak_voorstellen(DAG)
    vsv = voorstellen.bevestig(open_voorstel(vsv), door="c", versie=2, vandaag=DAG)
    assert vsv.afgerond_op == date(2024, 11, 1)


def test_verhuisd_buiten_de_regio_sluit_op_de_dag_van_het_voorstel(regio, monkeypatch):
    """The register's gemeenten are the region; here the region is the own gemeente only."""
    monkeypatch.setattr(voorstellen, "regiogemeenten", lambda: frozenset({regio.gemeente.pk}))
    vsv = traject(regio)
    verhuis(vsv, regio.ander)
    maak_voorstellen(DAG)
    voorstel = open_voorstel(vsv)
    assert (voorstel.reden, voorstel.naar_gemeente) == ("verhuisd", regio.ander.pk)
    vsv = voorstellen.bevestig(voorstel, door="c", versie=2, vandaag=DAG + timedelta(days=9))
    assert (vsv.afgerond_op, vsv.resultaat) == (DAG, "geen_doelgroep")


def test_meeverhuizen_neemt_het_traject_mee(regio):
    vsv = traject(regio, monitoring_vanaf=date(2025, 1, 1))
    verhuis(vsv, regio.ander)
    maak_voorstellen(DAG)
    vsv = voorstellen.bevestig(open_voorstel(vsv), door="c", versie=2, vandaag=DAG)
    assert (vsv.gemeente_id, vsv.afgerond_op, vsv.monitoring_vanaf) == (
        regio.ander.pk, None, date(2025, 1, 1),
    )  # fmt: skip
    assert Voorstel.objects.get(vsv=vsv).status == "bevestigd"
    assert maak_voorstellen(DAG + timedelta(days=1)).nieuw == 0


def test_bevestigen_van_een_verouderd_voorstel_rondt_niets_af(regio):
    """The person moved on after the sweep: nothing is confirmed, the proposals are
    brought up to date at once."""
    derde = GemeenteFactory(code="GM9403", naam="Verderop")
    vsv = traject(regio)
    verhuis(vsv, regio.ander)
    maak_voorstellen(DAG)
    oud = open_voorstel(vsv)
    verhuis(vsv, derde)
    with pytest.raises(voorstellen.Voorstelvervallen):
        voorstellen.bevestig(oud, door="c", versie=2, vandaag=DAG)
    vsv.refresh_from_db()
    assert vsv.gemeente_id == regio.gemeente.pk
    oud.refresh_from_db()
    assert oud.status == "vervallen"
    assert open_voorstel(vsv).naar_gemeente == derde.pk


def test_afwijzen_vraagt_een_toelichting(regio):
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    with pytest.raises(diensten.Regelfout) as fout:
        voorstellen.wijs_af(open_voorstel(vsv), door="c", toelichting="  ", versie=2)
    assert fout.value.veld == "toelichting"
    assert open_voorstel(vsv) is not None and versie(vsv) == 2


def test_versieconflict_bij_bevestigen_en_afwijzen(regio):
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    voorstel = open_voorstel(vsv)
    with pytest.raises(diensten.Versieconflict):
        voorstellen.bevestig(voorstel, door="c", versie=1, vandaag=DAG)
    with pytest.raises(diensten.Versieconflict):
        voorstellen.wijs_af(voorstel, door="c", toelichting="Nee.", versie=1)
    voorstel.refresh_from_db()
    assert voorstel.status == "open" and Vsv.objects.get(pk=vsv.pk).afgerond_op is None


# --- a closed traject ------------------------------------------------------------------------


def test_afronden_laat_het_open_voorstel_vervallen(regio):
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    diensten.rond_af(vsv, resultaat="school", datum=DAG, toelichting="", door="c", versie=2)
    voorstel = Voorstel.objects.get(vsv=vsv)
    assert (voorstel.status, voorstel.behandeld_door) == ("vervallen", diensten.SYSTEEM)
    assert voorstel.toelichting == "Het traject is afgerond."


def test_sweep_laat_voorstel_van_elders_afgesloten_traject_vervallen(regio):
    """Closed without the screens (an import sets afgerond_op): the sweep lapses it, and no
    list shows it meanwhile."""
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    Vsv.objects.filter(pk=vsv.pk).update(afgerond_op=DAG, resultaat="school")
    vsv.refresh_from_db()
    assert voorstellen.open_voorstel(vsv) is None
    assert not voorstellen.open_voorstellen(Vsv.objects.all()).exists()
    assert maak_voorstellen(DAG).vervallen == 1
    assert Voorstel.objects.get(vsv=vsv).status == "vervallen"
    assert maak_voorstellen(DAG).vervallen == 0


# --- the screens ---------------------------------------------------------------------------


def vandaag() -> date:
    return timezone.localdate()


def oud_traject(regio) -> Vsv:
    """Past the age limit today: the sweep proposes "geen doelgroep meer"."""
    return traject(regio, geboren=date(vandaag().year - 30, 1, 1), uitgeschreven=date(2019, 1, 1))


def test_trajectpagina_toont_voorstel_en_geschiedenis(regio):
    vsv = oud_traject(regio)
    maak_voorstellen()
    url = f"/doorstroompunt/{vsv.pk}/"
    pagina = regio.consulent.get(url).content.decode()
    assert "Voorstel: geen doelgroep meer" in pagina
    assert f'action="{url}voorstel/"' in pagina and f'action="{url}voorstel/afwijzen/"' in pagina
    assert "Eerdere voorstellen" not in pagina
    antwoord = regio.consulent.post(url + "voorstel/afwijzen/", {
        "afwijzen-versie": 2, "afwijzen-toelichting": "Geboortedatum wordt gecorrigeerd.",
    })  # fmt: skip
    assert antwoord.status_code == 302 and antwoord["Location"] == url
    pagina = regio.consulent.get(url).content.decode()
    assert zonder_inline_script_of_stijl(pagina)
    assert "Voorstel: geen doelgroep meer" not in pagina
    assert "Eerdere voorstellen" in pagina and "Geboortedatum wordt gecorrigeerd." in pagina
    assert "afgewezen op" in pagina
    # The leerplichtambtenaar reads the history, gets no forms.
    lpa = regio.lpa.get(url).content.decode()
    assert "Geboortedatum wordt gecorrigeerd." in lpa and "/voorstel/" not in lpa


def test_overzicht_toont_alleen_open_opgeslagen_voorstellen(regio):
    open_ = oud_traject(regio)
    afgewezen = oud_traject(regio)
    maak_voorstellen()
    voorstellen.wijs_af(open_voorstel(afgewezen), door="c", toelichting="Nee.", versie=2)
    tekst = regio.consulent.get("/doorstroompunt/").content.decode()
    sectie = tekst[tekst.index('id="voorstellen"') : tekst.index('id="overdrachten"')]
    assert "Voorstellen (1)" in sectie
    assert f"/doorstroompunt/{open_.pk}/" in sectie
    assert f"/doorstroompunt/{afgewezen.pk}/" not in sectie
    assert "leeftijdsgrens bereikt" in sectie


def test_afwijzen_zonder_toelichting_400(regio):
    vsv = oud_traject(regio)
    maak_voorstellen()
    url = f"/doorstroompunt/{vsv.pk}/voorstel/afwijzen/"
    antwoord = regio.consulent.post(url, {"afwijzen-versie": 2, "afwijzen-toelichting": " "})
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'role="alert"' in tekst and "Schrijf op waarom u het voorstel afwijst." in tekst
    assert 'aria-describedby="id_afwijzen-toelichting-fout"' in tekst
    assert open_voorstel(vsv) is not None and versie(vsv) == 2


def test_verouderd_formulier_409(regio):
    vsv = oud_traject(regio)
    maak_voorstellen()
    url = f"/doorstroompunt/{vsv.pk}/voorstel/"
    bevestigen = regio.consulent.post(url, {"voorstel-versie": 1})
    assert bevestigen.status_code == 409
    assert "Iemand anders heeft dit vsv-traject intussen gewijzigd" in bevestigen.content.decode()
    afwijzen = regio.consulent.post(
        url + "afwijzen/", {"afwijzen-versie": 1, "afwijzen-toelichting": "Nee."}
    )
    assert afwijzen.status_code == 409
    assert open_voorstel(vsv).status == "open" and versie(vsv) == 2


def test_zonder_open_voorstel_400(regio):
    vsv = oud_traject(regio)  # the sweep has not run
    antwoord = regio.consulent.post(f"/doorstroompunt/{vsv.pk}/voorstel/", {"voorstel-versie": 1})
    assert antwoord.status_code == 400
    assert "Er is geen open voorstel voor dit vsv-traject." in antwoord.content.decode()
    assert Vsv.objects.get(pk=vsv.pk).afgerond_op is None


def test_meeverhuizen_via_het_scherm(regio):
    """After moving along, the traject is the other gemeente's: back to the overview."""
    vsv = traject(regio, geboren=date(vandaag().year - 20, 1, 1))
    verhuis(vsv, regio.ander)
    maak_voorstellen()
    pagina = regio.consulent.get(f"/doorstroompunt/{vsv.pk}/").content.decode()
    assert "Bevestigen en meeverhuizen" in pagina and "Elders" in pagina
    antwoord = regio.consulent.post(f"/doorstroompunt/{vsv.pk}/voorstel/", {"voorstel-versie": 2})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/doorstroompunt/"
    assert Vsv.objects.get(pk=vsv.pk).gemeente_id == regio.ander.pk
    assert regio.consulent_ander.get(f"/doorstroompunt/{vsv.pk}/").status_code == 200


def test_verouderd_voorstel_via_het_scherm(regio):
    vsv = traject(regio, geboren=date(vandaag().year - 20, 1, 1))
    verhuis(vsv, regio.ander)
    maak_voorstellen()
    verhuis(vsv, regio.gemeente)  # moved back before the consulent confirmed
    url = f"/doorstroompunt/{vsv.pk}/"
    antwoord = regio.consulent.post(url + "voorstel/", {"voorstel-versie": 2}, follow=True)
    assert antwoord.redirect_chain == [(url, 302)]
    assert "Dit voorstel geldt niet meer" in antwoord.content.decode()
    assert open_voorstel(vsv) is None
    assert Vsv.objects.get(pk=vsv.pk).gemeente_id == regio.gemeente.pk


# --- task and command ---------------------------------------------------------------------


def test_taak_en_opdracht(regio):
    traject(regio, geboren=date(2001, 1, 1))
    uit = io.StringIO()
    call_command("vsv-voorstellen", "--peildatum", "2025-03-03", stdout=uit)
    assert uit.getvalue().strip() == (
        "Peildatum 03-03-2025: 1 nieuwe voorstel(len), 0 vervallen, 0 eerder afgewezen, "
        "0 overgeslagen (intussen gewijzigd)."
    )
    resultaat = vsv_voorstellen_maken.enqueue().return_value
    assert resultaat == {
        "peildatum": vandaag().isoformat(), "nieuw": 0, "vervallen": 0,
        "eerder_afgewezen": 0, "overgeslagen": 0,
    }  # fmt: skip


def test_opdracht_weigert_een_ongeldige_peildatum():
    with pytest.raises(CommandError, match="geen datum"):
        call_command("vsv-voorstellen", "--peildatum", "31-02-2025")


# --- person data: scoping, inzage, retention ---------------------------------------------------


def test_voorstel_gezien_met_zijn_traject(regio):
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    voorstel = Voorstel.objects.get(vsv=vsv)
    eigen = maak_gebruiker("c.eigen", Rol.CONSULENT_DOORSTROOMPUNT, [regio.gemeente])
    ander = maak_gebruiker("c.ander", Rol.CONSULENT_DOORSTROOMPUNT, [regio.ander])
    assert beleid.mag_zien(eigen, voorstel)
    assert not beleid.mag_zien(ander, voorstel)


def test_inzage_bevat_de_voorstellen(regio):
    vsv = traject(regio, geboren=date(2001, 1, 1))
    maak_voorstellen(DAG)
    voorstellen.wijs_af(open_voorstel(vsv), door="c", toelichting="Wordt gecorrigeerd.", versie=2)
    [gegevens] = inzagegegevens(vsv.persoon)["vsv_trajecten"]
    [voorstel] = gegevens["voorstellen"]
    assert (voorstel["reden"], voorstel["status"], voorstel["toelichting"]) == (
        "leeftijd", "afgewezen", "Wordt gecorrigeerd.",
    )  # fmt: skip
    # The changes are in the audit log, about this person.
    assert Auditregel.objects.filter(
        object_type="vsv_voorstel", actie="wijzigen", persoon_id=vsv.persoon_id
    ).exists()


def test_bewaartermijn_verwijdert_de_voorstellen_met_het_traject(regio):
    """Retention deletes trajecten with QuerySet.delete(): the proposals go by CASCADE."""
    oud = PersoonFactory(gemeente=regio.gemeente, geboortedatum=date(1990, 1, 15))
    vsv = VsvFactory(persoon=oud, uitgeschreven=date(2008, 9, 1))
    Voorstel.objects.create(vsv=vsv, reden="leeftijd", vanaf=date(2013, 1, 15))
    diensten.rond_af(vsv, resultaat="geen_doelgroep", datum=date(2013, 1, 15), toelichting="",
                     door="c", versie=None)  # fmt: skip
    assert Voorstel.objects.get(vsv=vsv).status == "vervallen"
    plan = maak_plan(date(2025, 6, 1))
    assert vsv.pk in plan.vsv
    voer_uit(plan)
    assert not Vsv.objects.filter(pk=vsv.pk).exists()
    assert not Voorstel.objects.filter(vsv_id=vsv.pk).exists()
