"""Security finding 3 of issue 12, removal: the benchmark page lists the uploads the user may
remove (every owner is one of the user's gemeenten), grouped per bron and school year, and
removes one after a confirmation (POST with CSRF, an audit entry without personal data).
Another team's upload is not removable: 404, exactly as one that does not exist."""

from __future__ import annotations

import re
from io import StringIO

import lxml.html
import pytest
from benchmark_webhulp import (
    BENCHMARK,
    A,
    B,
    C,
    benchmark_op_pagina,
    jaar,
    maak_gemeenten,
    teammanager,
    upload,
)
from django.core.management import call_command

from leerplicht.audit.models import Auditregel
from leerplicht.domein.rollen import Rol
from leerplicht.register.models import Gemeente
from leerplicht.verslagen.models import ALLE_GEMEENTEN, Benchmarkcijfer
from toegang.toegangswereld import aangemeld, maak_gebruiker

pytestmark = pytest.mark.django_db


def _pad(cijfer_id: int) -> str:
    return f"/verslagen/benchmark/{cijfer_id}/verwijderen/"


def _id(bron: str, eigenaars: str) -> int:
    return Benchmarkcijfer.objects.filter(bron=bron, eigenaars=eigenaars).order_by("pk")[0].pk


def _lijst(client) -> list[list[str]]:
    """The rows of the page's table: schooljaar, bron, voor, kengetallen, ingelezen."""
    antwoord = client.get(BENCHMARK)
    assert antwoord.status_code == 200
    rijen = lxml.html.fromstring(antwoord.content.decode()).xpath("//tr[@data-levering]")
    return [[td.text_content().strip() for td in rij.xpath("./td")][:4] for rij in rijen]


def _csrf(pagina: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina).group(1)


@pytest.fixture
def cijfers(tmp_path):
    """Every gemeente's national figure (the command), and uploads of A, B and A+B."""
    maak_gemeenten()
    pad = tmp_path / "landelijk.csv"
    pad.write_text(f"bron;schooljaar;kengetal;percentage\nLandelijk;{jaar()};halt;5\n")
    call_command("benchmark-import", str(pad), stdout=StringIO())
    for naam, codes, bron in (("a", [A], "Bron van A"), ("b", [B], "Bron van B")):
        regels = f"{bron};{jaar()};halt;1\n{bron};{jaar()};luxe_verzuim;2\n"
        assert upload(teammanager(f"upload-{naam}", *codes), regels).status_code == 302
    assert (
        upload(teammanager("upload-ab", A, B), f"Regio Noord;{jaar()};halt;3\n").status_code == 302
    )


def test_lijst_toont_alleen_wat_de_gebruiker_mag_verwijderen(cijfers):
    j = jaar()
    assert _lijst(teammanager("a", A)) == [[j, "Bron van A", "Druten", "2"]]
    assert _lijst(teammanager("b", B)) == [[j, "Bron van B", "Wijchen", "2"]]
    assert _lijst(teammanager("ab", A, B)) == [
        [j, "Bron van A", "Druten", "2"],
        [j, "Bron van B", "Wijchen", "2"],
        [j, "Regio Noord", "Druten, Wijchen", "1"],
    ]
    # Figures of every gemeente: only for whoever works for every gemeente in the register.
    assert [j, "Landelijk", "alle gemeenten", "1"] in _lijst(teammanager("abc", A, B, C))
    pagina = teammanager("c", C).get(BENCHMARK).content.decode()
    assert "Bron van" not in pagina and "Regio Noord" not in pagina and "Landelijk" not in pagina


def test_verwijderen_na_bevestiging_met_csrf_en_auditregel(cijfers):
    tm = teammanager("a", A, csrf=True)
    doel = _id("Bron van A", A)
    bevestiging = tm.get(_pad(doel))
    assert bevestiging.status_code == 200
    pagina = bevestiging.content.decode()
    assert "Bron van A" in pagina and "1,00%" in pagina and "2,00%" in pagina
    assert "Ja, verwijderen" in pagina
    assert Benchmarkcijfer.objects.filter(bron="Bron van A").count() == 2  # GET removes nothing

    # Without the form's CSRF token (another site's form): refused, nothing removed.
    assert tm.post(_pad(doel)).status_code == 403
    assert Benchmarkcijfer.objects.filter(bron="Bron van A").count() == 2

    antwoord = tm.post(_pad(doel), {"csrfmiddlewaretoken": _csrf(pagina)}, follow=True)
    assert antwoord.redirect_chain == [(BENCHMARK, 302)]
    assert "Benchmarkcijfers verwijderd: Bron van A" in antwoord.content.decode()
    assert not Benchmarkcijfer.objects.filter(bron="Bron van A").exists()
    assert set(Benchmarkcijfer.objects.values_list("bron", "eigenaars")) == {
        ("Landelijk", ALLE_GEMEENTEN),
        ("Bron van B", B),
        ("Regio Noord", f"{A},{B}"),
    }
    regel = Auditregel.objects.get(actie="verwijderen", object_type="benchmark")
    assert regel.toelichting == {
        "bron": "Bron van A",
        "schooljaar": jaar(),
        "gemeenten": [A],
        "kengetallen": ["halt", "luxe_verzuim"],
    }
    assert regel.gebruikersnaam == "a" and regel.persoon_id == ""
    # A's report: without A's own bron; the region's and the country's still cover A.
    assert set(benchmark_op_pagina(tm)) == {"Landelijk", "Regio Noord"}


def test_teammanager_van_b_kan_cijfers_van_a_niet_verwijderen(cijfers):
    tm_b = teammanager("b", B)
    doel = _id("Bron van A", A)
    assert tm_b.get(_pad(doel)).status_code == 404
    antwoord = tm_b.post(_pad(doel))
    assert antwoord.status_code == 404
    assert "Bron van A" not in antwoord.content.decode()
    # Nor the region's upload, nor every gemeente's: B is not every owner.
    assert tm_b.post(_pad(_id("Regio Noord", f"{A},{B}"))).status_code == 404
    assert tm_b.post(_pad(_id("Landelijk", ALLE_GEMEENTEN))).status_code == 404
    assert tm_b.post(_pad(999_999)).status_code == 404
    assert Benchmarkcijfer.objects.count() == 6
    assert not Auditregel.objects.filter(actie="verwijderen").exists()


def test_teammanager_van_a_kan_het_regiocijfer_niet_verwijderen_die_van_a_en_b_wel(cijfers):
    regio = _id("Regio Noord", f"{A},{B}")
    assert teammanager("a", A).post(_pad(regio)).status_code == 404
    assert teammanager("ab", A, B).post(_pad(regio)).status_code == 302
    assert not Benchmarkcijfer.objects.filter(bron="Regio Noord").exists()
    landelijk = _id("Landelijk", ALLE_GEMEENTEN)
    assert teammanager("ab2", A, B).post(_pad(landelijk)).status_code == 404  # C exists
    assert teammanager("abc", A, B, C).post(_pad(landelijk)).status_code == 302
    regel = Auditregel.objects.filter(actie="verwijderen").order_by("pk").last()
    assert regel.toelichting["gemeenten"] == "alle"


def test_andere_rollen_verwijderen_niets(cijfers):
    doel = _id("Bron van A", A)
    gemeente = Gemeente.objects.get(code=A)
    for rol in (Rol.BELEIDSMEDEWERKER, Rol.LEERPLICHTAMBTENAAR):
        client = aangemeld(maak_gebruiker(f"r-{rol}", rol, [gemeente]))
        assert client.get(_pad(doel)).status_code == 403
        assert client.post(_pad(doel)).status_code == 403
    assert Benchmarkcijfer.objects.filter(bron="Bron van A").count() == 2
