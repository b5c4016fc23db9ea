"""leerplicht genereer: every file, column, value, row rule and reference is valid; deterministic.

The generated region is read back with the csv module and checked against the
contract in `domein.uitwisselformaat` (the importer is not needed for that), plus
the domain rules the importer cannot see: dates inside the requested school
years, meldingen before the werkproces that handles them, Halt only from 12.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import call_command

from leerplicht.domein import codes
from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.bsn import is_geldig_bsn, is_test_bsn
from leerplicht.domein.leeftijd import leeftijd_op, verjaardag
from leerplicht.domein.onderwijssoort import SCHOOL_ONDERWIJSSOORTEN
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.generator import genereer, uitvoeren
from leerplicht.generator.bestanden import BESTANDEN
from leerplicht.generator.datums import MAX_LEEFTIJD, VSV_JAREN

LAATSTE = Schooljaar(2024)
JAREN = 3
EERSTE = LAATSTE.vorige(JAREN - 1)
PERSONEN = 12_000

_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PATRONEN = {
    formaat.GEMEENTECODE: re.compile(r"^GM\d{4}$"),
    formaat.BRIN: re.compile(r"^[0-9A-Z]{4}$"),
    formaat.VESTIGING: re.compile(r"^\d{2}$"),
}


# --- Reading and checking against the contract ---------------------------------------------


def _waarde(kolom: formaat.Kolom, tekst: str) -> object:
    """The typed value of one cell; AssertionError when the cell breaks the column spec."""
    if tekst == "":
        assert not kolom.verplicht, f"{kolom.naam}: verplicht, maar leeg"
        return None
    assert tekst == tekst.strip(), f"{kolom.naam}: spaties rond {tekst!r}"
    assert len(tekst) <= kolom.max_lengte, f"{kolom.naam}: te lang"
    soort = kolom.soort
    if soort == formaat.DATUM:
        assert _DATUM.match(tekst), f"{kolom.naam}: {tekst!r} is geen JJJJ-MM-DD"
        return date.fromisoformat(tekst)
    if soort == formaat.CODE:
        assert kolom.codes is not None
        assert tekst in kolom.codes, f"{kolom.naam}: onbekende code {tekst!r}"
        return tekst
    if soort == formaat.JA_NEE:
        assert tekst in codes.JA_NEE, f"{kolom.naam}: {tekst!r} is geen ja/nee"
        return codes.JA_NEE[tekst]
    if soort == formaat.BSN:
        assert is_geldig_bsn(tekst), f"{kolom.naam}: {tekst!r} haalt de elfproef niet"
        return tekst
    if soort in _PATRONEN:
        assert _PATRONEN[soort].match(tekst), f"{kolom.naam}: {tekst!r} past niet"
        return tekst
    return tekst


@dataclass
class Regio:
    """A generated region, read back: typed rows per file."""

    map: Path
    rijen: dict[str, list[formaat.Rij]] = field(default_factory=dict)

    def __getitem__(self, bestand: str) -> list[formaat.Rij]:
        return self.rijen[bestand]


def lees_regio(map_: Path) -> Regio:
    regio = Regio(map_)
    for spec in BESTANDEN:
        pad = map_ / spec.naam
        assert pad.exists(), f"{spec.naam} ontbreekt"
        with pad.open(encoding="utf-8", newline="") as bron:
            tekst = bron.read()
        assert "\r" not in tekst, f"{spec.naam}: regeleinden moeten \\n zijn"
        lezer = csv.reader(io.StringIO(tekst), delimiter=",", strict=True)
        assert next(lezer) == list(spec.kolomnamen), f"{spec.naam}: kopregel"
        rijen = []
        for nummer, velden in enumerate(lezer, start=2):
            assert len(velden) == len(spec.kolommen), f"{spec.naam}:{nummer}: aantal velden"
            try:
                rij = {k.naam: _waarde(k, v) for k, v in zip(spec.kolommen, velden, strict=True)}
            except AssertionError as fout:
                raise AssertionError(f"{spec.naam}:{nummer}: {fout}") from None
            for regel in spec.regels:
                assert not regel(rij), f"{spec.naam}:{nummer}: {regel(rij)}"
            rijen.append(rij)
        regio.rijen[spec.naam] = rijen
    return regio


@pytest.fixture(scope="module")
def regio(tmp_path_factory: pytest.TempPathFactory) -> Regio:
    map_ = tmp_path_factory.mktemp("regio")
    genereer(
        map_, gemeenten=4, personen=PERSONEN, schooljaar=LAATSTE, jaren=JAREN, seed=7, processen=1
    )
    return lees_regio(map_)


def _ingeschreven(regio: Regio) -> dict[str, list[tuple[date, date, str]]]:
    soort = {
        formaat.school_code(s["brin"], s["vestiging"]): s["onderwijssoort"]
        for s in regio["scholen.csv"]
    }
    per_persoon: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for i in regio["inschrijvingen.csv"]:
        per_persoon[i["persoon"]].append((i["van"], i["tot"] or date.max, i["school"]))
    for lijst in per_persoon.values():
        lijst.sort()
    return {p: [(v, t, soort[s]) for v, t, s in lijst] for p, lijst in per_persoon.items()}


def _op(inschrijvingen: list[tuple[date, date, str]], datum: date) -> str:
    return next((s for v, t, s in inschrijvingen if v <= datum <= t), "geen")


# --- The contract ---------------------------------------------------------------------------


def test_alle_tien_bestanden_met_precies_de_kolommen_van_het_formaat(regio):
    namen = sorted(p.name for p in regio.map.iterdir())
    assert namen == sorted(b.naam for b in BESTANDEN)
    # The generator writes the ten files of the shared contract, in the format's order;
    # the optional files the project added (verlofaanvragen.csv) it leaves out.
    assert len(BESTANDEN) == 10
    assert list(BESTANDEN) == [b for b in formaat.BESTANDEN if not b.toegevoegd]
    assert {b.naam for b in formaat.BESTANDEN if b.toegevoegd} == {"verlofaanvragen.csv"}
    # lees_regio checked every header, cell and row rule; every file has rows.
    for spec in BESTANDEN:
        assert regio[spec.naam], f"{spec.naam} is leeg"
    assert "id" in formaat.INTERVENTIES.kolomnamen
    assert all(r["id"] for r in regio["interventies.csv"])


def test_sleutels_uniek_en_alle_verwijzingen_bestaan(regio):
    for spec in BESTANDEN:
        sleutels = [tuple(r[k] for k in spec.sleutel) for r in regio[spec.naam]]
        dubbel = [s for s, n in Counter(sleutels).items() if n > 1]
        assert not dubbel, f"{spec.naam}: dubbele sleutels {dubbel[:3]}"
    bestaand = {
        "gemeenten.csv": {g["code"] for g in regio["gemeenten.csv"]},
        "personen.csv": {p["id"] for p in regio["personen.csv"]},
        "werkprocessen.csv": {w["id"] for w in regio["werkprocessen.csv"]},
        "scholen.csv": {
            formaat.school_code(s["brin"], s["vestiging"]) for s in regio["scholen.csv"]
        },
    }
    for spec in BESTANDEN:
        for kolom in spec.kolommen:
            if kolom.soort != formaat.VERWIJZING:
                continue
            assert kolom.verwijst_naar is not None
            doelen = bestaand[kolom.verwijst_naar]
            for rij in regio[spec.naam]:
                waarde = rij[kolom.naam]
                assert waarde is None or waarde in doelen, f"{spec.naam}: {kolom.naam} {waarde}"
    bsns = [p["bsn"] for p in regio["personen.csv"] if p["bsn"]]
    assert len(bsns) == len(set(bsns)), "een BSN bij twee personen"
    assert all(is_test_bsn(b) for b in bsns)
    assert 0.005 < 1 - len(bsns) / PERSONEN < 0.04, "ongeveer 2% zonder BSN"
    assert len(bestaand["personen.csv"]) == PERSONEN


def test_gemeenten_en_scholen_zijn_geloofwaardig(regio):
    gemeenten = regio["gemeenten.csv"]
    assert [g["code"] for g in gemeenten] == ["GM0001", "GM0002", "GM0003", "GM0004"]
    assert len({g["naam"] for g in gemeenten}) == len(gemeenten)
    inwoners = Counter(p["gemeente"] for p in regio["personen.csv"])
    assert max(inwoners.values()) > 1.5 * min(inwoners.values()), "gemeenten van wisselende omvang"
    scholen = regio["scholen.csv"]
    per_soort = Counter(s["onderwijssoort"] for s in scholen)
    assert set(per_soort) == set(SCHOOL_ONDERWIJSSOORTEN)
    assert per_soort["bao"] == max(per_soort.values())
    vestigingen: dict[str, list[str | None]] = defaultdict(list)
    for s in scholen:
        vestigingen[s["brin"]].append(s["vestiging"])
    for brin, lijst in vestigingen.items():
        # A school without vestigingen is one row; otherwise they are numbered 00, 01, ...
        assert lijst in ([None], [f"{i:02d}" for i in range(len(lijst))]), brin
    assert any(lijst == [None] for lijst in vestigingen.values())
    assert any(len(lijst) > 1 for lijst in vestigingen.values())
    assert all(
        re.fullmatch(r"[a-z]{3}\.[a-z]+\d*", w["behandelaar"])
        for w in regio["werkprocessen.csv"]
        if w["behandelaar"]
    )


def test_alle_codes_komen_voor(regio):
    def gebruikt(bestand: str, kolom: str) -> set[object]:
        return {r[kolom] for r in regio[bestand]} - {None}

    assert gebruikt("meldingen.csv", "soort") == set(codes.MELDING_SOORTEN)
    assert gebruikt("werkprocessen.csv", "type") == set(codes.WERKPROCES_TYPEN)
    assert gebruikt("werkprocessen.csv", "resultaat") == set(codes.WERKPROCES_RESULTATEN)
    assert gebruikt("interventies.csv", "soort") == set(codes.INTERVENTIE_SOORTEN)
    assert gebruikt("interventies.csv", "tegen") == set(codes.PROCES_VERBAAL_TEGEN)
    assert gebruikt("interventies.csv", "verzuim") == set(codes.PROCES_VERBAAL_VERZUIM)
    assert gebruikt("interventies.csv", "uitkomst") == set(codes.HALT_UITKOMSTEN)
    assert gebruikt("vrijstellingen.csv", "grond") == set(codes.VRIJSTELLING_GRONDEN)
    assert gebruikt("vrijstellingen.csv", "besluit") == set(codes.VRIJSTELLING_BESLUITEN)
    assert gebruikt("thuiszitters.csv", "reden_einde") == set(codes.THUISZITTER_REDENEN_EINDE)
    assert gebruikt("meldingen.csv", "actie_gewenst") == {True, False}
    assert len(gebruikt("vsv.csv", "resultaat")) > 10
    for bestand in ("meldingen.csv", "werkprocessen.csv", "vrijstellingen.csv", "vsv.csv"):
        rijen = regio[bestand]
        gevuld = sum(1 for r in rijen if r["onderwijssoort"]) / len(rijen)
        assert 0 < gevuld < 0.25, f"{bestand}: onderwijssoort meestal leeg, soms gevuld"


# --- Dates and domain rules ------------------------------------------------------------------


def test_gebeurtenissen_vallen_in_de_gevraagde_schooljaren(regio):
    begin, einde = EERSTE.begin, LAATSTE.einde

    def binnen(bestand: str, *kolommen: str) -> None:
        for rij in regio[bestand]:
            for kolom in kolommen:
                if rij[kolom] is not None:
                    assert begin <= rij[kolom] <= einde, f"{bestand}: {kolom} {rij[kolom]}"

    def niet_na(bestand: str, *kolommen: str) -> None:
        for rij in regio[bestand]:
            for kolom in kolommen:
                assert rij[kolom] is None or rij[kolom] <= einde, f"{bestand}: {kolom}"

    binnen("meldingen.csv", "datum")
    binnen("werkprocessen.csv", "geopend")
    binnen("interventies.csv", "datum")
    binnen("vrijstellingen.csv", "aangevraagd", "besluitdatum")
    binnen("thuiszitters.csv", "van")
    niet_na("werkprocessen.csv", "gesloten")
    niet_na("thuiszitters.csv", "tot")
    niet_na("vsv.csv", "monitoring_vanaf", "afgerond_op")
    niet_na("inschrijvingen.csv", "van", "tot")
    niet_na("personen.csv", "startkwalificatie")
    vsv_begin = LAATSTE.vorige(VSV_JAREN - 1).begin
    uitgeschreven = [v["uitgeschreven"] for v in regio["vsv.csv"]]
    assert all(vsv_begin <= d <= einde for d in uitgeschreven)
    assert {Schooljaar.van_datum(d) for d in uitgeschreven} == {
        LAATSTE.vorige(i) for i in range(VSV_JAREN)
    }
    for jaar in (EERSTE, EERSTE.volgende(), LAATSTE):
        assert any(jaar.bevat(m["datum"]) for m in regio["meldingen.csv"])
    leeftijden = [leeftijd_op(p["geboortedatum"], einde) for p in regio["personen.csv"]]
    assert min(leeftijden) == 0
    assert max(leeftijden) == MAX_LEEFTIJD


def test_samenhang_tussen_de_bestanden(regio):
    personen = {p["id"]: p for p in regio["personen.csv"]}
    werkprocessen = {w["id"]: w for w in regio["werkprocessen.csv"]}
    ingeschreven = _ingeschreven(regio)

    for lijst in ingeschreven.values():  # one school at a time
        for (_, tot, _), (van, _, _) in pairwise(lijst):
            assert tot < van
    for w in werkprocessen.values():
        assert (w["gesloten"] is None) == (w["resultaat"] is None), w["id"]
    for m in regio["meldingen.csv"]:
        if m["werkproces"]:
            w = werkprocessen[m["werkproces"]]
            assert w["persoon"] == m["persoon"]
            assert m["datum"] <= w["geopend"], m["meldingsnummer"]
        assert (m["actie_gewenst"] is not None) <= (m["soort"] == "18plus")
        soort = _op(ingeschreven.get(m["persoon"], []), m["datum"])
        if m["soort"] == "absoluut":
            assert soort == "geen", m["meldingsnummer"]
        else:
            assert soort != "geen", m["meldingsnummer"]
        if m["onderwijssoort"]:
            assert m["onderwijssoort"] == soort
    for i in regio["interventies.csv"]:
        w = werkprocessen[i["werkproces"]]
        assert w["geopend"] <= i["datum"] <= (w["gesloten"] or LAATSTE.einde)
        geboren = personen[w["persoon"]]["geboortedatum"]
        twaalf = verjaardag(geboren, 12)
        if i["soort"] == "halt" or i["tegen"] == "jongere":
            assert i["datum"] >= twaalf, f"{i['id']}: Halt en pv tegen de jongere vanaf 12"
    for v in regio["vsv.csv"]:
        p = personen[v["persoon"]]
        assert 16 <= leeftijd_op(p["geboortedatum"], v["uitgeschreven"]) < 23
        assert not p["startkwalificatie"] or p["startkwalificatie"] > v["uitgeschreven"]
        if v["afgerond_op"]:
            assert v["resultaat"] in codes.VSV_RESULTATEN_AFGEROND
        elif v["monitoring_vanaf"]:
            assert v["resultaat"] in codes.VSV_RESULTATEN_MONITORING
        else:
            assert v["resultaat"] is None
    for t in regio["thuiszitters.csv"]:
        assert (t["reden_einde"] is None) == (t["tot"] is None)
    for v in regio["vrijstellingen.csv"]:
        if v["besluit"] == "toegekend" and v["grond"] in ("5a", "5c"):
            # Exempt from enrolment: no inschrijving while the vrijstelling holds.
            lijst = ingeschreven.get(v["persoon"], [])
            assert _op(lijst, v["geldig_van"]) == "geen", v["id"]


def test_verhoudingen_zoals_in_de_jaarverslagen(regio):
    jaren = (EERSTE, EERSTE.volgende(), LAATSTE)
    peildatum = LAATSTE.standaard_peildatum
    leerlingen = sum(
        1 for p in regio["personen.csv"] if 5 <= leeftijd_op(p["geboortedatum"], peildatum) <= 17
    )
    meldingen = regio["meldingen.csv"]
    per_jaar = len(meldingen) / JAREN
    assert 0.11 < per_jaar / PERSONEN < 0.17, "ongeveer 0,14 meldingen per persoon per jaar"
    soorten = [s for s, _ in Counter(m["soort"] for m in meldingen).most_common()]
    assert soorten == ["wettelijk", "overig", "luxe", "langdurig", "absoluut", "18plus"]
    herhaald = Counter(
        (m["persoon"], m["soort"], Schooljaar.van_datum(m["datum"])) for m in meldingen
    )
    assert sum(1 for n in herhaald.values() if n > 1) > 0.2 * len(herhaald)
    for jaar in jaren:
        typen = Counter(w["type"] for w in regio["werkprocessen.csv"] if jaar.bevat(w["geopend"]))
        assert 35 < sum(typen.values()) / leerlingen * 1000 < 70, "werkprocessen per 1.000"
        assert typen.most_common(1)[0][0] == "relatief_verzuim"
    gesloten = sum(1 for w in regio["werkprocessen.csv"] if w["gesloten"])
    assert gesloten > 0.8 * len(regio["werkprocessen.csv"])
    gronden = Counter(v["grond"] for v in regio["vrijstellingen.csv"])
    assert gronden.most_common(1)[0][0] == "5a"
    assert gronden["5c"] > gronden["15"] > gronden["5b"]
    besluiten = Counter(v["besluit"] for v in regio["vrijstellingen.csv"])
    assert besluiten.most_common(1)[0][0] == "toegekend"
    thuiszitters = len(regio["thuiszitters.csv"]) / JAREN / leerlingen * 1000
    assert 0.5 < thuiszitters < 8, "een paar thuiszitters per 1.000 leerlingen"
    assert any(
        t["tot"] and Schooljaar.van_datum(t["van"]) != Schooljaar.van_datum(t["tot"])
        for t in regio["thuiszitters.csv"]
    ), "sommige thuiszitters lopen over de grens van het schooljaar"
    zonder_sk = sum(
        1
        for p in regio["personen.csv"]
        if leeftijd_op(p["geboortedatum"], LAATSTE.einde) >= 22 and not p["startkwalificatie"]
    )
    oud = sum(
        1 for p in regio["personen.csv"] if leeftijd_op(p["geboortedatum"], LAATSTE.einde) >= 22
    )
    assert 0.08 < zonder_sk / oud < 0.3, "de meeste jongvolwassenen hebben een startkwalificatie"


# --- Determinism, zip, command, import ---------------------------------------------------------


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(map_.iterdir())}


def test_zelfde_seed_geeft_dezelfde_bestanden_ook_als_zip(tmp_path):
    opties = {"gemeenten": 2, "personen": 1500, "schooljaar": LAATSTE, "seed": 3, "processen": 1}
    genereer(tmp_path / "a", **opties)
    genereer(tmp_path / "b", **opties)
    assert _bestanden(tmp_path / "a") == _bestanden(tmp_path / "b")
    genereer(tmp_path / "a.zip", **opties)
    genereer(tmp_path / "b.zip", **opties)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert [i.filename for i in zf.infolist()] == [b.naam for b in BESTANDEN]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.filename: zf.read(i) for i in zf.infolist()} == _bestanden(tmp_path / "a")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "werkmap opgeruimd"
    genereer(tmp_path / "c", **{**opties, "seed": 4})
    assert _bestanden(tmp_path / "c") != _bestanden(tmp_path / "a")


def test_uitkomst_hangt_niet_af_van_het_aantal_processen(tmp_path, monkeypatch):
    monkeypatch.setattr(uitvoeren, "BLOK", 400)
    opties = {"gemeenten": 3, "personen": 1300, "schooljaar": LAATSTE, "seed": 5}
    genereer(tmp_path / "een", processen=1, **opties)
    genereer(tmp_path / "twee", processen=2, **opties)
    assert _bestanden(tmp_path / "een") == _bestanden(tmp_path / "twee")


@pytest.mark.parametrize(
    "opties",
    [
        {"gemeenten": 1, "personen": 0, "jaren": 1},
        {"gemeenten": 1, "personen": 300, "jaren": 1},
        {"gemeenten": 20, "personen": 500, "jaren": 6},
    ],
)
def test_kleine_en_vreemde_groottes_blijven_geldig(tmp_path, opties):
    aantallen = genereer(tmp_path, schooljaar=LAATSTE, seed=2, processen=1, **opties)
    regio = lees_regio(tmp_path)
    assert aantallen == {naam: len(rijen) for naam, rijen in regio.rijen.items()}
    eerste = LAATSTE.vorige(opties["jaren"] - 1)
    assert all(eerste.begin <= m["datum"] <= LAATSTE.einde for m in regio["meldingen.csv"])


def test_opdracht_schrijft_een_regel_per_bestand(tmp_path):
    uit = io.StringIO()
    call_command(
        "genereer",
        str(tmp_path / "regio.zip"),
        "--gemeenten=2",
        "--personen=800",
        "--schooljaar=2023-2024",
        "--jaren=2",
        "--seed=9",
        stdout=uit,
    )
    regels = uit.getvalue().splitlines()
    for spec in BESTANDEN:
        assert any(r.startswith(spec.naam) and r.endswith("regels geschreven") for r in regels)
    assert "personen.csv                800 regels geschreven" in regels
    assert "2022-2023 t/m 2023-2024" in regels[-1]
    assert zipfile.is_zipfile(tmp_path / "regio.zip")


@pytest.mark.django_db
def test_de_import_accepteert_de_gegenereerde_regio(tmp_path):
    from leerplicht.meldingen.models import Melding
    from leerplicht.uitwisseling.importeren import importeer

    aantallen = genereer(
        tmp_path / "regio.zip", gemeenten=2, personen=2000, schooljaar=LAATSTE, seed=11
    )
    resultaat = importeer(tmp_path / "regio.zip")
    assert not resultaat.fouten, resultaat.fouten.regels()
    assert resultaat.opgeslagen
    assert Melding.objects.count() == aantallen["meldingen.csv"]
