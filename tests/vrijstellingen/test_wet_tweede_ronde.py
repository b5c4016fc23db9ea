"""Issue 13, "the law, second pass": the rules of art. 6, 7 and 14 and the figures, at the
level of the services and of the pages a user sees."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps

from leerplicht.vrijstellingen import diensten
from leerplicht.vrijstellingen.models import Vrijstelling

pytestmark = pytest.mark.django_db

D = date


def aanvraag(gebruiker, kind, grond="5a", **velden) -> Vrijstelling:
    return diensten.registreer_vrijstelling(
        gebruiker, persoon=kind, gemeente=kind.gemeente, grond=grond,
        aangevraagd=velden.pop("aangevraagd", D(2024, 6, 20)),
        geldig_van=velden.pop("geldig_van", D(2024, 9, 2)),
        geldig_tot=velden.pop("geldig_tot", None),
    )  # fmt: skip


def met_verklaring(gebruiker, v: Vrijstelling, datum=date(2024, 6, 1), **velden) -> Vrijstelling:
    return diensten.leg_verklaring_vast(
        gebruiker, v, versie=v.versie, datum=datum, door=velden.pop("door", "arts"), **velden
    )


def toekennen(gebruiker, v: Vrijstelling, besluitdatum=date(2024, 8, 30), **velden):
    return diensten.besluit_vrijstelling(
        gebruiker, v, versie=v.versie, besluit="toegekend", besluitdatum=besluitdatum,
        motivering="Verklaring GGD-jeugdarts.", **velden,
    )  # fmt: skip


# --- 1. art. 6 lid 2/3: one school year at most, the end stored ----------------------------


def test_1_toekenning_zonder_einde_slaat_31_juli_op(lpa, kind):
    v = toekennen(lpa, met_verklaring(lpa, aanvraag(lpa, kind))).vrijstelling
    assert Vrijstelling.objects.get(pk=v.pk).geldig_tot == D(2025, 7, 31)


def test_1_toekenning_over_2025_2028_geweigerd(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind, geldig_van=D(2025, 8, 1), aangevraagd=D(2025, 6, 1),
                                     geldig_tot=D(2028, 7, 31)), datum=D(2025, 5, 1))  # fmt: skip
    with pytest.raises(diensten.Regelfout, match=r"art\. 6 lid 2") as fout:
        toekennen(lpa, v, besluitdatum=D(2025, 6, 15))
    assert [b.veld for b in fout.value.bezwaren] == ["geldig_tot"]
    assert "31-07-2026" in str(fout.value)
    assert Vrijstelling.objects.get(pk=v.pk).besluit == "open"


def test_1_nooit_naar_school_mag_zonder_einde(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind, geldig_tot=D(2028, 7, 31)), nooit_naar_school=True)
    assert toekennen(lpa, v).vrijstelling.geldig_tot == D(2028, 7, 31)
    v2 = met_verklaring(lpa, aanvraag(lpa, kind, geldig_van=D(2028, 8, 1)), nooit_naar_school=True)
    assert Vrijstelling.objects.get(pk=toekennen(lpa, v2).vrijstelling.pk).geldig_tot is None


def test_1_registratie_5b_over_meer_schooljaren_geweigerd(lpa, kind):
    with pytest.raises(diensten.Regelfout, match=r"art\. 6 lid 2"):
        aanvraag(lpa, kind, grond="5b", geldig_tot=D(2026, 7, 31))
    assert not Vrijstelling.objects.exists()


def test_1_migratie_zet_het_einde_van_oude_toekenningen(kind):
    migratie = importlib.import_module(
        "leerplicht.vrijstellingen.migrations.0003_einde_art5_vrijstellingen"
    )

    def rij(pk, grond, van, **velden):
        return Vrijstelling.objects.create(
            id=pk, persoon=kind, gemeente=kind.gemeente, grond=grond, aangevraagd=van,
            besluit=velden.pop("besluit", "toegekend"),
            besluitdatum=velden.pop("besluitdatum", van), geldig_van=van, **velden,
        )  # fmt: skip

    rij("A", "5a", D(2024, 9, 2))
    rij("B", "5b", D(2025, 8, 1))
    rij("NOOIT", "5a", D(2024, 9, 2), nooit_naar_school=True)
    rij("3A", "3a", D(2024, 9, 2))
    rij("OPEN", "5c", D(2024, 9, 2), besluit="open", besluitdatum=None)
    rij("KORTER", "5c", D(2024, 9, 2), geldig_tot=D(2024, 12, 31))
    migratie.zet_einde(apps, None)
    einde = dict(Vrijstelling.objects.values_list("pk", "geldig_tot"))
    assert einde == {
        "A": D(2025, 7, 31), "B": D(2026, 7, 31), "NOOIT": None, "3A": None, "OPEN": None,
        "KORTER": D(2024, 12, 31),
    }  # fmt: skip


# --- at the level a user sees ------------------------------------------------------------------


@pytest.fixture
def client_lpa(client, lpa, met_tweede_factor):
    return met_tweede_factor(client, lpa)


def open_vrijstelling(kind, pk="V-1", **velden) -> Vrijstelling:
    gegevens = {
        "grond": "5a", "aangevraagd": D(2024, 6, 20), "besluit": "open",
        "geldig_van": D(2024, 9, 2), "verklaring_datum": D(2024, 6, 1), "verklaring_door": "arts",
    } | velden  # fmt: skip
    return Vrijstelling.objects.create(id=pk, persoon=kind, gemeente=kind.gemeente, **gegevens)


def besluit_data(**velden) -> dict:
    return {
        "actie": "besluit", "besluit-versie": "1", "besluit-besluit": "toegekend",
        "besluit-besluitdatum": "2024-08-30", "besluit-geldig_van": "2024-09-02",
        "besluit-geldig_tot": "", "besluit-motivering": "Verklaring jeugdarts.",
    } | velden  # fmt: skip


def test_1_scherm_weigert_drie_schooljaren_met_het_artikel(client_lpa, kind):
    open_vrijstelling(kind)
    antwoord = client_lpa.post(
        "/vrijstellingen/V-1/", besluit_data(**{"besluit-geldig_tot": "2027-07-31"})
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "hoogstens één schooljaar" in html and "art. 6 lid 2" in html
    assert "31-07-2025" in html
    assert Vrijstelling.objects.get(pk="V-1").besluit == "open"


def test_1_scherm_toont_het_opgeslagen_einde(client_lpa, kind):
    open_vrijstelling(kind)
    antwoord = client_lpa.post("/vrijstellingen/V-1/", besluit_data(), follow=True)
    html = antwoord.content.decode()
    assert "Het besluit is vastgelegd: toegekend" in html
    assert "van 02-09-2024 tot en met 31-07-2025" in html


# --- 7. art. 7: the statement aged at the kennisgeving; not the treating doctor -------------


def test_7_verklaring_telt_bij_de_kennisgeving_niet_bij_het_besluit(lpa, kind):
    # Statement 1 June, kennisgeving 20 June, decision 15 September: valid.
    v = met_verklaring(lpa, aanvraag(lpa, kind, aangevraagd=D(2024, 6, 20)), datum=D(2024, 6, 1))
    uitkomst = toekennen(lpa, v, besluitdatum=D(2024, 9, 15))
    assert uitkomst.vrijstelling.besluit == "toegekend"


def test_7_verklaring_ouder_dan_drie_maanden_bij_de_kennisgeving(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind, aangevraagd=D(2024, 6, 20)), datum=D(2024, 3, 19))
    with pytest.raises(diensten.Regelfout, match=r"art\. 7 lid 1") as fout:
        toekennen(lpa, v, besluitdatum=D(2024, 6, 25))
    assert "20-03-2024" in str(fout.value) and "20-06-2024" in str(fout.value)


def test_7_behandelend_arts_geweigerd(lpa, kind):
    v = aanvraag(lpa, kind)
    with pytest.raises(diensten.Regelfout, match=r"behandelend arts.*art\. 7 lid 1"):
        met_verklaring(lpa, v, door="behandelend_arts")
    assert Vrijstelling.objects.get(pk=v.pk).verklaring_door is None
    # Stored by another route (an import), the grant still refuses it.
    Vrijstelling.objects.filter(pk=v.pk).update(
        verklaring_door="behandelend_arts", verklaring_datum=D(2024, 6, 1)
    )
    with pytest.raises(diensten.Regelfout, match="behandelend arts"):
        toekennen(lpa, Vrijstelling.objects.get(pk=v.pk))


def test_7_scherm_weigert_behandelend_arts(client_lpa, kind):
    open_vrijstelling(kind, verklaring_datum=None, verklaring_door=None)
    data = {"actie": "verklaring", "verklaring-versie": "1",
            "verklaring-verklaring_datum": "2024-06-01",
            "verklaring-verklaring_door": "behandelend_arts"}  # fmt: skip
    antwoord = client_lpa.post("/vrijstellingen/V-1/", data)
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "behandelend arts telt niet" in html and "art. 7 lid 1" in html


# --- 6. art. 6: a late kennisgeving is shown, not refused ------------------------------------


def test_6_5b_kennisgeving_in_september_voor_het_lopende_jaar(lpa, kind):
    v = aanvraag(lpa, kind, grond="5b", aangevraagd=D(2024, 9, 10))
    uitkomst = toekennen(lpa, v, besluitdatum=D(2024, 9, 20), richting_vorig_jaar=False)
    assert uitkomst.vrijstelling.besluit == "toegekend"  # a warning, not a refusal
    (waarschuwing,) = uitkomst.waarschuwingen
    assert "art. 6 lid 2" in waarschuwing
    assert "30-06-2024" in waarschuwing and "10-09-2024" in waarschuwing


def test_6_eerste_kennisgeving_zeven_dagen_voor_het_begin_van_de_leerplicht(lpa, kind):
    kind.geboortedatum = D(2020, 3, 10)  # leerplichtig from 1 April 2025
    kind.save()
    v = aanvraag(lpa, kind, grond="5b", aangevraagd=D(2025, 3, 25), geldig_van=D(2025, 4, 1))
    uitkomst = toekennen(lpa, v, besluitdatum=D(2025, 3, 28), richting_vorig_jaar=False)
    (waarschuwing,) = uitkomst.waarschuwingen
    assert "01-04-2025" in waarschuwing and "01-03-2025" in waarschuwing
    assert "art. 6" in waarschuwing


def test_6_op_tijd_geen_waarschuwing(lpa, kind):
    v = aanvraag(lpa, kind, grond="5b", aangevraagd=D(2024, 6, 30))
    uitkomst = toekennen(lpa, v, richting_vorig_jaar=False)
    assert uitkomst.waarschuwingen == ()


def test_6_pagina_en_lijst_zeggen_dat_de_kennisgeving_te_laat_is(client_lpa, kind):
    open_vrijstelling(kind, "V-LAAT", grond="5b", aangevraagd=D(2024, 9, 10),
                      verklaring_datum=None, verklaring_door=None)  # fmt: skip
    open_vrijstelling(kind, "V-OPTIJD", grond="5b", aangevraagd=D(2024, 6, 10),
                      verklaring_datum=None, verklaring_door=None)  # fmt: skip
    pagina = client_lpa.get("/vrijstellingen/V-LAAT/").content.decode()
    assert "Kennisgeving te laat (art. 6 lid 2)" in pagina
    assert "uiterlijk 30-06-2024" in pagina and "10-09-2024" in pagina
    assert (
        "Kennisgeving te laat" not in client_lpa.get("/vrijstellingen/V-OPTIJD/").content.decode()
    )
    html = client_lpa.get("/vrijstellingen/").content.decode()
    open_sectie = html.split('id="open"')[1].split("</section>")[0]
    rij_laat = open_sectie.split("V-LAAT")[2].split("</tr>")[0]
    assert "te laat" in rij_laat and "30-06-2024" in rij_laat and "art. 6 lid 2" in rij_laat
    rij_op_tijd = open_sectie.split("V-OPTIJD")[2].split("</tr>")[0]
    assert "te laat" not in rij_op_tijd


def test_6_scherm_besluit_meldt_de_te_late_kennisgeving(client_lpa, kind):
    open_vrijstelling(kind, grond="5b", aangevraagd=D(2024, 9, 10), verklaring_datum=None,
                      verklaring_door=None)  # fmt: skip
    data = besluit_data(**{"besluit-besluitdatum": "2024-09-20",
                           "besluit-richting_vorig_jaar": "nee"})  # fmt: skip
    html = client_lpa.post("/vrijstellingen/V-1/", data, follow=True).content.decode()
    assert "Het besluit is vastgelegd: toegekend" in html
    assert "Let op: Kennisgeving te laat (art. 6 lid 2)" in html


# --- 4. art. 14: 10 school days per school year, all requests together -----------------------


def verlof(gebruiker, kind, **velden):
    gegevens = {
        "soort": "gewichtige_omstandigheden", "aangevraagd": D(2025, 2, 1),
        "van": D(2025, 3, 3), "tot": D(2025, 3, 7), "aantal_schooldagen": 5,
        "reden": "Uitvaart grootouder in het buitenland",
    } | velden  # fmt: skip
    return diensten.registreer_verlof(gebruiker, persoon=kind, gemeente=kind.gemeente, **gegevens)


def test_4_tweede_aanvraag_boven_tien_dagen_is_voor_de_leerplichtambtenaar(lpa, kind):
    # The school head granted 7 days earlier this school year; 5 more makes 12.
    a = verlof(lpa, kind, al_verleend_schooldagen=7, al_verleend_peildatum=D(2025, 1, 28),
               al_verleend_bron="Opgave directeur, telefonisch")  # fmt: skip
    a.refresh_from_db()
    assert (a.aantal_schooldagen, a.al_verleend_schooldagen) == (5, 7)
    assert (a.al_verleend_peildatum, a.al_verleend_bron) == (
        D(2025, 1, 28), "Opgave directeur, telefonisch",
    )  # fmt: skip
    a = diensten.besluit_verlof(
        lpa, a, versie=a.versie, besluit="toegekend", besluitdatum=D(2025, 2, 10),
        motivering="Uitvaart; directeur gehoord.", schoolleider_gehoord_op=D(2025, 2, 5),
    )  # fmt: skip
    assert a.besluit == "toegekend"


def test_4_samen_tien_dagen_blijft_bij_de_school(lpa, kind):
    from leerplicht.vrijstellingen.models import Verlofaanvraag

    with pytest.raises(diensten.Regelfout, match=r"art\. 14 lid 1") as fout:
        verlof(lpa, kind, al_verleend_schooldagen=5, al_verleend_peildatum=D(2025, 1, 28),
               al_verleend_bron="Opgave directeur")  # fmt: skip
    assert "5 al verleend + 5 gevraagd = 10" in str(fout.value)
    assert not Verlofaanvraag.objects.exists()


def test_4_al_verleend_vraagt_datum_en_bron(lpa, kind):
    with pytest.raises(diensten.Regelfout) as fout:
        verlof(lpa, kind, al_verleend_schooldagen=7)
    assert {b.veld for b in fout.value.bezwaren} == {"al_verleend_peildatum", "al_verleend_bron"}


def test_4_de_database_weigert_tien_dagen_samen(kind):
    from django.db import IntegrityError, transaction

    from leerplicht.vrijstellingen.models import Verlofaanvraag

    gegevens = {"persoon": kind, "gemeente": kind.gemeente, "aangevraagd": D(2025, 2, 1),
                "van": D(2025, 3, 3), "tot": D(2025, 3, 7), "aantal_schooldagen": 5}  # fmt: skip
    Verlofaanvraag.objects.create(**gegevens, al_verleend_schooldagen=6,
                                  al_verleend_peildatum=D(2025, 1, 28), al_verleend_bron="x")  # fmt: skip
    with transaction.atomic(), pytest.raises(IntegrityError):
        Verlofaanvraag.objects.create(**gegevens, al_verleend_schooldagen=5,
                                      al_verleend_peildatum=D(2025, 1, 28), al_verleend_bron="x")  # fmt: skip
    with transaction.atomic(), pytest.raises(IntegrityError):
        Verlofaanvraag.objects.create(**gegevens, al_verleend_schooldagen=6)  # no date, source


def test_4_scherm_registreert_en_toont_de_telling(client_lpa, kind):
    from leerplicht.vrijstellingen.models import Verlofaanvraag

    data = {"persoon": kind.pk, "gemeente": kind.gemeente_id, "soort": "gewichtige_omstandigheden",
            "aangevraagd": "2025-02-01", "van": "2025-03-03", "tot": "2025-03-07",
            "aantal_schooldagen": "5", "reden": "Uitvaart",
            "al_verleend_schooldagen": "7", "al_verleend_peildatum": "2025-01-28",
            "al_verleend_bron": "Opgave directeur"}  # fmt: skip
    antwoord = client_lpa.post("/vrijstellingen/verlof/nieuw/", data)
    a = Verlofaanvraag.objects.get()
    assert antwoord["Location"] == f"/vrijstellingen/verlof/{a.pk}/"
    pagina = client_lpa.get(f"/vrijstellingen/verlof/{a.pk}/").content.decode()
    assert "7 schooldagen (bekend op 28-01-2025; bron: Opgave directeur)" in pagina
    assert "12: meer dan 10" in pagina and "art. 14 lid 3" in pagina
    antwoord = client_lpa.post(
        "/vrijstellingen/verlof/nieuw/", data | {"al_verleend_schooldagen": "4"}
    )
    assert antwoord.status_code == 400
    assert "4 al verleend + 5 gevraagd = 9" in antwoord.content.decode()
