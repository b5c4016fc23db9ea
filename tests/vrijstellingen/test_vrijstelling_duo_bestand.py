"""The file for DUO's vrijstellingenregister (assumed layout, duo.vrijstellingenregister_*),
through the adapter, and the command that retries failed registrations."""

from __future__ import annotations

import stat
from datetime import date

import pytest
from django.core.management import call_command

from leerplicht.duo import vrijstellingenregister_formaat as formaat
from leerplicht.duo.koppeling import Vrijstellingsregistratie, duo_koppeling
from leerplicht.vrijstellingen.models import Vrijstelling


def registratie(**velden) -> Vrijstellingsregistratie:
    gegevens = {
        "vrijstelling_id": "V1", "bsn": "123456782", "onderwijsnummer": None,
        "geboortedatum": date(2014, 5, 5), "grond": "5a", "geldig_van": date(2024, 9, 2),
        "geldig_tot": None, "gemeente": "GM0801", "handeling": "registreren",
    } | velden  # fmt: skip
    return Vrijstellingsregistratie(**gegevens)


def test_een_regel_per_registratie_alleen_wat_duo_nodig_heeft():
    inhoud = formaat.schrijf([registratie(), registratie(vrijstelling_id="V2", grond="3b",
                             geldig_tot=date(2025, 7, 31), handeling="intrekken")])  # fmt: skip
    assert inhoud.startswith(b"referentie;bsn;") and b"\r\n" in inhoud
    eerste, tweede = formaat.lees(inhoud)
    assert eerste == {
        "referentie": "V1", "bsn": "123456782", "onderwijsnummer": "",
        "geboortedatum": "20140505", "gemeentecode": "0801", "soort": "VR5A",
        "begindatum": "20240902", "einddatum": "", "mutatie": "A",
    }  # fmt: skip
    assert (tweede["soort"], tweede["einddatum"], tweede["mutatie"]) == ("VL3B", "20250731", "V")


def test_zonder_bsn_het_onderwijsnummer():
    (rij,) = formaat.lees(formaat.schrijf([registratie(bsn=None, onderwijsnummer="100000009")]))
    assert (rij["bsn"], rij["onderwijsnummer"]) == ("", "100000009")


def test_zonder_nummer_geen_bestand():
    with pytest.raises(formaat.OngeldigeRegistratie, match="V1: geen BSN"):
        formaat.schrijf([registratie(bsn=None)])


def test_via_de_adapter_een_bestand_per_gemeente(settings, tmp_path):
    settings.LEERPLICHT_DUO_MAP = tmp_path
    pad = duo_koppeling().registreer_vrijstellingen([registratie()])
    assert pad is not None and pad.parent == tmp_path and pad.name.startswith("VRIJST_0801_")
    assert stat.S_IMODE(pad.stat().st_mode) == 0o600  # BSNs: the application only
    assert not list(tmp_path.glob("*.deel"))
    tweede = duo_koppeling().registreer_vrijstellingen([registratie(vrijstelling_id="V3")])
    assert tweede != pad  # never overwritten, also within the same second
    assert duo_koppeling().registreer_vrijstellingen([]) is None


@pytest.mark.django_db
def test_opnieuw_proberen_met_het_commando(lpa, kind, settings, duo_map):
    besloten = {"besluit": "toegekend", "besluitdatum": date(2024, 8, 30), "versie": 2}
    Vrijstelling.objects.create(id="V-NIET", persoon=kind, gemeente=kind.gemeente, grond="5c",
                                aangevraagd=date(2024, 8, 1), geldig_van=date(2024, 9, 2),
                                **besloten)  # fmt: skip
    # Imported (versie 1, never decided here): DUO has it already.
    Vrijstelling.objects.create(id="V-IMPORT", persoon=kind, gemeente=kind.gemeente, grond="5c",
                                aangevraagd=date(2024, 8, 1), geldig_van=date(2024, 9, 2),
                                besluit="toegekend", besluitdatum=date(2024, 8, 30))  # fmt: skip
    call_command("vrijstellingen-naar-duo")
    (bestand,) = duo_map.glob("VRIJST_*.csv")
    assert [r["referentie"] for r in formaat.lees(bestand.read_bytes())] == ["V-NIET"]
    assert Vrijstelling.objects.get(pk="V-NIET").duo_geregistreerd_op is not None
