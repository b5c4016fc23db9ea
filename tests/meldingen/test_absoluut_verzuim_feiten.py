"""Absoluut verzuim and the facts that end a leerplicht early (issue 13, items 3, 5, 9).

Service level: the nightly sweep (`meldingen.absoluut_verzuim.signaleer`) and a
de-registration (`doorstroompunt.diensten.meld_uitschrijving`) make no melding for a pupil
who is not leerplichtig; what the user sees: the queue and the dossier say so in Dutch,
with the article. And a property test: the sweep's SQL filter agrees with
`domein.leerplicht.leerplichtstatus` person by person.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domein.datumstrategieen import datums, peildatum_en_geboortedatum
from leerplicht.domein.leerplicht import is_leer_of_kwalificatieplichtig, leerplichtstatus
from leerplicht.doorstroompunt import diensten
from leerplicht.dossier.opbouw import dossier_voor
from leerplicht.meldingen import route
from leerplicht.meldingen.absoluut_verzuim import (
    leerplichtig_op,
    signaleer,
    zonder_school_of_vrijstelling,
)
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.vrijstellingen.models import Vrijstelling

D = date.fromisoformat


def _persoon(regio, pk: str, geboren: str, **feiten) -> Persoon:
    return Persoon.objects.create(
        id=pk, geboortedatum=D(geboren), gemeente=regio.gemeente, **feiten
    )


def _ingeschreven(regio, persoon: Persoon, school=None, van: str = "2022-08-22") -> None:
    Inschrijving.objects.create(persoon=persoon, school=school or regio.school, van=D(van))


def _absoluut(persoon: Persoon) -> list[Melding]:
    return list(Melding.objects.filter(persoon=persoon, soort="absoluut").order_by("datum"))


# --- item 5: not yet leerplichtig -----------------------------------------------------------


def test_item5_kleuter_uitgeschreven_geeft_geen_melding(regio, als):
    vandaag = timezone.localdate()
    geboren = date(vandaag.year - 4, 1, 10)  # 4 years old all this year
    kleuter = _persoon(regio, "K4", geboren.isoformat())
    _ingeschreven(regio, kleuter, van=date(vandaag.year - 1, 1, 11).isoformat())
    uitkomst = diensten.meld_uitschrijving(kleuter, regio.school, vandaag)
    assert uitkomst.melding is None and uitkomst.vsv is None
    assert _absoluut(kleuter) == []
    assert signaleer(vandaag).aantal == 0
    # The user sees it: nothing in the queue, and the dossier says why, with the article.
    wachtrij = als(regio.administratie).get("/meldingen/").content.decode()
    assert "K4" not in wachtrij
    dossier = als(regio.administratie).get("/personen/K4/").content.decode()
    assert (
        f"niet leerplichtig (nog niet leerplichtig: leerplichtig vanaf 01-02-{vandaag.year + 1}, "
        "art. 3 lid 1 Leerplichtwet 1969)"
    ) in dossier


def test_item5_vanaf_de_eerste_dag_van_de_maand_na_de_vijfde_verjaardag(regio):
    kind = _persoon(regio, "K5", "2020-10-10")
    assert signaleer(D("2025-10-31")).aantal == 0
    assert [m.persoon_id for m in Melding.objects.filter(soort="absoluut")] == []
    assert signaleer(D("2025-11-01")).aantal == 1
    assert len(_absoluut(kind)) == 1


# --- item 3: kwalificatieplicht vervallen (art. 4a lid 2) -----------------------------------


def test_item3_pro_certificaat_uitgeschreven_geeft_geen_melding(regio, als):
    """The probe: 16-17, leaves praktijkonderwijs with a certificate; de-registered."""
    vandaag = timezone.localdate()
    certificaat = vandaag - timedelta(days=40)
    pro = regio.school
    pro.onderwijssoort = "pro"
    pro.save()
    leerling = _persoon(
        regio,
        "PRO17",
        date(vandaag.year - 17, 1, 1).isoformat(),  # 17 all this year
        kwalificatieplicht_vervallen=certificaat,
        kwalificatieplicht_vervallen_grond="pro",
        kwalificatieplicht_vervallen_bron="getuigschrift praktijkonderwijs",
    )
    _ingeschreven(regio, leerling, pro, van=date(vandaag.year - 5, 8, 20).isoformat())
    uitkomst = diensten.meld_uitschrijving(leerling, pro, certificaat)
    assert uitkomst.melding is None and uitkomst.vsv is None
    # The nightly sweep makes none either, night after night.
    for dagen in (39, 20, 1, 0):
        assert signaleer(vandaag - timedelta(days=dagen)).aantal == 0
    assert _absoluut(leerling) == []
    wachtrij = als(regio.administratie).get("/meldingen/").content.decode()
    assert "PRO17" not in wachtrij
    dossier = als(regio.administratie).get("/personen/PRO17/").content.decode()
    assert (
        f"kwalificatieplicht vervallen op {certificaat:%d-%m-%Y}, praktijkonderwijs: "
        "certificaat of diploma (art. 4a lid 2 Leerplichtwet 1969); bron: getuigschrift "
        "praktijkonderwijs"
    ) in dossier
    assert "niet leerplichtig (kwalificatieplicht vervallen, art. 4a lid 2" in dossier


def test_item3_geen_nieuw_signaal_na_ter_kennisneming_zolang_niets_verandert(regio):
    """The probe of the issue: ter kennisneming, and the next night a new one. No more."""
    leerling = _persoon(regio, "A17", "2008-03-01")
    _ingeschreven(regio, leerling)
    Inschrijving.objects.filter(persoon=leerling).update(tot=D("2025-01-31"))
    eerste = signaleer(D("2025-02-03"))
    assert eerste.aantal == 1
    melding = Melding.objects.get(pk=eerste.meldingsnummers[0])
    route.ter_kennisneming(melding, melding.versie)
    for dag in ("2025-02-04", "2025-02-05", "2025-06-01"):
        assert signaleer(D(dag)).aantal == 0
    assert len(_absoluut(leerling)) == 1
    # The situation changes: enrolled again and de-registered again. A new episode.
    Inschrijving.objects.create(
        persoon=leerling, school=regio.mbo, van=D("2025-06-02"), tot=D("2025-06-20")
    )
    assert signaleer(D("2025-06-23")).aantal == 1
    assert len(_absoluut(leerling)) == 2


def test_na_een_gesloten_werkproces_geen_nieuw_signaal_voor_dezelfde_episode(regio):
    leerling = _persoon(regio, "A12", "2012-06-01")  # never enrolled: episode since birth
    [nummer] = signaleer(D("2025-03-05")).meldingsnummers
    m = Melding.objects.get(pk=nummer)
    route.compleet(m, m.versie)
    m.refresh_from_db()
    w = route.overdragen(m, m.versie, door="admin", vandaag=D("2025-03-05")).werkproces
    w.gesloten, w.resultaat = D("2025-04-01"), "overig"
    w.save()
    assert signaleer(D("2025-04-02")).aantal == 0
    assert len(_absoluut(leerling)) == 1


# --- item 9: twaalf volledige schooljaren (art. 3 lid 1 onder a) ----------------------------


def test_item9_twaalf_schooljaren_maakt_kwalificatieplichtig(regio):
    leerling = _persoon(
        regio,
        "T12",
        "2009-11-15",
        twaalf_schooljaren_voltooid=D("2025-07-31"),
        twaalf_schooljaren_bron="opgave school",
    )
    dossier = dossier_voor(regio.administratie, "T12", peildatum=D("2025-10-01"))
    assert dossier.leerplicht_vandaag == "kwalificatieplichtig"
    assert dossier.leerplichtfeiten == [
        "volledige leerplicht geëindigd na twaalf volledige schooljaren op 31-07-2025 "
        "(art. 3 lid 1 onder a Leerplichtwet 1969); bron: opgave school"
    ]
    # With a pro certificate after the twelve years there is no kwalificatieplicht either:
    # the sweep makes no melding (by age alone it would: volledig leerplichtig).
    leerling.kwalificatieplicht_vervallen = D("2025-07-10")
    leerling.kwalificatieplicht_vervallen_grond = "pro"
    leerling.save()
    assert signaleer(D("2025-10-01")).aantal == 0
    assert dossier_voor(
        regio.administratie, "T12", peildatum=D("2025-10-01")
    ).leerplicht_vandaag == (
        "niet leerplichtig (kwalificatieplicht vervallen, art. 4a lid 2 Leerplichtwet 1969)"
    )


# --- item 1's part: a vrijstelling without geldig_tot (art. 6 lid 2 en 3) -------------------


def _vrijstelling(regio, persoon, grond: str, van: str, nooit: bool = False) -> None:
    Vrijstelling.objects.create(
        id=f"V-{persoon.pk}", persoon=persoon, gemeente=regio.gemeente, grond=grond,
        aangevraagd=D(van) - timedelta(days=30), besluit="toegekend",
        besluitdatum=D(van) - timedelta(days=10), geldig_van=D(van), nooit_naar_school=nooit,
    )  # fmt: skip


def test_vrijstelling_zonder_einddatum_dekt_tot_31_juli(regio):
    eens = _persoon(regio, "V1", "2014-01-01")
    _vrijstelling(regio, eens, "5b", "2024-09-01")
    nooit = _persoon(regio, "V2", "2014-01-01")
    _vrijstelling(regio, nooit, "5a", "2024-09-01", nooit=True)
    assert signaleer(D("2025-07-31")).aantal == 0
    nummers = signaleer(D("2025-08-01")).meldingsnummers
    assert [Melding.objects.get(pk=n).persoon_id for n in nummers] == ["V1"]


# --- property: the sweep's filter is the rule ------------------------------------------------

_feit = st.one_of(st.none(), datums)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    paar=peildatum_en_geboortedatum(),
    startkwalificatie=_feit,
    twaalf=_feit,
    vervallen=_feit,
    uitgeschreven_dagen_eerder=st.one_of(st.none(), st.integers(0, 400)),
)
def test_sweep_signaleert_alleen_leer_of_kwalificatieplichtigen(
    regio, paar, startkwalificatie, twaalf, vervallen, uitgeschreven_dagen_eerder
):
    """No absoluut-verzuim melding for a pupil not leer- or kwalificatieplichtig on the
    peildatum; and every leerplichtige without school or vrijstelling gets one."""
    peildatum, geboren = paar
    Melding.objects.all().delete()
    Inschrijving.objects.all().delete()
    Persoon.objects.all().delete()
    persoon = Persoon.objects.create(
        id="P", geboortedatum=geboren, gemeente=regio.gemeente,
        startkwalificatie=startkwalificatie, twaalf_schooljaren_voltooid=twaalf,
        kwalificatieplicht_vervallen=vervallen,
        kwalificatieplicht_vervallen_grond="pro" if vervallen else None,
    )  # fmt: skip
    if uitgeschreven_dagen_eerder is not None:
        tot = peildatum - timedelta(days=uitgeschreven_dagen_eerder + 1)
        Inschrijving.objects.create(
            persoon=persoon, school=regio.school, van=tot - timedelta(days=300), tot=tot
        )
    status = leerplichtstatus(
        geboren, peildatum, startkwalificatie=startkwalificatie,
        twaalf_schooljaren_voltooid=twaalf, kwalificatieplicht_vervallen=vervallen,
    )  # fmt: skip
    plichtig = is_leer_of_kwalificatieplichtig(status)
    assert Persoon.objects.filter(leerplichtig_op(peildatum)).exists() == plichtig
    assert zonder_school_of_vrijstelling(peildatum).exists() == plichtig
    gemaakt = signaleer(peildatum)
    assert gemaakt.aantal == (1 if plichtig else 0)
