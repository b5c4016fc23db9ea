"""The person-data models of the work apps, by name, for the modules below those apps.

`toegang.beleid` decides who sees each of them and `audit` follows and exports each, so
both must know every model; but they sit below the apps that define them (the layers,
docs/ontwikkelaars/architectuur.md). They reach them through Django's app registry, the
way a ForeignKey("app.Model") does: importing toegang or audit never imports an app above
them, and the one list of names is here.

    M.Melding.objects.filter(...)           # the model class, looked up when used
    OpModel({"meldingen.Melding": ...})     # a mapping keyed by the model class
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

from django.apps import apps
from django.db import models

#: Class name -> "app_label.ModelName" of each person-data model above toegang and audit.
LABELS: dict[str, str] = {
    "Melding": "meldingen.Melding",
    "Werkproces": "werkprocessen.Werkproces",
    "Interventie": "werkprocessen.Interventie",
    "Notitie": "werkprocessen.Notitie",
    "Gebeurtenis": "werkprocessen.Gebeurtenis",
    "Document": "werkprocessen.Document",
    "Vrijstelling": "vrijstellingen.Vrijstelling",
    "Verlofaanvraag": "vrijstellingen.Verlofaanvraag",
    "Thuiszitter": "thuiszitters.Thuiszitter",
    "Vsv": "doorstroompunt.Vsv",
    "Voorstel": "doorstroompunt.Voorstel",
    "Jikpregistratie": "jikp.Jikpregistratie",
    "Auditregel": "audit.Auditregel",
}


class _Modellen:
    """`M.Melding` is the Melding model class (once the app registry is ready)."""

    def __getattr__(self, naam: str) -> type[models.Model]:
        try:
            return apps.get_model(LABELS[naam])
        except KeyError:
            raise AttributeError(naam) from None


M = _Modellen()

W = TypeVar("W")


class OpModel(Mapping[type[models.Model], W], Generic[W]):
    """A mapping written with labels ("meldingen.Melding" or a model class) and read with
    model classes, as if it were keyed by the classes themselves."""

    def __init__(self, waarden: Mapping[str | type[models.Model], W]) -> None:
        self._op_label = {_label(k): v for k, v in waarden.items()}

    def __getitem__(self, model: type[models.Model]) -> W:
        return self._op_label[_label(model)]

    def __contains__(self, model: object) -> bool:
        return isinstance(model, str | type) and _label(model) in self._op_label

    def __iter__(self) -> Iterator[type[models.Model]]:
        return (apps.get_model(label) for label in self._op_label)

    def __len__(self) -> int:
        return len(self._op_label)


def _label(model: str | type) -> str:
    if isinstance(model, str):
        return model
    meta = getattr(model, "_meta", None)
    return meta.label if meta is not None else repr(model)
