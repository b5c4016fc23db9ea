"""Thuiszitters: the list by duration (Thuiszitterspact), the signals awaiting
confirmation, and the forms to start and end a period. Thin views: `signalen` decides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.domein import thuiszitten as regels
from leerplicht.domein.rollen import Handeling
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid
from leerplicht.toegang.bescherming import (
    object_of_404,
    vereist_dossiertoegang,
    vereist_handeling,
)

from . import signalen
from .formulieren import BevestigFormulier, PeriodeFormulier, StartFormulier
from .models import Thuiszitter


@dataclass(frozen=True)
class Rij:
    periode: Thuiszitter
    dagen: int
    pactgrens: date
    voorbij_pact: bool

    @property
    def duur(self) -> str:
        return regels.duur_tekst(self.dagen)


def open_periodes(gebruiker, peildatum: date) -> list[Rij]:
    """Open periods in the user's reach, longest at home first."""
    periodes = (
        beleid.zichtbaar(gebruiker, Thuiszitter)
        .filter(tot__isnull=True)
        .select_related("gemeente")
        .only("id", "persoon_id", "van", "aanbod", "versie", "gemeente__naam")
        .order_by("van", "id")
    )
    return [
        Rij(
            p,
            regels.duur_in_dagen(p.van, None, peildatum),
            regels.pactgrens(p.van),
            regels.langer_dan_drie_maanden(p.van, None, peildatum),
        )
        for p in periodes
    ]


@never_cache
@require_safe
@vereist_dossiertoegang
def lijst(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    rijen = open_periodes(request.user, vandaag)
    gevonden = signalen.signalen_voor(request.user, vandaag)
    # One entry for the list (not one per person): what was shown and how many.
    registreer(
        "inzien",
        request=request,
        object_type="thuiszitterslijst",
        velden=["persoon", "van", "duur", "signalen"],
        toelichting={"periodes": len(rijen), "signalen": len(gevonden)},
    )
    return render(
        request,
        "thuiszitters/lijst.html",
        {
            "rijen": rijen,
            "signalen": gevonden,
            "aantal_voorbij_pact": sum(r.voorbij_pact for r in rijen),
            "mag_registreren": beleid.mag(request.user, Handeling.MELDINGEN_VERWERKEN),
            "bevestigformulier": BevestigFormulier(),
        },
    )


@never_cache
@require_POST
@vereist_handeling(Handeling.MELDINGEN_VERWERKEN)
def bevestigen(request: HttpRequest) -> HttpResponse:
    """Confirm a signal: the period is created; back to the list with a message."""
    from django.contrib import messages

    formulier = BevestigFormulier(request.POST)
    if not formulier.is_valid():
        messages.error(request, "Het signaal is niet meegestuurd. Probeer het opnieuw.")
        return redirect("thuiszitters:lijst")
    try:
        periode = signalen.bevestig_signaal(
            request.user,
            formulier.cleaned_data["melding"],
            timezone.localdate(),
            formulier.cleaned_data["toelichting"],
        )
    except signalen.Regelfout as fout:
        messages.error(request, fout.bericht)
        return redirect("thuiszitters:lijst")
    messages.success(request, f"Thuiszitperiode {periode.pk} is gestart op {periode.van:%d-%m-%Y}.")
    return redirect("thuiszitters:lijst")


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.MELDINGEN_VERWERKEN)
def nieuw(request: HttpRequest) -> HttpResponse:
    """Start a period by hand. `?persoon=<persoonsnummer>` fills in the number (internal id)."""
    from django.contrib import messages

    if request.method == "POST":
        formulier = StartFormulier(request.POST)
        if formulier.is_valid():
            d = formulier.cleaned_data
            persoon = beleid.zichtbaar(request.user, Persoon).filter(pk=d["persoon"]).first()
            if persoon is None:
                formulier.add_error(
                    "persoon", "Er is geen persoon met dit persoonsnummer die u mag inzien."
                )
                # Never echo a number out of reach (it would confirm nothing, but say less).
                formulier.data = formulier.data.copy()
                formulier.data["persoon"] = ""
            else:
                try:
                    periode = signalen.start_periode(
                        request.user, persoon, d["van"], timezone.localdate(), d["toelichting"]
                    )
                except signalen.Regelfout as fout:
                    formulier.add_error(fout.veld if fout.veld in formulier.fields else None,
                                        fout.bericht)  # fmt: skip
                else:
                    messages.success(request, f"Thuiszitperiode {periode.pk} is gestart.")
                    return redirect("thuiszitters:lijst")
    else:
        formulier = StartFormulier(initial={"persoon": request.GET.get("persoon", "")[:64]})
    return render(
        request, "thuiszitters/nieuw.html", {"formulier": formulier}, status=_status(formulier)
    )


def _status(formulier) -> int:
    return 400 if formulier.is_bound and formulier.errors else 200


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.MELDINGEN_VERWERKEN)
def periode(request: HttpRequest, thuiszitter_id: str) -> HttpResponse:
    """One period: end it (einddatum + reden) and/or record the offer (aanbod)."""
    from django.contrib import messages

    p: Thuiszitter = object_of_404(request.user, Thuiszitter, pk=thuiszitter_id)
    status = 200
    conflict = ""
    if request.method == "POST":
        formulier = PeriodeFormulier(request.POST)
        if formulier.is_valid():
            d = formulier.cleaned_data
            try:
                signalen.werk_periode_bij(
                    p, d["versie"], timezone.localdate(), tot=d["tot"],
                    reden_einde=d["reden_einde"] or None, aanbod=d["aanbod"],
                    toelichting=d["toelichting"],
                )  # fmt: skip
            except signalen.Conflict as fout:
                conflict, status = fout.bericht, 409
            except signalen.Regelfout as fout:
                formulier.add_error(fout.veld if fout.veld in formulier.fields else None,
                                    fout.bericht)  # fmt: skip
            else:
                messages.success(request, f"Thuiszitperiode {p.pk} is opgeslagen.")
                return redirect("thuiszitters:lijst")
        if formulier.errors:
            status = 400
    else:
        formulier = PeriodeFormulier(
            initial={
                "versie": p.versie, "tot": p.tot, "reden_einde": p.reden_einde or "",
                "aanbod": p.aanbod, "toelichting": p.toelichting,
            }
        )  # fmt: skip
        registreer(
            "inzien",
            request=request,
            object_type="thuiszitter",
            object_id=p.pk,
            persoon_id=p.persoon_id,
            velden=["persoon", "gemeente", "van", "tot", "reden_einde", "aanbod", "toelichting"],
        )
    vandaag = timezone.localdate()
    return render(
        request,
        "thuiszitters/periode.html",
        {
            "periode": p,
            "formulier": formulier,
            "conflict": conflict,
            "duur": regels.duur_tekst(regels.duur_in_dagen(p.van, p.tot, vandaag)),
            "pactgrens": regels.pactgrens(p.van),
            "voorbij_pact": regels.langer_dan_drie_maanden(p.van, p.tot, vandaag),
        },
        status=status,
    )
