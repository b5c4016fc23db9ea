"""Issue 13: a melding of wettelijk verzuim that came more than 5 working days after the
16 hours were reached is visibly late, on the melding page and in the list per school."""

from __future__ import annotations

from datetime import date

import pytest

from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.meldingen import meldtermijn
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Persoon, School

pytestmark = pytest.mark.django_db

JAAR = Schooljaar(2023)  # 2023-2024: March 2024
TEKST = "Te laat gemeld (Leerplichtwet art. 21: binnen 5 werkdagen)"
# 16 hours reached on Monday 4 March 2024: the school may report up to Monday 11 March.
BEREIKT = date(2024, 3, 4)


@pytest.fixture
def persoon(regio):
    return Persoon.objects.create(
        id="P1", bsn=test_bsn(41), geboortedatum=date(2010, 4, 1), gemeente=regio.gemeente
    )


def melding(regio, persoon, nummer: str, gemeld: date, *, soort="wettelijk", school=None,
            gemeente=None, verzuim_tot=BEREIKT) -> Melding:  # fmt: skip
    return Melding.objects.create(
        meldingsnummer=nummer, persoon=persoon, gemeente=gemeente or regio.gemeente,
        datum=gemeld, soort=soort, school=school or regio.school, status="nieuw", bron="duo",
        verzuim_van=date(2024, 2, 12), verzuim_tot=verzuim_tot,
    )  # fmt: skip


def test_termijn_van_een_melding(regio, persoon):
    op_tijd = meldtermijn.termijn(melding(regio, persoon, "M1", date(2024, 3, 11)))
    te_laat = meldtermijn.termijn(melding(regio, persoon, "M2", date(2024, 3, 13)))
    assert op_tijd is not None and not op_tijd.te_laat
    assert op_tijd.laatste_dag == date(2024, 3, 11)
    assert te_laat is not None and te_laat.te_laat and te_laat.werkdagen_te_laat == 2
    # Other kinds of verzuim have no term; nor has a melding without its period.
    assert (
        meldtermijn.termijn(melding(regio, persoon, "M3", date(2024, 5, 1), soort="luxe")) is None
    )
    assert (
        meldtermijn.termijn(melding(regio, persoon, "M4", date(2024, 5, 1), verzuim_tot=None))
        is None
    )


def test_te_laat_per_school_alleen_zichtbare_meldingen(regio, persoon):
    ander = School.objects.create(
        id="32CC00", brin="32CC", vestiging="00", naam="De Linde", onderwijssoort="bao",
        gemeente=regio.gemeente,
    )  # fmt: skip
    melding(regio, persoon, "M1", date(2024, 3, 11))  # on time
    melding(regio, persoon, "M2", date(2024, 3, 12))  # late
    melding(regio, persoon, "M3", date(2024, 3, 20), school=ander)  # late
    melding(regio, persoon, "M4", date(2024, 3, 25), school=ander)  # late
    melding(regio, persoon, "M5", date(2024, 3, 25), soort="overig")  # no term
    melding(regio, persoon, "M6", date(2023, 3, 25))  # another school year
    vreemd = Persoon.objects.create(
        id="P2", bsn=test_bsn(42), geboortedatum=date(2010, 4, 1), gemeente=regio.andere
    )
    melding(regio, vreemd, "M7", date(2024, 3, 25), gemeente=regio.andere)  # not visible
    scholen = meldtermijn.te_laat_per_school(regio.administratie, JAAR)
    assert [(s.naam, s.gemeld, [m.meldingsnummer for m in s.te_laat]) for s in scholen] == [
        ("De Linde", 2, ["M3", "M4"]),
        ("Het Baken", 2, ["M2"]),
    ]


def test_meldingpagina_toont_te_laat_met_de_wet(regio, persoon, als):
    melding(regio, persoon, "M1", date(2024, 3, 13))
    melding(regio, persoon, "M2", date(2024, 3, 11))
    client = als(regio.administratie)
    te_laat = client.get("/meldingen/M1/").content.decode()
    assert TEKST in te_laat
    assert "melden kon tot en met 11-03-2024" in te_laat and "2 werkdagen te laat" in te_laat
    op_tijd = client.get("/meldingen/M2/").content.decode()
    assert TEKST not in op_tijd and "Op tijd gemeld" in op_tijd


@pytest.mark.parametrize("rol", ["administratie", "teammanager"])
def test_lijst_per_school(regio, persoon, als, rol):
    melding(regio, persoon, "M2", date(2024, 3, 12))
    antwoord = als(getattr(regio, rol)).get("/meldingen/te-laat-per-school/?schooljaar=2023-2024")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Het Baken (31AA00)" in tekst and 'href="/meldingen/M2/"' in tekst
    assert "te laat gemeld (Leerplichtwet art. 21: binnen 5 werkdagen)" in tekst
    assert "1 werkdag te laat" in tekst


def test_lijst_zonder_te_late_meldingen(regio, persoon, als):
    melding(regio, persoon, "M1", date(2024, 3, 11))
    tekst = (
        als(regio.administratie)
        .get("/meldingen/te-laat-per-school/?schooljaar=2023-2024")
        .content.decode()
    )
    assert "Geen te laat gemelde meldingen in schooljaar 2023-2024." in tekst


def test_lijst_niet_voor_de_consulent_doorstroompunt(regio, als):
    assert als(regio.consulent).get("/meldingen/te-laat-per-school/").status_code == 403
