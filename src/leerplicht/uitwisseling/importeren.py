"""`leerplicht import`: load the exchange format, all or nothing.

How it works, per file in reference order, inside one transaction:
1. the reader streams and checks each row (types, codes, row rules);
2. valid rows go to a temporary staging table in batches (memory stays flat);
3. set-based checks in SQL: references, the same key twice with different
   content, a BSN used for two persons;
4. counts of new and changed rows, then one upsert into the real table; a
   changed row's `versie` goes up in that same statement (and, for interventies,
   their werkproces's), so forms opened before the import get the conflict page.
   A natural key the database does not keep unique (verlofaanvragen) gets an
   UPDATE of the changed rows and an INSERT of the new ones instead.
Any error anywhere rolls the whole transaction back: nothing is half-stored,
and a process killed halfway leaves the database as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from pathlib import Path

from django.db import DatabaseError, connection, transaction

from leerplicht.audit.uitwisseling import registreer_import
from leerplicht.invoer.fouten import Foutenlijst
from leerplicht.invoer.lezer import (
    Bestandslezer,
    OngeldigeContainer,
    bestandsvolgorde,
    open_container,
)

from .tabellen import DOELTABEL_VAN, SCHOOL_VERWIJZING, Doeltabel

BATCH = 5000


@dataclass
class Bestandsresultaat:
    bestand: str
    regels: int = 0
    nieuw: int = 0
    gewijzigd: int = 0

    @property
    def ongewijzigd(self) -> int:
        return self.regels - self.nieuw - self.gewijzigd


@dataclass
class Importresultaat:
    fouten: Foutenlijst
    bestanden: list[Bestandsresultaat] = field(default_factory=list)
    seconden: float = 0.0
    opgeslagen: bool = False

    @property
    def regels(self) -> int:
        return sum(b.regels for b in self.bestanden)


def _geen(_rij: dict) -> None:
    return None


class _Afbreken(Exception):
    """Roll back the transaction: there were errors."""


def importeer(
    pad: Path,
    *,
    alleen_controleren: bool = False,
    max_fouten: int = 200,
    voortgang: Callable[[int, int], None] | None = None,
) -> Importresultaat:
    """Import a folder or zip. On any error nothing is stored and `fouten` says why.

    `voortgang(gelezen_bytes, totaal_bytes)` is called while reading, for a progress bar.
    """
    resultaat = Importresultaat(Foutenlijst(max_fouten))
    begin = time.perf_counter()
    try:
        with open_container(pad) as (_, bestanden):
            paren = bestandsvolgorde(bestanden, resultaat.fouten)
            totaal = sum(b.grootte for _, b in paren)
            teller = _Voortgang(totaal, voortgang)
            try:
                with transaction.atomic():
                    for spec, bron in paren:
                        doel = DOELTABEL_VAN[spec.naam]
                        with bron.open() as stroom:
                            resultaat.bestanden.append(
                                _Bestandsimport(doel, resultaat.fouten, teller).voer_uit(stroom)
                            )
                        if resultaat.fouten.vol:
                            break
                    if resultaat.fouten or alleen_controleren:
                        raise _Afbreken
                    # In the same transaction: no stored import without its audit entry.
                    registreer_import(resultaat)
            except _Afbreken:
                pass
            else:
                resultaat.opgeslagen = True
    except OngeldigeContainer as fout:
        resultaat.fouten.voeg_toe(pad.name, 1, "", str(fout).split(": ", 1)[-1])
    except DatabaseError as fout:  # a check we do not have yet: still no traceback, nothing stored
        resultaat.fouten.voeg_toe(pad.name, 1, "", f"de database weigerde de gegevens: {fout}")
    resultaat.seconden = time.perf_counter() - begin
    return resultaat


class _Voortgang:
    def __init__(self, totaal: int, melder: Callable[[int, int], None] | None):
        self.totaal, self.gelezen, self.melder = totaal, 0, melder

    def __call__(self, aantal: int) -> None:
        self.gelezen += aantal
        if self.melder:
            self.melder(self.gelezen, self.totaal)


# --- SQL dialect -------------------------------------------------------------------


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _gelijk(a: str, b: str) -> str:
    """Null-safe equality."""
    return f"{a} IS NOT DISTINCT FROM {b}" if _is_postgres() else f"{a} IS {b}"


def _q(naam: str) -> str:
    return connection.ops.quote_name(naam)


# --- One file ------------------------------------------------------------------------


class _Bestandsimport:
    def __init__(self, doel: Doeltabel, fouten: Foutenlijst, voortgang: _Voortgang):
        self.doel, self.fouten, self.voortgang = doel, fouten, voortgang
        self.naam = doel.spec.naam
        self.stg = f"stg_{doel.tabel}"
        self.heeft_school = (
            "school" in doel.kolommen and doel.model._meta.db_table != "register_school"
        )
        self.kolommen = list(doel.db_kolommen)
        if self.heeft_school:
            self.kolommen.append(SCHOOL_VERWIJZING)

    def voer_uit(self, stroom) -> Bestandsresultaat:
        resultaat = Bestandsresultaat(self.naam)
        with connection.cursor() as cursor:
            self.cursor = cursor
            self._maak_staging()
            resultaat.regels = self._laad(stroom)
            cursor.execute(f"CREATE INDEX {self.stg}_sleutel ON {self.stg} ({self._sleutel('')})")
            if self.heeft_school:
                self._los_scholen_op()
            self._controleer_verwijzingen()
            self._controleer_dubbele_sleutels()
            if self.doel.spec.naam == "personen.csv":
                self._controleer_bsn()
            if not self.fouten:
                resultaat.regels = self._ontdubbel()
                resultaat.nieuw, resultaat.gewijzigd = self._tel_wijzigingen()
                self._schrijf()
            cursor.execute(f"DROP TABLE {self.stg}")
        return resultaat

    def _sleutel(self, alias: str) -> str:
        voor = f"{alias}." if alias else ""
        return ", ".join(voor + _q(k) for k in self.doel.sleutel)

    def _sleutel_gelijk(self, a: str, b: str) -> str:
        return " AND ".join(f"{a}.{_q(k)} = {b}.{_q(k)}" for k in self.doel.sleutel)

    def _inhoud_gelijk(self, a: str, b: str) -> str:
        if not self.doel.inhoud:
            return "1=1"
        return " AND ".join(_gelijk(f"{a}.{_q(k)}", f"{b}.{_q(k)}") for k in self.doel.inhoud)

    # staging

    def _maak_staging(self) -> None:
        typen = []
        for kolom in self.kolommen:
            if kolom == SCHOOL_VERWIJZING:
                typen.append(f"{kolom} varchar(64)")
                continue
            veld = next(f for f in self.doel.model._meta.concrete_fields if f.column == kolom)
            db_type = (veld.target_field if veld.is_relation else veld).db_type(connection)
            typen.append(f"{_q(kolom)} {db_type}")
        self.cursor.execute(f"DROP TABLE IF EXISTS {self.stg}")
        self.cursor.execute(
            f"CREATE TEMPORARY TABLE {self.stg} (_regel integer, {', '.join(typen)})"
        )

    def _staging_rijen(self, stroom) -> Iterator[tuple]:
        """(line, value per staging column) for every valid row.

        The getter per column is worked out once, so a row costs one C-level
        itemgetter call. Dates and booleans go to the driver as they are: psycopg
        copies them natively and sqlite3's default adapters store ISO text and
        0/1, as Django does.
        """
        lezer = Bestandslezer(self.doel.spec, self.fouten, self.voortgang)
        bron_van = {db: naam for naam, db in self.doel.kolommen.items()}
        afgeleid = self.doel.afgeleide_sleutel
        pk = self.doel.model._meta.pk.column
        getters: list[Callable[[dict], object]] = []
        for kolom in self.kolommen:
            if kolom == SCHOOL_VERWIJZING:
                getters.append(itemgetter(bron_van["school_id"]))
            elif self.heeft_school and kolom == "school_id":
                getters.append(_geen)  # resolved in SQL by _los_scholen_op
            elif afgeleid is not None and kolom == pk:
                getters.append(afgeleid)
            else:
                getters.append(itemgetter(bron_van[kolom]))
        rijen = lezer.rijen(stroom)
        if all(isinstance(g, itemgetter) for g in getters) and len(getters) > 1:
            alles = itemgetter(*(bron_van[k] for k in self.kolommen))
            for regel, rij in rijen:
                yield (regel, *alles(rij))
        else:
            for regel, rij in rijen:
                yield (regel, *[haal(rij) for haal in getters])

    def _laad(self, stroom) -> int:
        rijen = self._staging_rijen(stroom)
        kolommen = ", ".join(["_regel", *(_q(k) for k in self.kolommen)])
        aantal = 0
        if _is_postgres():
            with self.cursor.cursor.copy(f"COPY {self.stg} ({kolommen}) FROM STDIN") as kopie:
                for rij in rijen:
                    kopie.write_row(rij)
                    aantal += 1
            return aantal
        plaatsen = ", ".join(["%s"] * (len(self.kolommen) + 1))
        sql = f"INSERT INTO {self.stg} ({kolommen}) VALUES ({plaatsen})"
        while batch := list(islice(rijen, BATCH)):
            self.cursor.executemany(sql, batch)
            aantal += len(batch)
        return aantal

    # checks

    def _fouten_uit(self, sql: str, kolom: str, melding: Callable[[tuple], str]) -> None:
        ruimte = max(self.fouten.maximum - len(self.fouten.fouten), 1)
        self.cursor.execute(f"{sql} ORDER BY 1 LIMIT {ruimte}")
        for rij in self.cursor.fetchall():
            self.fouten.voeg_toe(self.naam, rij[0], kolom, melding(rij))

    def _los_scholen_op(self) -> None:
        school = _q("register_school")
        self.cursor.execute(
            f"UPDATE {self.stg} SET school_id = COALESCE("
            f"(SELECT s.id FROM {school} s WHERE s.id = {self.stg}.{SCHOOL_VERWIJZING}),"
            f"(SELECT MIN(s.id) FROM {school} s WHERE s.brin = {self.stg}.{SCHOOL_VERWIJZING} "
            f"HAVING COUNT(*) = 1)) WHERE {SCHOOL_VERWIJZING} IS NOT NULL"
        )

    def _controleer_verwijzingen(self) -> None:
        for kolom, db_kolom, model, bron in self.doel.verwijzingen:
            if self.heeft_school and kolom == "school":
                self._fouten_uit(
                    f"SELECT _regel, {SCHOOL_VERWIJZING} FROM {self.stg} "
                    f"WHERE {SCHOOL_VERWIJZING} IS NOT NULL AND school_id IS NULL",
                    kolom,
                    lambda r: (
                        f"school {r[1]} bestaat niet (niet in scholen.csv en niet in de "
                        "database; bij meer vestigingen: brin en vestiging, bijvoorbeeld 12AB00)"
                    ),
                )
                continue
            doel = _q(model._meta.db_table)
            pk = _q(model._meta.pk.column)
            self._fouten_uit(
                f"SELECT _regel, {_q(db_kolom)} FROM {self.stg} s WHERE {_q(db_kolom)} IS NOT NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {doel} t WHERE t.{pk} = s.{_q(db_kolom)})",
                kolom,
                lambda r, bron=bron: f"{r[1]} bestaat niet (niet in {bron} en niet in de database)",
            )

    def _controleer_dubbele_sleutels(self) -> None:
        sleutelkolommen = ", ".join(
            k.naam for k in self.doel.spec.kolommen if k.naam in self._sleutelnamen()
        )
        self._fouten_uit(
            f"SELECT b._regel, a._regel FROM {self.stg} a JOIN {self.stg} b "
            f"ON {self._sleutel_gelijk('a', 'b')} AND a._regel < b._regel "
            f"WHERE NOT ({self._inhoud_gelijk('a', 'b')}) "
            f"AND NOT EXISTS (SELECT 1 FROM {self.stg} c WHERE {self._sleutel_gelijk('a', 'c')} "
            f"AND c._regel < a._regel)",
            sleutelkolommen or "id",
            lambda r: f"dezelfde sleutel staat ook op regel {r[1]}, met andere inhoud",
        )

    def _sleutelnamen(self) -> set[str]:
        omgekeerd = {db: naam for naam, db in self.doel.kolommen.items()}
        namen = {omgekeerd.get(k, k) for k in self.doel.sleutel}
        if self.doel.spec.naam == "scholen.csv":
            namen = {"brin", "vestiging"}
        return namen

    def _controleer_bsn(self) -> None:
        persoon = _q("register_persoon")
        # One sort tells whether any BSN has two persons; only then the (slower)
        # self-join that names the lines.
        self.cursor.execute(
            f"SELECT 1 FROM {self.stg} WHERE bsn IS NOT NULL "
            f"GROUP BY bsn HAVING MIN(id) <> MAX(id) LIMIT 1"
        )
        if self.cursor.fetchone():
            self._fouten_uit(
                f"SELECT b._regel, a._regel FROM {self.stg} a JOIN {self.stg} b "
                f"ON a.bsn = b.bsn AND a.id <> b.id AND a._regel < b._regel",
                "bsn",
                lambda r: f"hetzelfde BSN staat op regel {r[1]} bij een andere persoon",
            )
        self._fouten_uit(
            f"SELECT s._regel, t.id FROM {self.stg} s JOIN {persoon} t "
            f"ON t.bsn = s.bsn AND t.id <> s.id",
            "bsn",
            lambda r: f"dit BSN hoort in de database al bij persoon {r[1]}",
        )

    # writing

    def _ontdubbel(self) -> int:
        """Identical repeats of a row count once."""
        self.cursor.execute(
            f"DELETE FROM {self.stg} WHERE EXISTS (SELECT 1 FROM {self.stg} c "
            f"WHERE {self._sleutel_gelijk(self.stg, 'c')} AND c._regel < {self.stg}._regel)"
        )
        self.cursor.execute(f"SELECT COUNT(*) FROM {self.stg}")
        return self.cursor.fetchone()[0]

    def _tel_wijzigingen(self) -> tuple[int, int]:
        doel = _q(self.doel.tabel)
        self.cursor.execute(
            f"SELECT COUNT(*) FROM {self.stg} s WHERE NOT EXISTS "
            f"(SELECT 1 FROM {doel} t WHERE {self._sleutel_gelijk('s', 't')})"
        )
        nieuw = self.cursor.fetchone()[0]
        self.cursor.execute(
            f"SELECT COUNT(*) FROM {self.stg} s JOIN {doel} t ON {self._sleutel_gelijk('s', 't')} "
            f"WHERE NOT ({self._inhoud_gelijk('s', 't')})"
        )
        return nieuw, self.cursor.fetchone()[0]

    def _schrijf(self) -> None:
        """Parents first: telling what changes needs the rows as stored before the upsert."""
        self._verhoog_versie_ouders()
        self._upsert()

    def _upsert(self) -> None:
        """One INSERT ... ON CONFLICT DO UPDATE, touching only rows whose content differs.

        A changed row also gets versie + 1 in the same statement: a form opened before
        the import carries the old versie, so saving it gives the conflict page
        instead of silently overwriting what was imported. An unchanged row is not
        updated at all (the WHERE of DO UPDATE), so its versie stays and forms open on
        it still save.
        """
        if not self.doel.sleutel_is_uniek:
            self._werk_bij_en_voeg_toe()
            return
        kolommen = ", ".join(_q(k) for k in self.doel.db_kolommen)
        doel = _q(self.doel.tabel)
        if self.doel.inhoud:
            zet = [f"{_q(k)} = excluded.{_q(k)}" for k in self.doel.inhoud]
            if (versie := self.doel.versie_kolom) is not None:
                zet.append(f"{_q(versie)} = {doel}.{_q(versie)} + 1")
            bij_conflict = (
                f"DO UPDATE SET {', '.join(zet)} "
                f"WHERE NOT ({self._inhoud_gelijk(doel, 'excluded')})"
            )
        else:
            bij_conflict = "DO NOTHING"
        self.cursor.execute(
            f"INSERT INTO {doel} ({kolommen}) SELECT {kolommen} FROM {self.stg} WHERE 1=1 "
            f"ON CONFLICT ({self._sleutel('')}) {bij_conflict}"
        )

    def _werk_bij_en_voeg_toe(self) -> None:
        """The upsert for a natural key the database does not keep unique (no ON CONFLICT
        possible): update the stored rows whose content differs (versie + 1, as in
        `_upsert`), then insert the rows whose key is not stored yet. The staging table
        holds each key once (`_ontdubbel`), so a row is never inserted twice."""
        doel = _q(self.doel.tabel)
        if self.doel.inhoud:
            zet = [f"{_q(k)} = s.{_q(k)}" for k in self.doel.inhoud]
            if (versie := self.doel.versie_kolom) is not None:
                zet.append(f"{_q(versie)} = t.{_q(versie)} + 1")
            self.cursor.execute(
                f"UPDATE {doel} AS t SET {', '.join(zet)} FROM {self.stg} s "
                f"WHERE {self._sleutel_gelijk('s', 't')} AND NOT ({self._inhoud_gelijk('s', 't')})"
            )
        kolommen = ", ".join(_q(k) for k in self.doel.db_kolommen)
        self.cursor.execute(
            f"INSERT INTO {doel} ({kolommen}) SELECT {kolommen} FROM {self.stg} s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {doel} t WHERE {self._sleutel_gelijk('s', 't')})"
        )

    def _verhoog_versie_ouders(self) -> None:
        """Raise the versie of every parent a new or changed row lands in or leaves.

        The werkproces page records e.g. a Halt outcome under the werkproces's versie,
        so an imported interventie must invalidate forms opened on its werkproces.
        Runs before the upsert, while the stored rows still tell what changes; one
        UPDATE for the whole file. A parent that gains several rows is raised once.
        """
        if self.doel.ouder_met_versie is None:
            return
        kolom, ouder, versie = self.doel.ouder_met_versie
        kolom, versie = _q(kolom), _q(versie)
        doel, tabel = _q(self.doel.tabel), _q(ouder._meta.db_table)
        pk = _q(ouder._meta.pk.column)
        zelfde = f"{self._sleutel_gelijk('s', 't')} AND {self._inhoud_gelijk('s', 't')}"
        self.cursor.execute(
            f"UPDATE {tabel} SET {versie} = {versie} + 1 WHERE {pk} IN ("
            f"SELECT s.{kolom} FROM {self.stg} s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {doel} t WHERE {zelfde}) "
            f"UNION SELECT t.{kolom} FROM {self.stg} s JOIN {doel} t "
            f"ON {self._sleutel_gelijk('s', 't')} WHERE NOT ({self._inhoud_gelijk('s', 't')}))"
        )
