"""Forms of vrijstellingen and verlof. Dutch messages; errors are linked to their field
(aria-describedby, aria-invalid) so a screen reader reads them with the field."""

from __future__ import annotations

from django import forms

from leerplicht.domein import codes
from leerplicht.domein.vrijstellingsregels import VERKLAARDERS, VERLOFSOORTEN
from leerplicht.register.models import Gemeente
from leerplicht.register.schoolveld import Schoolveld

from .diensten import BRIEFVELDEN, Regelfout

TEKSTVAK = {"class": "utrecht-textbox utrecht-textbox--html-input"}
DATUMVAK = {"class": "utrecht-textbox utrecht-textbox--html-input", "type": "date"}
KEUZEVAK = {"class": "utrecht-select utrecht-select--html-select"}
VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
TEKSTGEBIED = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
VERPLICHT = "Vul {} in."


def datumveld(label: str, *, verplicht: bool = True, hulp: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=verplicht,
        help_text=hulp,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs=DATUMVAK, format="%Y-%m-%d"),
        error_messages={
            "required": VERPLICHT.format(label.lower()),
            "invalid": f"{label}: geen geldige datum (dd-mm-jjjj).",
        },
    )


def tekstveld(
    label: str, *, verplicht: bool = True, lang: bool = False, hulp: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=verplicht,
        help_text=hulp,
        max_length=None if lang else 64,
        widget=forms.Textarea(attrs=TEKSTGEBIED) if lang else forms.TextInput(attrs=TEKSTVAK),
        error_messages={
            "required": VERPLICHT.format(label.lower()),
            "max_length": f"{label}: te lang.",
        },
    )


def keuzeveld(label: str, keuzes, *, verplicht: bool = True, hulp: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=verplicht,
        help_text=hulp,
        choices=[("", "- kies -"), *keuzes],
        widget=forms.Select(attrs=KEUZEVAK),
        error_messages={
            "required": f"Kies {label.lower()}.",
            "invalid_choice": f"{label}: kies een van de mogelijkheden.",
        },
    )


class Basisformulier(forms.Form):
    """Maps the rules' objections onto fields (shown with {% formulierveld %})."""

    def neem_bezwaren_over(self, fout: Regelfout) -> None:
        for b in fout.bezwaren:
            self.add_error(b.veld if b.veld in self.fields else None, b.tekst)


class Briefvelden(forms.Form):
    """The addressee of the beschikking: only in the letter, never stored elsewhere. All
    three or none (then no letter is made here)."""

    aan_naam = tekstveld(
        "Brief aan (naam)", verplicht=False, hulp="Bijvoorbeeld: de ouders/verzorgers van ..."
    )
    aan_adres = tekstveld("Adres", verplicht=False, lang=True, hulp="Straat, postcode en plaats")
    leerling_naam = tekstveld("Naam van de leerling", verplicht=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The letter's fields last.
        self.order_fields([n for n in self.fields if n not in BRIEFVELDEN])

    def clean(self):
        d = super().clean()
        ingevuld = [n for n in BRIEFVELDEN if d.get(n)]
        if ingevuld and len(ingevuld) < len(BRIEFVELDEN):
            for naam in BRIEFVELDEN:
                if not d.get(naam):
                    self.add_error(naam, "Vul dit in voor de beschikking, of laat alle drie leeg.")
        return d

    def briefgegevens(self) -> dict[str, str] | None:
        d = self.cleaned_data
        gegevens = {n: d[n] for n in BRIEFVELDEN if d.get(n)}
        return gegevens if len(gegevens) == len(BRIEFVELDEN) else None


class Versieformulier(Basisformulier):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def gemeenteveld(gemeenten: frozenset[str]) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Gemeente",
        queryset=Gemeente.objects.filter(code__in=gemeenten).order_by("naam"),
        empty_label=None,
        widget=forms.Select(attrs=KEUZEVAK),
        help_text="De woongemeente; haar leerplichtambtenaar beslist.",
        error_messages={"invalid_choice": "Kies een van uw gemeenten."},
    )


class Persoonformulier(Basisformulier):
    persoon = tekstveld(
        "Persoonsnummer", hulp="Het interne persoonsnummer uit het dossier (geen BSN)."
    )

    def __init__(self, *args, gemeenten: frozenset[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"] = gemeenteveld(gemeenten)
        # The gemeente right after the person.
        self.order_fields(["persoon", "gemeente"])

    def persoon_niet_gevonden(self) -> None:
        """Error, and the typed number is not shown again (it may be another's)."""
        self.data = self.data.copy()
        self.data["persoon"] = ""
        self.add_error(
            "persoon", "Er is geen persoon met dit persoonsnummer waarvan u het dossier mag inzien."
        )


class VrijstellingAanvraagformulier(Persoonformulier):
    grond = keuzeveld("Grond", codes.VRIJSTELLING_GRONDEN.items())
    aangevraagd = datumveld("Datum van de aanvraag")
    geldig_van = datumveld("Gevraagd vanaf")
    geldig_tot = datumveld(
        "Gevraagd tot en met",
        verplicht=False,
        hulp="Leeg: tot het einde van het schooljaar (31 juli). Een vrijstelling op grond "
        "van art. 5 geldt hoogstens één schooljaar (art. 6 lid 2), behalve art. 5 onder a "
        "als de leerling nooit naar school zal kunnen (art. 6 lid 3).",
    )


class Verklaringformulier(Versieformulier):
    verklaring_datum = datumveld("Datum van de verklaring")
    verklaring_door = keuzeveld("Verklaring van", VERKLAARDERS.items())
    nooit_naar_school = forms.BooleanField(
        label="De verklaring zegt dat de leerling nooit naar school zal kunnen (art. 6 lid 3)",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )
    bestand = forms.FileField(
        label="Verklaring (PDF, JPEG of PNG, hoogstens 10 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


JA_NEE_ONBEKEND = [("", "nog niet beantwoord"), ("ja", "ja"), ("nee", "nee")]


class Besluitformulier(Briefvelden, Versieformulier):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("toegekend", "toekennen"), ("afgewezen", "afwijzen")],
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
        error_messages={"required": "Kies toekennen of afwijzen."},
    )
    besluitdatum = datumveld("Besluitdatum")
    geldig_van = datumveld("Geldig vanaf")
    geldig_tot = datumveld(
        "Geldig tot en met",
        verplicht=False,
        hulp="Leeg bij art. 5: tot en met 31 juli van het schooljaar (art. 6 lid 2); zonder "
        "einde alleen bij art. 5 onder a als de leerling nooit naar school zal kunnen "
        "(art. 6 lid 3).",
    )
    richting_vorig_jaar = forms.ChoiceField(
        label="Bezocht de leerling het vorige jaar een school van deze richting? (art. 8)",
        choices=JA_NEE_ONBEKEND,
        required=False,
        widget=forms.Select(attrs=KEUZEVAK),
    )
    plan_van_aanpak = forms.BooleanField(
        label="Er is een plan van aanpak (art. 3b)",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )
    motivering = tekstveld("Motivering", lang=True, hulp="De redenen van het besluit.")

    def __init__(self, *args, grond: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only the questions of this ground.
        if grond != "5b":
            del self.fields["richting_vorig_jaar"]
        if grond != "3b":
            del self.fields["plan_van_aanpak"]


class Intrekformulier(Versieformulier):
    per = datumveld("Ingetrokken per", hulp="De eerste dag zonder vrijstelling.")
    motivering = tekstveld("Reden van intrekken", lang=True)


class Verlengformulier(Versieformulier):
    aangevraagd = datumveld("Datum van de kennisgeving (art. 6)")


#: Vakantieverlof is in the list only so the answer can point to the school (art. 13a).
VERLOFKEUZES = [*VERLOFSOORTEN.items(), ("vakantieverlof", "vakantieverlof (art. 11 onder f, 13a)")]


class VerlofAanvraagformulier(Persoonformulier):
    soort = keuzeveld("Soort verlof", VERLOFKEUZES)
    school = Schoolveld(
        label="School (BRIN en vestiging)",
        required=False,
        help_text="Bijvoorbeeld 12AB00.",
        max_length=64,
        widget=forms.TextInput(attrs=TEKSTVAK),
        error_messages={
            "max_length": "School (BRIN en vestiging): te lang.",
            "onbekend": "Onbekende school: gebruik BRIN en vestiging.",
        },
    )
    aangevraagd = datumveld("Datum van de aanvraag")
    van = datumveld("Verlof vanaf")
    tot = datumveld("Verlof tot en met")
    aantal_schooldagen = forms.IntegerField(
        label="Aantal schooldagen",
        min_value=1,
        max_value=366,
        help_text="Samen met wat de directeur dit schooljaar al verleende meer dan 10: "
        "daarover beslist de leerplichtambtenaar (art. 14 lid 3).",
        widget=forms.NumberInput(attrs=TEKSTVAK),
        error_messages={
            "required": "Vul het aantal schooldagen in.",
            "invalid": "Aantal schooldagen: vul een heel getal in.",
            "min_value": "Aantal schooldagen: minstens 1.",
            "max_value": "Aantal schooldagen: hoogstens 366.",
        },
    )
    al_verleend_schooldagen = forms.IntegerField(
        label="Al verleend door de directeur dit schooljaar (schooldagen)",
        min_value=0,
        max_value=10,
        initial=0,
        required=False,
        help_text="De directeur verleent hoogstens 10 schooldagen per schooljaar, alle "
        "aanvragen samen (art. 14 lid 1).",
        widget=forms.NumberInput(attrs=TEKSTVAK),
        error_messages={
            "invalid": "Al verleend: vul een heel getal in.",
            "min_value": "Al verleend: minstens 0.",
            "max_value": "Al verleend: de directeur verleent hoogstens 10 schooldagen per "
            "schooljaar (art. 14 lid 1).",
        },
    )
    al_verleend_peildatum = datumveld(
        "Al verleend: bekend op", verplicht=False, hulp="Nodig als er al dagen zijn verleend."
    )
    al_verleend_bron = tekstveld(
        "Al verleend: bron",
        verplicht=False,
        hulp="Bijvoorbeeld: opgave van de directeur, telefonisch.",
    )
    reden = tekstveld("Gewichtige omstandigheden", lang=True)
    schoolleider_gehoord_op = datumveld(
        "Directeur van de school gehoord op", verplicht=False, hulp="Leeg: nog niet gehoord."
    )

    def clean_al_verleend_schooldagen(self) -> int:
        return self.cleaned_data.get("al_verleend_schooldagen") or 0


class VerlofBesluitformulier(Briefvelden, Versieformulier):
    besluit = Besluitformulier.base_fields["besluit"]
    besluitdatum = datumveld("Besluitdatum")
    schoolleider_gehoord_op = datumveld(
        "Directeur van de school gehoord op", hulp="Art. 14 lid 3: eerst de directeur horen."
    )
    motivering = tekstveld("Motivering", lang=True, hulp="De redenen van het besluit.")
