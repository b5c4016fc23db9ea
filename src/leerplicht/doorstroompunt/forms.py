"""The forms of the vsv-traject page. Each carries the `versie` it was loaded with
(optimistic locking); the rules live in `domein.vsv_traject` and `diensten`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.meldingen.forms import MAX_LEVERING_BYTES, gemeentekeuzes
from leerplicht.werkprocessen.forms import KEUZELIJST, TEKSTGEBIED, Datumveld

from .models import Vsv


class Vsvformulier(forms.Form):
    """Base: the versie and accessible error marking (aria-invalid, aria-describedby)."""

    voorvoegsel = "formulier"
    versie = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
            "invalid": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
        },
    )

    def __init__(self, *args: Any, vsv: Vsv, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", self.voorvoegsel)
        initial = {"versie": vsv.versie, **kwargs.pop("initial", {})}
        super().__init__(*args, initial=initial, **kwargs)
        self.vsv = vsv
        for veld in self.fields.values():
            if isinstance(veld.widget, forms.Select):
                veld.widget.attrs.setdefault("class", KEUZELIJST)
            elif isinstance(veld.widget, forms.Textarea):
                veld.widget.attrs.setdefault("class", TEKSTGEBIED)

    def full_clean(self) -> None:
        super().full_clean()
        self.markeer_fouten()

    def markeer_fouten(self) -> None:
        for naam in self.errors:
            if naam in self.fields:
                attrs = self.fields[naam].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[naam].auto_id}-fout"

    def voeg_fout_toe(self, veld: str, bericht: str) -> None:
        self.add_error(veld if veld in self.fields else None, bericht)
        self.markeer_fouten()


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
    """Confirming the proposal "geen doelgroep meer": only the versie."""

    voorvoegsel = "voorstel"


class Uitschrijvingenformulier(forms.Form):
    """Upload of DUO's list of de-registrations without startkwalificatie."""

    gemeente = forms.ChoiceField(
        label="Gemeente waarvoor de levering is",
        widget=forms.Select({"class": KEUZELIJST}),
        error_messages={"required": "Kies een gemeente.", "invalid_choice": "Kies een gemeente."},
    )
    bestand = forms.FileField(
        label="Bestand met uitschrijvingen (CSV)",
        widget=forms.FileInput({"class": "utrecht-textbox", "accept": ".csv,text/csv"}),
        error_messages={"required": "Kies een CSV-bestand met uitschrijvingen van DUO."},
    )

    def __init__(self, *args: Any, gemeenten: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = gemeentekeuzes(gemeenten)

    def clean_bestand(self) -> Any:
        bestand = self.cleaned_data["bestand"]
        if not (bestand.name or "").lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("Alleen een CSV-bestand (.csv) kan worden ingelezen.")
        if bestand.size > MAX_LEVERING_BYTES:
            raise forms.ValidationError("Het bestand is te groot (hoogstens 20 MB).")
        if bestand.size == 0:
            raise forms.ValidationError("Het bestand is leeg.")
        begin = bestand.read(4096)
        bestand.seek(0)
        if begin.startswith(b"PK") or b"\x00" in begin:
            raise forms.ValidationError(
                "Dit is geen tekstbestand (CSV); bijvoorbeeld een Excel- of zip-bestand."
            )
        return bestand
