"""The Doorstroompunt's figures screen (/doorstroompunt/cijfers/): the numbers of maak_rapport
for the user's gemeenten only, beside the year before; the filter, bad parameters, 403 for
other rollen, and one audit entry without persons.

Data is built in the exchange format and imported (like tests/cijfers/test_rapport_vsv.py),
relative to today: the figures are those of the last closed school year and the one before.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.bewaren.vaststellen import stel_vast
from leerplicht.cijfers.keuze import JAREN_TERUG
from leerplicht.cijfers.rapport import maak_rapport
from leerplicht.dashboard import views_doorstroompunt as views_cijfers
from leerplicht.domein.formattering import getal
from leerplicht.domein.leeftijdsklasse import MELDING_18PLUS, VSV_OPEN
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.register.models import Gemeente
from portaal.html_tabellen import tabellen
from toegang.toegangswereld import aangemeld, maak_gebruiker
from uitwisselset import Uitwisselset

pytestmark = pytest.mark.django_db

URL = "/doorstroompunt/cijfers/"
A, B = "GM0225", "GM0296"  # Druten (the consulent's), Wijchen (another's)
#: B's counts are 7 (vsv) and 5 (meldingen): numbers A's figures never reach.
B_VSV, B_MELDINGEN = 7, 5


def _jaar() -> Schooljaar:
    """The last closed school year: every status date of the data lies in the past."""
    return Schooljaar.van_datum(timezone.localdate()).vorige()


def _d(jaar: Schooljaar, dagen: int) -> str:
    return (jaar.begin + timedelta(days=dagen)).isoformat()


def _vsv(s: Uitwisselset, persoon: str, uit: str, gemeente: str = A, **extra) -> None:
    s.voeg_toe(
        "vsv.csv", id=s.volgend_id("V"), persoon=persoon, gemeente=gemeente, uitgeschreven=uit,
        **extra,
    )  # fmt: skip


@pytest.fixture
def gegevens(tmp_path) -> Schooljaar:
    j = _jaar()
    v = j.vorige()
    s = Uitwisselset()
    s.gemeente(A, "Druten")
    s.gemeente(B, "Wijchen")
    p = s.persoon(f"{j.einde.year - 21}-03-01")  # 21 on 31 July of j, 20 a year before
    q = s.persoon(f"{j.einde.year - 19}-03-01", gemeente=B)
    # A, school year j: new ones in every status, and one of v still in behandeling (oud).
    _vsv(s, p, _d(j, 0))
    _vsv(s, p, _d(j, 30), monitoring_vanaf=_d(j, 60), resultaat="werk_kort")
    _vsv(s, p, _d(j, 30), monitoring_vanaf=_d(j, 60), resultaat="zzp")
    _vsv(s, p, _d(j, 10), afgerond_op=j.einde.isoformat(), resultaat="startkwalificatie")
    _vsv(s, p, _d(v, 5))
    s.melding(p, _d(j, 3), "18plus", actie_gewenst=True)
    s.melding(p, _d(j, 40), "18plus")
    s.melding(p, _d(v, 40), "18plus", actie_gewenst=False)
    # B: seven new vsv'ers and five meldingen of one jongere.
    for _ in range(B_VSV):
        _vsv(s, q, _d(j, 20), gemeente=B)
    for dag in range(B_MELDINGEN):
        s.melding(q, _d(j, 50 + dag), "18plus", gemeente=B, actie_gewenst=True)
    s.importeer(tmp_path / "set")
    return j


def _client(rol: Rol, *codes: str, naam: str = "gebruiker"):
    return aangemeld(maak_gebruiker(naam, rol, list(Gemeente.objects.filter(code__in=codes))))


def _pagina(client, **params) -> tuple[str, dict[str, list[list[str]]]]:
    antwoord = client.get(URL, params)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    return html, tabellen(html)[0]


# --- the expected tables, written out from the rapport (not from the view's code) ---------


def _n(deel: dict, *pad: str) -> str:
    for sleutel in pad:
        deel = deel[sleutel]
    return getal(deel)


def verwachte_tabellen(nu: dict, vorig: dict) -> dict[str, list[list[str]]]:
    g_nu, g_vorig = nu["gemeenten"], vorig["gemeenten"]
    codes = sorted((c for c in g_nu if c != "totaal"), key=lambda c: g_nu[c]["naam"])
    t_nu, t_vorig = g_nu["totaal"], g_vorig["totaal"]
    j = nu["schooljaar"]
    vj = "Vorig jaar"  # the year itself is for screen readers (left out by `tabellen`)

    def per_gemeente(sleutels: list[tuple[str, ...]], koppen: list[str]) -> list[list[str]]:
        rijen = [["Gemeente", *koppen], *[[j, vj] * len(koppen)]]
        for code in [*codes, "totaal"]:
            naam = "Totaal" if code == "totaal" else g_nu[code]["naam"]
            rijen.append(
                [naam]
                + [x for pad in sleutels for x in (_n(g_nu[code], *pad), _n(g_vorig[code], *pad))]
            )
        return rijen

    def cohorten(kop: str, pad: tuple[str, ...], rijen_: list, totaal: tuple | None):
        rijen = [[kop, "Nieuw", "Oud"], [j, vj, j, vj]]
        for sleutel, label in rijen_:
            rijen.append(
                [label]
                + [
                    x
                    for c in ("nieuw", "oud")
                    for x in (_n(t_nu, *pad, c, sleutel), _n(t_vorig, *pad, c, sleutel))
                ]
            )
        if totaal is not None:
            rijen.append(
                ["Totaal"]
                + [
                    x
                    for c in ("nieuw", "oud")
                    for x in (_n(t_nu, *totaal(c)), _n(t_vorig, *totaal(c)))
                ]
            )
        return rijen

    def enkel(kop: str, pad: tuple[str, ...], rijen_: list) -> list[list[str]]:
        rijen = [[kop, j, vj]]
        for sleutel, label in rijen_:
            rijen.append([label, _n(t_nu, *pad, sleutel), _n(t_vorig, *pad, sleutel)])
        m = ("verzuim_18plus", "meldingen")
        return [*rijen, ["Totaal", _n(t_nu, *m), _n(t_vorig, *m)]]

    statussen = ["in_behandeling", "monitoring", "afgerond", "totaal"]
    statuskoppen = ["In behandeling", "Monitoring", "Afgerond", "Totaal"]
    vsv_leeftijden = list(zip((k for k, _ in VSV_OPEN), _VSV_LEEFTIJDEN, strict=True))
    melding_leeftijden = list(zip((k for k, _ in MELDING_18PLUS), _MELDING_LEEFTIJDEN, strict=True))
    return {
        "vsv-nieuw": per_gemeente([("vsv", "nieuw", s) for s in statussen], statuskoppen),
        "vsv-oud": per_gemeente([("vsv", "oud", s) for s in statussen], statuskoppen),
        "vsv-resultaat-monitoring": cohorten(
            "Resultaat",
            ("vsv", "resultaat_monitoring"),
            _RESULTATEN_MONITORING,
            lambda c: ("vsv", c, "monitoring"),
        ),
        "vsv-resultaat-afgerond": cohorten(
            "Resultaat", ("vsv", "resultaat_afgerond"), _RESULTATEN_AFGEROND, None
        ),
        "vsv-leeftijd": cohorten(
            "Leeftijd op 31 juli",
            ("vsv", "leeftijd_31_juli"),
            vsv_leeftijden,
            lambda c: ("vsv", "leeftijd_31_juli", c, "totaal"),
        ),
        "verzuim-18plus": per_gemeente(
            [("verzuim_18plus", k) for k in ("meldingen", "unieke_personen", "recidive")],
            ["Meldingen", "Unieke jongeren", "Recidive"],
        ),
        "verzuim-18plus-actie": enkel(
            "Actie gewenst",
            ("verzuim_18plus", "actie_gewenst"),
            [("ja", "Ja"), ("nee", "Nee"), ("onbekend", "Onbekend")],
        ),
        "verzuim-18plus-leeftijd": enkel(
            "Leeftijd bij de melding",
            ("verzuim_18plus", "leeftijd_bij_melding"),
            melding_leeftijden,
        ),
    }


_RESULTATEN_MONITORING = [
    ("werk_kort", "Werk (kort)"),
    ("werk_6mnd", "Werk (6+ maanden)"),
    ("werk_12mnd", "Werk (12+ maanden)"),
    ("werk_opleiding", "Werk met interne opleiding"),
    ("werk_lks", "Werk met loonkostensubsidie"),
    ("zzp", "Zzp"),
    ("wacht_inkomen", "Wacht op inkomen"),
    ("wacht_inschrijving", "Wacht op inschrijving"),
    ("school", "School (gerelateerd)"),
    ("andere_partij", "Inzet andere partijen"),
    ("participatiewet", "Participatiewet"),
    ("wajong", "Wajong"),
    ("dagbesteding", "Dagbesteding"),
    ("hulpverlening", "Hulpverlening"),
    ("niet_bereikbaar", "Niet bereikbaar / ongemotiveerd"),
    ("overig", "Overig"),
    ("onbekend", "Nog geen resultaat"),
]
_VSV_LEEFTIJDEN = [
    "Jonger dan 18 jaar", "18 jaar", "19 jaar", "20 jaar", "21 jaar", "22 jaar",
    "23 tot en met 26 jaar", "27 jaar en ouder",
]  # fmt: skip
_MELDING_LEEFTIJDEN = [
    "Jonger dan 18 jaar", "18 jaar", "19 jaar", "20 jaar", "21 jaar", "22 jaar",
    "23 jaar en ouder",
]  # fmt: skip
_RESULTATEN_AFGEROND = [
    ("school", "School (gerelateerd)"),
    ("geen_doelgroep", "Geen doelgroep meer"),
    ("startkwalificatie", "Startkwalificatie behaald"),
    ("overig", "Overig"),
    ("onbekend", "Nog geen resultaat"),
]


# --- the numbers are maak_rapport's -------------------------------------------------------


def test_cijfers_gelijk_aan_maak_rapport_voor_de_teammanager_van_twee_gemeenten(gegevens):
    j = gegevens
    client = _client(Rol.TEAMMANAGER, A, B)
    html, rijen = _pagina(client, schooljaar=j.naam)
    nu, vorig = maak_rapport(j, gemeenten=[A, B]), maak_rapport(j.vorige(), gemeenten=[A, B])
    assert rijen == verwachte_tabellen(nu, vorig)
    # Worked out by hand: Druten 1 in behandeling, 2 in monitoring, 1 afgerond (v: 1 new
    # one in behandeling); Wijchen 7 in behandeling; the total is the rapport's.
    assert rijen["vsv-nieuw"][2] == ["Druten", "1", "1", "2", "0", "1", "0", "4", "1"]
    assert rijen["vsv-nieuw"][3] == ["Wijchen", "7", "0", "0", "0", "0", "0", "7", "0"]
    assert rijen["vsv-nieuw"][4] == ["Totaal", "8", "1", "2", "0", "1", "0", "11", "1"]
    assert rijen["vsv-oud"][2][1:3] == ["1", "0"]  # v's traject is oud in j
    assert rijen["verzuim-18plus"][4] == ["Totaal", "7", "1", "2", "1", "2", "0"]
    assert "Cijfers van al uw gemeenten." in html
    assert f'Vorig jaar<span class="portaal-voor-schermlezers"> ({j.vorige().naam})' in html


def test_cijfers_van_het_huidige_schooljaar_zonder_parameters(gegevens):
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    huidig = Schooljaar.van_datum(timezone.localdate())
    html, rijen = _pagina(client)
    assert f'<option value="{huidig.naam}" selected>' in html
    nu = maak_rapport(huidig, gemeenten=[A])
    assert rijen == verwachte_tabellen(nu, maak_rapport(huidig.vorige(), gemeenten=[A]))
    # Nothing new in the current year; j's four and v's one are oud, j's in behandeling.
    assert rijen["vsv-nieuw"][2] == ["Druten", "0", "1", "0", "2", "0", "1", "0", "4"]
    assert rijen["vsv-oud"][2] == ["Druten", "2", "1", "2", "0", "1", "0", "5", "1"]


def test_geen_cijfers_van_een_andere_gemeente(gegevens):
    j = gegevens
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    for params in ({"schooljaar": j.naam}, {"schooljaar": j.naam, "gemeente": B}):
        html, rijen = _pagina(client, **params)
        assert "Wijchen" not in html and B not in html
        alleen_a = maak_rapport(j, gemeenten=[A])
        assert rijen == verwachte_tabellen(alleen_a, maak_rapport(j.vorige(), gemeenten=[A]))
        assert [r[0] for r in rijen["vsv-nieuw"][2:]] == ["Druten", "Totaal"]
        cellen = {c for tabel in rijen.values() for rij in tabel for c in rij[1:]}
        assert not {str(B_VSV), str(B_MELDINGEN)} & cellen  # B's counts nowhere
    assert "Die gemeente hoort niet bij uw gemeenten." in html


def test_filter_op_een_eigen_gemeente(gegevens):
    j = gegevens
    client = _client(Rol.TEAMMANAGER, A, B)
    html, rijen = _pagina(client, schooljaar=j.naam, gemeente=B)
    assert rijen == verwachte_tabellen(
        maak_rapport(j, gemeenten=[B]), maak_rapport(j.vorige(), gemeenten=[B])
    )
    assert [r[0] for r in rijen["verzuim-18plus"][2:]] == ["Wijchen", "Totaal"]
    assert rijen["verzuim-18plus"][3] == ["Totaal", "5", "0", "1", "0", "1", "0"]
    assert f'<option value="{B}" selected>' in html
    assert "Cijfers van Wijchen." in html
    assert "Druten" in html  # as a choice in the filter, not in a table
    assert all("Druten" not in r[0] for tabel in rijen.values() for r in tabel)


@pytest.mark.parametrize(
    "schooljaar",
    ["abc", "2024-2026", "２０２４-２０２５", "1990-1991", "2999-3000", "'<script>", "2024-2025x"],
)
def test_een_onbruikbaar_schooljaar_geeft_het_huidige_met_een_melding(gegevens, schooljaar):
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    html, rijen = _pagina(client, schooljaar=schooljaar)
    huidig = Schooljaar.van_datum(timezone.localdate())
    assert "Dat schooljaar kunt u hier niet kiezen." in html
    assert f'<option value="{huidig.naam}" selected>' in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]
    assert rijen["vsv-nieuw"][0][0] == "Gemeente"


def test_een_onbekende_gemeente_zegt_hetzelfde_als_die_van_een_ander(gegevens):
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    onbekend = client.get(URL, {"gemeente": "GM9999"}).content.decode()
    ander = client.get(URL, {"gemeente": B}).content.decode()
    onzin = client.get(URL, {"gemeente": "\x00<b>"}).content.decode()
    for html in (onbekend, ander, onzin):
        assert "Die gemeente hoort niet bij uw gemeenten." in html
        assert "GM9999" not in html and B not in html and "<b>" not in html


def test_de_vijf_vorige_schooljaren_zijn_te_kiezen(gegevens):
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    huidig = Schooljaar.van_datum(timezone.localdate())
    oudste = huidig.vorige(JAREN_TERUG)
    html, _ = _pagina(client, schooljaar=oudste.naam)
    assert "kunt u hier niet kiezen" not in html
    assert f'<option value="{oudste.naam}" selected>' in html
    assert f'value="{huidig.volgende().naam}"' not in html
    te_oud = client.get(URL, {"schooljaar": oudste.vorige().naam}).content.decode()
    assert "kunt u hier niet kiezen" in te_oud


@pytest.mark.parametrize("rol", [Rol.LEERPLICHTAMBTENAAR, Rol.BELEIDSMEDEWERKER])
def test_andere_rollen_krijgen_403(gegevens, rol):
    client = _client(rol, A)
    assert client.get(URL).status_code == 403
    assert "Cijfers Doorstroompunt" not in client.get("/").content.decode()


def test_in_het_menu_voor_de_consulent(gegevens):
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_zonder_gemeenten_geen_cijfers(gegevens):
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT)
    html, rijen = _pagina(client)
    assert rijen == {}
    assert "U werkt voor geen enkele gemeente" in html
    assert not Auditregel.objects.filter(object_type="doorstroompunt_cijfers").exists()


# --- the total row is the rapport's own; a missing section is shown empty -------------------


def test_de_totaalrij_is_die_van_het_rapport(gegevens, monkeypatch):
    """A rapport whose totaal is not the sum of its gemeenten (never so in reality) shows
    that totaal: the page does not add up anything itself. Dutch notation: 1.234."""
    echt = views_cijfers.rapport_van

    def vervalst(jaar, peildatum=None, *, gemeenten):
        rapport = echt(jaar, peildatum, gemeenten=gemeenten)
        totaal = rapport["gemeenten"]["totaal"]
        totaal["vsv"]["nieuw"]["in_behandeling"] = 1234
        totaal["vsv"]["resultaat_monitoring"]["nieuw"]["werk_kort"] = 2345
        totaal["verzuim_18plus"]["meldingen"] = 3456
        return rapport

    monkeypatch.setattr(views_cijfers, "rapport_van", vervalst)
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    _, rijen = _pagina(client, schooljaar=gegevens.naam)
    assert rijen["vsv-nieuw"][-1][:3] == ["Totaal", "1.234", "1.234"]
    assert rijen["vsv-nieuw"][2][:3] == ["Druten", "1", "1"]
    assert rijen["vsv-resultaat-monitoring"][2][:3] == ["Werk (kort)", "2.345", "2.345"]
    assert rijen["verzuim-18plus-actie"][-1] == ["Totaal", "3.456", "3.456"]
    assert rijen["verzuim-18plus-leeftijd"][-1] == ["Totaal", "3.456", "3.456"]


def test_een_sectie_die_een_vastgesteld_rapport_mist_blijft_leeg(gegevens, monkeypatch):
    echt = views_cijfers.rapport_van

    def oud(jaar, peildatum=None, gemeenten=None):
        rapport = echt(jaar, peildatum, gemeenten=gemeenten)
        if jaar != gegevens:
            for g in rapport["gemeenten"].values():
                del g["verzuim_18plus"]
                del g["vsv"]["leeftijd_31_juli"]
        return rapport

    monkeypatch.setattr(views_cijfers, "rapport_van", oud)
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    html, rijen = _pagina(client, schooljaar=gegevens.naam)
    assert rijen["verzuim-18plus"][2] == ["Druten", "2", "", "1", "", "1", ""]
    assert rijen["vsv-leeftijd"][-1] == ["Totaal", "3", "", "1", ""]
    assert "niet beschikbaar" in html
    assert "Een lege cel: dat cijfer staat niet in de vastgestelde cijfers" in html


def test_een_vastgesteld_schooljaar_toont_de_vastgestelde_cijfers(gegevens):
    """As the start page and `leerplicht rapport`: frozen figures stay, whatever happens to
    the rows later (bewaartermijn)."""
    j = gegevens
    stel_vast(j)
    Vsv.objects.filter(gemeente_id=A).delete()
    client = _client(Rol.CONSULENT_DOORSTROOMPUNT, A)
    _, rijen = _pagina(client, schooljaar=j.naam)
    assert rijen["vsv-nieuw"][2][7] == "4"  # frozen: 4 new ones in j
    # The year after: j, frozen, is its "vorig jaar"; its own figures are computed (0 now).
    _, volgend = _pagina(client, schooljaar=j.volgende().naam)
    assert volgend["vsv-nieuw"][2][7:9] == ["0", "4"]


# --- audit ----------------------------------------------------------------------------------


def test_een_inzien_met_het_filter_zonder_personen(gegevens):
    j = gegevens
    client = _client(Rol.TEAMMANAGER, A, B)
    voor = Auditregel.objects.count()
    client.get(URL, {"schooljaar": j.naam, "gemeente": A})
    client.get(URL, {"gemeente": "GM9999"})
    regels = list(Auditregel.objects.order_by("volgnummer")[voor:])
    assert [(r.actie, r.object_type, r.persoon_id) for r in regels] == [
        ("inzien", "doorstroompunt_cijfers", ""),
        ("inzien", "doorstroompunt_cijfers", ""),
    ]
    assert regels[0].toelichting == {"schooljaar": j.naam, "gemeente": A}
    huidig = Schooljaar.van_datum(timezone.localdate()).naam
    assert regels[1].toelichting == {"schooljaar": huidig, "gemeente": "alle"}
    assert regels[0].velden == ["vsv", "verzuim_18plus"]
