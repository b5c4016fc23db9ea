"""leerplicht import: all or nothing, idempotent, located Dutch errors, round trip."""

from __future__ import annotations

import filecmp
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

from leerplicht.domein.bsn import test_bsn
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.uitwisseling.exporteren import exporteer
from leerplicht.uitwisseling.importeren import importeer
from leerplicht.uitwisseling.tabellen import DOELTABELLEN
from leerplicht.werkprocessen.models import Interventie, Werkproces
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db


def basisset() -> Uitwisselset:
    s = Uitwisselset()
    s.gemeente("GM0225", "Druten")
    s.gemeente("GM0296", "Wijchen")
    bao = s.school("12AB", "bao")
    s.voeg_toe(
        "scholen.csv",
        brin="13CD",
        vestiging=None,
        naam="Maaswaal",
        onderwijssoort="vo",
        gemeente="GM0296",
    )
    p = s.persoon("2012-03-04")
    q = s.persoon("2008-08-01", gemeente="GM0296", startkwalificatie="2024-06-30")
    s.inschrijving(p, "12AB", "2018-08-01")  # brin alone: one vestiging
    s.inschrijving(q, "13CD", "2020-08-01", "2024-07-31")
    w = s.werkproces(p, "2024-09-02", behandelaar="lpa.jansen")
    s.melding(p, "2024-09-01", "wettelijk", school=bao, werkproces=w)
    s.melding(q, "2024-09-01", "18plus", actie_gewenst=True)
    s.interventie(w, "2024-09-10", "gesprek")
    s.interventie(w, "2024-10-10", "proces_verbaal", tegen="ouders", verzuim="relatief")
    s.interventie(w, "2024-11-10", "halt", uitkomst="positief", id="eigen-id-1")
    s.voeg_toe(
        "vrijstellingen.csv",
        id="V1",
        persoon=p,
        gemeente="GM0225",
        grond="5a",
        aangevraagd="2024-06-01",
        besluit="toegekend",
        besluitdatum="2024-07-01",
        geldig_van="2024-08-01",
        geldig_tot="2025-07-31",
    )
    s.voeg_toe("thuiszitters.csv", id="T1", persoon=p, gemeente="GM0225", van="2024-10-01")
    s.voeg_toe(
        "vsv.csv",
        id="S1",
        persoon=q,
        gemeente="GM0296",
        uitgeschreven="2024-07-31",
        monitoring_vanaf="2024-10-01",
        resultaat="werk_kort",
    )
    return s


def aantallen() -> dict[str, int]:
    return {d.spec.naam: d.model.objects.count() for d in DOELTABELLEN}


def fouten_van(pad: Path) -> list[str]:
    resultaat = importeer(pad)
    assert not resultaat.opgeslagen
    return resultaat.fouten.regels()


def test_import_slaat_alles_op_en_is_idempotent(tmp_path):
    map_ = basisset().schrijf(tmp_path / "set")
    eerste = importeer(map_)
    assert eerste.opgeslagen and not eerste.fouten
    assert {b.bestand: b.nieuw for b in eerste.bestanden}["interventies.csv"] == 3
    assert Persoon.objects.get(id="P000001").bsn is not None
    assert Inschrijving.objects.get(persoon_id="P000001").school_id == "12AB00"
    assert School.objects.get(id="13CD").vestiging is None
    assert Melding.objects.get(soort="18plus").actie_gewenst is True
    assert Interventie.objects.filter(id="eigen-id-1").exists()
    assert Werkproces.objects.get().behandelaar == "lpa.jansen"
    voor = aantallen()

    tweede = importeer(map_)
    assert tweede.opgeslagen
    assert all(b.nieuw == 0 and b.gewijzigd == 0 for b in tweede.bestanden)
    assert aantallen() == voor


def test_gewijzigde_rij_wordt_bijgewerkt_en_geteld(tmp_path):
    s = basisset()
    s.importeer(tmp_path / "a")
    s.rijen["gemeenten.csv"][0]["naam"] = "Druten (gewijzigd)"
    s.rijen["personen.csv"][0]["startkwalificatie"] = "2025-06-30"
    resultaat = s.importeer(tmp_path / "b")
    per_bestand = {b.bestand: (b.nieuw, b.gewijzigd, b.ongewijzigd) for b in resultaat.bestanden}
    assert per_bestand["gemeenten.csv"] == (0, 1, 1)
    assert per_bestand["personen.csv"] == (0, 1, 1)
    assert Gemeente.objects.get(code="GM0225").naam == "Druten (gewijzigd)"


def test_export_import_in_lege_database_export_geeft_identieke_bestanden(tmp_path):
    basisset().importeer(tmp_path / "bron")
    exporteer(tmp_path / "uit1")
    for doel in reversed(DOELTABELLEN):
        doel.model.objects.all().delete()
    assert sum(aantallen().values()) == 0
    assert importeer(tmp_path / "uit1").opgeslagen
    exporteer(tmp_path / "uit2")
    namen = sorted(p.name for p in (tmp_path / "uit1").iterdir())
    # The ten files of the contract and the optional verlofaanvragen.csv the project added.
    assert namen == sorted(d.spec.naam for d in DOELTABELLEN) and len(namen) == 11
    gelijk, verschil, fout = filecmp.cmpfiles(
        tmp_path / "uit1", tmp_path / "uit2", namen, shallow=False
    )
    assert verschil == [] and fout == [] and len(gelijk) == 11
    exporteer(tmp_path / "uit.zip")
    with zipfile.ZipFile(tmp_path / "uit.zip") as zf:
        assert zf.read("personen.csv") == (tmp_path / "uit1" / "personen.csv").read_bytes()


def test_zip_puntkomma_en_bom_worden_gelezen(tmp_path):
    s = basisset()
    map_ = s.schrijf(tmp_path / "set", scheiding=";")
    bestand = map_ / "personen.csv"
    bestand.write_bytes(b"\xef\xbb\xbf" + bestand.read_bytes())
    zip_pad = tmp_path / "set.zip"
    with zipfile.ZipFile(zip_pad, "w") as zf:
        for p in map_.iterdir():
            zf.write(p, f"export/{p.name}")  # inside one folder
    resultaat = importeer(zip_pad)
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    assert Persoon.objects.count() == 2


def _kapotte_set(tmp_path: Path, bestand: str, inhoud: bytes) -> Path:
    map_ = basisset().schrijf(tmp_path / "set")
    (map_ / bestand).write_bytes(inhoud)
    return map_


GOEDE_PERSONEN_KOP = b"id,bsn,geboortedatum,gemeente,startkwalificatie\n"


@pytest.mark.parametrize(
    ("bestand", "inhoud", "verwacht"),
    [
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b"X1,,2012-02-30,GM0225,\n",
            "personen.csv:2: geboortedatum: '2012-02-30' is geen bestaande datum",
        ),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b"X1,,12-02-2012,GM0225,\n",
            "personen.csv:2: geboortedatum: '12-02-2012' is geen datum (verwacht JJJJ-MM-DD)",
        ),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b"X1,123456789,2012-02-03,GM0225,\n",
            "personen.csv:2: bsn: geen geldig BSN (9 cijfers die voldoen aan de elfproef)",
        ),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b"X1,,2012-02-03,GM0999,\n",
            "personen.csv:2: gemeente: GM0999 bestaat niet (niet in gemeenten.csv en niet in de database)",
        ),
        (
            "personen.csv",
            b"id,bsn,gemeente,startkwalificatie\nX1,,GM0225,\n",
            "personen.csv:1: geboortedatum: kolom ontbreekt",
        ),
        (
            "personen.csv",
            b"id,bsn,geboortedatum,gemeente,startkwalificatie,naam\nX1,,2012-02-03,GM0225,,Jan\n",
            "personen.csv:1: naam: onbekende kolom",
        ),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b"X1,,2012-02-03,GM0225,\nX1,,2012-02-04,GM0225,\n",
            "personen.csv:3: id: dezelfde sleutel staat ook op regel 2, met andere inhoud",
        ),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP
            + "X1,,2012-02-03,GM0225,\nX\xe9,,2012".encode("latin-1")
            + b"-02-03,GM0225,\n",
            "personen.csv:3: id: ongeldige tekens: het bestand is geen UTF-8",
        ),
        ("personen.csv", b"", "personen.csv:1: -: leeg bestand: de kopregel ontbreekt"),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b'X1,,2012-02-03,"GM02',
            "personen.csv:2: -: bestand houdt halverwege op (een aanhalingsteken wordt niet gesloten)",
        ),
        (
            "personen.csv",
            GOEDE_PERSONEN_KOP + b"X1,,2012-02-03\n",
            "personen.csv:2: -: 3 velden, verwacht 5 (zoals de kopregel)",
        ),
        (
            "meldingen.csv",
            b"meldingsnummer,persoon,gemeente,datum,soort\nM9,P000001,GM0225,2024-09-01,spijbelen\n",
            "meldingen.csv:2: soort: onbekende code 'spijbelen' (toegestaan: absoluut, wettelijk, langdurig, luxe, overig, 18plus)",
        ),
        (
            "meldingen.csv",
            b"meldingsnummer,persoon,gemeente,datum,soort,school\nM9,P000001,GM0225,2024-09-01,luxe,99ZZ00\n",
            "meldingen.csv:2: school: school 99ZZ00 bestaat niet (niet in scholen.csv en niet in de database; bij meer vestigingen: brin en vestiging, bijvoorbeeld 12AB00)",
        ),
        (
            "meldingen.csv",
            b"meldingsnummer,persoon,gemeente,datum,soort\nM9,PX,GM0225,2024-09-01,luxe\n",
            "meldingen.csv:2: persoon: PX bestaat niet (niet in personen.csv en niet in de database)",
        ),
        (
            "interventies.csv",
            b"werkproces,datum,soort,tegen,verzuim,uitkomst\nW000003,2024-09-01,proces_verbaal,,,\n",
            "interventies.csv:2: tegen: verplicht bij een proces-verbaal (ouders of jongere)",
        ),
        (
            "werkprocessen.csv",
            b"id,persoon,gemeente,type,geopend,gesloten,resultaat,onderwijssoort,behandelaar\n"
            b"W1,P000001,GM0225,relatief_verzuim,2024-09-01,2024-08-01,school,,\n",
            "werkprocessen.csv:2: gesloten: 2024-08-01 ligt vóór geopend 2024-09-01",
        ),
        ("leerlingen.csv", b"id\n1\n", "leerlingen.csv:1: -: onbekend bestand"),
    ],
)
def test_foute_invoer_wordt_geheel_geweigerd_met_plaats(tmp_path, bestand, inhoud, verwacht):
    basisset().importeer(tmp_path / "eerst")  # something already stored must stay as it was
    exporteer(tmp_path / "voor")
    voor = aantallen()
    fouten = fouten_van(_kapotte_set(tmp_path, bestand, inhoud))
    assert any(f.startswith(verwacht) for f in fouten), fouten
    assert aantallen() == voor
    exporteer(tmp_path / "na")
    namen = [p.name for p in (tmp_path / "voor").iterdir()]
    gelijk, verschil, _ = filecmp.cmpfiles(tmp_path / "voor", tmp_path / "na", namen, shallow=False)
    assert verschil == [] and sorted(gelijk) == sorted(namen)


def test_geen_zip_en_niet_bestaand_pad(tmp_path):
    nep = tmp_path / "export.zip"
    nep.write_bytes(b"PK\x03\x04 dit is geen zip")
    assert fouten_van(nep) == ["export.zip:1: -: geen map en geen geldig zip-bestand (BadZipFile)"]
    assert fouten_van(tmp_path / "weg") == ["weg:1: -: bestaat niet"]


def test_alle_fouten_tot_een_maximum(tmp_path):
    regels = b"".join(b"X%d,,2012-13-01,GM0225,\n" % i for i in range(500))
    map_ = _kapotte_set(tmp_path, "personen.csv", GOEDE_PERSONEN_KOP + regels)
    resultaat = importeer(map_, max_fouten=50)
    assert resultaat.fouten.aantal >= 50
    regels_ = resultaat.fouten.regels()
    assert len(regels_) == 51 and regels_[-1].startswith("... na 50 fouten is de controle gestopt")


def test_controleer_slaat_niets_op(tmp_path):
    resultaat = importeer(basisset().schrijf(tmp_path / "set"), alleen_controleren=True)
    assert not resultaat.fouten and not resultaat.opgeslagen
    assert sum(aantallen().values()) == 0


def test_commando_geeft_samenvatting_en_foutcode(tmp_path, capsys):
    map_ = basisset().schrijf(tmp_path / "set")
    call_command("import", str(map_))
    uit = capsys.readouterr().out
    assert "personen.csv" in uit and "2 nieuw" in uit and "Import geslaagd" in uit
    (map_ / "gemeenten.csv").write_text("code,naam\nXX,Fout\n", encoding="utf-8")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Import geweigerd: 1 fout"):
        call_command("import", str(map_))
    assert "gemeenten.csv:2: code: 'XX' is geen CBS-gemeentecode" in capsys.readouterr().err


def test_na_een_import_heeft_de_database_verse_statistieken(tmp_path):
    """ANALYZE after a load: the planner knows the tables (SQLite keeps none by itself)."""
    from django.db import connection

    call_command("import", str(basisset().schrijf(tmp_path / "set")))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'register_persoon'")
        else:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'register_persoon'")
        assert cursor.fetchone()[0] > 0


def _bsn(volgnummer: int) -> str:
    while (bsn := test_bsn(volgnummer)) is None:
        volgnummer += 1
    return bsn


def test_een_bsn_hoort_bij_een_persoon(tmp_path):
    basisset().importeer(tmp_path / "eerst")
    voor = aantallen()
    opgeslagen = Persoon.objects.get(id="P000001").bsn
    nieuw = _bsn(777)
    personen = (
        GOEDE_PERSONEN_KOP
        + f"X1,{nieuw},2012-02-03,GM0225,\n".encode()
        + b"X2,,2012-02-03,GM0225,\n"  # two persons without a BSN are fine
        + b"X3,,2012-02-03,GM0225,\n"
        + f"X4,{nieuw},2013-02-03,GM0225,\n".encode()
        + f"X5,{opgeslagen},2013-02-03,GM0225,\n".encode()
    )
    fouten = fouten_van(_kapotte_set(tmp_path, "personen.csv", personen))
    assert fouten == [
        "personen.csv:5: bsn: hetzelfde BSN staat op regel 2 bij een andere persoon",
        "personen.csv:6: bsn: dit BSN hoort in de database al bij persoon P000001",
    ]
    assert aantallen() == voor


def test_personen_zonder_bsn_worden_ingelezen(tmp_path):
    map_ = tmp_path / "set"
    map_.mkdir()
    (map_ / "gemeenten.csv").write_bytes(b"code,naam\nGM0225,Druten\n")
    (map_ / "personen.csv").write_bytes(
        GOEDE_PERSONEN_KOP + b"X2,,2012-02-03,GM0225,\nX3,,2012-02-03,GM0225,\n"
    )
    resultaat = importeer(map_)
    assert resultaat.opgeslagen, resultaat.fouten.regels()
    assert Persoon.objects.filter(bsn__isnull=True).count() == 2
