"""The services of vrijstellingen: request, statement, decision (with its consequences:
meldingen withdrawn, DUO registration), withdrawal, renewal, optimistic locking."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Handeling
from leerplicht.duo import vrijstellingenregister_formaat as formaat
from leerplicht.meldingen.models import Melding
from leerplicht.toegang import beleid
from leerplicht.vrijstellingen import diensten
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Document
from portaal.fabrieken import MeldingFactory

pytestmark = pytest.mark.django_db

BEGIN = date(2024, 9, 2)
BRIEF = {"aan_naam": "De ouders van Sam", "aan_adres": "Dorpsstraat 1\n1234 AB Vrijdorp",
         "leerling_naam": "Sam"}  # fmt: skip


def aanvraag(gebruiker, kind, grond="5a", **velden) -> Vrijstelling:
    return diensten.registreer_vrijstelling(
        gebruiker, persoon=kind, gemeente=kind.gemeente, grond=grond,
        aangevraagd=velden.pop("aangevraagd", date(2024, 8, 20)), geldig_van=BEGIN,
        geldig_tot=velden.pop("geldig_tot", date(2025, 7, 31)),
    )  # fmt: skip


def met_verklaring(gebruiker, v: Vrijstelling, datum=date(2024, 8, 15), **velden) -> Vrijstelling:
    return diensten.leg_verklaring_vast(
        gebruiker, v, versie=v.versie, datum=datum, door=velden.pop("door", "arts"), **velden
    )


def toekennen(gebruiker, v: Vrijstelling, besluitdatum=date(2024, 8, 30), **velden):
    return diensten.besluit_vrijstelling(
        gebruiker, v, versie=v.versie, besluit="toegekend", besluitdatum=besluitdatum,
        motivering="Verklaring GGD-jeugdarts.", **velden,
    )  # fmt: skip


def test_aanvraag_verklaring_en_toekenning(lpa, kind, duo_map):
    v = aanvraag(lpa, kind)
    assert v.besluit == "open" and v.versie == 1
    assert kind.pk not in v.pk  # no personal data in the id (it goes into URLs)
    v = met_verklaring(
        lpa, v, bestand=diensten.Bestand("verklaring.pdf", "application/pdf", b"%PDF-1.4 x")
    )
    document = Document.objects.get(vrijstelling=v)
    assert (document.soort, document.persoon_id) == ("verklaring", kind.pk)
    uitkomst = toekennen(lpa, v, brief=BRIEF)
    v = Vrijstelling.objects.get(pk=v.pk)
    assert (v.besluit, v.besluitdatum, v.versie) == ("toegekend", date(2024, 8, 30), 3)
    assert v.motivering == "Verklaring GGD-jeugdarts."
    assert v.verlengen_voor == date(2025, 7, 1)  # art. 6
    # Registered in DUO's vrijstellingenregister: one file, one row.
    assert v.duo_geregistreerd_op is not None
    (rij,) = formaat.lees(uitkomst.duo_bestand.read_bytes())
    assert rij["referentie"] == v.pk and rij["soort"] == "VR5A" and rij["mutatie"] == "A"
    assert rij["bsn"] == kind.bsn and rij["begindatum"] == "20240902"
    assert uitkomst.duo_bestand.parent == duo_map
    # The beschikking (letters service) is in the dossier, on the vrijstelling.
    assert uitkomst.brief is not None
    assert (uitkomst.brief.soort, uitkomst.brief.vrijstelling_id) == ("brief", v.pk)
    assert uitkomst.brief.inhoud[:4] == b"%PDF"


def test_zonder_adres_geen_beschikking(lpa, kind):
    uitkomst = toekennen(lpa, met_verklaring(lpa, aanvraag(lpa, kind)))
    assert uitkomst.brief is None
    assert not Document.objects.filter(soort="brief").exists()


def test_nooit_naar_school_geen_verlenging(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind), nooit_naar_school=True)
    toekennen(lpa, v)
    assert Vrijstelling.objects.get(pk=v.pk).verlengen_voor is None


def test_te_oude_verklaring_wordt_geweigerd_en_niets_opgeslagen(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind), datum=date(2024, 5, 19))
    with pytest.raises(diensten.Regelfout) as fout:
        toekennen(lpa, v)  # kennisgeving 20-08-2024: oldest valid statement 20-05-2024 (art. 7)
    assert [b.veld for b in fout.value.bezwaren] == ["verklaring_datum"]
    assert Vrijstelling.objects.get(pk=v.pk).besluit == "open"
    # One day younger: valid.
    v = met_verklaring(lpa, Vrijstelling.objects.get(pk=v.pk), datum=date(2024, 5, 20))
    toekennen(lpa, v)


def test_de_administratie_registreert_maar_besluit_niet(administratie, kind):
    v = met_verklaring(administratie, aanvraag(administratie, kind))
    # Deciding is the LPA's work: the view checks it (test_vrijstelling_paginas:
    # test_administratie_ziet_geen_besluitformulier_en_mag_niet_posten).
    assert not beleid.mag(administratie, Handeling.VRIJSTELLING_BESLUITEN)
    assert Vrijstelling.objects.get(pk=v.pk).besluit == "open"


def test_afwijzen_vraagt_een_motivering(lpa, kind):
    v = aanvraag(lpa, kind, grond="5b")
    with pytest.raises(diensten.Regelfout) as fout:
        diensten.besluit_vrijstelling(
            lpa, v, versie=1, besluit="afgewezen", besluitdatum=date(2024, 9, 1), motivering=" "
        )
    assert [b.veld for b in fout.value.bezwaren] == ["motivering"]
    uitkomst = diensten.besluit_vrijstelling(
        lpa, v, versie=1, besluit="afgewezen", besluitdatum=date(2024, 9, 1),
        motivering="Vorig jaar op een school van deze richting (art. 8).",
    )  # fmt: skip
    assert uitkomst.vrijstelling.besluit == "afgewezen"
    assert uitkomst.duo_bestand is None and uitkomst.ingetrokken_meldingen == []


def test_5b_na_school_van_die_richting_niet_toe_te_kennen(lpa, kind):
    v = aanvraag(lpa, kind, grond="5b")
    with pytest.raises(diensten.Regelfout, match=r"art\. 8"):
        toekennen(lpa, v, richting_vorig_jaar=True)
    toekennen(lpa, Vrijstelling.objects.get(pk=v.pk), richting_vorig_jaar=False)


def test_versieconflict_overschrijft_niets(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind))
    verouderd = Vrijstelling.objects.get(pk=v.pk)
    toekennen(lpa, v)
    with pytest.raises(diensten.Versieconflict):
        diensten.besluit_vrijstelling(
            lpa, verouderd, versie=verouderd.versie, besluit="afgewezen",
            besluitdatum=date(2024, 8, 30), motivering="anders",
        )  # fmt: skip
    assert Vrijstelling.objects.get(pk=v.pk).besluit == "toegekend"


def test_toekenning_trekt_open_overlappende_meldingen_in(lpa, kind, ander):
    def melding(nummer, **velden):
        return MeldingFactory(meldingsnummer=nummer, persoon=kind, gemeente=velden.pop(
            "gemeente", kind.gemeente), status=velden.pop("status", "nieuw"), **velden)  # fmt: skip

    melding("M-NIEUW", datum=date(2024, 10, 1), duo_teruggemeld_op=timezone.now())
    melding("M-OPGEVRAAGD", datum=date(2024, 10, 2), status="verzuimstaat_opgevraagd")
    melding("M-COMPLEET", datum=date(2024, 8, 30), verzuim_van=date(2024, 8, 20),
            verzuim_tot=date(2024, 9, 5), status="compleet")  # fmt: skip
    melding("M-OVERGEDRAGEN", datum=date(2024, 10, 3), status="overgedragen")
    melding("M-ERVOOR", datum=date(2024, 6, 3))
    melding("M-ANDERE-GEMEENTE", datum=date(2024, 10, 4), gemeente=ander)
    melding("M-HISTORISCH", datum=date(2024, 10, 5), status=None)
    v = met_verklaring(lpa, aanvraag(lpa, kind))
    uitkomst = toekennen(lpa, v)
    assert sorted(uitkomst.ingetrokken_meldingen) == ["M-COMPLEET", "M-NIEUW", "M-OPGEVRAAGD"]
    for m in Melding.objects.filter(pk__in=uitkomst.ingetrokken_meldingen):
        assert (m.status, m.duo_status, m.duo_reden, m.versie) == (
            "ingetrokken", "ingetrokken", "vrijstelling", 2,
        )  # fmt: skip
        assert m.duo_teruggemeld_op is None  # still to be reported to DUO
    rest = dict(Melding.objects.exclude(pk__in=uitkomst.ingetrokken_meldingen)
                .values_list("pk", "status"))  # fmt: skip
    assert rest == {
        "M-OVERGEDRAGEN": "overgedragen", "M-ERVOOR": "nieuw", "M-ANDERE-GEMEENTE": "nieuw",
        "M-HISTORISCH": None,
    }  # fmt: skip
    # The change of each melding is in the audit log (signals, not a bulk update).
    assert Auditregel.objects.filter(
        actie="wijzigen", object_type="melding", object_id="M-NIEUW"
    ).exists()


def test_vervangende_leerplicht_trekt_geen_meldingen_in(lpa, kind):
    kind.geboortedatum = date(2010, 3, 1)  # 14 on 2 September 2024
    kind.save()
    MeldingFactory(meldingsnummer="M-3A", persoon=kind, gemeente=kind.gemeente,
                   datum=date(2024, 10, 1), status="nieuw")  # fmt: skip
    uitkomst = toekennen(lpa, aanvraag(lpa, kind, grond="3a"))
    assert uitkomst.ingetrokken_meldingen == []


def test_intrekken_meldt_aan_duo(lpa, kind, duo_map):
    v = met_verklaring(lpa, aanvraag(lpa, kind))
    v = toekennen(lpa, v).vrijstelling
    v = diensten.trek_in(
        lpa, v, versie=v.versie, per=date(2025, 2, 1), motivering="Terug naar school"
    )
    assert (v.besluit, v.geldig_tot, v.verlengen_voor) == ("ingetrokken", date(2025, 1, 31), None)
    mutaties = sorted(r["mutatie"] for p in duo_map.glob("VRIJST_*.csv")
                      for r in formaat.lees(p.read_bytes()))  # fmt: skip
    assert mutaties == ["A", "V"]
    with pytest.raises(diensten.Regelfout):
        diensten.trek_in(lpa, v, versie=v.versie, per=date(2025, 3, 1), motivering="nog eens")


def test_verlengen_maakt_de_volgende_periode(lpa, kind):
    v = toekennen(lpa, met_verklaring(lpa, aanvraag(lpa, kind))).vrijstelling
    volgende = diensten.verleng(lpa, v, versie=v.versie, aangevraagd=date(2025, 6, 1))
    assert (volgende.besluit, volgende.grond, volgende.vorige_id) == ("open", "5a", v.pk)
    assert (volgende.geldig_van, volgende.geldig_tot) == (date(2025, 8, 1), date(2026, 7, 31))
    assert volgende.verklaring_datum is None  # art. 7: a new statement every year
    with pytest.raises(diensten.Regelfout, match="al verlengd"):
        diensten.verleng(lpa, Vrijstelling.objects.get(pk=v.pk), versie=v.versie + 1,
                         aangevraagd=date(2025, 6, 2))  # fmt: skip


def test_verlengen_met_verouderde_versie_is_een_conflict(lpa, kind):
    v = toekennen(lpa, met_verklaring(lpa, aanvraag(lpa, kind))).vrijstelling
    with pytest.raises(diensten.Versieconflict):
        diensten.verleng(lpa, v, versie=v.versie - 1, aangevraagd=date(2025, 6, 1))
    assert not Vrijstelling.objects.filter(vorige=v).exists()


def test_mislukte_duo_registratie_laat_het_besluit_staan(lpa, kind, settings, caplog):
    settings.LEERPLICHT_DUO_KOPPELING = "leerplicht.duo.koppeling.BESTAATNIET"
    v = met_verklaring(lpa, aanvraag(lpa, kind))
    uitkomst = toekennen(lpa, v)
    v = Vrijstelling.objects.get(pk=v.pk)
    assert v.besluit == "toegekend" and v.duo_geregistreerd_op is None
    assert uitkomst.duo_bestand is None
    assert list(diensten.nog_niet_bij_duo()) == [v]
    assert kind.bsn not in caplog.text  # no personal data in the log


def test_verklaring_alleen_pdf_of_afbeelding(lpa, kind):
    v = aanvraag(lpa, kind)
    with pytest.raises(diensten.Regelfout, match="PDF"):
        met_verklaring(lpa, v, bestand=diensten.Bestand("x.exe", "application/x-msdownload", b"MZ"))
    assert not Document.objects.exists()
    assert Vrijstelling.objects.get(pk=v.pk).verklaring_datum is None


def test_besluitdatum_in_de_toekomst(lpa, kind):
    v = met_verklaring(lpa, aanvraag(lpa, kind), datum=date.today())
    with pytest.raises(diensten.Regelfout, match="toekomst"):
        toekennen(lpa, v, besluitdatum=date.today() + timedelta(days=1))
