"""Search by BSN, persoonsnummer, meldingsnummer, werkprocesnummer and school: scoped,
terms only by POST, never echoed, each search in the audit log by kind of term."""

from __future__ import annotations

from datetime import date

import pytest

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Inschrijving, School
from portaal.fabrieken import GemeenteFactory, MeldingFactory, PersoonFactory, WerkprocesFactory
from toegang.toegangswereld import aangemeld, maak_gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    eigen = GemeenteFactory(code="GM9601", naam="Zoekdorp")
    ander = GemeenteFactory(code="GM9602", naam="Vinddorp")
    school = School.objects.create(
        id="31ZZ00", brin="31ZZ", vestiging="00", naam="Het Zoeklicht", onderwijssoort="vo",
        gemeente=eigen,
    )  # fmt: skip
    return eigen, ander, school, maak_gebruiker("lpa.zoek", Rol.LEERPLICHTAMBTENAAR, [eigen])


def _zoek(gebruiker, term: str):
    return aangemeld(gebruiker).post("/personen/", {"zoekterm": term})


def _leerling(gemeente, school, **extra):
    p = PersoonFactory(gemeente=gemeente, **extra)
    Inschrijving.objects.create(persoon=p, school=school, van=date(2023, 8, 1))
    return p


def test_meldingsnummer_en_werkprocesnummer_gaan_er_direct_heen(wereld):
    eigen, _, _, lpa = wereld
    w = WerkprocesFactory(persoon=PersoonFactory(gemeente=eigen), id="WZOEK-1")
    m = MeldingFactory(persoon=w.persoon, meldingsnummer="MZOEK-1", werkproces=w)
    assert _zoek(lpa, m.pk)["Location"] == "/meldingen/MZOEK-1/"
    assert _zoek(lpa, f" {w.pk} ")["Location"] == "/werkprocessen/WZOEK-1/"
    # The consulent DSP sees an 18+ melding, but the queue is not theirs: to the dossier.
    dsp = maak_gebruiker("dsp.zoek", Rol.CONSULENT_DOORSTROOMPUNT, [eigen])
    jong = MeldingFactory(persoon=PersoonFactory(gemeente=eigen), soort="18plus")
    assert _zoek(dsp, jong.pk)["Location"] == f"/personen/{jong.persoon_id}/#meldingen"


def test_andere_gemeente_wordt_niet_gevonden(wereld):
    _, ander, _, lpa = wereld
    w = WerkprocesFactory(persoon=PersoonFactory(gemeente=ander, bsn="123456782"), id="WVER")
    for term in ("WVER", "123456782", w.persoon_id):
        antwoord = _zoek(lpa, term)
        assert antwoord.status_code == 200
        html = antwoord.content.decode()
        assert "Geen persoon gevonden" in html and term not in html


def test_school_geeft_leerlingen_met_open_werk(wereld):
    eigen, ander, school, lpa = wereld
    met_werk = _leerling(eigen, school)
    WerkprocesFactory(persoon=met_werk)
    met_melding = _leerling(eigen, school)
    MeldingFactory(persoon=met_melding, status="nieuw")
    zonder = _leerling(eigen, school)
    gesloten = _leerling(eigen, school)
    WerkprocesFactory(persoon=gesloten, gesloten=date(2025, 1, 1), resultaat="school")
    vertrokken = PersoonFactory(gemeente=eigen)
    Inschrijving.objects.create(
        persoon=vertrokken, school=school, van=date(2020, 8, 1), tot=date(2022, 7, 31)
    )
    WerkprocesFactory(persoon=vertrokken)
    elders = _leerling(ander, school)  # another gemeente's pupil at the same school
    WerkprocesFactory(persoon=elders)
    for term in ("31ZZ", "31zz00", "zoeklicht"):
        antwoord = _zoek(lpa, term)
        html = antwoord.content.decode()
        assert antwoord.status_code == 200, term
        assert "2 resultaten" in html, term
        assert f'href="/personen/{met_werk.pk}/"' in html
        assert f'href="/personen/{met_melding.pk}/"' in html
        for niet in (zonder, gesloten, vertrokken, elders):
            assert f"/personen/{niet.pk}/" not in html, term
        assert "leerling van Het Zoeklicht met open werk" in html
    # Two letters are too short for a name: only a BRIN would match.
    assert "Geen persoon gevonden" in _zoek(lpa, "zo").content.decode()


def test_elke_zoekopdracht_gelogd_met_soort_nooit_de_term(wereld):
    eigen, _, _, lpa = wereld
    p = PersoonFactory(gemeente=eigen, bsn="111222333")
    assert _zoek(lpa, "111222333")["Location"] == f"/personen/{p.pk}/"
    _zoek(lpa, "niets hier")
    regels = list(Auditregel.objects.filter(actie="zoeken").order_by("volgnummer"))
    assert [r.toelichting["soort_zoekterm"] for r in regels] == ["bsn_of_nummer", "tekst"]
    assert regels[0].toelichting["gevonden_als"] == ["bsn"]
    assert regels[1].toelichting["aantal"] == 0
    for r in regels:
        assert "111222333" not in str(r.toelichting) + r.object_id
        assert "niets" not in str(r.toelichting)


def test_zoeken_per_get_zoekt_niet(wereld):
    eigen, _, _, lpa = wereld
    PersoonFactory(gemeente=eigen, bsn="111222333")
    antwoord = aangemeld(lpa).get("/personen/?zoekterm=111222333")
    assert antwoord.status_code == 200
    assert not Auditregel.objects.filter(actie="zoeken").exists()
