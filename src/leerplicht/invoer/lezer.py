"""Reading the exchange format: a folder or a zip of CSV files, streamed row by row.

Pure Python (no Django), so it can be fuzzed on its own: whatever the bytes,
it yields typed rows or located errors, never an exception. Checks that need
the database (references, duplicate keys) are the importer's.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.domein.bsn import is_geldig_bsn

from .fouten import Foutenlijst

csv.field_size_limit(1 << 20)

_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GEMEENTECODE = re.compile(r"^GM\d{4}$")
_BRIN = re.compile(r"^[0-9A-Z]{4}$")
_VESTIGING = re.compile(r"^\d{2}$")
_GEHEEL_GETAL = re.compile(r"^[+-]?[0-9]+$")
#: The largest whole number a database integer column holds.
MAX_GEHEEL_GETAL = 2**31 - 1
_ONGELDIG_TEKEN = re.compile(r"[\udc80-\udcff]")
_STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_VERDACHT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\udc80-\udcff]")

#: Zip safety (zip bombs): at most this many members, this many bytes unpacked in
#: total (the national export is about 250 MB), and no member that unpacks to more
#: than MAX_VERHOUDING times its packed size (CSV packs about 5 to 10 times; a zip
#: bomb a thousand times or more). Small members may pack better: only members
#: larger than VERHOUDING_VANAF bytes unpacked are held to the ratio. Python's
#: zipfile never unpacks more than a member's stated size (it stops with an error).
MAX_ZIP_LEDEN = 100
MAX_UITGEPAKT = 4 * 1024**3
MAX_VERHOUDING = 200
VERHOUDING_VANAF = 1024**2


class OngeldigeContainer(Exception):
    """The path is no folder or zip we can read; the message is Dutch and says why."""


@dataclass(frozen=True)
class Bronbestand:
    naam: str
    grootte: int
    open: Callable[[], IO[bytes]]


@contextmanager
def open_container(pad: Path) -> Iterator[tuple[str, list[Bronbestand]]]:
    """Yield (display name, files) of a folder or zip; raise OngeldigeContainer otherwise.

    A zip may hold the files at its root or inside one folder.
    """
    if pad.is_dir():
        bestanden = [
            Bronbestand(p.name, p.stat().st_size, lambda p=p: p.open("rb"))
            for p in sorted(pad.iterdir())
            if p.is_file() and not p.name.startswith(".")
        ]
        yield pad.name, bestanden
        return
    if not pad.exists():
        raise OngeldigeContainer(f"{pad}: bestaat niet")
    try:
        zf = zipfile.ZipFile(pad)
    except (zipfile.BadZipFile, OSError, ValueError) as fout:
        raise OngeldigeContainer(
            f"{pad.name}: geen map en geen geldig zip-bestand ({fout.__class__.__name__})"
        ) from None
    with zf:
        leden = [i for i in zf.infolist() if not i.is_dir() and "__MACOSX" not in i.filename]
        _controleer_zip(pad.name, leden)
        mappen = {i.filename.rsplit("/", 1)[0] for i in leden if "/" in i.filename}
        if len(mappen) > 1 or (mappen and any("/" not in i.filename for i in leden)):
            raise OngeldigeContainer(
                f"{pad.name}: de bestanden moeten samen in de hoofdmap of in één map staan"
            )
        bestanden = [
            Bronbestand(i.filename.rsplit("/", 1)[-1], i.file_size, lambda i=i: zf.open(i))
            for i in sorted(leden, key=lambda i: i.filename)
        ]
        yield pad.name, bestanden


def _controleer_zip(naam: str, leden: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs and odd paths before anything is unpacked (Dutch message)."""
    if len(leden) > MAX_ZIP_LEDEN:
        raise OngeldigeContainer(
            f"{naam}: te veel bestanden in het zip-bestand "
            f"({len(leden)}, hoogstens {MAX_ZIP_LEDEN})"
        )
    for lid in leden:
        delen = lid.filename.split("/")
        if (
            lid.filename.startswith("/")
            or "\\" in lid.filename
            or ":" in delen[0]
            or ".." in delen
            or len(delen) > 2
        ):
            raise OngeldigeContainer(
                f"{naam}: ongeldig pad in het zip-bestand: de bestanden moeten in de hoofdmap "
                "of in één map staan, zonder submappen, '..' of absolute paden"
            )
        if lid.filename.lower().endswith((".zip", ".gz", ".7z", ".rar", ".tar", ".xz", ".bz2")):
            raise OngeldigeContainer(
                f"{naam}: bevat een ingepakt bestand ({delen[-1]}): pak het eerst uit"
            )
        if lid.file_size > VERHOUDING_VANAF and lid.file_size > MAX_VERHOUDING * max(
            lid.compress_size, 1
        ):
            raise OngeldigeContainer(
                f"{naam}: {delen[-1]} pakt verdacht sterk uit (meer dan {MAX_VERHOUDING} keer "
                "zijn ingepakte grootte): mogelijk een zip-bom, niet ingelezen"
            )
    totaal = sum(i.file_size for i in leden)
    if totaal > MAX_UITGEPAKT:
        raise OngeldigeContainer(
            f"{naam}: uitgepakt te groot ({totaal // 1024**2} MB, hoogstens "
            f"{MAX_UITGEPAKT // 1024**2} MB)"
        )


class _Teller(io.RawIOBase):
    """Counts bytes read, for the progress bar."""

    def __init__(self, bron: IO[bytes], voortgang: Callable[[int], None] | None):
        self.bron, self.voortgang = bron, voortgang

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self.bron.read(len(buffer))
        buffer[: len(data)] = data
        if self.voortgang:
            self.voortgang(len(data))
        return len(data)


Omzetter = Callable[[str], tuple[object, str | None]]


def _omzetter(kolom: formaat.Kolom) -> Omzetter:
    """The function that turns one cell of `kolom` into its value, or says what is wrong.

    Built once per column, so the per-cell work is a length check and one test.
    """
    maximum = kolom.max_lengte

    def met_lengte(zet_om: Omzetter) -> Omzetter:
        def omzetter(tekst: str) -> tuple[object, str | None]:
            if len(tekst) > maximum:
                return None, f"te lang (meer dan {maximum} tekens)"
            return zet_om(tekst)

        return omzetter

    soort = kolom.soort
    if soort == formaat.DATUM:

        def datum(tekst: str) -> tuple[object, str | None]:
            if not _DATUM.match(tekst):
                return None, f"{tekst!r} is geen datum (verwacht JJJJ-MM-DD)"
            try:
                return date.fromisoformat(tekst), None
            except ValueError:
                return None, f"{tekst!r} is geen bestaande datum"

        return met_lengte(datum)
    if soort == formaat.CODE:
        codes = kolom.codes or {}
        toegestaan = ", ".join(codes)

        def code(tekst: str) -> tuple[object, str | None]:
            if tekst in codes:
                return tekst, None
            return None, f"onbekende code {tekst!r} (toegestaan: {toegestaan})"

        return met_lengte(code)
    if soort == formaat.JA_NEE:

        def ja_nee(tekst: str) -> tuple[object, str | None]:
            if tekst == "ja":
                return True, None
            if tekst == "nee":
                return False, None
            return None, f"{tekst!r}: verwacht ja of nee"

        return met_lengte(ja_nee)
    if soort == formaat.GEHEEL_GETAL:

        def geheel_getal(tekst: str) -> tuple[object, str | None]:
            if not _GEHEEL_GETAL.match(tekst):
                return None, f"{tekst!r} is geen geheel getal (alleen cijfers, bijvoorbeeld 12)"
            getal = int(tekst)
            if getal < 0:
                return None, f"{tekst!r} is negatief: verwacht 0 of meer"
            if getal > MAX_GEHEEL_GETAL:
                return None, f"{tekst!r} is te groot (hoogstens {MAX_GEHEEL_GETAL})"
            return getal, None

        return met_lengte(geheel_getal)
    if soort == formaat.BSN:

        def bsn(tekst: str) -> tuple[object, str | None]:
            if is_geldig_bsn(tekst):
                return tekst, None
            return None, "geen geldig BSN (9 cijfers die voldoen aan de elfproef)"

        return met_lengte(bsn)
    patroon, uitleg = {
        formaat.GEMEENTECODE: (_GEMEENTECODE, "geen CBS-gemeentecode (GM en 4 cijfers)"),
        formaat.BRIN: (_BRIN, "geen BRIN (4 tekens, cijfers of hoofdletters)"),
        formaat.VESTIGING: (_VESTIGING, "geen vestigingsnummer (2 cijfers)"),
    }.get(soort, (None, ""))
    if patroon is not None:

        def volgens_patroon(tekst: str) -> tuple[object, str | None]:
            if patroon.match(tekst):
                return tekst, None
            return None, f"{tekst!r} is {uitleg}"

        return met_lengte(volgens_patroon)
    return met_lengte(lambda tekst: (tekst, None))


@dataclass
class Bestandslezer:
    """Reads one CSV file of the exchange format; errors go to `fouten`."""

    spec: formaat.Bestand
    fouten: Foutenlijst
    voortgang: Callable[[int], None] | None = None

    def rijen(self, bron: IO[bytes]) -> Iterator[tuple[int, formaat.Rij]]:
        """Yield (line number, typed row) for every valid row."""
        naam = self.spec.naam
        tekst = io.TextIOWrapper(
            io.BufferedReader(_Teller(bron, self.voortgang), 1 << 16),
            encoding="utf-8-sig",
            errors="surrogateescape",
            newline="",
        )
        try:
            eerste = tekst.readline()
        except (OSError, EOFError, zipfile.BadZipFile) as fout:
            self.fouten.voeg_toe(naam, 1, "", f"bestand niet te lezen ({fout.__class__.__name__})")
            return
        if not eerste.strip():
            self.fouten.voeg_toe(naam, 1, "", "leeg bestand: de kopregel ontbreekt")
            return
        scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
        lezer = csv.reader(_keten(eerste, tekst), delimiter=scheiding, strict=True)
        try:
            kopjes = next(lezer)
        except csv.Error as fout:
            self.fouten.voeg_toe(naam, 1, "", f"kopregel onleesbaar: {fout}")
            return
        kolommen = self._controleer_kopregel(kopjes)
        if kolommen is None:
            return
        vorige_regel = lezer.line_num
        while True:
            try:
                velden = next(lezer)
            except StopIteration:
                return
            except (csv.Error, OSError, EOFError, zipfile.BadZipFile) as fout:
                self.fouten.voeg_toe(naam, vorige_regel + 1, "", _csv_melding(fout))
                return
            regel = vorige_regel + 1
            vorige_regel = lezer.line_num
            if not velden or velden == [""]:
                continue
            rij = self._lees_rij(regel, velden, kolommen)
            if rij is not None:
                yield regel, rij
            if self.fouten.vol:
                return

    def _controleer_kopregel(
        self, kopjes: list[str]
    ) -> list[tuple[formaat.Kolom, Omzetter]] | None:
        naam = self.spec.naam
        kopjes = [k.strip() for k in kopjes]
        goed = True
        for kop in kopjes:
            if _ONGELDIG_TEKEN.search(kop):
                self.fouten.voeg_toe(naam, 1, "", "ongeldige tekens: het bestand is geen UTF-8")
                return None
        for kop in sorted({k for k in kopjes if kopjes.count(k) > 1}):
            self.fouten.voeg_toe(naam, 1, kop, "kolom staat er meer dan eens in")
            goed = False
        for kop in kopjes:
            if kop not in self.spec.kolomnamen:
                self.fouten.voeg_toe(
                    naam,
                    1,
                    kop or "(leeg)",
                    f"onbekende kolom (verwacht: {', '.join(self.spec.kolomnamen)})",
                )
                goed = False
        for verplicht in self.spec.verplichte_kopjes:
            if verplicht not in kopjes:
                self.fouten.voeg_toe(naam, 1, verplicht, "kolom ontbreekt")
                goed = False
        if not goed:
            return None
        return [(self.spec.kolom(k), _omzetter(self.spec.kolom(k))) for k in kopjes]

    def _lees_rij(
        self, regel: int, velden: list[str], kolommen: list[tuple[formaat.Kolom, Omzetter]]
    ) -> formaat.Rij | None:
        naam = self.spec.naam
        if len(velden) != len(kolommen):
            self.fouten.voeg_toe(
                naam,
                regel,
                "",
                f"{len(velden)} velden, verwacht {len(kolommen)} (zoals de kopregel)",
            )
            return None
        verdacht = _VERDACHT.search("".join(velden)) is not None
        rij: formaat.Rij = dict(self.spec.lege_rij)
        goed = True
        for (kolom, zet_om), veld in zip(kolommen, velden, strict=True):
            waarde = veld.strip()
            if not waarde:  # the row holds the column's value for an empty cell already
                if kolom.verplicht:
                    self.fouten.voeg_toe(naam, regel, kolom.naam, "verplicht, maar leeg")
                    goed = False
                continue
            if verdacht:
                if _ONGELDIG_TEKEN.search(waarde):
                    self.fouten.voeg_toe(
                        naam, regel, kolom.naam, "ongeldige tekens: het bestand is geen UTF-8"
                    )
                    goed = False
                    continue
                if _STUURTEKEN.search(waarde):
                    self.fouten.voeg_toe(naam, regel, kolom.naam, "bevat een ongeldig stuurteken")
                    goed = False
                    continue
            omgezet, melding = zet_om(waarde)
            if melding:
                self.fouten.voeg_toe(naam, regel, kolom.naam, melding)
                goed = False
            rij[kolom.naam] = omgezet
        if not goed:
            return None
        for regelcontrole in self.spec.regels:
            for kolomnaam, melding in regelcontrole(rij):
                self.fouten.voeg_toe(naam, regel, kolomnaam, melding)
                goed = False
        return rij if goed else None


def _keten(eerste: str, rest: IO[str]) -> Iterator[str]:
    yield eerste
    yield from rest


def _csv_melding(fout: Exception) -> str:
    if isinstance(fout, csv.Error):
        tekst = str(fout)
        if "EOF" in tekst or "unexpected end of data" in tekst:
            return "bestand houdt halverwege op (een aanhalingsteken wordt niet gesloten)"
        if "NUL" in tekst:
            return "bevat een NUL-teken: dit is geen tekstbestand"
        return f"onleesbare CSV: {tekst}"
    return f"bestand niet volledig te lezen ({fout.__class__.__name__}): mogelijk afgebroken"


def bestandsvolgorde(
    bestanden: list[Bronbestand], fouten: Foutenlijst
) -> list[tuple[formaat.Bestand, Bronbestand]]:
    """Pair the container's files with their specs, in import order; unknown files are errors."""
    gevonden: dict[str, Bronbestand] = {}
    for bestand in bestanden:
        if bestand.naam in formaat.BESTAND_OP_NAAM:
            gevonden[bestand.naam] = bestand
        else:
            fouten.voeg_toe(
                bestand.naam,
                1,
                "",
                "onbekend bestand (verwacht: " + ", ".join(formaat.BESTAND_OP_NAAM) + ")",
            )
    return [(spec, gevonden[spec.naam]) for spec in formaat.BESTANDEN if spec.naam in gevonden]
