"""The forms of the vsv-traject page. Each carries the `versie` it was loaded with
(optimistic locking); the rules live in `domein.vsv_traject` and `diensten`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.invoer.formulieren import Versieformulier
from leerplicht.invoer.levering import Leveringsformulier
from leerplicht.werkprocessen.forms import Datumveld

from .models import Vsv


class Vsvformulier(Versieformulier):
    """A form on the vsv-traject page: carries the traject and its versie."""

    def __init__(self, *args: Any, vsv: Vsv, **kwargs: Any) -> None:
        super().__init__(*args, versie=vsv.versie, **kwargs)
        self.vsv = vsv


def _resultaatveld(keuzes: dict[str, str], label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Kies een resultaat"), *keuzes.items()],
        error_messages={
            "required": "Kies een resultaat.",
            "invalid_choice": "Kies een resultaat uit de lijst.",
        },
    )


class _Resultaatformulier(Vsvformulier):
    datum = Datumveld(label="Datum")
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)


class Monitoringformulier(_Resultaatformulier):
    """In behandeling -> monitoring, and every later monitoring contact."""

    voorvoegsel = "monitoring"
    resultaat = _resultaatveld(codes.VSV_RESULTATEN_MONITORING, "Monitoringsresultaat")
    field_order = ["versie", "resultaat", "datum", "toelichting"]


class Afrondformulier(_Resultaatformulier):
    voorvoegsel = "afronden"
    resultaat = _resultaatveld(codes.VSV_RESULTATEN_AFGEROND, "Afsluitresultaat")
    field_order = ["versie", "resultaat", "datum", "toelichting"]


class Voorstelformulier(Vsvformulier):
    """Confirming the open proposal "geen doelgroep meer" (or "meeverhuizen"): only the
    versie; the traject has at most one open proposal."""

    voorvoegsel = "voorstel"


class Afwijsformulier(Vsvformulier):
    """Rejecting the open proposal: why is required (kept with the proposal)."""

    voorvoegsel = "afwijzen"
    toelichting = forms.CharField(
        label="Waarom wijst u het voorstel af?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Schrijf op waarom u het voorstel afwijst.",
            "max_length": "Hoogstens 2000 tekens.",
        },
    )


class Uitschrijvingenformulier(Leveringsformulier):
    """Upload of DUO's list of de-registrations without startkwalificatie."""

    bestandslabel = "Bestand met uitschrijvingen (CSV)"
