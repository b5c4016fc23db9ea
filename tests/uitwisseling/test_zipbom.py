"""Zip bombs and odd paths in an uploaded or imported zip are refused, in Dutch, unpacked never."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from leerplicht.invoer import lezer
from leerplicht.invoer.lezer import OngeldigeContainer, open_container

KOP = b"code,naam\nGM9001,Proefdorp\n"


def maak_zip(pad: Path, leden: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for naam, inhoud in leden.items():
            zf.writestr(naam, inhoud)
    return pad


def weigering(pad: Path) -> str:
    with pytest.raises(OngeldigeContainer) as fout, open_container(pad):
        pass
    return str(fout.value)


@pytest.mark.parametrize("naam", ["gemeenten.csv", "export/gemeenten.csv"])
def test_gewone_zip_mag(tmp_path, naam):
    pad = maak_zip(tmp_path / "set.zip", {naam: KOP})
    with open_container(pad) as (_, bestanden):
        assert [b.naam for b in bestanden] == ["gemeenten.csv"]


def test_sterk_uitpakkend_bestand_geweigerd(tmp_path):
    # 20 MB of zeros packs to about 20 kB: a ratio of about a thousand.
    pad = maak_zip(tmp_path / "bom.zip", {"personen.csv": b"id\n" + b"0" * 20 * 1024**2})
    assert weigering(pad) == (
        "bom.zip: personen.csv pakt verdacht sterk uit (meer dan 200 keer zijn ingepakte "
        "grootte): mogelijk een zip-bom, niet ingelezen"
    )


def test_echte_csv_pakt_niet_verdacht_uit(tmp_path):
    """A realistic CSV (ids, dates, codes) stays far below the ratio."""
    regels = [b"id,bsn,geboortedatum,gemeente"] + [
        f"P{i:07d},,20{i % 20:02d}-0{1 + i % 9}-1{i % 10},GM0{100 + i % 300}".encode()
        for i in range(60_000)
    ]
    inhoud = b"\n".join(regels)
    assert len(inhoud) > lezer.VERHOUDING_VANAF
    pad = maak_zip(tmp_path / "set.zip", {"personen.csv": inhoud})
    with open_container(pad) as (_, bestanden):
        assert bestanden[0].grootte == len(inhoud)


def test_totaal_te_groot(tmp_path, monkeypatch):
    monkeypatch.setattr(lezer, "MAX_UITGEPAKT", 10 * 1024**2)
    pad = maak_zip(
        tmp_path / "groot.zip",
        {n: random.Random(n).randbytes(6 * 1024**2) for n in ("personen.csv", "meldingen.csv")},
    )
    assert weigering(pad) == "groot.zip: uitgepakt te groot (12 MB, hoogstens 10 MB)"


def test_te_veel_bestanden(tmp_path):
    pad = maak_zip(tmp_path / "veel.zip", {f"b{i}.csv": KOP for i in range(101)})
    assert weigering(pad) == "veel.zip: te veel bestanden in het zip-bestand (101, hoogstens 100)"


@pytest.mark.parametrize(
    "naam",
    [
        "../gemeenten.csv",
        "export/../../gemeenten.csv",
        "/etc/gemeenten.csv",
        "a/b/gemeenten.csv",
        "C:/gemeenten.csv",
        "export\\gemeenten.csv",
    ],
)
def test_vreemde_paden_geweigerd(tmp_path, naam):
    pad = maak_zip(tmp_path / "pad.zip", {naam: KOP})
    assert weigering(pad).startswith("pad.zip: ongeldig pad in het zip-bestand")


@pytest.mark.parametrize("naam", ["binnen.zip", "export/personen.csv.gz"])
def test_zip_in_zip_geweigerd(tmp_path, naam):
    pad = maak_zip(tmp_path / "nest.zip", {naam: b"PK\x03\x04"})
    assert "bevat een ingepakt bestand" in weigering(pad)


@pytest.mark.django_db
def test_import_meldt_het_als_fout_zonder_traceback(tmp_path):
    from leerplicht.uitwisseling.importeren import importeer

    pad = maak_zip(tmp_path / "bom.zip", {"personen.csv": b"id\n" + b"0" * 20 * 1024**2})
    resultaat = importeer(pad)
    assert not resultaat.opgeslagen
    [regel] = resultaat.fouten.regels()
    assert regel.startswith("bom.zip:1: -: personen.csv pakt verdacht sterk uit")
