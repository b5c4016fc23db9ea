"""Where each file of the exchange format lives in the database.

One `Doeltabel` per file: its model, which exchange column goes to which
database column, the key rows are matched on, and how a key is derived when
the file does not carry one (schools, interventies). The importer and the
exporter both read this, so the two directions cannot drift apart.

It also says which `versie` (optimistic locking, leerplicht.versiebeheer) an
import must raise: the row's own, and for rows that are edited on screen under
another record's versie (an interventie under its werkproces) that record's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db import models

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.vrijstellingen.models import Verlofaanvraag, Vrijstelling
from leerplicht.werkprocessen.models import Interventie, Werkproces

#: A reference to a school is resolved in SQL: `brin + vestiging`, or the brin alone
#: when the school has one vestiging. The raw reference is staged in this column.
SCHOOL_VERWIJZING = "school_ref"


@dataclass(frozen=True)
class Doeltabel:
    spec: formaat.Bestand
    model: type[models.Model]
    #: Database columns matched on (primary key or natural key).
    sleutel: tuple[str, ...]
    #: Derives the primary key from the row when the file does not carry it.
    afgeleide_sleutel: Callable[[formaat.Rij], str] | None = None
    #: Exchange column of the record whose versie guards these rows on screen (the
    #: werkproces of an interventie): a new or changed row raises that record's versie.
    versie_ouder: str | None = None

    @property
    def tabel(self) -> str:
        return self.model._meta.db_table

    def veld(self, kolom: str) -> models.Field:
        return self.model._meta.get_field(kolom)

    @cached_property
    def kolommen(self) -> dict[str, str]:
        """Exchange column -> database column (references end in _id)."""
        return {k.naam: self.veld(k.naam).column for k in self.spec.kolommen}

    @cached_property
    def db_kolommen(self) -> tuple[str, ...]:
        """Database columns written by an import, key first."""
        kolommen = list(self.kolommen.values())
        pk = self.model._meta.pk.column
        if pk not in kolommen and self.afgeleide_sleutel is not None:
            kolommen.insert(0, pk)
        return tuple(kolommen)

    @cached_property
    def inhoud(self) -> tuple[str, ...]:
        """Columns compared to tell a changed row from an unchanged one."""
        return tuple(k for k in self.db_kolommen if k not in self.sleutel)

    @cached_property
    def versie_kolom(self) -> str | None:
        """The optimistic-locking column an import raises on every row it changes.

        None when the model has none, or when the file itself carries it (then the
        file decides the value).
        """
        kolom = _versie_kolom(self.model)
        return None if kolom in self.db_kolommen else kolom

    @cached_property
    def ouder_met_versie(self) -> tuple[str, type[models.Model], str] | None:
        """(database column here, parent model, the parent's versie column), or None."""
        if self.versie_ouder is None:
            return None
        veld = self.veld(self.versie_ouder)
        kolom = _versie_kolom(veld.related_model)
        assert kolom is not None, f"{veld.related_model.__name__} has no versie to raise"
        return veld.column, veld.related_model, kolom

    @cached_property
    def verwijzingen(self) -> list[tuple[str, str, type[models.Model], str]]:
        """(exchange column, database column, referenced model, its file) per reference."""
        return [
            (
                k.naam,
                self.veld(k.naam).column,
                self.veld(k.naam).related_model,
                k.verwijst_naar or "",
            )
            for k in self.spec.kolommen
            if k.soort == formaat.VERWIJZING
        ]

    @cached_property
    def sleutel_is_uniek(self) -> bool:
        """Whether the database itself keeps the key unique (a primary key or a unique
        constraint on exactly these columns). Only then can the importer upsert with
        ON CONFLICT; otherwise it updates the matching rows and inserts the others."""
        meta = self.model._meta
        if self.sleutel == (meta.pk.column,):
            return True
        groepen = [tuple(g) for g in meta.unique_together]
        groepen += [
            tuple(c.fields)
            for c in meta.constraints
            if isinstance(c, models.UniqueConstraint) and c.condition is None and c.fields
        ]
        groepen += [(f.name,) for f in meta.concrete_fields if f.unique]
        return any(
            {meta.get_field(veld).column for veld in groep} == set(self.sleutel)
            for groep in groepen
        )


def _versie_kolom(model: type[models.Model]) -> str | None:
    veld = next((f for f in model._meta.concrete_fields if f.name == "versie"), None)
    return None if veld is None else veld.column


def _school_sleutel(rij: formaat.Rij) -> str:
    return formaat.school_code(str(rij["brin"]), rij["vestiging"])  # type: ignore[arg-type]


def _interventie_sleutel(rij: formaat.Rij) -> str:
    return str(rij["id"]) if rij.get("id") else formaat.interventie_id(rij)


DOELTABELLEN: tuple[Doeltabel, ...] = (
    Doeltabel(formaat.GEMEENTEN, Gemeente, ("code",)),
    Doeltabel(formaat.SCHOLEN, School, ("id",), _school_sleutel),
    Doeltabel(formaat.PERSONEN, Persoon, ("id",)),
    Doeltabel(formaat.INSCHRIJVINGEN, Inschrijving, ("persoon_id", "school_id", "van")),
    Doeltabel(formaat.WERKPROCESSEN, Werkproces, ("id",)),
    Doeltabel(formaat.MELDINGEN, Melding, ("meldingsnummer",)),
    # The werkproces page changes interventies under the werkproces's versie.
    Doeltabel(
        formaat.INTERVENTIES,
        Interventie,
        ("id",),
        _interventie_sleutel,
        versie_ouder="werkproces",
    ),
    Doeltabel(formaat.VRIJSTELLINGEN, Vrijstelling, ("id",)),
    Doeltabel(formaat.THUISZITTERS, Thuiszitter, ("id",)),
    Doeltabel(formaat.VSV, Vsv, ("id",)),
    # A verlofaanvraag has a database number (auto pk) that means nothing to another
    # system, so it is known by what it is: the pupil, the day the parents asked, and the
    # first day asked for. A request refused and asked again later has a new `aangevraagd`;
    # two requests for the same pupil from the same day asked on the same day are one.
    # The database has no unique constraint on it: the importer updates and inserts
    # instead of ON CONFLICT (Doeltabel.sleutel_is_uniek).
    Doeltabel(formaat.VERLOFAANVRAGEN, Verlofaanvraag, ("persoon_id", "aangevraagd", "van")),
)
DOELTABEL_VAN: dict[str, Doeltabel] = {d.spec.naam: d for d in DOELTABELLEN}
assert [d.spec for d in DOELTABELLEN] == list(formaat.BESTANDEN)
