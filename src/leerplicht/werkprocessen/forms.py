"""The forms of the werkproces page. Each carries the `versie` it was loaded with
(optimistic locking); the rules themselves live in the domain and the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from leerplicht.domein import codes
from leerplicht.domein.werkproces_route import resultaten_voor
from leerplicht.invoer.formulieren import TEKSTVAK, Versieformulier

from .models import DOCUMENTSOORTEN, OM_BESLISSINGEN, Werkproces


def _keuzes(lijst: dict[str, str], leeg: str | None = None) -> list[tuple[str, str]]:
    return ([("", leeg)] if leeg is not None else []) + list(lijst.items())


class Datumveld(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date", "class": TEKSTVAK}, format="%Y-%m-%d")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {"required": "Vul een datum in.", "invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
        )
        super().__init__(*args, input_formats=["%Y-%m-%d", "%d-%m-%Y"], **kwargs)


class Werkprocesformulier(Versieformulier):
    """A form on the werkproces page: carries the werkproces and its versie."""

    def __init__(self, *args: Any, werkproces: Werkproces, **kwargs: Any) -> None:
        super().__init__(*args, versie=werkproces.versie, **kwargs)
        self.werkproces = werkproces


class Interventieformulier(Werkprocesformulier):
    voorvoegsel = "interventie"

    soort = forms.ChoiceField(
        label="Soort interventie",
        choices=_keuzes(codes.INTERVENTIE_SOORTEN, "Kies een soort"),
        error_messages={"required": "Kies een soort interventie."},
    )
    datum = Datumveld(label="Datum")
    toelichting = forms.CharField(
        label="Toelichting (wat is besproken of afgesproken)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tegen = forms.ChoiceField(
        label="Proces-verbaal tegen",
        required=False,
        choices=_keuzes(codes.PROCES_VERBAAL_TEGEN, "(alleen bij een proces-verbaal)"),
    )
    verzuim = forms.ChoiceField(
        label="Proces-verbaal voor",
        required=False,
        choices=_keuzes(codes.PROCES_VERBAAL_VERZUIM, "(alleen bij een proces-verbaal)"),
    )
    verzuim_van = Datumveld(
        label="Proces-verbaal over verzuim vanaf (leeg: de datum van het proces-verbaal)",
        required=False,
    )
    verzuim_tot = Datumveld(
        label="Verzuim tot en met (leeg: één dag)",
        required=False,
    )
    uitkomst = forms.ChoiceField(
        label="Uitkomst Halt",
        required=False,
        choices=_keuzes(codes.HALT_UITKOMSTEN, "(nog onbekend, of geen Halt)"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)


class _Interventiekeuze(Werkprocesformulier):
    soort_interventie = ""

    interventie = forms.ChoiceField(label="Interventie")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rijen = self.werkproces.interventies.filter(soort=self.soort_interventie).order_by(
            "datum", "pk"
        )
        self.fields["interventie"].choices = [
            (i.pk, f"{codes.INTERVENTIE_SOORTEN[i.soort]} van {i.datum:%d-%m-%Y}") for i in rijen
        ]
        self.fields["interventie"].error_messages["required"] = "Kies de interventie."
        self.fields["interventie"].error_messages["invalid_choice"] = "Kies de interventie."


class HaltUitkomstformulier(_Interventiekeuze):
    voorvoegsel = "halt"
    soort_interventie = "halt"

    uitkomst = forms.ChoiceField(
        label="Uitkomst",
        choices=_keuzes(codes.HALT_UITKOMSTEN, "Kies de uitkomst"),
        error_messages={"required": "Kies de uitkomst: positief of negatief."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interventie"].label = "Halt-verwijzing"


class OmFormulier(_Interventiekeuze):
    voorvoegsel = "om"
    soort_interventie = "proces_verbaal"

    om_beslissing = forms.ChoiceField(
        label="Beslissing van het OM",
        required=False,
        choices=_keuzes(OM_BESLISSINGEN, "(nog geen beslissing)"),
    )
    om_beslist_op = Datumveld(label="Beslist op", required=False)
    zittingsdatum = Datumveld(label="Zittingsdatum", required=False)
    sanctie = forms.CharField(
        label="Sanctie (bijvoorbeeld boete, leer- of werkstraf)", required=False, max_length=200
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interventie"].label = "Proces-verbaal"


class Notitieformulier(Werkprocesformulier):
    voorvoegsel = "notitie"

    tekst = forms.CharField(
        label="Notitie",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Schrijf een notitie.",
            "max_length": "Een notitie is hoogstens 10.000 tekens.",
        },
    )


class Documentformulier(Werkprocesformulier):
    voorvoegsel = "document"

    soort = forms.ChoiceField(
        label="Soort document",
        choices=_keuzes(DOCUMENTSOORTEN, "Kies een soort"),
        error_messages={"required": "Kies een soort document."},
    )
    titel = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={
            "required": "Geef het document een titel.",
            "max_length": "Een titel is hoogstens 200 tekens.",
        },
    )
    bestand = forms.FileField(
        label="Bestand (PDF, DOCX, ODT, PNG of JPG; hoogstens 10 MB)",
        error_messages={
            "required": "Kies een bestand.",
            "empty": "Het bestand is leeg.",
            "invalid": "Kies een bestand.",
        },
    )


class Sluitformulier(Werkprocesformulier):
    voorvoegsel = "sluiten"

    resultaat = forms.ChoiceField(
        label="Resultaat",
        error_messages={
            "required": "Kies een resultaat: een werkproces sluit altijd met een resultaat.",
            "invalid_choice": "Kies een resultaat uit de lijst.",
        },
    )
    datum = Datumveld(label="Sluitdatum")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["resultaat"].choices = _keuzes(
            resultaten_voor(self.werkproces.type), "Kies een resultaat"
        )


class Overdrachtformulier(Werkprocesformulier):
    voorvoegsel = "overdracht"

    datum = Datumveld(label="Datum van de overdracht")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)


class Heropenformulier(Werkprocesformulier):
    voorvoegsel = "heropenen"


class Behandelaarformulier(Werkprocesformulier):
    voorvoegsel = "behandelaar"

    behandelaar = forms.ChoiceField(
        label="Nieuwe behandelaar",
        error_messages={
            "required": "Kies een behandelaar.",
            "invalid_choice": "Kies een behandelaar uit de lijst.",
        },
    )

    def __init__(self, *args: Any, kandidaten: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].choices = [("", "Kies een behandelaar")] + [
            (k, k) for k in kandidaten
        ]
