"""De autorisatiematrix: every URL x every gebruiker x a person of the own and of another
gemeente -> the expected status, and no personal data the user may not see in any response.

The URLs come from the URL configuration itself (`get_resolver()`, recursively), so a
URL added later is covered at once: without an expectation in `VERWACHTINGEN` (here, or
in a `verwachtingen_<area>.py` next to this file) its test FAILS and says what to add. The expected statuses are written out by hand here; they
are never derived from `leerplicht.toegang.beleid`, so a mistake there shows up here.

Every medewerker in the world works for gemeente Eigendorp only; Anderdorp has the
same kinds of persons and records (see toegangswereld.py).
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver
from matrixhulp import (
    ANDERE_GEMEENTE,
    DOSSIERROLLEN,
    EIGEN_PERSONEN,
    MAG_ZIEN,
    PERSONEN,
    Geval,
    Verzoek,
    alleen,
    dossier,
    iedereen,
)
from toegangswereld import ANONIEM, GEBRUIKERS, ZONDER_ROL, Wereld, aangemeld

from leerplicht.domein.rollen import Rol

pytestmark = pytest.mark.django_db

#: The expectation modules of the areas of the work, each with a dict VERWACHTINGEN
#: (one file per area: tests/toegang/verwachtingen_<area>.py).
GEBIEDEN: tuple[str, ...] = tuple(
    sorted(p.stem for p in Path(__file__).parent.glob("verwachtingen_*.py"))
)


def _start(w: Wereld) -> list[Geval]:
    return [Geval(Verzoek("get", "/"), iedereen(200))]


def _inloggen(w: Wereld) -> list[Geval]:
    # Signed in already: on to the start page.
    return [Geval(Verzoek("get", "/inloggen/"), iedereen(302, anoniem=200))]


def _uitloggen(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/uitloggen/"), iedereen(405)),
        Geval(Verzoek("post", "/uitloggen/"), iedereen(302)),
    ]


def _code(w: Wereld) -> list[Geval]:
    # Second factor already confirmed in these sessions: on to the start page.
    return [Geval(Verzoek("get", "/inloggen/code/"), iedereen(302))]


def _tweede_factor_instellen(w: Wereld) -> list[Geval]:
    # Every test user has a confirmed device: the page says it is set up.
    return [Geval(Verzoek("get", "/inloggen/tweede-factor/"), iedereen(200))]


def _overal_uitloggen(w: Wereld) -> list[Geval]:
    return [
        Geval(Verzoek("get", "/uitloggen/overal/"), iedereen(405)),
        Geval(Verzoek("post", "/uitloggen/overal/"), iedereen(302)),
    ]


def _personen_zoeken(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/personen/"), alleen(DOSSIERROLLEN))]
    for doel in PERSONEN:
        wp = w.personen[doel]
        termen = (
            ("bsn", wp.persoon.bsn),
            ("id", wp.persoon.pk),
            ("meldingsnummer", wp.records["melding"]),
            ("werkprocesnummer", wp.records["werkproces"]),
        )
        for veld, term in termen:
            gevallen.append(
                Geval(
                    Verzoek("post", "/personen/", {"zoekterm": term}, f"{doel} op {veld}"),
                    # Found: straight to it (302). Not found or not allowed: the form (200).
                    dossier(doel, zichtbaar=302, onzichtbaar=200),
                )
            )
    # A school: its pupils with open work. Both persons of Eigendorp for the GEMEENTE
    # reach (a list, 200); the consulent DSP reaches only the young adult (one hit: 302).
    # Anderdorp's school is named but its pupils are out of reach: "niet gevonden" (200).
    for naam in ("Basisschool Eigendorp", "Basisschool"):
        verwacht = alleen(DOSSIERROLLEN)
        verwacht[Rol.CONSULENT_DOORSTROOMPUNT] = 302
        gevallen.append(Geval(Verzoek("post", "/personen/", {"zoekterm": naam}, naam), verwacht))
    gevallen.append(
        Geval(
            Verzoek("post", "/personen/", {"zoekterm": "Basisschool Anderdorp"}, "school"),
            alleen(DOSSIERROLLEN),
        )
    )
    return gevallen


def _persoon(w: Wereld) -> list[Geval]:
    gevallen = [
        Geval(Verzoek("get", f"/personen/{w.pk(doel)}/", omschrijving=doel), dossier(doel))
        for doel in PERSONEN
    ]
    gevallen.append(Geval(Verzoek("get", "/personen/BESTAATNIET/"), dossier("", onzichtbaar=404)))
    return gevallen


def _sso(pad: str) -> Callable[[Wereld], list[Geval]]:
    # SSO is not configured in the tests: nobody, signed in or not, gets past a 404. With
    # SSO on, tests/aanmelden/test_oidc.py walks both URLs.
    return lambda w: [Geval(Verzoek("get", pad), iedereen(404, anoniem=404))]


PRIVACY = frozenset({Rol.PRIVACY_OFFICER})


def _auditlog(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/audit/"), alleen(PRIVACY))]
    for doel in PERSONEN:
        gevallen.append(
            Geval(
                Verzoek("get", f"/audit/?persoon={w.pk(doel)}", omschrijving=doel),
                alleen(PRIVACY),
            )
        )
    return gevallen


def _inzage(w: Wereld) -> list[Geval]:
    gevallen = [Geval(Verzoek("get", "/audit/inzage/"), iedereen(405))]
    for doel in PERSONEN:
        verwacht = alleen(PRIVACY, ja=200 if doel in EIGEN_PERSONEN else 400)
        data = {"persoon": w.pk(doel)}
        gevallen.append(Geval(Verzoek("post", "/audit/inzage/", data, doel), verwacht))
    return gevallen


#: Per URL (namespace:name, or the route for a URL without a name): its cases.
VERWACHTINGEN: dict[str, Callable[[Wereld], list[Geval]]] = {
    **{
        sleutel: geval
        for module in GEBIEDEN
        for sleutel, geval in importlib.import_module(module).VERWACHTINGEN.items()
    },
    "portaal:start": _start,
    "portaal:inloggen": _inloggen,
    "portaal:uitloggen": _uitloggen,
    "aanmelden:code": _code,
    "aanmelden:instellen": _tweede_factor_instellen,
    "aanmelden:overal_uitloggen": _overal_uitloggen,
    "dossier:zoeken": _personen_zoeken,
    "dossier:persoon": _persoon,
    "audit:overzicht": _auditlog,
    "audit:inzage": _inzage,
    "oidc_authentication_init": _sso("/sso/inloggen/"),
    "oidc_authentication_callback": _sso("/sso/callback/?code=c&state=s"),
}

#: Known open findings: URL -> why. Such a test is expected to fail (strict: once fixed,
#: it passes, fails as XPASS, and the entry must go).
BEKEND_OPEN: dict[str, str] = {}


# --- the URL configuration ----------------------------------------------------------------


def alle_urls(
    patronen: list | None = None, voorvoegsel: str = "", namespace: str | None = None
) -> Iterator[tuple[str, str]]:
    """(key, route) of every URL, through every include, however deep."""
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        route = voorvoegsel + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace
            binnen = f"{namespace}:{ns}" if namespace and ns else ns or namespace
            yield from alle_urls(patroon.url_patterns, route, binnen)
        elif isinstance(patroon, URLPattern):
            naam = patroon.name and (f"{namespace}:{patroon.name}" if namespace else patroon.name)
            yield naam or route, route


URLS: dict[str, str] = dict(alle_urls())


# --- running one request and looking for leaks -------------------------------------------


def _tekst(antwoord: HttpResponse) -> str:
    """Everything the response gives away: headers, body, and the files inside a zip."""
    inhoud = (
        b"".join(antwoord.streaming_content)
        if getattr(antwoord, "streaming", False)
        else antwoord.content
    )
    delen = [str(dict(antwoord.headers)), inhoud.decode("utf-8", errors="replace")]
    if inhoud[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            delen += [archief.read(n).decode("utf-8", errors="replace") for n in archief.namelist()]
    return "\n".join(delen)


def verboden_teksten(w: Wereld, gebruiker: str) -> dict[str, str]:
    """Text -> whose it is, for every person `gebruiker` may not see."""
    verboden = dict.fromkeys(ANDERE_GEMEENTE, "de andere gemeente")
    for sleutel, wp in w.personen.items():
        if sleutel not in MAG_ZIEN.get(gebruiker, frozenset()):
            verboden |= dict.fromkeys(wp.kenmerken, sleutel)
            verboden |= dict.fromkeys(wp.records.values(), sleutel)
    return verboden


def lekken(w: Wereld, gebruiker: str, verzoek: Verzoek, antwoord: HttpResponse) -> list[str]:
    tekst = _tekst(antwoord)
    # What the request itself carried in its URL (e.g. `?next=/personen/ID/`) is no leak.
    return sorted(
        f"{t!r} ({van})"
        for t, van in verboden_teksten(w, gebruiker).items()
        if t in tekst and t not in verzoek.pad
    )


def doe(w: Wereld, gebruiker: str, verzoek: Verzoek) -> HttpResponse:
    client = aangemeld(w.gebruikers[gebruiker])
    if verzoek.methode == "get":
        return client.get(verzoek.pad)
    return client.post(verzoek.pad, verzoek.data)


def _parameters() -> list:
    parameters = []
    for sleutel in sorted(URLS):
        marks = []
        if sleutel in BEKEND_OPEN:
            marks.append(pytest.mark.xfail(strict=True, reason=BEKEND_OPEN[sleutel]))
        parameters.append(pytest.param(sleutel, marks=marks, id=sleutel))
    return parameters


@pytest.mark.parametrize("sleutel", _parameters())
def test_url(sleutel: str, wereld: Wereld):
    if sleutel not in VERWACHTINGEN:
        pytest.fail(
            f"De URL {URLS[sleutel]!r} ({sleutel}) staat niet in de autorisatiematrix. "
            "Voeg aan VERWACHTINGEN in tests/toegang/verwachtingen_<gebied>.py toe welke "
            "gebruiker welke status krijgt (200, 302, 403, 404, ...), voor een persoon van de "
            "eigen en van een andere gemeente. Bescherm de view met "
            "leerplicht.toegang.bescherming (vereist_rol, object_of_404)."
        )
    fouten: list[str] = []
    inloggen = resolve_url(settings.LOGIN_URL)
    for geval in VERWACHTINGEN[sleutel](wereld):
        assert set(geval.verwacht) == set(GEBRUIKERS), f"onvolledige verwachting: {geval}"
        v = geval.verzoek
        wat = f"{v.methode.upper()} {v.pad} {v.omschrijving}".strip()
        for gebruiker in GEBRUIKERS:
            antwoord = doe(wereld, gebruiker, v)
            if antwoord.status_code != geval.verwacht[gebruiker]:
                fouten.append(
                    f"{wat} als {gebruiker}: {antwoord.status_code}, "
                    f"verwacht {geval.verwacht[gebruiker]}"
                )
            naar = antwoord.get("Location", "")
            if (
                gebruiker == ANONIEM
                and antwoord.status_code == 302
                and not naar.startswith(inloggen)
            ):
                fouten.append(f"{wat} anoniem: naar {naar}, niet naar inloggen")
            if lek := lekken(wereld, gebruiker, v, antwoord):
                fouten.append(f"{wat} als {gebruiker}: LEK van {', '.join(lek)}")
    assert not fouten, "\n".join(fouten)


def test_geen_verouderde_verwachtingen():
    weg = sorted(set(VERWACHTINGEN) - set(URLS))
    assert not weg, f"verwachtingen voor URL's die niet meer bestaan: {weg}"


def test_matrix_vindt_ook_geneste_urls():
    """The walk goes through includes: the dossier URL sits inside the register include."""
    assert URLS["dossier:persoon"] == "personen/<str:persoon_id>/"
    assert "portaal:start" in URLS


def test_leks_worden_gezien(wereld: Wereld):
    """The leak check itself: a page with the other gemeente's BSN is caught."""
    bsn = wereld.personen["ander_kind"].persoon.bsn
    verzoek = Verzoek("get", "/ergens/")
    lek = lekken(wereld, Rol.LEERPLICHTAMBTENAAR, verzoek, HttpResponse(f"<p>{bsn}</p>"))
    assert lek == [f"{bsn!r} (ander_kind)"]
    assert not lekken(wereld, Rol.LEERPLICHTAMBTENAAR, verzoek, HttpResponse("<p>niets</p>"))
    # The consulent DSP may not see the 12-year-old of the own gemeente either.
    kind = wereld.personen["eigen_kind"].persoon.geboortedatum.strftime("%d-%m-%Y")
    assert lekken(wereld, Rol.CONSULENT_DOORSTROOMPUNT, verzoek, HttpResponse(f"geboren {kind}"))
    assert ZONDER_ROL in GEBRUIKERS
