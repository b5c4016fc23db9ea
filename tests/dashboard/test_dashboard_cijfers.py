"""The dashboard's tabs (/dashboard/<onderwerp>/): the numbers of maak_rapport (or the frozen
figures) for the chosen filter, the school-type filter picking the rapport's column, bad
parameters, the beleidsmedewerker's scope, one audit entry, three rapporten per tab.

Expected cells are written out from the rapport here, not from the view's code.
"""

from __future__ import annotations

import json
import re

import pytest
from dashboardwereld import C_MELDINGEN, C_WERKPROCESSEN, A, B, C, client_voor
from django.utils import timezone

from leerplicht.audit.models import Auditregel
from leerplicht.bewaren.models import Vastgesteldrapport, sha256_van
from leerplicht.bewaren.vaststellen import rapport_van, stel_vast
from leerplicht.cijfers.rapport import maak_rapport
from leerplicht.cijfers.secties.leerplichttelling import RIJEN as TELLING_RIJEN
from leerplicht.dashboard import views
from leerplicht.dashboard.onderwerpen import ONDERWERPEN
from leerplicht.domein.codes import (
    MELDING_SOORTEN,
    PROCES_VERBAAL_VERZUIM,
    VRIJSTELLING_GRONDEN,
    WERKPROCES_RESULTATEN,
    WERKPROCES_TYPEN,
)
from leerplicht.domein.formattering import getal, procent
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.percentage import verandering
from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.werkprocessen.models import Werkproces
from portaal.html_tabellen import tabellen

pytestmark = pytest.mark.django_db

GEEN_FILTER = "Het filter op onderwijssoort geldt niet voor dit tabblad"


def _pagina(client, tab: str = "leerlingen", **params) -> tuple[str, dict[str, list[list[str]]]]:
    antwoord = client.get(f"/dashboard/{tab}/", params)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    return html, tabellen(html)[0]


def _n(deel: dict, *pad: str) -> int:
    for sleutel in pad:
        deel = deel[sleutel]
    return deel


def _rij(label: str, nu: int, vorig: int) -> list[str]:
    """A row as the page shows it: this year, the year before, the change."""
    return [label, getal(nu), getal(vorig), procent(verandering(nu, vorig), teken=True)]


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _rapporten(j: Schooljaar, gemeenten: list[str]) -> tuple[dict, dict]:
    return (
        maak_rapport(j, gemeenten=gemeenten)["gemeenten"],
        maak_rapport(j.vorige(), gemeenten=gemeenten)["gemeenten"],
    )


# --- the numbers are the rapport's --------------------------------------------------------


def test_leerlingen_en_werkprocessen_gelijk_aan_maak_rapport(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    html, t = _pagina(client, schooljaar=j.naam)
    nu, vorig = _rapporten(j, [A, B])
    tn, tv = nu["totaal"], vorig["totaal"]
    assert t["leerlingen"][1:] == [
        _rij(
            "Volledig leerplichtig",
            tn["leerlingen"]["leerplichtig"],
            tv["leerlingen"]["leerplichtig"],
        ),
        _rij(
            "Kwalificatieplichtig",
            tn["leerlingen"]["kwalificatieplichtig"],
            tv["leerlingen"]["kwalificatieplichtig"],
        ),
        _rij("Totaal", tn["leerlingen"]["totaal"], tv["leerlingen"]["totaal"]),
    ]
    assert t["werkprocessen"][1:] == [
        *(
            _rij(_hoofdletter(naam), tn["werkprocessen"][soort], tv["werkprocessen"][soort])
            for soort, naam in WERKPROCES_TYPEN.items()
        ),
        _rij("Totaal", tn["werkprocessen"]["totaal"], tv["werkprocessen"]["totaal"]),
    ]
    assert t["werkprocessen-percentage"][3] == [
        "Percentage van de leerlingen",
        procent(tn["werkprocessen"]["percentage_leerlingen"]),
        procent(tv["werkprocessen"]["percentage_leerlingen"]),
        "",
    ]
    # Per gemeente (the teammanager has two), then the rapport's own total.
    per = t["werkprocessen-per-gemeente"]
    assert [r[0] for r in per[2:]] == ["Druten", "Wijchen", "Totaal"]
    for rij, code in zip(per[2:], (A, B, "totaal"), strict=True):
        assert (
            rij[1:4]
            == _rij(
                "", nu[code]["werkprocessen"]["totaal"], vorig[code]["werkprocessen"]["totaal"]
            )[1:]
        )
    assert "Cijfers van al uw gemeenten." in html


def test_de_andere_tabbladen_gelijk_aan_maak_rapport(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    nu, vorig = _rapporten(j, [A, B])
    tn, tv = nu["totaal"], vorig["totaal"]

    _, t = _pagina(client, "meldingen", schooljaar=j.naam)
    alle = [sum(d["meldingen"][s]["totaal"] for s in MELDING_SOORTEN) for d in (tn, tv)]
    assert t["meldingen"][1:] == [
        *(
            _rij(_hoofdletter(naam), tn["meldingen"][s]["totaal"], tv["meldingen"][s]["totaal"])
            for s, naam in MELDING_SOORTEN.items()
        ),
        _rij("Alle meldingen", *alle),
    ]
    uniek = t["meldingen-personen"][2]
    assert uniek[1:3] == [
        getal(tn["meldingen"]["unieke_personen"]["absoluut"]),
        getal(tv["meldingen"]["unieke_personen"]["absoluut"]),
    ]
    assert t["meldingen-onderwijssoort"][1] == [
        "Absoluut verzuim",
        *(getal(tn["meldingen"]["absoluut"][g]) for g in (*GROEPEN, "totaal")),
    ]

    _, t = _pagina(client, "leerplichttelling", schooljaar=j.naam)
    assert [r[1:3] for r in t["leerplichttelling"][1:]] == [
        [getal(tn["leerplichttelling"][r]["totaal"]), getal(tv["leerplichttelling"][r]["totaal"])]
        for r in TELLING_RIJEN
    ]

    _, t = _pagina(client, "handhaving", schooljaar=j.naam)
    pv = tn["handhaving"]["proces_verbaal"], tv["handhaving"]["proces_verbaal"]
    assert t["processen-verbaal"][1:] == [
        *(_rij(_hoofdletter(n), pv[0][v], pv[1][v]) for v, n in PROCES_VERBAAL_VERZUIM.items()),
        _rij("Totaal", pv[0]["totaal"], pv[1]["totaal"]),
    ]
    assert t["handhaving"][2] == _rij(
        "Halt-verwijzingen", tn["handhaving"]["halt"], tv["handhaving"]["halt"]
    )

    _, t = _pagina(client, "vrijstellingen", schooljaar=j.naam)
    v5a = [tn["vrijstellingen"]["5a"], tv["vrijstellingen"]["5a"]]
    assert t["vrijstellingen"][4][:7] == [
        _hoofdletter(VRIJSTELLING_GRONDEN["5a"]),
        *_rij("", v5a[0]["behandeld"], v5a[1]["behandeld"])[1:],
        *_rij("", v5a[0]["toegekend"], v5a[1]["toegekend"])[1:],
    ]
    toegekend = [
        sum(d["vrijstellingen"][g]["toegekend"] for g in VRIJSTELLING_GRONDEN) for d in (tn, tv)
    ]
    assert t["vrijstellingen"][-1][4:7] == _rij("", *toegekend)[1:]

    _, t = _pagina(client, "thuiszitters", schooljaar=j.naam)
    assert t["thuiszitters"][2] == _rij(
        "Nieuwe thuiszitters", tn["thuiszitters"]["nieuw"], tv["thuiszitters"]["nieuw"]
    )

    _, t = _pagina(client, "resultaten", schooljaar=j.naam)
    assert t["resultaten"][1:] == [
        *(
            _rij(_hoofdletter(naam), tn["resultaten"][r], tv["resultaten"][r])
            for r, naam in {**WERKPROCES_RESULTATEN, "onbekend": "zonder resultaat"}.items()
        ),
        _rij("Totaal", tn["resultaten"]["totaal"], tv["resultaten"]["totaal"]),
    ]

    _, t = _pagina(client, "doorstroompunt", schooljaar=j.naam)
    assert t["vsv"][-1] == [
        "Totaal",
        *_rij("", tn["vsv"]["nieuw"]["totaal"], tv["vsv"]["nieuw"]["totaal"])[1:],
        *_rij("", tn["vsv"]["oud"]["totaal"], tv["vsv"]["oud"]["totaal"])[1:],
    ]
    assert t["verzuim-18plus"][1] == _rij(
        "Meldingen verzuim 18+",
        tn["verzuim_18plus"]["meldingen"],
        tv["verzuim_18plus"]["meldingen"],
    )


def test_filter_op_gemeente_toont_die_gemeente(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    html, t = _pagina(client, schooljaar=j.naam, gemeente=B)
    nu, vorig = _rapporten(j, [B])
    assert t["werkprocessen"][-1] == _rij(
        "Totaal", nu[B]["werkprocessen"]["totaal"], vorig[B]["werkprocessen"]["totaal"]
    )
    assert "werkprocessen-per-gemeente" not in t  # one gemeente: no table per gemeente
    assert "Cijfers van Wijchen." in html
    assert f'<option value="{B}" selected>' in html


@pytest.mark.parametrize("groep", list(GROEPEN))
def test_filter_op_onderwijssoort_kiest_de_kolom_van_het_rapport(wereld, groep):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    nu, vorig = _rapporten(j, [A, B])
    tn, tv = nu["totaal"], vorig["totaal"]

    _, t = _pagina(client, schooljaar=j.naam, groep=groep)
    per = [d["werkprocessen_per_onderwijssoort"] for d in (tn, tv)]
    assert t["werkprocessen"][1:-1] == [
        _rij(_hoofdletter(naam), per[0][s][groep], per[1][s][groep])
        for s, naam in WERKPROCES_TYPEN.items()
    ]
    assert t["werkprocessen"][-1] == _rij(
        "Totaal", *(sum(p[s][groep] for s in WERKPROCES_TYPEN) for p in per)
    )

    _, t = _pagina(client, "meldingen", schooljaar=j.naam, groep=groep)
    assert t["meldingen"][1:-1] == [
        _rij(_hoofdletter(n), tn["meldingen"][s][groep], tv["meldingen"][s][groep])
        for s, n in MELDING_SOORTEN.items()
    ]

    html, t = _pagina(client, "leerplichttelling", schooljaar=j.naam, groep=groep)
    assert [r[1:3] for r in t["leerplichttelling"][1:]] == [
        [getal(tn["leerplichttelling"][r][groep]), getal(tv["leerplichttelling"][r][groep])]
        for r in TELLING_RIJEN
    ]
    assert GEEN_FILTER not in html
    assert f'<option value="{groep}" selected>' in html


def test_de_filter_kiest_echt_een_andere_kolom(wereld):
    """The data has werkprocessen in several groups: the filter changes the numbers."""
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    totalen = {
        groep: _pagina(client, schooljaar=j.naam, groep=groep)[1]["werkprocessen"][-1][1]
        for groep in ("", "bao_sbo", "vo", "mbo", "geen")
    }
    assert len(set(totalen.values())) == len(totalen), totalen


@pytest.mark.parametrize(
    "tab", ["handhaving", "vrijstellingen", "thuiszitters", "resultaten", "doorstroompunt"]
)
def test_zonder_splitsing_zegt_het_tabblad_dat_het_filter_niet_geldt(wereld, tab):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    zonder, tabellen_zonder = _pagina(client, tab, schooljaar=j.naam)
    met, tabellen_met = _pagina(client, tab, schooljaar=j.naam, groep="vo")
    assert GEEN_FILTER in met and GEEN_FILTER not in zonder
    assert tabellen_met == tabellen_zonder


def test_vastgestelde_cijfers_ook_zonder_de_nieuwe_sectie(wereld):
    """A frozen year shows its frozen figures; one frozen before `werkprocessen_per_
    onderwijssoort` existed shows empty cells (said on the page), not an error."""
    j = wereld.jaar
    stel_vast(j.vorige())
    client = client_voor(Rol.TEAMMANAGER, A, B)
    Werkproces.objects.filter(geopend__range=(j.vorige().begin, j.vorige().einde)).update(
        type="vsv"
    )
    _, t = _pagina(client, schooljaar=j.naam)
    bevroren = rapport_van(j.vorige(), gemeenten=[A, B])["gemeenten"]["totaal"]
    assert t["werkprocessen"][1][2] == getal(bevroren["werkprocessen"]["zorg_preventie"]) != "0"

    vastgesteld = Vastgesteldrapport.objects.get(schooljaar=j.vorige().naam)
    oud = json.loads(vastgesteld.json)
    for deel in oud["gemeenten"].values():
        del deel["werkprocessen_per_onderwijssoort"]
    vastgesteld.json = json.dumps(oud, ensure_ascii=False, indent=2)
    vastgesteld.sha256 = sha256_van(vastgesteld.json)
    vastgesteld.save()
    html, t = _pagina(client, schooljaar=j.naam, groep="vo")
    assert t["werkprocessen"][1][2:] == ["", ""]
    assert "Een lege cel: dat cijfer staat niet in de vastgestelde cijfers" in html
    assert "niet beschikbaar" in html


def test_drie_rapporten_per_tabblad(wereld, monkeypatch):
    """The tab with its trend builds one rapport per school year shown: three, no more."""
    j = wereld.jaar
    gevraagd = []

    def tellend(jaar, peildatum=None, gemeenten=None):
        gevraagd.append((jaar, tuple(gemeenten)))
        return rapport_van(jaar, peildatum, gemeenten=gemeenten)

    monkeypatch.setattr(views, "rapport_van", tellend)
    client = client_voor(Rol.TEAMMANAGER, A, B)
    html, _ = _pagina(client, "meldingen", schooljaar=j.naam, gemeente=A)
    assert sorted(gevraagd) == [(j.vorige(2), (A,)), (j.vorige(), (A,)), (j, (A,))]
    assert html.count("<svg") == 2  # one chart of a distribution, one trend


# --- bad parameters: never a 500, never another gemeente ----------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"schooljaar": "abc"},
        {"schooljaar": "2024-2026"},
        {"schooljaar": "1990-1991"},
        {"schooljaar": "\x00"},
        {"schooljaar": "２０２４-２０２５"},
        {"gemeente": C},
        {"gemeente": "GM9999"},
        {"gemeente": "\x00<b>"},
        {"groep": "universiteit"},
        {"groep": "vo\x00"},
        {"groep": "<script>"},
    ],
)
@pytest.mark.parametrize("tab", ["leerlingen", "meldingen", "resultaten"])
def test_slechte_parameters_geven_de_eigen_cijfers_met_een_melding(wereld, params, tab):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    html, t = _pagina(client, tab, **params)
    assert "Heumen" not in html and C not in html
    formulier = html.split('<form method="get"', 1)[1].split("</form>", 1)[0]
    meldingen = re.findall(r'role="status">.*?</div></div>', html, re.S)
    for waarde in params.values():
        assert all(waarde not in tekst for tekst in [formulier, *meldingen])
    melding = re.search(r'role="status">.*?<p class="utrecht-paragraph">(.*?)</p>', html, re.S)
    assert melding is not None and "U ziet" in melding.group(1)
    cellen = {c for tabel in t.values() for rij in tabel for c in rij[1:]}
    assert not {str(C_WERKPROCESSEN), str(C_MELDINGEN)} & cellen
    assert t  # the own figures are shown


def test_onbekend_tabblad_is_404(wereld):
    client = client_voor(Rol.TEAMMANAGER, A)
    assert client.get("/dashboard/bestaatniet/").status_code == 404


# --- the beleidsmedewerker: figures of the own gemeente, never a list ---------------------


def test_beleidsmedewerker_ziet_alleen_de_eigen_gemeente_en_geen_lijsten(wereld):
    j = wereld.jaar
    client = client_voor(Rol.BELEIDSMEDEWERKER, A)
    nu, vorig = _rapporten(j, [A])
    for params in ({"schooljaar": j.naam}, {"schooljaar": j.naam, "gemeente": B}):
        for tab in ONDERWERPEN:
            html, t = _pagina(client, tab, **params)
            assert "Wijchen" not in html and B not in html and "Heumen" not in html
            assert "/dashboard/werkprocessen/" not in html
            assert all(r[0] != "Wijchen" for tabel in t.values() for r in tabel)
    _, t = _pagina(client, schooljaar=j.naam)
    assert t["werkprocessen"][-1] == _rij(
        "Totaal", nu[A]["werkprocessen"]["totaal"], vorig[A]["werkprocessen"]["totaal"]
    )
    lijst = client.get("/dashboard/werkprocessen/", {"schooljaar": j.naam, "type": "vsv"})
    assert lijst.status_code == 403
    assert 'href="/dashboard/"' in client.get("/").content.decode()  # in the menu


@pytest.mark.parametrize("rol", [Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER])
def test_rollen_zonder_cijfers_krijgen_403(wereld, rol):
    client = client_voor(rol, A)
    assert client.get("/dashboard/").status_code == 403
    assert 'href="/dashboard/"' not in client.get("/").content.decode()


def test_zonder_gemeenten_geen_cijfers(wereld):
    client = client_voor(Rol.BELEIDSMEDEWERKER)
    html, t = _pagina(client)
    assert t == {} and "U werkt voor geen enkele gemeente" in html
    assert not Auditregel.objects.filter(object_type="dashboard").exists()


# --- page: audit, tabs, CSP ---------------------------------------------------------------


def test_een_auditregel_zonder_personen(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    _pagina(client, "meldingen", schooljaar=j.naam, gemeente=A, groep="vo")
    regel = Auditregel.objects.get(object_type="dashboard")
    assert regel.actie == "inzien" and regel.persoon_id == ""
    assert regel.velden == ["meldingen"]
    assert regel.toelichting == {
        "onderwerp": "meldingen",
        "schooljaar": j.naam,
        "gemeente": A,
        "onderwijssoort": "vo",
    }


def test_tabbladen_zijn_links_met_het_filter_en_aria_current(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    html, _ = _pagina(client, "handhaving", schooljaar=j.naam, groep="mbo")
    nav = html.split('class="dashboard-tabs"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)
    assert [t for _, _, t in links] == [o.titel for o in ONDERWERPEN.values()]
    assert [t for _, huidig, t in links if huidig] == ["Handhaving"]
    for (href, _, _), slug in zip(links, ONDERWERPEN, strict=True):
        assert href == f"/dashboard/{slug}/?schooljaar={j.naam}&amp;groep=mbo"
    # /dashboard/ itself is the first tab.
    start = client.get("/dashboard/").content.decode()
    assert 'aria-current="page">Leerlingen en werkprocessen</a>' in start
    huidig = Schooljaar.van_datum(timezone.localdate())
    assert f'<option value="{huidig.naam}" selected>' in start


def test_geen_inline_stijl_voor_de_csp(wereld):
    """Charts are inline SVG with presentation attributes: style-src 'self' blocks style=""."""
    client = client_voor(Rol.TEAMMANAGER, A, B)
    html, _ = _pagina(client, schooljaar=wereld.jaar.naam)
    main = html.split("<main", 1)[1]
    assert main.count("<svg") == 2
    assert "style=" not in main and "<style" not in main
    assert 'role="img"' in main and "<desc id=" in main
