"""The yearly JIKP list: import all or nothing with located Dutch errors, persons matched
by BSN, a later list filling in the situation after three and five years; the list screen
shows only the user's reach."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leerplicht.audit.models import Auditregel
from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.rollen import Rol
from leerplicht.jikp.importeren import OngeldigeJikplijst, importeer
from leerplicht.jikp.models import Jikpregistratie
from leerplicht.register.models import Persoon
from leerplicht.toegang.models import Medewerker
from toegang.toegangswereld import aangemeld

pytestmark = pytest.mark.django_db

KOP = "bsn;peiljaar;herkomst;situatie_1_jaar;situatie_3_jaar;situatie_5_jaar\n"


def _bestand(tmp_path: Path, tekst: str, naam: str = "jikp-2024.csv") -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_import_en_later_bijwerken(regio18, tmp_path):
    bsn = regio18.persoon.bsn
    r = importeer(_bestand(tmp_path, KOP + f"{bsn};2022-2023;entree;werk;;\n"), regio18.gemeente)
    assert (r.nieuw, r.bijgewerkt) == (1, 0)
    rij = Jikpregistratie.objects.get()
    assert (rij.persoon_id, rij.peiljaar, rij.herkomst, rij.situatie_1_jaar) == (
        "P18", "2022-2023", "entree", "werk",
    )  # fmt: skip
    assert (rij.situatie_3_jaar, rij.bron, rij.gemeente_id) == (None, "jikp-2024.csv", "GM9401")
    # Two years later: the three-year situation; an empty cell keeps the 1-year value.
    r = importeer(
        _bestand(tmp_path, KOP + f"{bsn};2022-2023;entree;;uitkering;\n", "jikp-2026.csv"),
        regio18.gemeente,
    )
    assert (r.nieuw, r.bijgewerkt) == (0, 1)
    rij.refresh_from_db()
    assert (rij.situatie_1_jaar, rij.situatie_3_jaar) == ("werk", "uitkering")
    assert Auditregel.objects.filter(actie="importeren", object_type="jikp").count() == 2
    assert Auditregel.objects.filter(actie="wijzigen", object_type="jikpregistratie").exists()


def test_fouten_met_plaats_en_niets_opgeslagen(regio18, tmp_path):
    bsn = regio18.persoon.bsn
    onbekend = test_bsn(99)
    tekst = KOP + (
        f"{bsn};2022-2023;entree;werk;;\n"  # good, but the file has errors: not stored
        f"{bsn};2022-2023;vso;;;\n"  # same person, same peiljaar
        f"{onbekend};2022-2023;pro;;;\n"  # unknown person
        f"{bsn};2022/2023;havo;vakantie;;\n"  # bad peiljaar is skipped by the codes first
    )
    with pytest.raises(OngeldigeJikplijst) as fout:
        importeer(_bestand(tmp_path, tekst), regio18.gemeente)
    regels = fout.value.regels()
    assert "jikp-2024.csv:3: bsn: deze persoon staat voor peiljaar 2022-2023 ook op regel 2" in (
        regels
    )
    assert "jikp-2024.csv:4: bsn: geen persoon met dit BSN in de registratie" in regels
    assert any(r.startswith("jikp-2024.csv:5: herkomst: onbekende code 'havo'") for r in regels)
    assert any(r.startswith("jikp-2024.csv:5: situatie_1_jaar: onbekende code") for r in regels)
    assert not any(onbekend in r for r in regels)  # never a BSN in a message
    assert not Jikpregistratie.objects.exists()


def test_ongeldig_peiljaar(regio18, tmp_path):
    tekst = KOP + f"{regio18.persoon.bsn};2022-2024;entree;;;\n"
    with pytest.raises(OngeldigeJikplijst) as fout:
        importeer(_bestand(tmp_path, tekst), regio18.gemeente)
    assert fout.value.regels() == [
        "jikp-2024.csv:2: peiljaar: ongeldig schooljaar '2022-2024': verwacht bijvoorbeeld 2024-2025"
    ]


def test_kolom_ontbreekt(regio18, tmp_path):
    with pytest.raises(OngeldigeJikplijst) as fout:
        importeer(_bestand(tmp_path, "bsn;peiljaar\n"), regio18.gemeente)
    assert fout.value.regels() == ["jikp-2024.csv:1: herkomst: kolom ontbreekt"]


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_willekeurige_bytes_nooit_een_traceback(regio18, tmp_path, inhoud):
    pad = tmp_path / "rommel.csv"
    pad.write_bytes(inhoud)
    try:
        importeer(pad, regio18.gemeente)
    except OngeldigeJikplijst as fout:
        assert fout.regels()
    assert not Jikpregistratie.objects.exclude(persoon=regio18.persoon).exists()


def test_commando(regio18, tmp_path, capsys):
    pad = _bestand(tmp_path, KOP + f"{regio18.persoon.bsn};2023-2024;pro;school;;\n")
    call_command("jikp-import", str(pad), "--gemeente", "GM9401")
    assert "1 nieuw, 0 bijgewerkt" in capsys.readouterr().out
    with pytest.raises(CommandError, match="gemeente GM0000 bestaat niet"):
        call_command("jikp-import", str(pad), "--gemeente", "GM0000")
    slecht = _bestand(tmp_path, KOP + "123;2023-2024;pro;;;\n", "slecht.csv")
    with pytest.raises(CommandError, match="JIKP-lijst geweigerd: 1 fout"):
        call_command("jikp-import", str(slecht), "--gemeente", "GM9401")
    assert "slecht.csv:2: bsn: geen geldig BSN" in capsys.readouterr().err


def test_lijst_alleen_eigen_bereik(regio18):
    kind = Persoon.objects.create(
        id="PKIND", bsn=test_bsn(72), geboortedatum=date(2013, 1, 1), gemeente=regio18.gemeente
    )
    elders = Persoon.objects.create(
        id="PELDERS", bsn=test_bsn(73), geboortedatum=date(2005, 1, 1), gemeente=regio18.andere
    )
    for persoon in (regio18.persoon, kind, elders):
        Jikpregistratie.objects.create(
            persoon=persoon, gemeente=persoon.gemeente, peiljaar="2023-2024", herkomst="vso",
            bijgewerkt_op="2025-01-01T00:00Z",
        )  # fmt: skip
    html = aangemeld(regio18.consulent).get("/jikp/").content.decode()
    assert "P18" in html and "PKIND" not in html and "PELDERS" not in html
    lpa = Medewerker.objects.create(
        gebruiker=type(regio18.consulent).objects.create_user("lpa.18"),
        rol=Rol.LEERPLICHTAMBTENAAR,
    )
    lpa.gemeenten.set([regio18.gemeente])
    html = aangemeld(lpa.gebruiker).get("/jikp/?peiljaar=2023-2024").content.decode()
    assert "P18" in html and "PKIND" in html and "PELDERS" not in html
    assert "voortgezet speciaal onderwijs" in html and "nog niet bekend" in html
    assert aangemeld(lpa.gebruiker).get("/jikp/?peiljaar=2022-2023").context["aantal"] == 0
