"""Forms of the administratie's screens. Labels and messages in Dutch."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from leerplicht.domein import codes
from leerplicht.domein.bsn import is_geldig_bsn
from leerplicht.domein.onderwijssoort import ONDERWIJSSOORTEN
from leerplicht.duo.koppeling import Verzuimmelding
from leerplicht.invoer.levering import Leveringsformulier, gemeentekeuzes
from leerplicht.register.models import Gemeente
from leerplicht.register.schoolveld import Schoolveld
from leerplicht.werkprocessen.models import Toewijzingsregel

TEKSTVAK = {"class": "utrecht-textbox utrecht-textbox--html-input"}
TEKSTGEBIED = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
KEUZE = {"class": "utrecht-select utrecht-select--html-select"}
DATUMVAK = {"class": "utrecht-textbox utrecht-textbox--html-input", "type": "date"}

JA_NEE_ONBEKEND = [("", "onbekend"), ("ja", "ja"), ("nee", "nee")]


def _ja_nee(waarde: str) -> bool | None:
    return {"ja": True, "nee": False}.get(waarde)


def _tekst(label: str, lengte: int = 200, **extra) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=lengte, widget=forms.TextInput(TEKSTVAK), **extra
    )


def _lang(label: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=4000, widget=forms.Textarea(TEKSTGEBIED)
    )


class Handinvoerformulier(forms.Form):
    """A melding entered by hand (bron "formulier"): the fields of the Besluit verzuimmelding."""

    gemeente = forms.ChoiceField(label="Gemeente", widget=forms.Select(KEUZE))
    meldingsnummer = _tekst(
        "Meldingsnummer", 64, help_text="Leeg laten als er geen meldingsnummer van DUO is."
    )
    meldingsdatum = forms.DateField(label="Datum van de melding", widget=forms.DateInput(DATUMVAK))
    bsn = _tekst("BSN van de leerling", 9)
    onderwijsnummer = _tekst("Onderwijsnummer (als er geen BSN is)", 9)
    geboortedatum = forms.DateField(
        label="Geboortedatum", required=False, widget=forms.DateInput(DATUMVAK)
    )
    brin = _tekst("BRIN van de school", 4)
    vestiging = _tekst("Vestiging (2 cijfers)", 2)
    leslocatie = _tekst("Leslocatie")
    soort = forms.ChoiceField(
        label="Soort verzuim",
        choices=list(codes.MELDING_SOORTEN.items()),
        widget=forms.Select(KEUZE),
    )
    verzuim_van = forms.DateField(
        label="Verzuim vanaf", required=False, widget=forms.DateInput(DATUMVAK)
    )
    verzuim_tot = forms.DateField(
        label="Verzuim tot en met", required=False, widget=forms.DateInput(DATUMVAK)
    )
    vermoedelijke_reden = _lang("Vermoedelijke reden")
    alle_lessen_verzuimd = forms.ChoiceField(
        label="Alle lessen verzuimd", choices=JA_NEE_ONBEKEND, required=False,
        widget=forms.Select(KEUZE),
    )  # fmt: skip
    verzuimde_dagen = forms.IntegerField(
        label="Verzuimde dagen", required=False, min_value=0, max_value=9999,
        widget=forms.NumberInput(TEKSTVAK),
    )  # fmt: skip
    verzuimde_uren = forms.DecimalField(
        label="Verzuimde uren", required=False, min_value=Decimal(0), max_digits=6,
        decimal_places=1, localize=True, widget=forms.TextInput(TEKSTVAK),
    )  # fmt: skip
    schoolactie = _lang("Wat de school al deed")
    actie_gewenst = forms.ChoiceField(
        label="School wil actie van de gemeente", choices=JA_NEE_ONBEKEND, required=False,
        widget=forms.Select(KEUZE),
    )  # fmt: skip
    melder_naam = _tekst("Naam melder")
    melder_functie = _tekst("Functie melder")
    melder_telefoon = _tekst("Telefoon melder", 40)
    melder_email = forms.EmailField(
        label="E-mail melder", required=False, max_length=200, widget=forms.EmailInput(TEKSTVAK)
    )
    telefoon_ouders = _tekst("Telefoon ouders of leerling", 40)
    afwijkend_verblijfadres = _lang("Afwijkend verblijfadres")

    def __init__(self, *args, gemeenten: frozenset[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = gemeentekeuzes(gemeenten)
        self.fields["brin"].required = True
        for naam, veld in self.fields.items():
            veld.error_messages.setdefault("required", f"{veld.label}: verplicht, vul dit in.")
            veld.error_messages["invalid"] = f"{veld.label}: ongeldige waarde."
            veld.widget.attrs.setdefault("id", f"id_{naam}")

    def clean_bsn(self) -> str:
        bsn = self.cleaned_data["bsn"].strip()
        if bsn and not is_geldig_bsn(bsn):
            raise ValidationError("BSN: geen geldig BSN (9 cijfers die voldoen aan de elfproef).")
        return bsn

    def clean_onderwijsnummer(self) -> str:
        nummer = self.cleaned_data["onderwijsnummer"].strip()
        if nummer and not re.fullmatch(r"\d{9}", nummer):
            raise ValidationError("Onderwijsnummer: 9 cijfers.")
        return nummer

    def clean_brin(self) -> str:
        brin = self.cleaned_data["brin"].strip().upper()
        if brin and not re.fullmatch(r"[0-9A-Z]{4}", brin):
            raise ValidationError("BRIN: 4 tekens, cijfers of hoofdletters.")
        return brin

    def clean_vestiging(self) -> str:
        vestiging = self.cleaned_data["vestiging"].strip()
        if vestiging and not re.fullmatch(r"\d{2}", vestiging):
            raise ValidationError("Vestiging: 2 cijfers.")
        return vestiging

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("bsn") and not data.get("onderwijsnummer") and "bsn" not in self.errors:
            self.add_error("bsn", "BSN: vul een BSN of een onderwijsnummer in.")
        van, tot = data.get("verzuim_van"), data.get("verzuim_tot")
        if isinstance(van, date) and isinstance(tot, date) and tot < van:
            self.add_error("verzuim_tot", "Verzuim tot en met: ligt vóór verzuim vanaf.")
        return data

    def als_verzuimmelding(self) -> Verzuimmelding:
        """The melding as the intake takes it in; without a meldingsnummer from DUO the
        intake gives it one (`intake.nieuw_meldingsnummer`)."""
        d = self.cleaned_data
        return Verzuimmelding(
            meldingsnummer=d["meldingsnummer"].strip(),
            herkomst="formulier",
            bsn=d["bsn"] or None,
            onderwijsnummer=d["onderwijsnummer"] or None,
            geboortedatum=d["geboortedatum"],
            brin=d["brin"],
            vestiging=d["vestiging"] or None,
            leslocatie=d["leslocatie"],
            meldingsdatum=d["meldingsdatum"],
            verzuim_van=d["verzuim_van"],
            verzuim_tot=d["verzuim_tot"],
            soort=d["soort"],
            vermoedelijke_reden=d["vermoedelijke_reden"],
            alle_lessen_verzuimd=_ja_nee(d["alle_lessen_verzuimd"]),
            verzuimde_dagen=d["verzuimde_dagen"],
            verzuimde_uren=d["verzuimde_uren"],
            schoolactie=d["schoolactie"],
            actie_gewenst=_ja_nee(d["actie_gewenst"]),
            melder_naam=d["melder_naam"],
            melder_functie=d["melder_functie"],
            melder_telefoon=d["melder_telefoon"],
            melder_email=d["melder_email"],
            telefoon_ouders=d["telefoon_ouders"],
            afwijkend_verblijfadres=d["afwijkend_verblijfadres"],
        )


class Uploadformulier(Leveringsformulier):
    """A delivery of DUO's Verzuimloket."""

    bestandslabel = "Bestand van het Verzuimloket (CSV)"


class Toewijzingsformulier(forms.ModelForm):
    school_code = Schoolveld(
        label="School (BRIN en vestiging, bijv. 12AB00)",
        required=False,
        max_length=6,
        widget=forms.TextInput(TEKSTVAK),
        help_text="Leeg: elke school.",
    )

    class Meta:
        model = Toewijzingsregel
        fields = [
            "volgorde", "gemeente", "onderwijssoort", "werkprocestype", "behandelaar", "actief"
        ]  # fmt: skip
        labels = {
            "volgorde": "Volgorde (laagste eerst)",
            "gemeente": "Gemeente",
            "onderwijssoort": "Onderwijssoort (leeg: elke)",
            "werkprocestype": "Soort werkproces (leeg: elke)",
            "behandelaar": "Behandelaar",
            "actief": "Actief",
        }

    def __init__(self, *args, gemeenten: frozenset[str], behandelaars, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(code__in=gemeenten)
        self.fields["gemeente"].required = True
        self.fields["gemeente"].empty_label = None
        self.fields["behandelaar"].queryset = behandelaars
        self.fields["onderwijssoort"].choices = [
            ("", "elke onderwijssoort"), *ONDERWIJSSOORTEN.items()
        ]  # fmt: skip
        self.fields["werkprocestype"].choices = [
            ("", "elk soort werkproces"), *codes.WERKPROCES_TYPEN.items()
        ]  # fmt: skip
        if self.instance.pk and self.instance.school_id:
            self.fields["school_code"].initial = self.instance.school_id
        for naam, veld in self.fields.items():
            veld.error_messages["required"] = f"{veld.label}: verplicht."
            veld.error_messages["invalid_choice"] = f"{veld.label}: kies een waarde uit de lijst."
            if naam == "actief":
                veld.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
            elif isinstance(veld.widget, forms.Select):
                veld.widget.attrs["class"] = KEUZE["class"]
            else:
                veld.widget.attrs.setdefault("class", TEKSTVAK["class"])

    def save(self, commit: bool = True) -> Toewijzingsregel:
        self.instance.school = self.cleaned_data.get("school_code")
        return super().save(commit)
