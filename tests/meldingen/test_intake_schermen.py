"""The screens: queue, melding page with the route's buttons, hand entry, upload, and
the teammanager's toewijzingsregels."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.domein.bsn import test_bsn
from leerplicht.duo.voorbeeld import schrijf_verzuimloket_bestand
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon
from leerplicht.werkprocessen.models import Document, Toewijzingsregel, Werkproces

pytestmark = pytest.mark.django_db


def _persoon(regio, pk="P1", bsn_nr=61):
    return Persoon.objects.create(
        id=pk, bsn=test_bsn(bsn_nr), geboortedatum=date(2011, 4, 1), gemeente=regio.gemeente
    )


def _melding(regio, persoon, nummer="M1", gemeente=None, **velden):
    velden.setdefault("status", "nieuw")
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=persoon, gemeente=gemeente or regio.gemeente,
        datum=date(2025, 3, 5), soort="wettelijk", school=regio.school, bron="duo", **velden,
    )  # fmt: skip


def test_wachtrij_secties_en_aantallen(regio, als):
    p = _persoon(regio)
    vandaag = timezone.localdate()
    _melding(regio, p, "M-NIEUW")
    _melding(regio, p, "M-WACHT", status="verzuimstaat_opgevraagd",
             verzuimstaat_termijn=vandaag)  # fmt: skip
    _melding(regio, p, "M-LAAT", status="verzuimstaat_opgevraagd",
             verzuimstaat_termijn=vandaag - timedelta(days=1))  # fmt: skip
    _melding(regio, p, "M-KLAAR", status="compleet")
    _melding(regio, p, "M-WEG", status="overgedragen")
    andere = Persoon.objects.create(id="Q1", geboortedatum=date(2011, 1, 1), gemeente=regio.andere)
    _melding(regio, andere, "M-ANDERS", gemeente=regio.andere)
    Toewijzingsregel.objects.create(volgorde=1, gemeente=regio.gemeente, behandelaar=regio.lpa)

    antwoord = als(regio.administratie).get("/meldingen/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for tekst in ("Nieuw (1)", "Verzuimstaat opgevraagd (1)", "Te laat (1)", "Compleet (1)"):
        assert tekst in html
    for nummer in ("M-NIEUW", "M-WACHT", "M-LAAT", "M-KLAAR"):
        assert nummer in html
    assert "M-WEG" not in html and "M-ANDERS" not in html and "Heuvelstad" not in html
    assert "lpa.jansen" in html  # who the complete melding will go to
    # Filter by gemeente: another's code is ignored.
    assert "M-NIEUW" in als(regio.administratie).get("/meldingen/?gemeente=GM9302").content.decode()


def test_wachtrij_niet_toegewezen(regio, als):
    _melding(regio, _persoon(regio), "M-KLAAR", status="compleet")
    assert "niet toegewezen" in als(regio.administratie).get("/meldingen/").content.decode()


def test_meldingpagina_en_auditlog(regio, als):
    _melding(regio, _persoon(regio), melder_naam="J. de Mentor")
    antwoord = als(regio.administratie).get("/meldingen/M1/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Verzuimstaat opvragen" in html and "Ter kennisneming aannemen" in html
    assert "J. de Mentor" in html
    regel = Auditregel.objects.get(actie="inzien", object_type="melding")
    assert regel.object_id == "M1" and "melder_naam" in regel.velden
    assert "J. de Mentor" not in str(regel.toelichting)


def test_melding_van_andere_gemeente_404_en_dsp_403(regio, als, client):
    andere = Persoon.objects.create(id="Q1", geboortedatum=date(2011, 1, 1), gemeente=regio.andere)
    _melding(regio, andere, "M-ANDERS", gemeente=regio.andere)
    assert als(regio.administratie).get("/meldingen/M-ANDERS/").status_code == 404
    assert als(regio.administratie).get("/meldingen/BESTAATNIET/").status_code == 404
    client.logout()
    assert als(regio.consulent).get("/meldingen/").status_code == 403


def test_knop_opvragen_toont_tekst_en_daarna_ontvangen(regio, als):
    _melding(regio, _persoon(regio))
    c = als(regio.administratie)
    antwoord = c.post("/meldingen/M1/route/", {"handeling": "opvragen", "versie": "1"})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/meldingen/M1/"
    html = c.get("/meldingen/M1/").content.decode()
    assert "Verzuimstaat opgevraagd; de school heeft tot" in html
    assert "verzoek om de verzuimstaat" in html and "Onderwerp: verzuimstaat" in html
    bestand = io.BytesIO(b"%PDF-1.4")
    bestand.name = "staat.pdf"
    antwoord = c.post(
        "/meldingen/M1/route/", {"handeling": "ontvangen", "versie": "2", "verzuimstaat": bestand}
    )
    assert antwoord.status_code == 302
    assert Melding.objects.get(pk="M1").status == "compleet"
    assert Document.objects.filter(melding_id="M1", soort="verzuimstaat").exists()


def test_knop_met_verouderde_versie_geeft_409(regio, als):
    _melding(regio, _persoon(regio))
    c = als(regio.administratie)
    c.post("/meldingen/M1/route/", {"handeling": "opvragen", "versie": "1"})
    antwoord = c.post("/meldingen/M1/route/", {"handeling": "ter_kennisneming", "versie": "1"})
    assert antwoord.status_code == 409
    assert "Iemand anders heeft deze melding intussen gewijzigd" in antwoord.content.decode()
    assert Melding.objects.get(pk="M1").status == "verzuimstaat_opgevraagd"


def test_knop_die_de_route_niet_toestaat_geeft_400(regio, als):
    _melding(regio, _persoon(regio), status="compleet")
    antwoord = als(regio.administratie).post(
        "/meldingen/M1/route/", {"handeling": "ter_kennisneming", "versie": "1"}
    )
    assert antwoord.status_code == 400
    assert "kan niet naar" in antwoord.content.decode()


def test_overdragen_via_scherm(regio, als):
    Toewijzingsregel.objects.create(volgorde=1, gemeente=regio.gemeente, behandelaar=regio.lpa)
    _melding(regio, _persoon(regio), status="compleet")
    c = als(regio.administratie)
    c.post("/meldingen/M1/route/", {"handeling": "overdragen", "versie": "1"})
    w = Werkproces.objects.get()
    assert w.behandelaar == "lpa.jansen"
    html = c.get("/meldingen/M1/").content.decode()
    assert f"/werkprocessen/{w.pk}/" in html and "behandelaar lpa.jansen" in html


def _handinvoer(regio, **extra):
    data = {
        "gemeente": regio.gemeente.code, "meldingsdatum": "2025-03-05", "bsn": test_bsn(62),
        "geboortedatum": "2011-04-01", "brin": "31AA", "vestiging": "00", "soort": "luxe",
        "verzuim_van": "2025-02-10", "verzuim_tot": "2025-02-14", "verzuimde_uren": "12,5",
        "alle_lessen_verzuimd": "ja", "actie_gewenst": "",
    }  # fmt: skip
    data.update(extra)
    return data


def test_handinvoer(regio, als):
    antwoord = als(regio.administratie).post("/meldingen/nieuw/", _handinvoer(regio))
    assert antwoord.status_code == 302
    m = Melding.objects.get()
    assert (m.bron, m.status, m.soort, m.persoon.bsn) == (
        "formulier",
        "nieuw",
        "luxe",
        test_bsn(62),
    )
    assert str(m.verzuimde_uren) == "12.5" and m.alle_lessen_verzuimd is True
    assert m.meldingsnummer.startswith("H") and antwoord["Location"] == f"/meldingen/{m.pk}/"


def test_handinvoer_fouten_per_veld(regio, als):
    _melding(regio, _persoon(regio), "DUBBEL")
    antwoord = als(regio.administratie).post(
        "/meldingen/nieuw/",
        _handinvoer(regio, bsn="123456789", verzuim_tot="2025-01-01", meldingsnummer="DUBBEL"),
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "BSN: geen geldig BSN" in html
    assert "Verzuim tot en met: ligt vóór verzuim vanaf." in html
    assert 'aria-describedby="id_bsn-fout"' in html and 'role="alert"' in html
    # The intake's own check (meldingsnummer seen before) lands on its field too.
    antwoord = als(regio.administratie).post(
        "/meldingen/nieuw/", _handinvoer(regio, meldingsnummer="DUBBEL", brin="99ZZ", vestiging="")
    )
    html = antwoord.content.decode()
    assert "Meldingsnummer: meldingsnummer DUBBEL is al eerder ontvangen" in html
    assert "BRIN van de school: school 99ZZ staat niet in de leerplichtadministratie" in html
    assert Melding.objects.count() == 1


def _bestand(tmp_path, leerlingen, naam="levering.csv", **opties):
    pad = tmp_path / naam
    schrijf_verzuimloket_bestand(pad, leerlingen, brin="31AA", vestiging="00", **opties)
    inhoud = io.BytesIO(pad.read_bytes())
    inhoud.name = naam
    return inhoud


def test_upload(regio, als, tmp_path):
    leerling = Persoon(bsn=test_bsn(63), geboortedatum=date(2011, 1, 1))
    c = als(regio.administratie)
    antwoord = c.post(
        "/meldingen/upload/",
        {"gemeente": regio.gemeente.code, "bestand": _bestand(tmp_path, [leerling])},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/meldingen/?gemeente=GM9301"
    assert Melding.objects.filter(bron="duo", status="nieuw").count() == 1
    # The same file again: every error located, nothing stored.
    antwoord = c.post(
        "/meldingen/upload/",
        {"gemeente": regio.gemeente.code, "bestand": _bestand(tmp_path, [leerling, leerling])},
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Levering geweigerd: er is niets opgeslagen" in html
    assert "levering.csv:2: meldingsnummer:" in html and "al eerder ontvangen" in html
    assert Melding.objects.count() == 1


def test_upload_weigert_ander_bestand_en_andere_gemeente(regio, als):
    c = als(regio.administratie)
    zip_ = io.BytesIO(b"PK\x03\x04rest")
    zip_.name = "levering.csv"
    antwoord = c.post("/meldingen/upload/", {"gemeente": regio.gemeente.code, "bestand": zip_})
    assert antwoord.status_code == 400 and "Dit is geen tekstbestand" in antwoord.content.decode()
    xlsx = io.BytesIO(b"x")
    xlsx.name = "levering.xlsx"
    antwoord = c.post("/meldingen/upload/", {"gemeente": regio.gemeente.code, "bestand": xlsx})
    assert "Alleen een CSV-bestand" in antwoord.content.decode()
    tekst = io.BytesIO(b"a;b\n")
    tekst.name = "l.csv"
    antwoord = c.post("/meldingen/upload/", {"gemeente": regio.andere.code, "bestand": tekst})
    assert antwoord.status_code == 400 and not Melding.objects.exists()


def test_toewijzingsregels_beheren(regio, als):
    c = als(regio.teammanager)
    assert c.get("/meldingen/toewijzing/").status_code == 200
    antwoord = c.post(
        "/meldingen/toewijzing/",
        {"volgorde": "5", "gemeente": regio.gemeente.code, "onderwijssoort": "mbo",
         "school_code": "31bb", "werkprocestype": "", "behandelaar": regio.lpa_mbo.pk,
         "actief": "on"},
    )  # fmt: skip
    assert antwoord.status_code == 302
    regel = Toewijzingsregel.objects.get()
    assert (regel.school_id, regel.onderwijssoort, regel.behandelaar) == (
        "31BB",
        "mbo",
        regio.lpa_mbo,
    )
    antwoord = c.post(
        f"/meldingen/toewijzing/{regel.pk}/",
        {"volgorde": "7", "gemeente": regio.gemeente.code, "onderwijssoort": "",
         "school_code": "", "werkprocestype": "relatief_verzuim", "behandelaar": regio.lpa.pk},
    )  # fmt: skip
    assert antwoord.status_code == 302
    regel.refresh_from_db()
    assert (regel.volgorde, regel.school_id, regel.actief, regel.behandelaar) == (
        7, None, False, regio.lpa,
    )  # fmt: skip
    assert c.post(f"/meldingen/toewijzing/{regel.pk}/verwijderen/").status_code == 302
    assert not Toewijzingsregel.objects.exists()


def test_toewijzing_alleen_eigen_gemeente_en_behandelaars(regio, als):
    c = als(regio.teammanager)
    # The administratie is no behandelaar; a school that does not exist is refused.
    antwoord = c.post(
        "/meldingen/toewijzing/",
        {"volgorde": "1", "gemeente": regio.gemeente.code, "behandelaar": regio.administratie.pk,
         "school_code": "00XX00"},
    )  # fmt: skip
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Behandelaar: kies een waarde uit de lijst." in html
    assert "School: 00XX00 staat niet in de leerplichtadministratie." in html
    anders = Toewijzingsregel.objects.create(
        volgorde=1, gemeente=regio.andere, behandelaar=regio.lpa
    )
    assert c.get(f"/meldingen/toewijzing/{anders.pk}/").status_code == 404
    assert c.post(f"/meldingen/toewijzing/{anders.pk}/verwijderen/").status_code == 404
    assert "Heuvelstad" not in c.get("/meldingen/toewijzing/").content.decode()


def test_toewijzing_niet_voor_administratie(regio, als):
    assert als(regio.administratie).get("/meldingen/toewijzing/").status_code == 403
