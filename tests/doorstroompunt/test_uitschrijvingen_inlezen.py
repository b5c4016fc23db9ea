"""DUO's list of de-registrations without startkwalificatie: the assumed layout, the use
case (all or nothing, counts), the upload screen and `leerplicht uitschrijvingen`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from leerplicht.doorstroompunt.models import Vsv
from leerplicht.doorstroompunt.uitschrijvingen import neem_uitschrijvingen_in
from leerplicht.duo.bestanden import Bestandskoppeling
from leerplicht.duo.fouten import OngeldigeLevering
from leerplicht.duo.voorbeeld import schrijf_uitschrijvingen_bestand
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Inschrijving, Persoon
from leerplicht.toegang.beleid import SYSTEEM
from portaal.fabrieken import PersoonFactory

pytestmark = pytest.mark.django_db

UIT = date(2025, 3, 3)


@dataclass
class Jongere:
    bsn: str | None
    geboortedatum: date


MEERDERJARIG = Jongere("111222308", date(2006, 1, 10))  # 19 on UIT
MINDERJARIG = Jongere("111222321", date(2009, 6, 1))  # 15 on UIT


def lees(pad) -> list:
    return Bestandskoppeling(map=pad.parent).lees_uitschrijvingen(pad)


def test_voorbeeldbestand_wordt_gelezen(tmp_path):
    pad = tmp_path / "uitschrijvingen.csv"
    schrijf_uitschrijvingen_bestand(pad, [MEERDERJARIG], brin="94MB", vestiging="00",
                                    uitschrijfdatum=UIT)  # fmt: skip
    [rij] = lees(pad)
    assert (rij.bsn, rij.geboortedatum, rij.brin, rij.vestiging, rij.uitschrijfdatum) == (
        "111222308", date(2006, 1, 10), "94MB", "00", UIT,
    )  # fmt: skip
    assert (rij.onderwijssoort, rij.herkomst) == ("mbo", "uitschrijvingen.csv:2")


def test_fouten_met_bestand_regel_en_kolom(tmp_path):
    pad = tmp_path / "lijst.csv"
    pad.write_text(
        "bsn;geboortedatum;brin;vestiging;uitschrijfdatum;onderwijssoort\n"
        "111222308;2006-01-10;94MB;00;2025-03-03;mbo\n"
        "123456789;2006-01-10;94MB;00;gisteren;hbo\n",
        encoding="utf-8",
    )
    with pytest.raises(OngeldigeLevering) as fout:
        lees(pad)
    tekst = "\n".join(fout.value.regels())
    assert "lijst.csv:3: bsn" in tekst
    assert "lijst.csv:3: uitschrijfdatum" in tekst
    assert "lijst.csv:3: onderwijssoort" in tekst
    assert "lijst.csv:2" not in tekst


def test_uitschrijfdatum_voor_geboorte_geweigerd(tmp_path):
    pad = tmp_path / "lijst.csv"
    schrijf_uitschrijvingen_bestand(
        pad, [MEERDERJARIG], brin="94MB", uitschrijfdatum=date(2000, 1, 1)
    )
    with pytest.raises(OngeldigeLevering) as fout:
        lees(pad)
    assert "lijst.csv:2: uitschrijfdatum" in "\n".join(fout.value.regels())


def test_neem_in_maakt_vsv_en_absoluut_verzuim_en_registreert_onbekenden(regio, tmp_path):
    bekend = PersoonFactory(gemeente=regio.gemeente, bsn=MEERDERJARIG.bsn,
                            geboortedatum=MEERDERJARIG.geboortedatum)  # fmt: skip
    Inschrijving.objects.create(persoon=bekend, school=regio.school, van=date(2022, 8, 22))
    pad = tmp_path / "lijst.csv"
    schrijf_uitschrijvingen_bestand(pad, [MEERDERJARIG, MINDERJARIG], brin="94MB", vestiging="00",
                                    uitschrijfdatum=UIT)  # fmt: skip
    resultaat = neem_uitschrijvingen_in(lees(pad), gemeente=regio.gemeente, door=SYSTEEM)
    assert resultaat.als_telling() == {
        "regels": 2, "nieuwe_vsv": 1, "absoluut_verzuim": 1, "nieuwe_personen": 1,
        "zonder_gevolg": 0,
    }  # fmt: skip
    vsv = Vsv.objects.get(persoon=bekend)
    assert (vsv.uitgeschreven, vsv.gemeente_id) == (UIT, regio.gemeente.pk)
    assert Inschrijving.objects.get(persoon=bekend).tot == UIT
    nieuw = Persoon.objects.get(bsn=MINDERJARIG.bsn)
    assert (nieuw.gemeente_id, nieuw.geboortedatum) == (
        regio.gemeente.pk,
        MINDERJARIG.geboortedatum,
    )
    # The enrolment DUO reports is recorded (start unknown: the uitschrijfdatum).
    assert list(Inschrijving.objects.filter(persoon=nieuw).values_list("van", "tot")) == [
        (UIT, UIT)
    ]
    assert Melding.objects.get(persoon=nieuw).soort == "absoluut"
    # The same list again: nothing new, nothing counted twice.
    opnieuw = neem_uitschrijvingen_in(lees(pad), gemeente=regio.gemeente, door=SYSTEEM)
    assert (opnieuw.nieuwe_vsv, opnieuw.zonder_gevolg) == (0, 2)
    assert Vsv.objects.count() == 1


def test_alles_of_niets(regio, tmp_path):
    pad = tmp_path / "lijst.csv"
    schrijf_uitschrijvingen_bestand(pad, [MEERDERJARIG], brin="94MB", vestiging="00",
                                    uitschrijfdatum=UIT)  # fmt: skip
    with pad.open("a", encoding="utf-8") as uit:
        uit.write("111222321;2009-06-01;99ZZ;00;2025-03-03;vo\n")
    with pytest.raises(OngeldigeLevering) as fout:
        neem_uitschrijvingen_in(lees(pad), gemeente=regio.gemeente, door=SYSTEEM)
    assert fout.value.regels() == [
        "lijst.csv:3: vestiging: school 99ZZ00 staat niet in de leerplichtadministratie"
    ]
    assert not Persoon.objects.exists()
    assert not Vsv.objects.exists()


def test_afwijkende_geboortedatum_geweigerd(regio, tmp_path):
    PersoonFactory(gemeente=regio.gemeente, bsn=MEERDERJARIG.bsn, geboortedatum=date(2006, 2, 2))
    pad = tmp_path / "lijst.csv"
    schrijf_uitschrijvingen_bestand(pad, [MEERDERJARIG], brin="94MB", vestiging="00",
                                    uitschrijfdatum=UIT)  # fmt: skip
    with pytest.raises(OngeldigeLevering) as fout:
        neem_uitschrijvingen_in(lees(pad), gemeente=regio.gemeente, door=SYSTEEM)
    assert fout.value.regels()[0].startswith("lijst.csv:2: geboortedatum: wijkt af")
    assert not Vsv.objects.exists()


def test_commando(regio, tmp_path):
    pad = tmp_path / "lijst.csv"
    schrijf_uitschrijvingen_bestand(pad, [MEERDERJARIG], brin="94MB", vestiging="00",
                                    uitschrijfdatum=UIT)  # fmt: skip
    uit = StringIO()
    call_command("uitschrijvingen", str(pad), "--gemeente", regio.gemeente.pk, stdout=uit)
    assert "1 nieuwe vsv-melding" in uit.getvalue()
    assert Vsv.objects.count() == 1
    fout = tmp_path / "fout.csv"
    fout.write_text("bsn;geboortedatum\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("uitschrijvingen", str(fout), stderr=err)
    assert "fout.csv:1" in err.getvalue()


def _upload(client, gemeente: str, inhoud: bytes, naam: str = "lijst.csv"):
    return client.post(
        "/doorstroompunt/uitschrijvingen/",
        {"gemeente": gemeente, "bestand": SimpleUploadedFile(naam, inhoud, "text/csv")},
    )


def test_scherm_leest_in_en_toont_samenvatting(regio, tmp_path):
    pad = tmp_path / "lijst.csv"
    schrijf_uitschrijvingen_bestand(pad, [MEERDERJARIG], brin="94MB", vestiging="00",
                                    uitschrijfdatum=UIT)  # fmt: skip
    assert regio.consulent.get("/doorstroompunt/uitschrijvingen/").status_code == 200
    antwoord = _upload(regio.consulent, regio.gemeente.pk, pad.read_bytes())
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/doorstroompunt/?gemeente={regio.gemeente.pk}"
    vsv = Vsv.objects.get()
    pagina = regio.consulent.get(antwoord["Location"])
    assert "1 nieuwe vsv-melding" in pagina.content.decode()
    assert vsv.pk in pagina.content.decode()


def test_scherm_fouten_en_niets_opgeslagen(regio):
    inhoud = (
        b"bsn;geboortedatum;brin;vestiging;uitschrijfdatum;onderwijssoort\n"
        b"111222308;2006-01-10;94MB;00;2025-13-01;mbo\n"
    )
    antwoord = _upload(regio.consulent, regio.gemeente.pk, inhoud)
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Levering geweigerd: er is niets opgeslagen" in tekst
    assert "lijst.csv:2: uitschrijfdatum" in tekst
    assert not Persoon.objects.exists()
    # Another gemeente than the user's: refused by the form.
    assert _upload(regio.consulent, regio.ander.pk, inhoud).status_code == 400
    assert _upload(regio.consulent, regio.gemeente.pk, b"PK\x03\x04", "x.csv").status_code == 400


def test_alleen_doorstroompunt(regio):
    assert regio.lpa.get("/doorstroompunt/uitschrijvingen/").status_code == 403
