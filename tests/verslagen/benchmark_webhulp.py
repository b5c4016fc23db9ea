"""Shared by the tests of benchmark figures in the web app: three gemeenten without persons
(the reports are all zeros, which is all these tests need: the benchmark columns), signed-in
teammanagers with a confirmed second factor, uploading a file, and reading the benchmark
table of a jaarverslag page back."""

from __future__ import annotations

import lxml.html
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from leerplicht.domein.rollen import Rol
from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.register.models import Gemeente
from portaal.fabrieken import GemeenteFactory
from toegang.toegangswereld import aangemeld, maak_gebruiker

A, B, C = "GM0225", "GM0296", "GM0252"
NAMEN = {A: "Druten", B: "Wijchen", C: "Heumen"}
KOP = "bron;schooljaar;kengetal;percentage\n"
BENCHMARK = "/verslagen/benchmark/"
JAARVERSLAG = "/verslagen/jaarverslag/"
#: The benchmark table's first columns: the own figures of this many school years.
EIGEN_JAREN = 3


def jaar() -> str:
    """The jaarverslag page's default school year: the last closed one."""
    return laatste_afgesloten_schooljaar(timezone.localdate()).naam


def maak_gemeenten() -> None:
    for code, naam in NAMEN.items():
        GemeenteFactory(code=code, naam=naam)


def teammanager(naam: str, *codes: str, csrf: bool = False) -> Client:
    """A teammanager of `codes`, signed in with a confirmed second factor; with `csrf` the
    client checks CSRF tokens as a browser's request is checked (the test client skips
    that by default)."""
    gemeenten = list(Gemeente.objects.filter(code__in=codes))
    client = aangemeld(maak_gebruiker(naam, Rol.TEAMMANAGER, gemeenten))
    client.handler.enforce_csrf_checks = csrf
    return client


def csv_bestand(regels: str, naam: str = "benchmark.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, (KOP + regels).encode("utf-8"), content_type="text/csv")


def upload(client: Client, regels: str) -> HttpResponse:
    return client.post(BENCHMARK, {"bestand": csv_bestand(regels)})


def benchmarkkolommen(pagina: str) -> dict[str, dict[str, str]]:
    """The benchmark table of a jaarverslag (page or HTML file): bron column header ->
    {kengetal label: shown text}; {} when the chapter has no table (no figures)."""
    tabellen = lxml.html.fromstring(pagina).xpath('//table[@id="benchmark"]')
    if not tabellen:
        return {}
    (tabel,) = tabellen
    koppen = [th.text_content().strip() for th in tabel.xpath("./thead/tr/th")][1:]
    kolommen: dict[str, dict[str, str]] = {k: {} for k in koppen}
    for rij in tabel.xpath("./tbody/tr"):
        label = rij.xpath("./th")[0].text_content().strip()
        for kop, td in zip(koppen, rij.xpath("./td"), strict=True):
            kolommen[kop][label] = td.text_content().strip()
    # Only the bronnen: the first columns are the own figures of the school years.
    return {k: kolommen[k] for k in koppen[EIGEN_JAREN:]}


def benchmark_op_pagina(client: Client, gemeente: str = "") -> dict[str, dict[str, str]]:
    """The benchmark columns of the user's jaarverslag page of the default school year, for
    one `gemeente` or (empty) all of the user's gemeenten."""
    vraag = f"?gemeente={gemeente}" if gemeente else ""
    antwoord = client.get(JAARVERSLAG + vraag)
    assert antwoord.status_code == 200
    return benchmarkkolommen(antwoord.content.decode())
