"""The privacy officer's filter (GET: ids and dates only) and the inzage request (POST)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from leerplicht.domein.bsn import is_geldig_bsn
from leerplicht.register.models import Persoon

_TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"
GEEN_PERSOON = "Er is in uw gemeenten geen persoon met dit id."
_GEEN_BSN = "Vul het persoon-id in (bijvoorbeeld P000001), geen BSN."


def _persoon_id_veld(verplicht: bool) -> forms.CharField:
    return forms.CharField(
        label="Persoon-id",
        required=verplicht,
        max_length=64,
        help_text="Het id uit de leerplichtadministratie, geen BSN.",
        widget=forms.TextInput(attrs={"class": _TEKSTVAK, "spellcheck": "false"}),
    )


def _geen_bsn(waarde: str, personen: QuerySet[Persoon]) -> str:
    """A BSN must not be used (it would land in URLs and logs); a real id (of a person
    the user may see) that happens to pass the elfproef is still allowed."""
    waarde = waarde.strip()
    if is_geldig_bsn(waarde) and not personen.filter(pk=waarde).exists():
        raise forms.ValidationError(_GEEN_BSN)
    return waarde


class _Gescoopt(forms.Form):
    """A form that knows which persons the user may see (`toegang.beleid`)."""

    def __init__(self, *args, personen: QuerySet[Persoon], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.personen = personen


class Auditfilter(_Gescoopt):
    persoon = _persoon_id_veld(verplicht=False)
    gebruiker = forms.CharField(
        label="Gebruikersnaam",
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"class": _TEKSTVAK, "spellcheck": "false"}),
    )
    van = forms.DateField(
        label="Vanaf datum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": _TEKSTVAK}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in als JJJJ-MM-DD."},
    )
    tot = forms.DateField(
        label="Tot en met datum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": _TEKSTVAK}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in als JJJJ-MM-DD."},
    )

    def clean_persoon(self) -> str:
        return _geen_bsn(self.cleaned_data["persoon"], self.personen)

    def clean_gebruiker(self) -> str:
        return self.cleaned_data["gebruiker"].strip()

    def clean(self) -> dict:
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return gegevens

    def voorwaarden(self) -> Q:
        """The filter as a query on Auditregel (call after is_valid())."""
        g = self.cleaned_data
        q = Q()
        if g.get("persoon"):
            q &= Q(persoon_id=g["persoon"])
        if g.get("gebruiker"):
            q &= Q(gebruikersnaam=g["gebruiker"])
        if g.get("van"):
            q &= Q(tijdstip__gte=_begin_van_dag(g["van"]))
        if g.get("tot"):
            q &= Q(tijdstip__lt=_begin_van_dag(g["tot"] + timedelta(days=1)))
        return q

    def samenvatting(self) -> dict[str, str]:
        """The filter as logged: ids, names and dates only."""
        return {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in self.cleaned_data.items()
            if v
        }


def _begin_van_dag(dag: date) -> datetime:
    """Midnight in the server's time zone (the dates the privacy officer means)."""
    return timezone.make_aware(datetime.combine(dag, time.min))


class Inzageverzoek(_Gescoopt):
    persoon = _persoon_id_veld(verplicht=True)

    def clean_persoon(self) -> Persoon:
        waarde = _geen_bsn(self.cleaned_data["persoon"], self.personen)
        # A person of another gemeente looks the same as one that does not exist.
        persoon = self.personen.filter(pk=waarde).select_related("gemeente").first()
        if persoon is None:
            # The typed id is not repeated: a page never shows an id outside the user's reach.
            raise forms.ValidationError(GEEN_PERSOON)
        return persoon
