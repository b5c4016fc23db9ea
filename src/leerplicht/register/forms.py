"""The form for the facts that end a leerplicht early (domein.leerplichtfeiten)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from leerplicht.domein.leerplichtfeiten import (
    ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN,
    ARTIKEL_TWAALF_SCHOOLJAREN,
    KWALIFICATIEPLICHT_VERVALLEN_GRONDEN,
    fouten_in_feiten,
)

_TEKST = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_DATUM = {**_TEKST, "type": "date"}


def _datumveld(label: str, hulp: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=hulp,
        widget=forms.DateInput(attrs=_DATUM, format="%Y-%m-%d"),
    )


def _bronveld(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=200,
        help_text="Waar dit vandaan komt, bijvoorbeeld: opgave school, DUO, getuigschrift.",
        widget=forms.TextInput(attrs=_TEKST),
    )


class Leerplichtfeitenformulier(forms.Form):
    """The facts, plus `stand`: what they were when the page was loaded (the lock)."""

    twaalf_schooljaren_voltooid = _datumveld(
        "Twaalf volledige schooljaren voltooid op",
        f"De laatste dag (31 juli) van het twaalfde volledige schooljaar "
        f"({ARTIKEL_TWAALF_SCHOOLJAREN}). Leeg: niet bekend.",
    )
    twaalf_schooljaren_bron = _bronveld("Bron twaalf schooljaren")
    kwalificatieplicht_vervallen = _datumveld(
        "Kwalificatieplicht vervallen op",
        f"De datum van het certificaat of diploma praktijkonderwijs of van het "
        f"vso-uitstroomprofiel ({ARTIKEL_KWALIFICATIEPLICHT_VERVALLEN}). Leeg: niet van "
        f"toepassing.",
    )
    kwalificatieplicht_vervallen_grond = forms.ChoiceField(
        label="Grond vervallen kwalificatieplicht",
        required=False,
        choices=[("", "niet van toepassing"), *KWALIFICATIEPLICHT_VERVALLEN_GRONDEN.items()],
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    kwalificatieplicht_vervallen_bron = _bronveld("Bron vervallen kwalificatieplicht")

    stand = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, geboortedatum: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.geboortedatum = geboortedatum

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        vandaag = timezone.localdate()
        for datumveld, bronveld in (
            ("twaalf_schooljaren_voltooid", "twaalf_schooljaren_bron"),
            ("kwalificatieplicht_vervallen", "kwalificatieplicht_vervallen_bron"),
        ):
            datum = data.get(datumveld)
            if datum is not None and datum > vandaag:
                self.add_error(datumveld, "Deze datum ligt in de toekomst.")
            if datum is not None and not (data.get(bronveld) or "").strip():
                self.add_error(bronveld, "Vul de bron in: een feit zonder bron is niet te toetsen.")
        for veld, melding in fouten_in_feiten(
            data.get("twaalf_schooljaren_voltooid"),
            data.get("kwalificatieplicht_vervallen"),
            data.get("kwalificatieplicht_vervallen_grond") or None,
            geboortedatum=self.geboortedatum,
        ):
            self.add_error(veld, melding[0].upper() + melding[1:] + ".")
        return data
