"""Forms of aanmelden, with the classes of the NL Design System text boxes."""

from __future__ import annotations

from django import forms


class Codeformulier(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="De 6 cijfers uit uw authenticator-app, of een reservecode.",
        error_messages={"required": "Vul de code in."},
        widget=forms.TextInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "autocapitalize": "none",
                "aria-describedby": "id_code_uitleg",
            }
        ),
    )
