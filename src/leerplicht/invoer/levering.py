"""Uploading a delivery file (Verzuimloket, DUO's uitschrijvingen): the form and the
temporary copy the readers work on. The checks here are only those of the upload itself
(size, a text file, a gemeente of the user); the content is checked by the reader, whole
or not at all, with located errors."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from leerplicht.register.models import Gemeente

from .formulieren import KEUZELIJST

#: An uploaded delivery: at most this large.
MAX_LEVERING_BYTES = 20 * 1024 * 1024


def gemeentekeuzes(gemeenten: frozenset[str]) -> list[tuple[str, str]]:
    """The user's own gemeenten, by name, for a choice field."""
    return [(g.code, g.naam) for g in Gemeente.objects.filter(code__in=gemeenten).order_by("naam")]


class Bestandsformulier(forms.Form):
    """One CSV file; `bestandslabel` names what is uploaded."""

    bestandslabel = "Bestand (CSV)"

    bestand = forms.FileField(
        widget=forms.FileInput({"class": "utrecht-textbox", "accept": ".csv,text/csv"}),
        error_messages={"required": "Kies een CSV-bestand."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bestand"].label = self.bestandslabel

    def clean_bestand(self) -> UploadedFile:
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


class Leveringsformulier(Bestandsformulier):
    """A gemeente of the user and one CSV file."""

    field_order = ("gemeente", "bestand")

    gemeente = forms.ChoiceField(
        label="Gemeente waarvoor de levering is",
        widget=forms.Select({"class": KEUZELIJST}),
        error_messages={"required": "Kies een gemeente.", "invalid_choice": "Kies een gemeente."},
    )

    def __init__(self, *args: Any, gemeenten: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = gemeentekeuzes(gemeenten)


def veilige_naam(naam: str, standaard: str = "levering.csv") -> str:
    """The uploaded file's name for error messages: no path, no odd characters."""
    basis = Path(naam or standaard).name
    return re.sub(r"[^A-Za-z0-9._-]", "_", basis)[-100:] or standaard


@contextmanager
def als_bestand(upload: UploadedFile) -> Iterator[Path]:
    """The upload as a file on disk (the readers take a path), removed afterwards."""
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / veilige_naam(upload.name)
        with pad.open("wb") as uit:
            for stuk in upload.chunks():
                uit.write(stuk)
        yield pad
