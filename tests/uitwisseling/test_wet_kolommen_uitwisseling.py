"""The project's optional columns of issue 13 beside the leerplicht facts: a withdrawn
vrijstelling's `ingetrokken_per` and the verzuim a proces-verbaal is about. They are
checked like the rest, and an export, import into an empty database and export again
give the same files: the figures of a closed year survive a move between systems."""

from __future__ import annotations

import filecmp
from datetime import date

import pytest

from leerplicht.cijfers.rapport import maak_rapport
from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.uitwisseling.exporteren import exporteer
from leerplicht.uitwisseling.importeren import importeer
from leerplicht.uitwisseling.tabellen import DOELTABELLEN
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Interventie
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

JAAR = Schooljaar(2024)


def _set() -> Uitwisselset:
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    kind = s.persoon("2012-05-06")
    s.voeg_toe(
        "vrijstellingen.csv", id="V1", persoon=kind, gemeente="GM0225", grond="5a",
        aangevraagd="2025-03-01", besluit="ingetrokken", besluitdatum="2025-03-15",
        geldig_van="2025-03-15", geldig_tot="2025-07-31", ingetrokken_per="2025-09-01",
    )  # fmt: skip
    jongere = s.persoon("2007-10-01")
    w = s.werkproces(jongere, "2025-09-01", type="relatief_verzuim")
    s.interventie(
        w, "2025-11-03", "proces_verbaal", id="I1", tegen="jongere", verzuim="relatief",
        verzuim_van="2025-09-08", verzuim_tot="2025-09-26",
    )  # fmt: skip
    return s


def test_kolommen_zijn_optioneel():
    for spec, kolommen in (
        (formaat.VRIJSTELLINGEN, ("ingetrokken_per",)),
        (formaat.INTERVENTIES, ("verzuim_van", "verzuim_tot")),
    ):
        assert set(kolommen) <= set(spec.extra_kolommen)
        assert not set(kolommen) & set(spec.verplichte_kopjes)


def test_rondgang_houdt_intrekking_en_verzuimperiode_vast(tmp_path):
    resultaat = _set().importeer(tmp_path / "bron")
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    assert Vrijstelling.objects.get(pk="V1").ingetrokken_per == date(2025, 9, 1)
    pv = Interventie.objects.get(pk="I1")
    assert (pv.verzuim_van, pv.verzuim_tot) == (date(2025, 9, 8), date(2025, 9, 26))
    voor = maak_rapport(JAAR, gemeenten=["GM0225"])["gemeenten"]["GM0225"]["vrijstellingen"]

    exporteer(tmp_path / "uit1")
    for doel in reversed(DOELTABELLEN):
        doel.model.objects.all().delete()
    assert importeer(tmp_path / "uit1").opgeslagen
    exporteer(tmp_path / "uit2")
    for naam in ("vrijstellingen.csv", "interventies.csv"):
        assert filecmp.cmp(tmp_path / "uit1" / naam, tmp_path / "uit2" / naam, shallow=False)
    na = maak_rapport(JAAR, gemeenten=["GM0225"])["gemeenten"]["GM0225"]["vrijstellingen"]
    assert na == voor


@pytest.mark.parametrize(
    ("bestand", "waarden", "verwacht"),
    [
        (
            "vrijstellingen.csv",
            {"besluit": "toegekend", "ingetrokken_per": "2025-09-01"},
            "ingetrokken_per: alleen in te vullen bij besluit ingetrokken",
        ),
        (
            "interventies.csv",
            {"soort": "gesprek", "tegen": None, "verzuim": None, "verzuim_van": "2025-09-08"},
            "verzuim_van: alleen in te vullen bij een proces-verbaal",
        ),
        (
            "interventies.csv",
            {"verzuim_van": "2025-09-26", "verzuim_tot": "2025-09-08"},
            "verzuim_tot: 2025-09-08 ligt vóór verzuim_van",
        ),
        (
            "personen.csv",
            {
                "geboortedatum": "2014-03-17",
                "twaalf_schooljaren_voltooid": "2025-07-31",
                "twaalf_schooljaren_bron": "opgave school",
            },
            "twaalf_schooljaren_voltooid: twaalf volledige schooljaren kunnen voor iemand "
            "geboren op 17-03-2014 op zijn vroegst op 31-07-2030 voltooid zijn",
        ),
    ],
)
def test_foute_waarden_worden_geweigerd_met_regel_en_kolom(tmp_path, bestand, waarden, verwacht):
    s = _set()
    s.rijen[bestand][0].update(waarden)
    resultaat = importeer(s.schrijf(tmp_path / "set"))
    assert not resultaat.opgeslagen
    assert any(verwacht in r for r in resultaat.fouten.regels()), resultaat.fouten.regels()
