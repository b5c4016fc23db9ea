"""Pages of vrijstellingen and verlof. Thin: forms in `formulieren`, work in `diensten`,
access in `toegang` (every object through `object_of_404` or a `zichtbaar` queryset)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.domein.rollen import Handeling
from leerplicht.domein.vrijstellingsregels import (
    VERVANGENDE_LEERPLICHT,
    beslistermijn,
    oudste_geldige_verklaringsdatum,
    venster_eindigt_binnenkort,
)
from leerplicht.register.models import Persoon
from leerplicht.toegang import beleid
from leerplicht.toegang.bescherming import object_of_404, vereist_handeling
from leerplicht.werkprocessen.models import Document

from . import diensten
from .formulieren import (
    Besluitformulier,
    Intrekformulier,
    Verklaringformulier,
    Verlengformulier,
    VerlofAanvraagformulier,
    VerlofBesluitformulier,
    VrijstellingAanvraagformulier,
)
from .models import Verlofaanvraag, Vrijstelling

VELDEN_VRIJSTELLING = [
    "grond", "aangevraagd", "besluit", "besluitdatum", "geldig_van", "geldig_tot",
    "verklaring_datum", "verklaring_door", "nooit_naar_school", "richting_vorig_jaar",
    "plan_van_aanpak", "motivering", "verlengen_voor", "documenten",
]  # fmt: skip
VELDEN_VERLOF = [
    "soort", "school", "aangevraagd", "van", "tot", "aantal_schooldagen",
    "al_verleend_schooldagen", "al_verleend_peildatum", "al_verleend_bron", "reden",
    "schoolleider_gehoord_op", "besluit", "besluitdatum", "motivering",
]  # fmt: skip


def _inzien(request: HttpRequest, object_type: str, obj, velden: list[str]) -> None:
    registreer(
        "inzien",
        request=request,
        object_type=object_type,
        object_id=str(obj.pk),
        persoon_id=str(obj.persoon_id),
        velden=velden,
    )


# --- overzicht ---------------------------------------------------------------------------


@never_cache
@require_safe
@vereist_handeling(Handeling.VRIJSTELLING_REGISTREREN)
def overzicht(request: HttpRequest) -> HttpResponse:
    """The lists of the work: open requests, ending within six weeks, to renew before 1 July,
    verlof requests; optionally for one of the user's gemeenten (?gemeente=GM....)."""
    vandaag = timezone.localdate()
    eigen = beleid.gemeenten_van(request.user)
    gekozen = request.GET.get("gemeente", "")
    if gekozen not in eigen:
        gekozen = ""
    vrijstellingen: QuerySet[Vrijstelling] = beleid.zichtbaar(request.user, Vrijstelling)
    verlof: QuerySet[Verlofaanvraag] = beleid.zichtbaar(request.user, Verlofaanvraag)
    if gekozen:
        vrijstellingen = vrijstellingen.filter(gemeente_id=gekozen)
        verlof = verlof.filter(gemeente_id=gekozen)
    vrijstellingen = vrijstellingen.select_related("gemeente")
    eerste, laatste = venster_eindigt_binnenkort(vandaag)
    open_aanvragen = list(
        vrijstellingen.filter(besluit="open")
        .select_related("persoon")
        .order_by("aangevraagd", "pk")
    )
    for v in open_aanvragen:
        v.termijn = beslistermijn(v.grond, v.aangevraagd)
        v.termijn_verstreken = v.termijn is not None and v.termijn < vandaag
        v.te_laat = diensten.te_late_kennisgeving(v)  # art. 6: a warning, not a refusal
    lijsten = {
        "open_aanvragen": open_aanvragen,
        "eindigt_binnenkort": list(
            vrijstellingen.filter(
                besluit="toegekend", geldig_tot__gte=eerste, geldig_tot__lte=laatste
            ).order_by("geldig_tot", "pk")
        ),
        "te_verlengen": list(
            vrijstellingen.filter(
                besluit="toegekend", verlengen_voor__isnull=False, verlenging__isnull=True
            ).order_by("verlengen_voor", "pk")
        ),
        "niet_bij_duo": list(
            diensten.nog_niet_bij_duo().filter(pk__in=vrijstellingen.values("pk")).order_by("pk")
        ),
        "verlof_open": list(
            verlof.filter(besluit="open").select_related("gemeente").order_by("aangevraagd", "pk")
        ),
    }
    registreer(
        "inzien",
        request=request,
        object_type="vrijstellingenoverzicht",
        object_id=gekozen,
        velden=list(lijsten),
    )
    gemeenten = sorted((g.code, g.naam) for g in request.user.medewerker.gemeenten.all())
    return render(
        request,
        "vrijstellingen/overzicht.html",
        {
            **lijsten,
            "gemeenten": gemeenten,
            "gekozen": gekozen,
            "vandaag": vandaag,
            "venster_tot": laatste,
            "mag_besluiten": beleid.mag(request.user, Handeling.VRIJSTELLING_BESLUITEN),
        },
    )


# --- one vrijstelling -----------------------------------------------------------------------


ACTIES = {
    "verklaring": (Verklaringformulier, Handeling.VRIJSTELLING_REGISTREREN),
    "besluit": (Besluitformulier, Handeling.VRIJSTELLING_BESLUITEN),
    "intrekken": (Intrekformulier, Handeling.VRIJSTELLING_BESLUITEN),
    "verlengen": (Verlengformulier, Handeling.VRIJSTELLING_REGISTREREN),
}


def _formulieren(v: Vrijstelling, vandaag: date) -> dict:
    return {
        "verklaring": Verklaringformulier(
            initial={
                "versie": v.versie,
                "verklaring_datum": v.verklaring_datum,
                "verklaring_door": v.verklaring_door,
                "nooit_naar_school": v.nooit_naar_school,
            },
            prefix="verklaring",
        ),
        "besluit": Besluitformulier(
            initial={
                "versie": v.versie,
                "besluitdatum": vandaag,
                "geldig_van": v.geldig_van,
                "geldig_tot": v.geldig_tot,
                "richting_vorig_jaar": {True: "ja", False: "nee"}.get(v.richting_vorig_jaar, ""),
                "plan_van_aanpak": v.plan_van_aanpak,
            },
            prefix="besluit",
            grond=v.grond,
        ),
        "intrekken": Intrekformulier(initial={"versie": v.versie}, prefix="intrekken"),
        "verlengen": Verlengformulier(
            initial={"versie": v.versie, "aangevraagd": vandaag}, prefix="verlengen"
        ),
    }


def _voer_uit(request: HttpRequest, actie: str, v: Vrijstelling, formulier) -> str:
    """Run the action; returns the success message. Raises the services' errors."""
    d = formulier.cleaned_data
    if actie == "verklaring":
        upload = d.get("bestand")
        bestand = (
            diensten.Bestand(upload.name, upload.content_type or "", upload.read())
            if upload
            else None
        )
        diensten.leg_verklaring_vast(
            request.user,
            v,
            versie=d["versie"],
            datum=d["verklaring_datum"],
            door=d["verklaring_door"],
            nooit_naar_school=d["nooit_naar_school"],
            bestand=bestand,
        )
        return "De verklaring is vastgelegd."
    if actie == "besluit":
        uitkomst = diensten.besluit_vrijstelling(
            request.user,
            v,
            versie=d["versie"],
            besluit=d["besluit"],
            besluitdatum=d["besluitdatum"],
            motivering=d["motivering"],
            geldig_van=d["geldig_van"],
            geldig_tot=d["geldig_tot"],
            richting_vorig_jaar={"ja": True, "nee": False}.get(d.get("richting_vorig_jaar", "")),
            plan_van_aanpak=d.get("plan_van_aanpak") or None,
            brief=formulier.briefgegevens(),
        )
        tekst = f"Het besluit is vastgelegd: {uitkomst.vrijstelling.get_besluit_display()}."
        for waarschuwing in uitkomst.waarschuwingen:
            tekst += f" Let op: {waarschuwing}"
        if uitkomst.ingetrokken_meldingen:
            tekst += f" Ingetrokken meldingen: {', '.join(uitkomst.ingetrokken_meldingen)}."
        if uitkomst.vrijstelling.besluit == "toegekend" and uitkomst.duo_bestand is None:
            tekst += " Let op: de registratie bij DUO is niet gelukt; zie het overzicht."
        if uitkomst.brief is None:
            tekst += " Er is geen beschikking gemaakt (geen adres ingevuld of de brief lukte niet)."
        return tekst
    if actie == "intrekken":
        diensten.trek_in(
            request.user, v, versie=d["versie"], per=d["per"], motivering=d["motivering"]
        )
        return "De vrijstelling is ingetrokken."
    nieuw = diensten.verleng(request.user, v, versie=d["versie"], aangevraagd=d["aangevraagd"])
    return f"De verlenging is geregistreerd als aanvraag {nieuw.pk}."


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VRIJSTELLING_REGISTREREN)
def vrijstelling(request: HttpRequest, vrijstelling_id: str) -> HttpResponse:
    """One vrijstelling: its data, the statement, the decision, withdrawal and renewal."""
    v = object_of_404(request.user, Vrijstelling, pk=vrijstelling_id)
    vandaag = timezone.localdate()
    formulieren = _formulieren(v, vandaag)
    status = 200
    conflict = False
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        if actie not in ACTIES:
            status = 400
            messages.error(request, "Onbekende handeling; er is niets opgeslagen.")
        else:
            klasse, handeling = ACTIES[actie]
            if not beleid.mag(request.user, handeling):
                raise PermissionDenied
            extra = {"grond": v.grond} if actie == "besluit" else {}
            formulier = klasse(request.POST, request.FILES, prefix=actie, **extra)
            formulieren[actie] = formulier
            if formulier.is_valid():
                try:
                    tekst = _voer_uit(request, actie, v, formulier)
                except diensten.Versieconflict:
                    conflict, status = True, 409
                except diensten.Regelfout as fout:
                    formulier.neem_bezwaren_over(fout)
                    status = 400
                else:
                    messages.success(request, tekst)
                    return redirect("vrijstellingen:vrijstelling", vrijstelling_id=v.pk)
            else:
                status = 400
    _inzien(request, "vrijstelling", v, VELDEN_VRIJSTELLING)
    documenten = beleid.zichtbaar(request.user, Document).filter(vrijstelling=v).defer("inhoud")
    return render(
        request,
        "vrijstellingen/vrijstelling.html",
        {
            "v": v,
            "formulieren": formulieren,
            "conflict": conflict,
            "conflicttekst": diensten.CONFLICTTEKST,
            "documenten": documenten,
            "termijn": beslistermijn(v.grond, v.aangevraagd),
            "te_laat": diensten.te_late_kennisgeving(v),
            "vervangend": v.grond in VERVANGENDE_LEERPLICHT,
            "met_verklaring": v.grond in ("5a", "5c"),
            "oudste_verklaring": oudste_geldige_verklaringsdatum(v.aangevraagd),
            "verlenging": beleid.zichtbaar(request.user, Vrijstelling).filter(vorige=v).first(),
            "mag_besluiten": beleid.mag(request.user, Handeling.VRIJSTELLING_BESLUITEN),
        },
        status=status,
    )


def _persoon(request: HttpRequest, formulier) -> Persoon | None:
    pk = formulier.cleaned_data.get("persoon", "").strip()
    return beleid.zichtbaar(request.user, Persoon).filter(pk=pk).first() if pk else None


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VRIJSTELLING_REGISTREREN)
def nieuw(request: HttpRequest) -> HttpResponse:
    """Register a request for a vrijstelling or vervangende leerplicht for a person."""
    gemeenten = beleid.gemeenten_van(request.user)
    status = 200
    if request.method == "POST":
        formulier = VrijstellingAanvraagformulier(request.POST, gemeenten=gemeenten)
        if formulier.is_valid():
            persoon = _persoon(request, formulier)
            if persoon is None:
                formulier.persoon_niet_gevonden()
            else:
                d = formulier.cleaned_data
                try:
                    v = diensten.registreer_vrijstelling(
                        request.user,
                        persoon=persoon,
                        gemeente=d["gemeente"],
                        grond=d["grond"],
                        aangevraagd=d["aangevraagd"],
                        geldig_van=d["geldig_van"],
                        geldig_tot=d["geldig_tot"],
                    )
                except diensten.Regelfout as fout:
                    formulier.neem_bezwaren_over(fout)
                else:
                    messages.success(request, f"Aanvraag {v.pk} is geregistreerd.")
                    return redirect("vrijstellingen:vrijstelling", vrijstelling_id=v.pk)
        status = 400
    else:
        formulier = VrijstellingAanvraagformulier(
            initial={
                "persoon": _persoon_uit_url(request),
                "aangevraagd": timezone.localdate(),
            },
            gemeenten=gemeenten,
        )
    return render(
        request,
        "vrijstellingen/nieuw.html",
        {"formulier": formulier, "titel": "Aanvraag vrijstelling registreren",
         "actie": "vrijstellingen:nieuw"},
        status=status,
    )  # fmt: skip


def _persoon_uit_url(request: HttpRequest) -> str:
    """?persoon=ID from a dossier link, only when the user may see that person."""
    pk = request.GET.get("persoon", "")
    return pk if pk and beleid.zichtbaar(request.user, Persoon).filter(pk=pk).exists() else ""


# --- verlof -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VRIJSTELLING_REGISTREREN)
def verlof_nieuw(request: HttpRequest) -> HttpResponse:
    """Register a request for verlof wegens gewichtige omstandigheden (> 10 days)."""
    gemeenten = beleid.gemeenten_van(request.user)
    status = 200
    if request.method == "POST":
        formulier = VerlofAanvraagformulier(request.POST, gemeenten=gemeenten)
        if formulier.is_valid():
            persoon = _persoon(request, formulier)
            d = formulier.cleaned_data
            if persoon is None:
                formulier.persoon_niet_gevonden()
            else:
                try:
                    a = diensten.registreer_verlof(
                        request.user,
                        persoon=persoon,
                        gemeente=d["gemeente"],
                        soort=d["soort"],
                        aangevraagd=d["aangevraagd"],
                        van=d["van"],
                        tot=d["tot"],
                        aantal_schooldagen=d["aantal_schooldagen"],
                        reden=d["reden"],
                        school=d["school"],
                        schoolleider_gehoord_op=d["schoolleider_gehoord_op"],
                        al_verleend_schooldagen=d["al_verleend_schooldagen"],
                        al_verleend_peildatum=d["al_verleend_peildatum"],
                        al_verleend_bron=d["al_verleend_bron"],
                    )
                except diensten.Regelfout as fout:
                    formulier.neem_bezwaren_over(fout)
                else:
                    messages.success(request, f"Verlofaanvraag {a.pk} is geregistreerd.")
                    return redirect("vrijstellingen:verlof", pk=a.pk)
        status = 400
    else:
        formulier = VerlofAanvraagformulier(
            initial={
                "persoon": _persoon_uit_url(request),
                "aangevraagd": timezone.localdate(),
                "soort": "gewichtige_omstandigheden",
            },
            gemeenten=gemeenten,
        )
    return render(
        request,
        "vrijstellingen/nieuw.html",
        {"formulier": formulier, "titel": "Verlofaanvraag registreren",
         "actie": "vrijstellingen:verlof_nieuw", "verlof": True},
        status=status,
    )  # fmt: skip


@never_cache
@require_http_methods(["GET", "POST"])
@vereist_handeling(Handeling.VRIJSTELLING_REGISTREREN)
def verlof(request: HttpRequest, pk: int) -> HttpResponse:
    """One verlofaanvraag and the leerplichtambtenaar's decision (art. 14 lid 3)."""
    a = object_of_404(request.user, Verlofaanvraag, pk=pk)
    status, conflict = 200, False
    formulier = VerlofBesluitformulier(
        initial={
            "versie": a.versie,
            "besluitdatum": timezone.localdate(),
            "schoolleider_gehoord_op": a.schoolleider_gehoord_op,
        }
    )
    if request.method == "POST":
        if not beleid.mag(request.user, Handeling.VRIJSTELLING_BESLUITEN):
            raise PermissionDenied
        formulier = VerlofBesluitformulier(request.POST)
        status = 400
        if formulier.is_valid():
            d = formulier.cleaned_data
            try:
                a = diensten.besluit_verlof(
                    request.user,
                    a,
                    versie=d["versie"],
                    besluit=d["besluit"],
                    besluitdatum=d["besluitdatum"],
                    motivering=d["motivering"],
                    schoolleider_gehoord_op=d["schoolleider_gehoord_op"],
                    brief=formulier.briefgegevens(),
                )
            except diensten.Versieconflict:
                conflict, status = True, 409
            except diensten.Regelfout as fout:
                formulier.neem_bezwaren_over(fout)
            else:
                tekst = f"Het besluit is vastgelegd: {a.get_besluit_display()}."
                if a.besluitbrief_id is None:
                    tekst += " Er is geen beschikking gemaakt (geen adres of de brief lukte niet)."
                messages.success(request, tekst)
                return redirect("vrijstellingen:verlof", pk=a.pk)
    _inzien(request, "verlofaanvraag", a, VELDEN_VERLOF)
    return render(
        request,
        "vrijstellingen/verlof.html",
        {
            "a": a,
            "formulier": formulier,
            "conflict": conflict,
            "conflicttekst": diensten.CONFLICTTEKST,
            "mag_besluiten": beleid.mag(request.user, Handeling.VRIJSTELLING_BESLUITEN),
        },
        status=status,
    )
