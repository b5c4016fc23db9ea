"""What the report pages read from a request: the choice of school year and gemeente(n)
from the query string (`cijfers.keuze`, the parser of every figures page), and the form of
one text block.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms

from leerplicht.cijfers.keuze import Keuze
from leerplicht.cijfers.keuze import lees_keuze as lees_keuze_van
from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.invoer.formulieren import Versieformulier

#: Room for an introduction of a few pages; a report text, not a book.
MAX_TEKST = 20_000


def lees_keuze(
    parameters: Mapping[str, str],
    eigen: list[str],
    vandaag: date,
    *,
    standaard_gemeente: str = "",
) -> tuple[Keuze, list[str]]:
    """The choice from the query string, and a message for every value that was replaced.

    The default school year is the last closed one (the year a report is written about);
    the default gemeente `standaard_gemeente` ("" = all of the user's: the region). With
    one gemeente, "all of mine" is that gemeente's report.
    """
    keuze, meldingen = lees_keuze_van(
        parameters,
        eigen,
        vandaag,
        standaard_jaar=laatste_afgesloten_schooljaar(vandaag),
        standaard_gemeente=standaard_gemeente,
        jaarmelding="Dat schooljaar kunt u hier niet kiezen. U ziet schooljaar {jaar}.",
    )
    if len(eigen) == 1 and keuze.gemeente == "":
        keuze = Keuze(keuze.jaar, eigen[0], keuze.eigen)
    return keuze, meldingen


class Tekstformulier(Versieformulier):
    """One text block of the jaarverslag: which report and block it is, the versie it was
    loaded with (0 while it is the concept: no stored text yet), and the text.

    The fields keep their plain names (no prefix), so the request says which block it is;
    the ids get the block's id, as the page has a form per block."""

    schooljaar = forms.CharField(widget=forms.HiddenInput, max_length=9)
    gemeenten = forms.CharField(widget=forms.HiddenInput, max_length=4000)
    blok = forms.CharField(widget=forms.HiddenInput, max_length=64)
    versie = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={
            "required": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
            "invalid": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
            "min_value": "De versie van de pagina ontbreekt; laad de pagina opnieuw.",
        },
    )
    tekst = forms.CharField(
        required=False,
        max_length=MAX_TEKST,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "Laat u het vak leeg of zet u het concept terug, dan staat in het verslag weer "
            "het concept dat uit de cijfers is gemaakt. Een lege regel begint een nieuwe alinea."
        ),
        error_messages={"max_length": "De tekst is te lang: hoogstens %(limit_value)s tekens."},
    )

    def __init__(self, *args: Any, blok: str = "", label: str = "Tekst", **kwargs: Any) -> None:
        kwargs.setdefault("versie", 0)
        kwargs.setdefault("prefix", None)
        kwargs.setdefault("auto_id", f"tekst-{blok}-%s" if blok else "tekst-%s")
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = label
        # Whether the field is needed does not depend on a marking: empty is allowed.
        self.fields["tekst"].geen_markering = True  # type: ignore[attr-defined]

    def clean_tekst(self) -> str:
        """Windows line ends and surrounding blank lines are no change of the text."""
        return self.cleaned_data.get("tekst", "").replace("\r\n", "\n").strip()
