"""The base of every form that changes a record: the `versie` it was loaded with
(optimistic locking, `leerplicht.versiebeheer`), the NL Design System classes on the
widgets. Errors are linked to their field where the field is shown ({% formulierveld %}).
"""

from __future__ import annotations

from typing import Any

from django import forms

TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"
KEUZELIJST = "utrecht-select utrecht-select--html-select portaal-keuze"
TEKSTGEBIED = "utrecht-textarea utrecht-textarea--html-textarea portaal-tekstgebied"


class Versieformulier(forms.Form):
    voorvoegsel = "formulier"
    versie = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
            "invalid": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
        },
    )

    def __init__(self, *args: Any, versie: int, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", self.voorvoegsel)
        initial = {"versie": versie, **kwargs.pop("initial", {})}
        super().__init__(*args, initial=initial, **kwargs)
        for veld in self.fields.values():
            if isinstance(veld.widget, forms.Select):
                veld.widget.attrs.setdefault("class", KEUZELIJST)
            elif isinstance(veld.widget, forms.Textarea):
                veld.widget.attrs.setdefault("class", TEKSTGEBIED)
            elif isinstance(veld.widget, forms.TextInput | forms.ClearableFileInput):
                veld.widget.attrs.setdefault("class", TEKSTVAK)

    def voeg_fouten_toe(self, fouten: dict[str, list[str]]) -> None:
        for veld, meldingen in fouten.items():
            for melding in meldingen:
                self.add_error(veld if veld in self.fields else None, melding)

    def voeg_fout_toe(self, veld: str, bericht: str) -> None:
        self.voeg_fouten_toe({veld: [bericht]})
