"""Verlof wegens gewichtige omstandigheden (art. 14): only more than 10 school days comes to
the leerplichtambtenaar, decided after hearing the school head; vakantieverlof never."""

from __future__ import annotations

from datetime import date

import pytest

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Handeling
from leerplicht.toegang import beleid
from leerplicht.vrijstellingen import diensten
from leerplicht.vrijstellingen.models import Verlofaanvraag

pytestmark = pytest.mark.django_db


def verlof(gebruiker, kind, **velden) -> Verlofaanvraag:
    gegevens = {
        "soort": "gewichtige_omstandigheden", "aangevraagd": date(2025, 2, 1),
        "van": date(2025, 3, 3), "tot": date(2025, 3, 21), "aantal_schooldagen": 15,
        "reden": "Uitvaart grootouder in het buitenland",
    } | velden  # fmt: skip
    return diensten.registreer_verlof(gebruiker, persoon=kind, gemeente=kind.gemeente, **gegevens)


def test_vakantieverlof_wordt_niet_geregistreerd(administratie, kind):
    with pytest.raises(diensten.Regelfout, match="directeur van de school") as fout:
        verlof(administratie, kind, soort="vakantieverlof")
    assert [b.veld for b in fout.value.bezwaren] == ["soort"]
    assert not Verlofaanvraag.objects.exists()


def test_tien_dagen_of_minder_is_voor_de_school(administratie, kind):
    with pytest.raises(diensten.Regelfout, match=r"art\. 14 lid 1"):
        verlof(administratie, kind, tot=date(2025, 3, 14), aantal_schooldagen=10)
    assert not Verlofaanvraag.objects.exists()


def test_besluit_na_horen_van_de_schoolleider(lpa, administratie, kind):
    a = verlof(administratie, kind)
    assert (a.besluit, a.versie) == ("open", 1)
    assert Auditregel.objects.filter(actie="aanmaken", object_type="verlofaanvraag").exists()
    # Deciding is the LPA's work: the view checks it (test_verlof_besluit_is_niet_aan_de_administratie).
    assert not beleid.mag(administratie, Handeling.VRIJSTELLING_BESLUITEN)
    with pytest.raises(diensten.Regelfout, match=r"art\. 14 lid 3"):
        diensten.besluit_verlof(
            lpa, a, versie=1, besluit="toegekend", besluitdatum=date(2025, 2, 10),
            motivering="Uitvaart", schoolleider_gehoord_op=None,
        )  # fmt: skip
    a = diensten.besluit_verlof(
        lpa, a, versie=1, besluit="toegekend", besluitdatum=date(2025, 2, 10),
        motivering="Uitvaart; directeur stemt in.", schoolleider_gehoord_op=date(2025, 2, 5),
        brief={"aan_naam": "Ouders", "aan_adres": "Straat 1", "leerling_naam": "Sam"},
    )  # fmt: skip
    a.refresh_from_db()
    assert (a.besluit, a.schoolleider_gehoord_op, a.versie) == (
        "toegekend", date(2025, 2, 5), 2,
    )  # fmt: skip
    # The beschikking is stored in the dossier and linked to the request.
    assert a.besluitbrief is not None and a.besluitbrief.persoon_id == kind.pk


def test_verlof_versieconflict(lpa, kind):
    a = verlof(lpa, kind)
    diensten.besluit_verlof(
        lpa, a, versie=1, besluit="afgewezen", besluitdatum=date(2025, 2, 10),
        motivering="Geen gewichtige omstandigheid.", schoolleider_gehoord_op=date(2025, 2, 5),
    )  # fmt: skip
    a.besluit = "open"  # the stale copy of a second medewerker
    with pytest.raises(diensten.Versieconflict):
        diensten.besluit_verlof(
            lpa, a, versie=1, besluit="toegekend", besluitdatum=date(2025, 2, 10),
            motivering="Wel.", schoolleider_gehoord_op=date(2025, 2, 5),
        )  # fmt: skip
    assert Verlofaanvraag.objects.get(pk=a.pk).besluit == "afgewezen"


def test_de_database_weigert_een_besluit_zonder_horen(kind):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Verlofaanvraag.objects.create(
            persoon=kind, gemeente=kind.gemeente, aangevraagd=date(2025, 2, 1),
            van=date(2025, 3, 3), tot=date(2025, 3, 21), aantal_schooldagen=15,
            besluit="toegekend", besluitdatum=date(2025, 2, 10),
        )  # fmt: skip


def test_verlof_besluit_is_niet_aan_de_administratie(
    client, administratie, met_tweede_factor, kind
):
    """Who decides is checked where the request comes in (architectuur.md): the view."""
    a = verlof(administratie, kind)
    c = met_tweede_factor(client, administratie)
    data = {"versie": 1, "besluit": "toegekend", "besluitdatum": "2025-02-10",
            "motivering": "x", "schoolleider_gehoord_op": "2025-02-05"}  # fmt: skip
    assert c.post(f"/vrijstellingen/verlof/{a.pk}/", data).status_code == 403
    assert Verlofaanvraag.objects.get(pk=a.pk).besluit == "open"
