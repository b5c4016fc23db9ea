"""The rules behind the administratie's pages (meldingen.wachtrij): the queue's sections
with the one "te laat" rule, the buttons of a melding from the route's table and the rol,
and the one generator of meldingsnummers (meldingen.intake)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.verzuimmelding_route import ROUTE
from leerplicht.domein.verzuimstaat import is_te_laat
from leerplicht.duo.bestanden import Bestandskoppeling
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand
from leerplicht.meldingen import wachtrij
from leerplicht.meldingen.intake import neem_in, nieuw_meldingsnummer
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon
from leerplicht.toegang.beleid import SYSTEEM
from leerplicht.werkprocessen.models import Werkproces

pytestmark = pytest.mark.django_db

VANDAAG = date(2025, 3, 12)


@pytest.fixture
def persoon(regio):
    return Persoon.objects.create(
        id="P1", bsn=test_bsn(41), geboortedatum=date(2011, 4, 1), gemeente=regio.gemeente
    )


def _melding(regio, persoon, nummer, status="nieuw", gemeente=None, **extra):
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=persoon, gemeente=gemeente or regio.gemeente,
        datum=date(2025, 3, 1), soort="wettelijk", school=regio.school, status=status,
        bron="duo", **extra,
    )  # fmt: skip


# --- the queue ------------------------------------------------------------------------------


def test_te_laat_in_de_wachtrij_is_de_regel_van_het_domein(regio, persoon):
    """The deadline day itself is in time; no term is never late (domein.verzuimstaat)."""
    termijnen = {
        "GISTEREN": VANDAAG - timedelta(days=1),
        "VANDAAG": VANDAAG,
        "MORGEN": VANDAAG + timedelta(days=1),
        "GEEN": None,
    }
    meldingen = [
        _melding(regio, persoon, nummer, "verzuimstaat_opgevraagd", verzuimstaat_termijn=t)
        for nummer, t in termijnen.items()
    ]
    secties = {s.sleutel: s for s in wachtrij.secties(Melding.objects.all(), vandaag=VANDAAG)}
    te_laat = {m.pk for m in secties["te-laat"].meldingen}
    op_tijd = {m.pk for m in secties["opgevraagd"].meldingen}
    for m in meldingen:
        verwacht = is_te_laat(m.verzuimstaat_termijn, VANDAAG)
        assert (m.pk in te_laat, m.pk in op_tijd) == (verwacht, not verwacht), m.pk
        assert wachtrij.te_laat(m, VANDAAG) is verwacht
    assert te_laat == {"GISTEREN"}
    assert (secties["te-laat"].aantal, secties["opgevraagd"].aantal) == (1, 3)


def test_alleen_een_opgevraagde_verzuimstaat_is_te_laat(regio, persoon):
    m = _melding(regio, persoon, "M1", "compleet", verzuimstaat_termijn=date(2025, 1, 1))
    assert not wachtrij.te_laat(m, VANDAAG)


def test_secties_per_status_en_gemeente(regio, persoon):
    _melding(regio, persoon, "NIEUW")
    _melding(regio, persoon, "COMPLEET", "compleet")
    _melding(regio, persoon, "KLAAR", "overgedragen")
    _melding(regio, persoon, "ANDERS", gemeente=regio.andere)
    alle = wachtrij.secties(Melding.objects.all(), vandaag=VANDAAG)
    assert [s.sleutel for s in alle] == ["nieuw", "opgevraagd", "te-laat", "compleet"]
    assert {s.sleutel: s.aantal for s in alle} == {
        "nieuw": 2, "opgevraagd": 0, "te-laat": 0, "compleet": 1
    }  # fmt: skip
    eigen = wachtrij.secties(Melding.objects.all(), gemeente=regio.gemeente.code, vandaag=VANDAAG)
    assert [m.pk for m in eigen[0].meldingen] == ["NIEUW"]
    compleet = eigen[3].meldingen[0]
    assert compleet.pk == "COMPLEET" and compleet.toegewezen_aan is None


# --- the buttons of one melding -------------------------------------------------------------


def _codes(melding, gebruiker) -> list[str]:
    return [k.handeling for k in wachtrij.knoppen(melding, gebruiker)]


def test_elke_overgang_van_de_route_heeft_een_knop():
    assert set(wachtrij.HANDELINGEN) == {(o.van, o.naar) for o in ROUTE.overgangen}


@pytest.mark.parametrize(
    ("status", "verwacht"),
    [
        ("nieuw", ["opvragen", "compleet", "ter_kennisneming", "intrekken"]),
        ("verzuimstaat_opgevraagd", ["herinneren", "ontvangen", "intrekken"]),
        ("compleet", ["overdragen", "intrekken"]),
        ("overgedragen", []),
        ("ter_kennisneming", []),
        ("ingetrokken", []),
        (None, []),
    ],
)
@pytest.mark.parametrize("rol", ["administratie", "lpa", "teammanager"])
def test_knoppen_volgen_de_route(regio, persoon, status, verwacht, rol):
    m = _melding(regio, persoon, "M1", status)
    assert _codes(m, getattr(regio, rol)) == verwacht


@pytest.mark.parametrize("status", ["nieuw", "verzuimstaat_opgevraagd", "compleet"])
def test_geen_knoppen_zonder_de_handeling(regio, persoon, status):
    """The consulent does not process meldingen (Overgang.nodig): no step is offered."""
    assert wachtrij.knoppen(_melding(regio, persoon, "M1", status), regio.consulent) == []


def test_toevoegen_aan_lopend_werkproces_alleen_als_er_een_is(regio, persoon):
    m = _melding(regio, persoon, "M1")
    assert "overdragen" not in _codes(m, regio.administratie)
    Werkproces.objects.create(
        id="W1", persoon=persoon, gemeente=regio.gemeente, type="relatief_verzuim",
        geopend=date(2025, 1, 1),
    )  # fmt: skip
    knop = next(k for k in wachtrij.knoppen(m, regio.administratie) if k.handeling == "overdragen")
    assert knop.tekst == "Toevoegen aan lopend werkproces" and not knop.bestand


def test_knop_is_de_overgang_van_de_tabel(regio, persoon):
    m = _melding(regio, persoon, "M1", "verzuimstaat_opgevraagd")
    ontvangen = next(o for o in ROUTE.overgangen_vanuit(m.status) if o.naar == "compleet")
    knoppen = wachtrij.knoppen(m, regio.administratie)
    assert knoppen[0] == wachtrij.HERINNEREN
    assert knoppen[1] == wachtrij.Knop("ontvangen", ontvangen.handeling, ontvangen.regel, True)


# --- meldingsnummers ----------------------------------------------------------------------


def test_nieuw_meldingsnummer():
    assert re.fullmatch(r"H20250114-[0-9A-F]{6}", nieuw_meldingsnummer(date(2025, 1, 14)))


def test_intake_geeft_een_melding_zonder_nummer_een_nummer(regio, tmp_path):
    pad = tmp_path / "levering.csv"

    class Leerling:
        bsn, geboortedatum = test_bsn(52), date(2011, 4, 1)

    schrijf_verzuimloket_bestand(pad, [Leerling()], brin="31AA", vestiging="00")
    [melding] = Bestandskoppeling(tmp_path).lees_verzuimmeldingen(pad)
    resultaat = neem_in(
        [replace(melding, meldingsnummer="")], gemeente=regio.gemeente, door=SYSTEEM
    )
    [nummer] = resultaat.meldingsnummers
    assert re.fullmatch(r"H\d{8}-[0-9A-F]{6}", nummer)
    assert Melding.objects.filter(pk=nummer).exists()
