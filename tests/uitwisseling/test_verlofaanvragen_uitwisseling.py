"""verlofaanvragen.csv, an optional file the project added to the exchange format: requests
for verlof of more than 10 school days per school year (art. 14 Leerplichtwet 1969), with
the school days the school head already granted this school year.

Every CHECK constraint of Verlofaanvraag is a row rule of the file, so a bad file is
refused with file, line and column and nothing is stored; the database never has to say
no. An export, imported into an empty database and exported again, gives the same file.
"""

from __future__ import annotations

import csv
import filecmp
from datetime import date
from pathlib import Path

import pytest

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.vrijstellingsregels import VERLOFSOORTEN
from leerplicht.register.models import Gemeente, Persoon, School
from leerplicht.uitwisseling.exporteren import exporteer
from leerplicht.uitwisseling.importeren import importeer
from leerplicht.uitwisseling.tabellen import DOELTABEL_VAN, DOELTABELLEN
from leerplicht.vrijstellingen import models as vrijstellingsmodellen
from leerplicht.vrijstellingen.models import Verlofaanvraag
from portaal.fabrieken import GemeenteFactory, PersoonFactory, VerlofaanvraagFactory
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

BESTAND = "verlofaanvragen.csv"
#: What the file carries; `reden`, `motivering` and `besluitbrief` stay out on purpose.
VELDEN = (
    "persoon_id", "gemeente_id", "school_id", "soort", "aangevraagd", "van", "tot",
    "aantal_schooldagen", "al_verleend_schooldagen", "al_verleend_peildatum",
    "al_verleend_bron", "schoolleider_gehoord_op", "besluit", "besluitdatum",
)  # fmt: skip


def _wis() -> None:
    for doel in reversed(DOELTABELLEN):
        doel.model.objects.all().delete()


def _stand() -> list[dict[str, object]]:
    return list(Verlofaanvraag.objects.order_by("persoon_id", "aangevraagd").values(*VELDEN))


def _lees(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8", newline="") as bron:
        return list(csv.DictReader(bron))


# --- the contract in code -------------------------------------------------------------------


def test_bestand_is_een_optionele_toevoeging_van_het_project():
    spec = formaat.BESTAND_OP_NAAM[BESTAND]
    assert spec.toegevoegd
    assert formaat.BESTANDEN[-1] is spec  # after every file it refers to
    assert not {"reden", "motivering", "besluitbrief"} & set(spec.kolomnamen)
    assert not {
        "school", "al_verleend_schooldagen", "al_verleend_peildatum", "al_verleend_bron",
        "schoolleider_gehoord_op", "besluitdatum",
    } & set(spec.verplichte_kopjes)  # fmt: skip
    # The codes are the model's (the domain layer cannot import the model).
    assert spec.kolom("besluit").codes == vrijstellingsmodellen.VERLOF_BESLUITEN
    assert spec.kolom("soort").codes == VERLOFSOORTEN
    assert DOELTABEL_VAN[BESTAND].versie_kolom == "versie"
    assert not DOELTABEL_VAN[BESTAND].sleutel_is_uniek
    assert DOELTABEL_VAN["inschrijvingen.csv"].sleutel_is_uniek


# --- round trip --------------------------------------------------------------------------------


def _aanvragen() -> None:
    druten = GemeenteFactory(code="GM0225", naam="Druten")
    School.objects.create(
        id="12AB00", brin="12AB", vestiging="00", naam="De Linde", onderwijssoort="bao",
        gemeente=druten,
    )  # fmt: skip
    kind = PersoonFactory(gemeente=druten, geboortedatum=date(2014, 3, 4))
    ander = PersoonFactory(gemeente=druten, geboortedatum=date(2013, 6, 1))
    # 4 days the school head already granted + 7 asked = 11: the leerplichtambtenaar's.
    VerlofaanvraagFactory(
        persoon=kind, school_id="12AB00", aangevraagd=date(2024, 9, 20),
        van=date(2024, 10, 7), tot=date(2024, 10, 15), aantal_schooldagen=7,
        al_verleend_schooldagen=4, al_verleend_peildatum=date(2024, 9, 18),
        al_verleend_bron="opgave directeur De Linde, 18-09-2024",
        reden="familieomstandigheden (vertrouwelijk)",
    )  # fmt: skip
    # The same pupil asked again later for the same days: another request.
    VerlofaanvraagFactory(
        persoon=kind, aangevraagd=date(2024, 9, 27), van=date(2024, 10, 7),
        tot=date(2024, 10, 22), aantal_schooldagen=12, besluit="afgewezen",
        schoolleider_gehoord_op=date(2024, 9, 30), besluitdatum=date(2024, 10, 2),
        motivering="geen gewichtige omstandigheden",
    )  # fmt: skip
    VerlofaanvraagFactory(
        persoon=ander, aangevraagd=date(2024, 9, 2), besluit="toegekend",
        schoolleider_gehoord_op=date(2024, 9, 10), besluitdatum=date(2024, 9, 20),
        motivering="begrafenis in het buitenland",
    )  # fmt: skip


def test_rondgang_export_import_export(tmp_path):
    _aanvragen()
    voor = _stand()
    assert len(voor) == 3

    exporteer(tmp_path / "uit1")
    rijen = _lees(tmp_path / "uit1" / BESTAND)
    assert list(rijen[0]) == list(formaat.VERLOFAANVRAGEN.kolomnamen)
    eerste = next(r for r in rijen if r["al_verleend_schooldagen"] == "4")
    assert eerste["al_verleend_peildatum"] == "2024-09-18"
    assert eerste["al_verleend_bron"] == "opgave directeur De Linde, 18-09-2024"
    assert eerste["school"] == "12AB00"
    # Data minimisation: the free texts are not exported.
    tekst = (tmp_path / "uit1" / BESTAND).read_text(encoding="utf-8")
    assert "vertrouwelijk" not in tekst and "begrafenis" not in tekst

    _wis()
    assert not Verlofaanvraag.objects.exists()
    resultaat = importeer(tmp_path / "uit1")
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    assert {b.bestand: b.nieuw for b in resultaat.bestanden}[BESTAND] == 3
    assert _stand() == voor
    assert set(Verlofaanvraag.objects.values_list("reden", "motivering")) == {("", "")}
    assert set(Verlofaanvraag.objects.values_list("versie", flat=True)) == {1}

    exporteer(tmp_path / "uit2")
    assert filecmp.cmp(tmp_path / "uit1" / BESTAND, tmp_path / "uit2" / BESTAND, shallow=False)

    # Importing the same files again changes nothing.
    opnieuw = importeer(tmp_path / "uit2")
    assert opnieuw.opgeslagen
    verlof = next(b for b in opnieuw.bestanden if b.bestand == BESTAND)
    assert (verlof.nieuw, verlof.gewijzigd, verlof.ongewijzigd) == (0, 0, 3)
    assert Verlofaanvraag.objects.count() == 3


def test_gewijzigde_aanvraag_krijgt_hogere_versie_en_houdt_reden_en_motivering(tmp_path):
    """An import is a change for whoever has the request open (optimistic locking); what
    the file does not carry (reden, motivering) stays as stored."""
    _aanvragen()
    exporteer(tmp_path / "uit")
    pad = tmp_path / "uit" / BESTAND
    rijen = _lees(pad)
    for rij in rijen:
        if rij["al_verleend_schooldagen"] == "4":
            rij["al_verleend_bron"] = "schriftelijke opgave directeur"
    with pad.open("w", encoding="utf-8", newline="") as uit:
        schrijver = csv.DictWriter(uit, fieldnames=list(rijen[0]), lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)

    resultaat = importeer(tmp_path / "uit")
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    verlof = next(b for b in resultaat.bestanden if b.bestand == BESTAND)
    assert (verlof.nieuw, verlof.gewijzigd, verlof.ongewijzigd) == (0, 1, 2)
    gewijzigd = Verlofaanvraag.objects.get(al_verleend_schooldagen=4)
    assert gewijzigd.al_verleend_bron == "schriftelijke opgave directeur"
    assert gewijzigd.versie == 2
    assert gewijzigd.reden == "familieomstandigheden (vertrouwelijk)"
    assert set(
        Verlofaanvraag.objects.exclude(pk=gewijzigd.pk).values_list("versie", flat=True)
    ) == {1}
    assert Verlofaanvraag.objects.count() == 3


# --- row rules ---------------------------------------------------------------------------------


def _set(**waarden: object) -> Uitwisselset:
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    kind = s.persoon("2014-03-04")
    rij: dict[str, object] = {
        "persoon": kind, "gemeente": "GM0225", "soort": "gewichtige_omstandigheden",
        "aangevraagd": "2024-09-02", "van": "2024-10-07", "tot": "2024-10-22",
        "aantal_schooldagen": 12, "besluit": "open",
    }  # fmt: skip
    rij.update(waarden)
    s.voeg_toe(BESTAND, **rij)
    return s


def test_goede_rij_wordt_ingelezen(tmp_path):
    _set().importeer(tmp_path / "set")
    a = Verlofaanvraag.objects.get()
    assert (a.aantal_schooldagen, a.al_verleend_schooldagen, a.al_verleend_bron) == (12, 0, "")
    assert a.school_id is None and a.al_verleend_peildatum is None


BESLUIT = {"besluit": "toegekend", "schoolleider_gehoord_op": "2024-09-10",
           "besluitdatum": "2024-09-20"}  # fmt: skip
AL_VERLEEND = {"al_verleend_schooldagen": 4, "al_verleend_peildatum": "2024-09-01",
               "al_verleend_bron": "opgave directeur"}  # fmt: skip

#: Per CHECK constraint of Verlofaanvraag (and the implicit one of a PositiveIntegerField),
#: a row that breaks it and the error the import gives instead.
FOUTE_RIJEN = {
    "verlofaanvraag_soort": (
        {"soort": "vakantieverlof"},
        "soort: onbekende code 'vakantieverlof' (toegestaan: gewichtige_omstandigheden)",
    ),
    "verlofaanvraag_besluit": (
        {"besluit": "ingetrokken"},
        "besluit: onbekende code 'ingetrokken' (toegestaan: open, toegekend, afgewezen)",
    ),
    "verlof_tot_na_van": ({"tot": "2024-10-01"}, "tot: 2024-10-01 ligt vóór van 2024-10-07"),
    "verlof_besluitdatum_bij_besluit": (
        {**BESLUIT, "besluitdatum": None},
        "besluitdatum: verplicht bij besluit toegekend",
    ),
    "verlof_besluit_na_horen_schoolleider": (
        {**BESLUIT, "schoolleider_gehoord_op": None},
        "schoolleider_gehoord_op: verplicht bij besluit toegekend: de leerplichtambtenaar "
        "beslist na het horen van de directeur van de school (art. 14 lid 3 Leerplichtwet 1969)",
    ),
    "verlof_meer_dan_tien_dagen_per_schooljaar": (
        {**AL_VERLEEND, "aantal_schooldagen": 6},
        "aantal_schooldagen: 4 al verleend + 6 gevraagd = 10 schooldagen in dit schooljaar: "
        "tot en met 10 beslist de directeur van de school, niet de leerplichtambtenaar "
        "(art. 14 lid 1 Leerplichtwet 1969)",
    ),
    "verlof_al_verleend_met_datum_en_bron (datum)": (
        {**AL_VERLEEND, "al_verleend_peildatum": None},
        "al_verleend_peildatum: Leg vast op welke datum bekend was hoeveel dagen de "
        "directeur al verleende (art. 14 lid 1).",
    ),
    "verlof_al_verleend_met_datum_en_bron (bron)": (
        {**AL_VERLEEND, "al_verleend_bron": ""},
        "al_verleend_bron: Leg vast waar het aantal al verleende dagen vandaan komt",
    ),
    "positief geheel getal": (
        {**AL_VERLEEND, "al_verleend_schooldagen": -2},
        "al_verleend_schooldagen: '-2' is negatief: verwacht 0 of meer",
    ),
}


def test_elke_check_constraint_van_het_model_is_een_regel():
    namen = {c.name for c in Verlofaanvraag._meta.constraints}
    assert namen == {n.split(" ")[0] for n in FOUTE_RIJEN} - {"positief"}


@pytest.mark.parametrize(
    ("waarden", "verwacht"),
    [
        *FOUTE_RIJEN.values(),
        # Art. 14 lid 1, without earlier days: 10 asked is the school head's.
        (
            {"aantal_schooldagen": 10, "tot": "2024-10-18"},
            "aantal_schooldagen: 0 al verleend + 10 gevraagd = 10 schooldagen in dit "
            "schooljaar: tot en met 10 beslist de directeur van de school",
        ),
        (
            {"aantal_schooldagen": "twaalf"},
            "aantal_schooldagen: 'twaalf' is geen geheel getal (alleen cijfers, bijvoorbeeld 12)",
        ),
        ({"aantal_schooldagen": "12.5"}, "aantal_schooldagen: '12.5' is geen geheel getal"),
        ({"aantal_schooldagen": "9999999999"}, "aantal_schooldagen: '9999999999' is te groot"),
        (
            {"aantal_schooldagen": 13},
            "aantal_schooldagen: van 2024-10-07 tot en met 2024-10-22 zijn hoogstens 12 "
            "schooldagen",
        ),
        ({"aantal_schooldagen": None}, "aantal_schooldagen: verplicht, maar leeg"),
        (
            {**AL_VERLEEND, "al_verleend_schooldagen": 11, "aantal_schooldagen": 1},
            "al_verleend_schooldagen: De directeur van de school verleent hoogstens 10 "
            "schooldagen per schooljaar (art. 14 lid 1).",
        ),
        (
            {**BESLUIT, "besluitdatum": "2024-09-05"},
            "besluitdatum: 2024-09-05 ligt vóór schoolleider_gehoord_op 2024-09-10",
        ),
        (
            {"besluitdatum": "2024-09-20"},
            "besluitdatum: hoort leeg te zijn zolang het besluit open is",
        ),
        ({"school": "99ZZ00"}, "school: school 99ZZ00 bestaat niet"),
    ],
)
def test_foute_rij_wordt_geweigerd_met_regel_en_kolom_en_niets_opgeslagen(
    tmp_path, waarden, verwacht
):
    resultaat = importeer(_set(**waarden).schrijf(tmp_path / "set"))
    assert not resultaat.opgeslagen
    regels = resultaat.fouten.regels()
    assert any(r.startswith(f"{BESTAND}:2: {verwacht}") for r in regels), regels
    assert not any("database weigerde" in r for r in regels), regels
    # All or nothing: not even the gemeente and the person of the good files are stored.
    assert not Verlofaanvraag.objects.exists()
    assert not Persoon.objects.exists() and not Gemeente.objects.exists()


def test_zelfde_sleutel_met_andere_inhoud_wordt_geweigerd(tmp_path):
    s = _set()
    s.voeg_toe(BESTAND, **{**s.rijen[BESTAND][0], "aantal_schooldagen": 11})
    resultaat = importeer(s.schrijf(tmp_path / "set"))
    assert not resultaat.opgeslagen
    assert (
        f"{BESTAND}:3: persoon, aangevraagd, van: dezelfde sleutel staat ook op regel 2, "
        "met andere inhoud"
    ) in resultaat.fouten.regels()


def test_bestand_zonder_optionele_kolommen(tmp_path):
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    kind = s.persoon("2014-03-04")
    map_ = s.schrijf(tmp_path / "set")
    (map_ / BESTAND).write_text(
        "persoon;gemeente;soort;aangevraagd;van;tot;aantal_schooldagen;besluit\n"
        f"{kind};GM0225;gewichtige_omstandigheden;2024-09-02;2024-10-07;2024-10-22;12;open\n",
        encoding="utf-8",
    )
    resultaat = importeer(map_)
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    a = Verlofaanvraag.objects.get()
    assert (a.persoon_id, a.aantal_schooldagen, a.besluit) == (kind, 12, "open")
    assert (a.al_verleend_schooldagen, a.al_verleend_peildatum, a.al_verleend_bron) == (
        0,
        None,
        "",
    )
    assert a.school_id is None and a.schoolleider_gehoord_op is None and a.besluitdatum is None


def test_bestand_zonder_verplichte_kolom(tmp_path):
    map_ = _set().schrijf(tmp_path / "set")
    pad = map_ / BESTAND
    rijen = _lees(pad)
    with pad.open("w", encoding="utf-8", newline="") as uit:
        velden = [k for k in rijen[0] if k != "aantal_schooldagen"]
        schrijver = csv.DictWriter(
            uit, fieldnames=velden, extrasaction="ignore", lineterminator="\n"
        )
        schrijver.writeheader()
        schrijver.writerows(rijen)
    resultaat = importeer(map_)
    assert not resultaat.opgeslagen
    assert f"{BESTAND}:1: aantal_schooldagen: kolom ontbreekt" in resultaat.fouten.regels()
