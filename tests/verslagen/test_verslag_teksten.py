"""The team's texts in the jaarverslag (/verslagen/jaarverslag/tekst/): save, put the concept
back, optimistic locking (409), only blocks of the report and the user's own gemeenten
(400), only the teammanager (403); with htmx the block alone comes back. The saved text is
what the page and the files carry (HTML, PDF, XLSX); the CSV carries numbers only.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from verslag_webhulp import A, B, C, bouw, client_voor

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.diensten import maak_jaarverslag
from leerplicht.verslagen.forms import MAX_TEKST
from leerplicht.verslagen.models import Verslagtekst

pytestmark = pytest.mark.django_db

TEKST = "/verslagen/jaarverslag/tekst/"
PAGINA = "/verslagen/jaarverslag/"
EIGEN = "Het team zag dit jaar vooral meer luxe verzuim rond de kerstvakantie."
REGIO = f"{A},{B}"


@pytest.fixture
def jaar(tmp_path) -> Schooljaar:
    return bouw(tmp_path / "set").jaar


@pytest.fixture
def teammanager(jaar):
    return client_voor(Rol.TEAMMANAGER, A, B)


def _post(client, jaar: Schooljaar, tekst: str = EIGEN, versie: int = 0, htmx: bool = False,
          **anders: str):  # fmt: skip
    data = {"schooljaar": jaar.naam, "gemeenten": REGIO, "blok": "inleiding", "versie": versie,
            "tekst": tekst, "actie": "opslaan", **anders}  # fmt: skip
    kop = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(TEKST, data, **kop)


def _blok(pagina: str, blok: str = "inleiding") -> str:
    """The block's HTML: from its opening div up to the next section or block."""
    begin = pagina.index(f'id="tekst-{blok}"')
    einde = pagina.find("</details>", begin)
    return pagina[begin:einde]


def _rij(jaar: Schooljaar, blok: str = "inleiding") -> Verslagtekst | None:
    return Verslagtekst.objects.filter(schooljaar=jaar.naam, gemeenten=REGIO, blok=blok).first()


def test_opslaan_bewerken_en_het_concept_terugzetten(jaar, teammanager):
    concept = next(t for t in maak_jaarverslag(jaar, [A, B]).tekstblokken() if t.id == "inleiding")
    pagina = teammanager.get(PAGINA).content.decode()
    assert 'data-staat="concept"' in _blok(pagina)
    assert concept.concept in _blok(pagina)

    # Save without JavaScript: back to the block (POST, redirect, GET).
    antwoord = _post(teammanager, jaar, EIGEN + "\r\n\r\nTweede alinea.  ")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{PAGINA}?schooljaar={jaar.naam}#tekst-inleiding"
    rij = _rij(jaar)
    assert (rij.tekst, rij.versie, rij.bijgewerkt_door) == (
        EIGEN + "\n\nTweede alinea.",
        1,
        "gebruiker",
    )
    blok = _blok(teammanager.get(PAGINA).content.decode())
    assert 'data-staat="bewerkt"' in blok and "<strong>Bewerkt</strong>" in blok
    assert f'<p class="utrecht-paragraph">{EIGEN}</p>' in blok
    assert "Tweede alinea." in blok and concept.concept in blok  # the concept shown beside it
    assert 'name="versie" value="1"' in blok

    # Edit again with the versie the form had.
    assert _post(teammanager, jaar, "Nieuwe inleiding.", versie=1).status_code == 302
    assert (_rij(jaar).tekst, _rij(jaar).versie) == ("Nieuwe inleiding.", 2)

    # Put the concept back: the stored text goes, the concept follows the numbers again.
    antwoord = _post(teammanager, jaar, "wordt genegeerd", versie=2, actie="terugzetten")
    assert antwoord.status_code == 302
    assert _rij(jaar) is None
    blok = _blok(teammanager.get(PAGINA).content.decode())
    assert 'data-staat="concept"' in blok and 'name="versie" value="0"' in blok

    acties = list(
        Auditregel.objects.filter(object_type="verslagtekst")
        .order_by("pk")
        .values_list("actie", "gebruikersnaam")
    )
    assert acties == [
        ("aanmaken", "gebruiker"),
        ("wijzigen", "gebruiker"),
        ("verwijderen", "gebruiker"),
    ]
    # The text itself never goes into the log.
    assert not Auditregel.objects.filter(object_type="verslagtekst", na__icontains="luxe").exists()


def test_leeg_of_het_concept_zelf_is_het_concept(jaar, teammanager):
    assert _post(teammanager, jaar, EIGEN).status_code == 302
    assert _post(teammanager, jaar, "   ", versie=1).status_code == 302
    assert _rij(jaar) is None
    concept = next(t for t in maak_jaarverslag(jaar, [A, B]).tekstblokken() if t.id == "inleiding")
    assert _post(teammanager, jaar, concept.concept).status_code == 302
    assert _rij(jaar) is None


def test_versieconflict_geeft_409_en_overschrijft_niets(jaar, teammanager):
    assert _post(teammanager, jaar, EIGEN).status_code == 302
    collega = client_voor(Rol.TEAMMANAGER, A, B, naam="collega")
    assert _post(collega, jaar, "De tekst van de collega.", versie=1).status_code == 302

    # Still versie 1 in the form: 409, the colleague's text stays.
    antwoord = _post(teammanager, jaar, "Mijn late wijziging.", versie=1)
    assert antwoord.status_code == 409
    pagina = antwoord.content.decode()
    assert "Iemand anders heeft deze tekst intussen gewijzigd" in pagina
    blok = _blok(pagina)
    assert "Mijn late wijziging." in blok  # to copy from
    assert 'name="versie" value="2"' in blok  # the form goes on from the stored text
    assert _rij(jaar).tekst == "De tekst van de collega."

    # A form that showed the concept (versie 0) while a text was stored: 409 too.
    assert _post(teammanager, jaar, "Nog een.", versie=0).status_code == 409
    # And resetting a text someone else already reset: 409.
    assert _post(collega, jaar, "", versie=2, actie="terugzetten").status_code == 302
    assert _post(teammanager, jaar, "", versie=2, actie="terugzetten").status_code == 409


def test_met_htmx_komt_alleen_het_blok_terug(jaar, teammanager):
    antwoord = _post(teammanager, jaar, EIGEN, htmx=True)
    assert antwoord.status_code == 200
    blok = antwoord.content.decode()
    assert "<html" not in blok and blok.lstrip().startswith("<div")
    assert 'id="tekst-inleiding"' in blok and 'data-staat="bewerkt"' in blok
    assert "De tekst is opgeslagen." in blok and 'role="status"' in blok
    assert 'name="versie" value="1"' in blok
    assert 'hx-target="#tekst-inleiding"' in blok

    antwoord = _post(teammanager, jaar, "te laat", versie=0, htmx=True)
    assert antwoord.status_code == 409
    blok = antwoord.content.decode()
    assert "<html" not in blok and 'role="alert"' in blok and "te laat" in blok

    antwoord = _post(teammanager, jaar, "x" * (MAX_TEKST + 1), versie=1, htmx=True)
    assert antwoord.status_code == 400
    assert "De tekst is te lang" in antwoord.content.decode()
    assert _rij(jaar).tekst == EIGEN

    antwoord = _post(teammanager, jaar, "", versie=1, htmx=True, actie="terugzetten")
    assert antwoord.status_code == 200
    assert "Het concept staat weer in het verslag." in antwoord.content.decode()


@pytest.mark.parametrize(
    "anders",
    [
        {"blok": "bestaat-niet"},
        {"blok": "werkprocessen-verloop"},  # a table of the report, not a text block
        {"gemeenten": C},
        {"gemeenten": f"{A},{C}"},
        {"gemeenten": f"{B},{A}"},  # not the report's key
        {"gemeenten": ""},
        {"schooljaar": "1999-2000"},
        {"schooljaar": "x\x00"},
        {"versie": "x"},
        {"versie": "-1"},
    ],
)
def test_een_vreemd_blok_of_gebied_geeft_400(jaar, teammanager, anders):
    antwoord = _post(teammanager, jaar, **anders)
    assert antwoord.status_code == 400
    assert not Verslagtekst.objects.exists()
    assert "Heumen" not in antwoord.content.decode()


def test_een_gemeente_van_de_teammanager_heeft_eigen_teksten(jaar, teammanager):
    antwoord = _post(teammanager, jaar, "Alleen Druten.", gemeenten=A)
    assert antwoord.status_code == 302
    assert antwoord["Location"].endswith(f"gemeente={A}#tekst-inleiding")
    assert Verslagtekst.objects.get().gemeenten == A
    regio = teammanager.get(PAGINA).content.decode()
    assert "Alleen Druten." not in regio
    assert "Alleen Druten." in teammanager.get(PAGINA, {"gemeente": A}).content.decode()


@pytest.mark.parametrize(
    "rol", [Rol.BELEIDSMEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.ADMINISTRATIEF_MEDEWERKER]
)
def test_alleen_de_teammanager_schrijft(jaar, rol):
    client = client_voor(rol, A, B)
    assert _post(client, jaar).status_code == 403
    assert not Verslagtekst.objects.exists()
    assert client.get(TEKST).status_code in (403, 405)


# --- the files carry the saved text -------------------------------------------------------------


def _bestand(client, formaat: str) -> bytes:
    antwoord = client.get("/verslagen/jaarverslag/bestand/", {"formaat": formaat})
    assert antwoord.status_code == 200
    return antwoord.content


def _xlsx_teksten(inhoud: bytes) -> str:
    boek = load_workbook(io.BytesIO(inhoud))
    return "\n".join(
        str(w) for blad in boek.worksheets for rij in blad.iter_rows(values_only=True) for w in rij
        if isinstance(w, str)
    )  # fmt: skip


def test_de_bestanden_dragen_de_bewerkte_tekst(jaar, teammanager):
    concept = next(t for t in maak_jaarverslag(jaar, [A, B]).tekstblokken() if t.id == "inleiding")
    csv_voor = _bestand(teammanager, "csv")
    assert _post(teammanager, jaar, EIGEN).status_code == 302

    html = _bestand(teammanager, "html").decode()
    assert EIGEN in html and concept.concept not in html
    assert "<textarea" not in html  # the file is the report, not the page

    pdf = PdfReader(io.BytesIO(_bestand(teammanager, "pdf")))
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert EIGEN in tekst and concept.concept not in tekst

    xlsx = _xlsx_teksten(_bestand(teammanager, "xlsx"))
    assert EIGEN in xlsx and concept.concept not in xlsx

    # The CSV is the report's numbers only (one row per cell): no text, old or new.
    assert _bestand(teammanager, "csv") == csv_voor

    # A gemeente's report of the same year keeps its own (concept) text.
    druten = next(t for t in maak_jaarverslag(jaar, [A]).tekstblokken() if t.id == "inleiding")
    assert not druten.bewerkt
