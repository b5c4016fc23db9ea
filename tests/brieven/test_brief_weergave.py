"""Templates to PDF: the default letters, the placeholder checks and the upload checks."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brieven.brief_hulp import pdf_tekst
from leerplicht.brieven import weergave
from leerplicht.brieven.plaatshouders import (
    PLAATSHOUDERS,
    bekende_namen,
    datum_tekst,
    maak_context,
    voorbeeldfeiten,
)
from leerplicht.brieven.soorten import BRIEFSOORTEN
from leerplicht.brieven.standaardsjablonen import standaard_docx
from leerplicht.brieven.weergave import Sjabloonfout


def docx_met(*alineas: str) -> bytes:
    document = WordDocument()
    for alinea in alineas:
        document.add_paragraph(alinea)
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def test_datum_in_het_nederlands():
    assert datum_tekst(date(2025, 3, 5)) == "5 maart 2025"
    assert datum_tekst(date(2024, 12, 31)) == "31 december 2024"
    assert datum_tekst(None) == ""


@pytest.mark.parametrize("soort", list(BRIEFSOORTEN))
def test_standaardsjabloon_gebruikt_alleen_bekende_plaatshouders(soort):
    weergave.controleer_docx_bestand(standaard_docx(soort))
    weergave.controleer_plaatshouders(standaard_docx(soort), soort)


def test_elke_plaatshouder_hoort_bij_minstens_een_soort():
    for p in PLAATSHOUDERS:
        assert p.soorten <= set(BRIEFSOORTEN), p.naam
        assert p.soorten, p.naam


@pytest.mark.parametrize("soort", ["uitnodiging", "besluit_verlof"])
def test_voorbeeld_van_een_soort_naar_pdf(soort):
    tekst = pdf_tekst(
        weergave.maak_pdf(standaard_docx(soort), maak_context(voorbeeldfeiten(soort)))
    )
    assert "Team Leerplicht" in tekst  # letterhead from the house style
    assert "Sanne Voorbeeld" in tekst
    assert "5 maart 2025" in tekst
    assert "pagina 1 van 1" in tekst


def test_onbekende_plaatshouder_wordt_genoemd_met_zijn_alinea():
    sjabloon = docx_met("Geachte ouders,", "Uw kind {{ leerling.voornaam }} verzuimt.")
    with pytest.raises(Sjabloonfout) as fout:
        weergave.controleer_sjabloon(sjabloon, "kennisgevingsbrief")
    melding = str(fout.value)
    assert "{{ leerling.voornaam }}" in melding
    assert "alinea 2" in melding
    assert "Uw kind" in melding


def test_onbekende_naam_bovenaan_wordt_genoemd():
    with pytest.raises(Sjabloonfout, match=r"\{\{ leerlingnaam \}\}"):
        weergave.controleer_plaatshouders(docx_met("Beste {{ leerlingnaam }}"), "waarschuwing")


def test_plaatshouder_van_een_andere_soort_zegt_waar_hij_wel_bestaat():
    with pytest.raises(Sjabloonfout) as fout:
        weergave.controleer_plaatshouders(docx_met("Om {{ gesprek.tijd }} uur"), "waarschuwing")
    assert "Uitnodiging voor een gesprek" in str(fout.value)


def test_fout_in_een_lus_wordt_bij_de_proefweergave_gevonden():
    sjabloon = docx_met("{%p for m in meldingen %}", "{{ m.school }}", "{%p endfor %}")
    weergave.controleer_plaatshouders(sjabloon, "kennisgevingsbrief")  # statically fine
    with pytest.raises(Sjabloonfout, match="school"):
        weergave.controleer_sjabloon(sjabloon, "kennisgevingsbrief")


def test_kapotte_plaatshouder_krijgt_een_nederlandse_melding():
    with pytest.raises(Sjabloonfout, match=r"alinea 1.*Controleer of elke"):
        weergave.controleer_plaatshouders(docx_met("Beste {{ aan.naam }"), "waarschuwing")


def test_sandbox_laat_geen_python_binnen():
    sjabloon = docx_met("{{ datum.__class__.__mro__ }}")
    with pytest.raises(Sjabloonfout):
        weergave.controleer_sjabloon(sjabloon, "waarschuwing")
    with pytest.raises(Sjabloonfout):
        weergave.vul_docx(sjabloon, maak_context(voorbeeldfeiten("waarschuwing")))


def test_geen_docx_wordt_geweigerd():
    with pytest.raises(Sjabloonfout, match="geen Word-document"):
        weergave.controleer_docx_bestand(b"%PDF-1.7 dit is geen docx", "brief.pdf")


def test_ander_zip_bestand_wordt_geweigerd():
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as archief:
        archief.writestr("gegevens.csv", "a,b\n1,2\n")
    with pytest.raises(Sjabloonfout, match="mist de onderdelen"):
        weergave.controleer_docx_bestand(uit.getvalue(), "sjabloon.docx")


def test_docx_met_macros_wordt_geweigerd():
    bron = zipfile.ZipFile(io.BytesIO(standaard_docx("waarschuwing")))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as archief:
        for lid in bron.infolist():
            archief.writestr(lid, bron.read(lid))
        archief.writestr("word/vbaProject.bin", b"\x00" * 10)
    with pytest.raises(Sjabloonfout, match="macro"):
        weergave.controleer_docx_bestand(uit.getvalue(), "sjabloon.docm")


def test_te_groot_bestand_wordt_geweigerd():
    with pytest.raises(Sjabloonfout, match="te groot"):
        weergave.controleer_docx_bestand(b"PK" + b"\x00" * weergave.MAX_GROOTTE, "groot.docx")


def test_zip_bom_wordt_geweigerd():
    bron = zipfile.ZipFile(io.BytesIO(standaard_docx("waarschuwing")))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        for lid in bron.infolist():
            archief.writestr(lid.filename, bron.read(lid))
        archief.writestr("word/media/leeg.bin", b"\x00" * (5 * 1024**2))
    with pytest.raises(Sjabloonfout, match="zip-bom"):
        weergave.controleer_docx_bestand(uit.getvalue(), "bom.docx")


def test_extern_plaatje_wordt_niet_opgehaald():
    """The renderer fetches only embedded images: a file:// reference is ignored."""
    pdf = weergave.html_naar_pdf(
        '<p>tekst</p><img src="file:///etc/passwd" alt="">',
        afzender={"naam": "Team"},
        titel="t",
        kopie_aan="",
    )
    assert "root:" not in pdf_tekst(pdf)
    assert "tekst" in pdf_tekst(pdf)


#: Text a medewerker might type: no control characters other than a line break.
_INVOER = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(naam=_INVOER, toelichting=_INVOER)
def test_ingevulde_tekst_komt_letterlijk_in_de_brief(naam, toelichting):
    """Whatever is typed (<, &, quotes, braces) lands in the Word document as typed:
    escaped for XML, never read as a placeholder."""
    feiten = voorbeeldfeiten("kennisgevingsbrief")
    gegevens = {**feiten.gegevens, "leerling_naam": naam, "toelichting": toelichting}
    context = maak_context(type(feiten)(**{**feiten.__dict__, "gegevens": gegevens}))
    ingevuld = weergave.vul_docx(standaard_docx("kennisgevingsbrief"), context)
    tekst = "\n".join(p.text for p in WordDocument(io.BytesIO(ingevuld)).paragraphs)
    assert naam.strip() in tekst
    assert toelichting.strip() in tekst


def test_bekende_namen_bevatten_ook_het_eerste_deel():
    namen = bekende_namen("uitnodiging")
    assert {"gesprek", "gesprek.tijd", "aan", "aan.naam", "datum"} <= namen
    assert "afspraken" not in namen


def test_stuurtekens_en_windows_regeleinden_worden_opgeruimd():
    feiten = voorbeeldfeiten("waarschuwing")
    gegevens = {**feiten.gegevens, "leerling_naam": "No\x01or\x0c", "afspraken": "een\r\ntwee"}
    context = maak_context(type(feiten)(**{**feiten.__dict__, "gegevens": gegevens}))
    assert context["leerling"]["naam"] == "Noor"
    assert context["afspraken"] == "een\ntwee"


def test_logo_in_het_sjabloon_komt_in_de_pdf():
    from PIL import Image

    plaatje = io.BytesIO()
    Image.new("RGB", (40, 20), (21, 66, 115)).save(plaatje, format="PNG")
    plaatje.seek(0)
    document = WordDocument()
    document.add_picture(plaatje)
    document.add_paragraph("Datum: {{ datum }}")
    uit = io.BytesIO()
    document.save(uit)
    pdf = weergave.maak_pdf(uit.getvalue(), maak_context(voorbeeldfeiten("waarschuwing")))
    assert b"/Subtype /Image" in pdf
    assert "Datum: 5 maart 2025" in pdf_tekst(pdf)


def test_gebruikersdocumentatie_noemt_elke_plaatshouder():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "gebruikers" / "brieven.md").read_text()
    for p in PLAATSHOUDERS:
        assert f"{{{{ {p.naam} }}}}" in doc, p.naam
