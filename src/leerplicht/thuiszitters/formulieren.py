"""Forms of the thuiszitters pages (Dutch messages; dates as 05-03-2025 or 2025-03-05)."""

from __future__ import annotations

from django import forms

from leerplicht.domein.codes import THUISZITTER_REDENEN_EINDE

DATUMFORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]
DATUMFOUT = "Vul een geldige datum in, bijvoorbeeld 05-03-2025."
_TEKSTVAK = {"class": "utrecht-textbox utrecht-textbox--html-input"}


def datumveld(label: str, *, verplicht: bool, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=verplicht,
        input_formats=DATUMFORMATEN,
        help_text=help_text,
        error_messages={"required": f"Vul de {label.lower()} in.", "invalid": DATUMFOUT},
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={**_TEKSTVAK, "type": "date", "autocomplete": "off"}
        ),
    )


def toelichtingveld() -> forms.CharField:
    return forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        error_messages={"max_length": "De toelichting is hoogstens 2.000 tekens lang."},
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3}),
    )


class StartFormulier(forms.Form):
    persoon = forms.CharField(
        label="Persoonsnummer",
        max_length=64,
        help_text="Het interne nummer uit het dossier, niet het BSN.",
        error_messages={"required": "Vul het persoonsnummer in."},
        widget=forms.TextInput(attrs={**_TEKSTVAK, "autocomplete": "off"}),
    )
    van = datumveld("Begindatum", verplicht=True, help_text="De eerste dag thuis.")
    toelichting = toelichtingveld()


class BevestigFormulier(forms.Form):
    melding = forms.CharField(max_length=64, widget=forms.HiddenInput)
    toelichting = toelichtingveld()


class PeriodeFormulier(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    tot = datumveld(
        "Einddatum",
        verplicht=False,
        help_text="De laatste dag thuis; leeg zolang de periode loopt.",
    )
    reden_einde = forms.ChoiceField(
        label="Reden einde",
        required=False,
        choices=[("", "(nog niet beëindigd)"), *THUISZITTER_REDENEN_EINDE.items()],
        error_messages={"invalid_choice": "Kies een reden uit de lijst."},
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    aanbod = datumveld(
        "Onderwijs- of zorgaanbod gedaan op",
        verplicht=False,
        help_text="Thuiszitterspact: binnen 3 maanden een aanbod van onderwijs of zorg.",
    )
    toelichting = toelichtingveld()
