"""The drill-down from a number of the dashboard to the werkprocessen it counts
(/dashboard/werkprocessen/): for every type and every resultaat the list is exactly as long
as the number, and holds exactly the rows the rapport counted; only for rollen that see
dossiers, within their reach; logged like other lists."""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from dashboardwereld import A, B, C, client_voor

from leerplicht.audit.models import Auditregel
from leerplicht.cijfers.rapport import maak_rapport
from leerplicht.domein.codes import WERKPROCES_RESULTATEN, WERKPROCES_TYPEN
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.rollen import Rol
from leerplicht.toegang.beleid import DOORSTROOMPUNT_WERKPROCESSEN
from leerplicht.werkprocessen.models import Werkproces

pytestmark = pytest.mark.django_db

LIJST = "/dashboard/werkprocessen/"
#: A number that opens a list: <a ...href="LIJST?...">12<span ...>
_LINK = re.compile(
    r'<a class="utrecht-link utrecht-link--html-a" href="(/dashboard/werkprocessen/\?[^"]+)">([\d.]+)<'
)
_WERKPROCES = re.compile(
    r'<a class="utrecht-link utrecht-link--html-a" href="/werkprocessen/([^/"]+)/">'
)


def _links(client, tab: str, **params) -> list[tuple[str, int, dict[str, str]]]:
    html = client.get(f"/dashboard/{tab}/", params).content.decode()
    uitkomst = []
    for href, tekst in _LINK.findall(html):
        href = htmllib.unescape(href)
        vraag = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
        uitkomst.append((href, int(tekst.replace(".", "")), vraag))
    return uitkomst


def _lijst(client, href: str) -> list[str]:
    antwoord = client.get(href)
    assert antwoord.status_code == 200, href
    return _WERKPROCES.findall(antwoord.content.decode())


@pytest.mark.parametrize("groep", ["", *GROEPEN])
def test_elke_lijst_is_zo_lang_als_het_cijfer(wereld, groep):
    """For every type (both years shown) and, without a group, every resultaat: the list's
    length is the number that links to it, and the number is the rapport's."""
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    gezien: set[tuple[str, str]] = set()
    for tab in ("leerlingen", "resultaten"):
        for href, aantal, vraag in _links(client, tab, schooljaar=j.naam, groep=groep):
            assert len(_lijst(client, href)) == aantal, href
            assert vraag.get("groep", "") == (groep if "type" in vraag else "")
            gezien.add(
                ("type", vraag["type"]) if "type" in vraag else ("resultaat", vraag["resultaat"])
            )
    nu = maak_rapport(j, gemeenten=[A, B])["gemeenten"]["totaal"]
    vorig = maak_rapport(j.vorige(), gemeenten=[A, B])["gemeenten"]["totaal"]
    for deel in (nu, vorig):
        for soort in WERKPROCES_TYPEN:
            n = (
                deel["werkprocessen_per_onderwijssoort"][soort][groep]
                if groep
                else deel["werkprocessen"][soort]
            )
            if n:  # every number above 0 opens its list
                assert ("type", soort) in gezien, soort
    if not groep:
        # Every type and every resultaat (with "zonder resultaat") has a number to open.
        assert {t for k, t in gezien if k == "type"} == set(WERKPROCES_TYPEN)
        assert {r for k, r in gezien if k == "resultaat"} == {*WERKPROCES_RESULTATEN, "onbekend"}


def test_lijst_bevat_precies_de_getelde_werkprocessen(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    for soort in WERKPROCES_TYPEN:
        verwacht = Werkproces.objects.filter(
            gemeente__in=[A, B], type=soort, geopend__range=(j.begin, j.einde)
        ).values_list("pk", flat=True)
        ids = _lijst(client, f"{LIJST}?schooljaar={j.naam}&type={soort}")
        assert sorted(ids) == sorted(verwacht) and len(set(ids)) == len(ids), soort
    zonder = Werkproces.objects.filter(
        gemeente=B, resultaat__isnull=True, gesloten__range=(j.begin, j.einde)
    ).values_list("pk", flat=True)
    assert zonder
    ids = _lijst(client, f"{LIJST}?schooljaar={j.naam}&resultaat=onbekend&gemeente={B}")
    assert sorted(ids) == sorted(zonder)


def test_per_gemeente_en_per_onderwijssoort(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    for gemeente in (A, B):
        for groep in ("mbo", "geen"):
            rapport = maak_rapport(j, gemeenten=[gemeente])["gemeenten"][gemeente]
            for soort in WERKPROCES_TYPEN:
                ids = _lijst(
                    client,
                    f"{LIJST}?schooljaar={j.naam}&gemeente={gemeente}&type={soort}&groep={groep}",
                )
                verwacht = rapport["werkprocessen_per_onderwijssoort"][soort][groep]
                assert len(ids) == verwacht, (gemeente, groep, soort)
            links = _links(client, "leerlingen", schooljaar=j.naam, gemeente=gemeente, groep=groep)
            assert links and all(v["gemeente"] == gemeente for _, _, v in links)


def test_auditregel_voor_de_lijst(wereld):
    j = wereld.jaar
    client = client_voor(Rol.TEAMMANAGER, A, B)
    ids = _lijst(client, f"{LIJST}?schooljaar={j.naam}&type=relatief_verzuim&gemeente={A}")
    regel = Auditregel.objects.get(object_type="werkprocessenlijst")
    assert regel.actie == "inzien"
    assert regel.toelichting == {
        "schooljaar": j.naam,
        "gemeente": A,
        "type": "relatief_verzuim",
        "resultaat": "",
        "onderwijssoort": "alle",
        "aantal": len(ids),
    }


def test_consulent_klikt_alleen_door_naar_het_werk_van_het_doorstroompunt(wereld):
    j = wereld.jaar
    client = client_voor(Rol.CONSULENT_DOORSTROOMPUNT, A, B)
    links = _links(client, "leerlingen", schooljaar=j.naam)
    assert {v["type"] for _, _, v in links} == set(DOORSTROOMPUNT_WERKPROCESSEN)
    for href, aantal, _ in links:
        assert len(_lijst(client, href)) == aantal
    assert _links(client, "resultaten", schooljaar=j.naam) == []  # resultaten span every type


@pytest.mark.parametrize(
    "query",
    [
        "",
        "schooljaar=2025-2026",  # neither type nor resultaat
        "schooljaar=abc&type=vsv",
        "schooljaar=%00&type=vsv",
        "schooljaar=2025-2026&type=onzin",
        "schooljaar=2025-2026&type=vsv&resultaat=school",
        "schooljaar=2025-2026&resultaat=school&groep=vo",
        "schooljaar=2025-2026&type=vsv&groep=hbo",
        "schooljaar=2025-2026&type=vsv%00",
        f"schooljaar=2025-2026&type=relatief_verzuim&gemeente={C}",
        "schooljaar=2025-2026&type=relatief_verzuim&gemeente=GM9999",
    ],
)
def test_een_vraag_die_het_dashboard_nooit_stelt_is_400_zonder_lijst(wereld, query):
    client = client_voor(Rol.TEAMMANAGER, A, B)
    antwoord = client.get(f"{LIJST}?{query}")
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Deze lijst bestaat niet." in html
    assert (
        not _WERKPROCES.findall(html) and "Heumen" not in html and C not in html.split("<main")[1]
    )


@pytest.mark.parametrize(
    "rol", [Rol.BELEIDSMEDEWERKER, Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER]
)
def test_rollen_zonder_dossiers_krijgen_403(wereld, rol):
    client = client_voor(rol, A)
    antwoord = client.get(LIJST, {"schooljaar": wereld.jaar.naam, "type": "relatief_verzuim"})
    assert antwoord.status_code == 403
    assert not Auditregel.objects.filter(object_type="werkprocessenlijst").exists()
