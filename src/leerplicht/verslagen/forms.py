"""What the report pages read from a request: the choice of school year and gemeente(n)
from the query string, and the form of one text block.

Like the dashboard's filter (dashboard.filters, whose school years and parsing are
reused): a value not on the lists is replaced by the default with a message that does not
repeat the input, so an unknown gemeente and another team's gemeente look the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms

from leerplicht.dashboard.filters import keuzejaren, schooljaar_uit
from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.portaal.formulieren import Versieformulier

#: Room for an introduction of a few pages; a report text, not a book.
MAX_TEKST = 20_000


@dataclass(frozen=True)
class Keuze:
    jaar: Schooljaar
    #: One of the user's gemeente codes, or "" for all of them (the region's report).
    gemeente: str
    #: The user's own gemeente codes, sorted.
    eigen: tuple[str, ...]

    @property
    def gemeenten(self) -> list[str]:
        """The gemeenten the report covers."""
        return [self.gemeente] if self.gemeente else list(self.eigen)

    def query(self, **extra: str) -> str:
        delen = {"schooljaar": self.jaar.naam, "gemeente": self.gemeente, **extra}
        return urlencode({k: v for k, v in delen.items() if v})


def jaren(vandaag: date) -> list[Schooljaar]:
    """The school years to choose from: the current one and the closed ones before it."""
    return keuzejaren(vandaag)


def lees_keuze(
    parameters: Mapping[str, str],
    eigen: list[str],
    vandaag: date,
    *,
    standaard_gemeente: str = "",
) -> tuple[Keuze, list[str]]:
    """The choice from the query string, and a message for every value that was replaced.

    The default school year is the last closed one (the year a report is written about);
    the default gemeente `standaard_gemeente` ("" = all of the user's: the region).
    """
    meldingen = []
    keuzes = jaren(vandaag)
    standaard_jaar = laatste_afgesloten_schooljaar(vandaag)
    tekst = parameters.get("schooljaar", "")
    jaar = schooljaar_uit(tekst) if tekst else standaard_jaar
    if jaar not in keuzes:
        jaar = standaard_jaar
        meldingen.append(f"Dat schooljaar kunt u hier niet kiezen. U ziet schooljaar {jaar.naam}.")
    gemeente = parameters.get("gemeente", "") or standaard_gemeente
    if gemeente not in eigen:
        if parameters.get("gemeente"):
            meldingen.append(
                "Die gemeente hoort niet bij uw gemeenten. "
                + ("U ziet de cijfers van al uw gemeenten." if not standaard_gemeente
                   else "U ziet de cijfers van een van uw gemeenten.")
            )  # fmt: skip
        gemeente = standaard_gemeente if standaard_gemeente in eigen else ""
    if len(eigen) == 1 and gemeente == "":
        gemeente = eigen[0]  # the one gemeente's report: the same as "all of mine"
    return Keuze(jaar, gemeente, tuple(sorted(eigen))), meldingen


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
