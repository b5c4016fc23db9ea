"""The letter form (one form for every soort: the extras of each soort in their own
fieldset, so it works without JavaScript) and the template upload form."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms

from .plaatshouders import DATUM, KEUZE, LANGE_TEKST, TIJD, VELDEN, ontbrekende_velden
from .soorten import BRIEFSOORTEN, MET_KOPIE_AAN_SCHOOL
from .weergave import MAX_GROOTTE

TEKSTVAK = {"class": "utrecht-textbox utrecht-textbox--html-input"}
TEKSTGEBIED = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
KEUZELIJST = {"class": "utrecht-select utrecht-select--html-select"}
VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}

#: How the extras are grouped on the form: (legend, keys of plaatshouders.VELDEN).
GROEPEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Geadresseerde en leerling", ("aan_naam", "aanhef", "aan_adres", "leerling_naam")),
    (
        "Gesprek (bij een uitnodiging; bij een waarschuwing de datum van het gesprek)",
        ("gesprek_datum", "gesprek_tijd", "gesprek_plaats"),
    ),
    ("Afspraken (bij een waarschuwing)", ("afspraken",)),
    ("Proces-verbaal (bij de begeleidende brief)", ("pv_nummer", "pv_tegen", "pv_verzuim")),
    (
        "Besluit (bij een besluit op vrijstelling of verlof)",
        (
            "besluit_uitkomst",
            "besluit_grond",
            "besluit_geldig_van",
            "besluit_geldig_tot",
            "besluit_motivering",
        ),
    ),
    ("Overig", ("toelichting",)),
)

_TIJD = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def _veld(v) -> forms.Field:
    help_text = v.hulptekst
    soorten = sorted(v.verplicht_voor)
    if soorten and len(soorten) < len(BRIEFSOORTEN):
        verplicht = ", ".join(BRIEFSOORTEN[s].lower() for s in soorten)
        help_text = f"{help_text} Verplicht bij: {verplicht}.".strip()
    algemeen = {"label": v.label, "required": False, "help_text": help_text}
    veld = _formulierveld(v, algemeen)
    # Required or not depends on the kind of letter (checked by the service): a field needed
    # for some kind is not marked "(niet verplicht)" ({% formulierveld %}).
    veld.geen_markering = bool(soorten)
    return veld


def _formulierveld(v, algemeen: dict) -> forms.Field:
    if v.soort == DATUM:
        return forms.DateField(
            **algemeen,
            input_formats=["%Y-%m-%d", "%d-%m-%Y"],
            widget=forms.DateInput(attrs={**TEKSTVAK, "type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": "Vul een datum in als dd-mm-jjjj."},
        )
    if v.soort == TIJD:
        return forms.CharField(
            **algemeen, max_length=5, widget=forms.TextInput(attrs={**TEKSTVAK, "type": "time"})
        )
    if v.soort == KEUZE:
        return forms.ChoiceField(
            **algemeen,
            choices=[("", "(kies)"), *v.keuzes.items()],
            widget=forms.Select(attrs=KEUZELIJST),
        )
    if v.soort == LANGE_TEKST:
        return forms.CharField(
            **algemeen, max_length=4000, widget=forms.Textarea(attrs=TEKSTGEBIED)
        )
    return forms.CharField(**algemeen, max_length=200, widget=forms.TextInput(attrs=TEKSTVAK))


class Briefformulier(forms.Form):
    soort = forms.ChoiceField(
        label="Soort brief",
        choices=list(BRIEFSOORTEN.items()),
        widget=forms.Select(attrs=KEUZELIJST),
        error_messages={
            "required": "Kies een soort brief.",
            "invalid_choice": "Kies een soort brief.",
        },
    )
    kopie_aan_school = forms.BooleanField(
        label="Kopie aan de school (alleen bij een waarschuwingsbrief)",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Own ids: the werkproces page has other forms with a "soort" field too.
        kwargs.setdefault("auto_id", "brief-%s")
        super().__init__(*args, **kwargs)
        for v in VELDEN:
            self.fields[v.sleutel] = _veld(v)

    def groepen(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[s] for s in sleutels]) for legend, sleutels in GROEPEN]

    def clean_gesprek_tijd(self) -> str:
        tijd = (self.cleaned_data.get("gesprek_tijd") or "").strip()
        if not tijd:
            return ""
        gevonden = _TIJD.match(tijd)
        if not gevonden:
            raise forms.ValidationError("Vul een tijd in als uu:mm, bijvoorbeeld 10:30.")
        return f"{int(gevonden[1]):02d}.{gevonden[2]}"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        soort = data.get("soort")
        if not soort:
            return data
        for v in ontbrekende_velden(soort, data):
            if v.sleutel not in self.errors:
                self.add_error(
                    v.sleutel, f"Vul '{v.label}' in bij een {BRIEFSOORTEN[soort].lower()}."
                )
        if data.get("kopie_aan_school") and soort not in MET_KOPIE_AAN_SCHOOL:
            self.add_error(
                "kopie_aan_school", "Alleen de waarschuwingsbrief gaat in kopie naar de school."
            )
        van, tot = data.get("besluit_geldig_van"), data.get("besluit_geldig_tot")
        if van and tot and tot < van:
            self.add_error("besluit_geldig_tot", "'Geldig tot en met' ligt voor 'Geldig van'.")
        return data

    def gegevens(self) -> dict[str, Any]:
        """The inputs as JSON for the background task (dates as ISO text)."""
        return {
            v.sleutel: (w.isoformat() if isinstance(w, date) else w)
            for v in VELDEN
            if (w := self.cleaned_data.get(v.sleutel)) not in (None, "")
        }


class Sjabloonformulier(forms.Form):
    bestand = forms.FileField(
        label="Nieuwe versie (.docx)",
        help_text=f"Een Word-document (.docx) van hoogstens {MAX_GROOTTE // 1024**2} MB.",
        widget=forms.ClearableFileInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "accept": ".docx,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document",
            }
        ),
        error_messages={"required": "Kies een .docx-bestand om te uploaden."},
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
