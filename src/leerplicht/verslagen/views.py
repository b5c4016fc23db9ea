"""The jaarverslag and the infographic in the web app. Thin views: `forms` reads the choice,
`diensten` builds the report and its files, `teksten` saves the team's texts,
`infographic` lays out the key figures; `toegang.beleid` scopes to the user's gemeenten.

Aggregated figures are no dossier read: one "inzien" entry per page or file, with what was
shown (school year, gemeenten, format). A bad choice on a page is replaced by the default
with a message; a file is only given for a valid choice (400 otherwise: a file of other
figures than asked for would be worse than none). Nothing tells another team's gemeente
from one that does not exist.

Text blocks: the form POSTs to `verslagen:tekst`; without JavaScript a redirect back to the
block (POST, redirect, GET); with htmx the block alone comes back and replaces itself, also
for a broken rule (400) or a versie conflict (409; portal/basis.html swaps those too).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.bewaren.vaststellen import RapportNietBeschikbaar
from leerplicht.cijfers.keuze import keuzejaren
from leerplicht.domein.rollen import Handeling
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van, mag
from leerplicht.toegang.bescherming import vereist_cijfertoegang, vereist_handeling
from leerplicht.versiebeheer import Versieconflict

from . import html, teksten
from .diensten import (
    FORMATEN,
    bestandsnaam,
    maak_jaarverslag,
    rapport_bestandsnaam,
    rapport_json,
)
from .document import Hoofdstuk, Tekstblok, Verslag
from .forms import Keuze, Tekstformulier, lees_keuze
from .infographic import bouw_infographic, tegels
from .models import gebied_sleutel
from .opmaak import datum_tekst
from .pdf import html_naar_pdf
from .rapporten import bron_voor

#: The files of the report: the jaarverslag's formats and the figures behind it.
BESTANDSFORMATEN = (*FORMATEN, "json")
BESTANDSNAMEN = {
    "html": "HTML (webpagina als bestand)",
    "pdf": "PDF (toegankelijk, om te publiceren)",
    "xlsx": "Excel (XLSX, met grafieken)",
    "csv": "CSV (alle getallen in één lijst)",
    "json": "JSON (de cijfers achter het verslag)",
}
TEKSTBLOK = "verslagen/_tekstblok.html"


def _eigen(request: HttpRequest) -> list[str]:
    return sorted(gemeenten_van(request.user))


def _gemeenten(eigen: list[str]):
    return Gemeente.objects.filter(code__in=eigen).order_by("naam")


def _bijlage(inhoud: bytes, mediatype: str, naam: str) -> HttpResponse:
    # File names are codes and school years only (diensten.bestandsnaam): no quoting needed.
    antwoord = HttpResponse(inhoud, content_type=mediatype)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


def _fout(request: HttpRequest, titel: str, uitleg: list[str], terug: str) -> HttpResponse:
    return render(
        request,
        "verslagen/fout.html",
        {"titel": titel, "uitleg": uitleg, "terug": terug},
        status=400,
    )


def _inzien(request: HttpRequest, soort: str, keuze: Keuze, formaat: str) -> None:
    registreer(
        "inzien",
        request=request,
        object_type=soort,
        toelichting={
            "schooljaar": keuze.jaar.naam,
            "gemeenten": gebied_sleutel(keuze.gemeenten),
            "formaat": formaat,
        },
    )


# --- the jaarverslag --------------------------------------------------------------------------


def _formulier(
    verslag: Verslag,
    versies: dict[str, int],
    blok: Tekstblok,
    hoofdstuk: Hoofdstuk,
    data: object = None,
    versie: int | None = None,
) -> Tekstformulier:
    """The form of one block: filled with its current text and versie, or bound to `data`."""
    waar = hoofdstuk.titel
    if blok.titel != hoofdstuk.titel:
        waar += f", {blok.titel.lower()}"
    return Tekstformulier(
        data,
        initial={
            "schooljaar": verslag.schooljaar,
            "gemeenten": gebied_sleutel(verslag.gemeenten),
            "blok": blok.id,
            "tekst": blok.tekst,
        },
        versie=versies.get(blok.id, teksten.CONCEPTVERSIE) if versie is None else versie,
        blok=blok.id,
        label=f"Tekst bij {waar}",
    )


def _pagina(
    request: HttpRequest,
    keuze: Keuze,
    meldingen: list[str],
    *,
    verslag: Verslag | None = None,
    extra: dict[str, dict] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The report page; `verslag` when the caller built it already, `extra` the state of a
    block after a POST (its bound form, a message: teksten.BewerkbareTekst)."""
    eigen = list(keuze.eigen)
    context: dict = {
        "keuze": keuze,
        "meldingen": meldingen,
        "jaren": [j.naam for j in keuzejaren(timezone.localdate())],
        "gemeenten": _gemeenten(eigen),
        "regio": len(eigen) > 1,
        "actie": reverse("verslagen:jaarverslag"),
    }
    if eigen:
        verslag = verslag or maak_jaarverslag(keuze.jaar, keuze.gemeenten)
        weergave = html.weergave(verslag)
        schrijft = mag(request.user, Handeling.VERSLAG_SCHRIJVEN)
        if schrijft:
            versies = teksten.versies(verslag)
            weergave = teksten.bewerkbare_weergave(
                verslag, weergave, lambda b, h: _formulier(verslag, versies, b, h), extra
            )
        bestand = reverse("verslagen:bestand")
        infographic_url = reverse("verslagen:infographic")
        context |= {
            "verslag": weergave,
            "schrijft": schrijft,
            "tekstblok_sjabloon": TEKSTBLOK if schrijft else "",
            "tekstactie": reverse("verslagen:tekst"),
            "bestanden": [
                (f, BESTANDSNAMEN[f], f"{bestand}?{keuze.query(formaat=f)}")
                for f in BESTANDSFORMATEN
            ],
            "infographics": [
                (g, f"{infographic_url}?{Keuze(keuze.jaar, g.code, keuze.eigen).query()}")
                for g in _gemeenten(keuze.gemeenten)
            ],
        }
    return render(request, "verslagen/jaarverslag.html", context, status=status)


@never_cache
@require_safe
@vereist_cijfertoegang
def jaarverslag(request: HttpRequest) -> HttpResponse:
    """The jaarverslag of the chosen school year for the user's gemeenten (the region) or
    one of them, with its files; for the teammanager with a form per text block."""
    keuze, meldingen = lees_keuze(request.GET, _eigen(request), timezone.localdate())
    antwoord = _pagina(request, keuze, meldingen)
    if keuze.eigen:
        _inzien(request, "jaarverslag", keuze, "pagina")
    return antwoord


@never_cache
@require_safe
@vereist_cijfertoegang
def bestand(request: HttpRequest) -> HttpResponse:
    """The jaarverslag as a file (html, pdf, xlsx, csv), or the figures behind it (json)."""
    eigen = _eigen(request)
    keuze, meldingen = lees_keuze(request.GET, eigen, timezone.localdate())
    formaat = request.GET.get("formaat", "")
    if formaat not in BESTANDSFORMATEN:
        meldingen.append("Dat bestandsformaat bestaat niet. Kies PDF, HTML, XLSX, CSV of JSON.")
    if not eigen:
        meldingen.append("U werkt voor geen enkele gemeente, dus er is geen jaarverslag.")
    terug = f"{reverse('verslagen:jaarverslag')}?{keuze.query()}"
    if meldingen:
        return _fout(request, "Dit bestand kan niet worden gemaakt", meldingen, terug)
    try:
        if formaat == "json":
            inhoud = rapport_json(keuze.jaar, keuze.gemeenten)
            antwoord = _bijlage(
                inhoud,
                "application/json",
                rapport_bestandsnaam(keuze.jaar, keuze.gemeenten),
            )
        else:
            verslag = maak_jaarverslag(keuze.jaar, keuze.gemeenten)
            soort = FORMATEN[formaat]
            antwoord = _bijlage(soort.maak(verslag), soort.mediatype, bestandsnaam(verslag, soort))
    except RapportNietBeschikbaar as fout:
        return _fout(request, "Dit bestand kan niet worden gemaakt", [str(fout)], terug)
    _inzien(request, "jaarverslag", keuze, formaat)
    return antwoord


# --- the texts --------------------------------------------------------------------------------


def _keuze_van_sleutel(sleutel: str, eigen: list[str], jaar) -> Keuze | None:
    """The report a form's gemeenten key names, if it is one the user's page shows: all of
    their gemeenten, or one of them."""
    codes = sorted(set(sleutel.split(",")))
    if not eigen or sleutel != ",".join(codes):
        return None
    if codes == eigen:
        return Keuze(jaar, "" if len(eigen) > 1 else eigen[0], tuple(eigen))
    if len(codes) == 1 and codes[0] in eigen:
        return Keuze(jaar, codes[0], tuple(eigen))
    return None


def _hoofdstuk_van(verslag: Verslag, blok: Tekstblok) -> Hoofdstuk:
    return next(
        h
        for h in verslag.hoofdstukken
        if any(isinstance(o, Tekstblok) and o.id == blok.id for o in h.onderdelen)
    )


def _blok_antwoord(
    request: HttpRequest,
    keuze: Keuze,
    verslag: Verslag,
    blok: Tekstblok,
    extra: dict,
    status: int,
) -> HttpResponse:
    """With htmx the block alone; without, the whole page with that block's state.
    `extra`: the block's form and message (teksten.BewerkbareTekst)."""
    if request.headers.get("HX-Request"):
        o = teksten.bewerkbaar(blok, _hoofdstuk_van(verslag, blok).titel, **extra)
        return render(
            request, TEKSTBLOK, {"o": o, "tekstactie": reverse("verslagen:tekst")}, status=status
        )
    return _pagina(request, keuze, [], verslag=verslag, extra={blok.id: extra}, status=status)


@never_cache
@require_POST
@vereist_handeling(Handeling.VERSLAG_SCHRIJVEN)
def tekst(request: HttpRequest) -> HttpResponse:
    """Save one text block of the jaarverslag, or put its concept back."""
    eigen = _eigen(request)
    terug = reverse("verslagen:jaarverslag")
    onbekend = "Deze tekst hoort niet bij een jaarverslag dat u kunt bewerken."
    post = request.POST
    jaar = next(
        (j for j in keuzejaren(timezone.localdate()) if j.naam == post.get("schooljaar")), None
    )
    keuze = _keuze_van_sleutel(post.get("gemeenten", ""), eigen, jaar) if jaar else None
    if keuze is None:
        return _fout(request, "Niet opgeslagen", [onbekend], terug)
    verslag = maak_jaarverslag(keuze.jaar, keuze.gemeenten)
    try:
        blok = teksten.tekstblok(verslag, post.get("blok", ""))
    except teksten.OnbekendBlok:
        return _fout(request, "Niet opgeslagen", [onbekend], f"{terug}?{keuze.query()}")
    hoofdstuk = _hoofdstuk_van(verslag, blok)
    versies = teksten.versies(verslag)
    formulier = _formulier(verslag, versies, blok, hoofdstuk, post)
    if not formulier.is_valid():
        extra = {"formulier": formulier, "fout": True, "melding": "Niet opgeslagen."}
        return _blok_antwoord(request, keuze, verslag, blok, extra, 400)
    nieuw = "" if post.get("actie") == "terugzetten" else formulier.cleaned_data["tekst"]
    try:
        blok, versie = teksten.bewaar(
            verslag, blok.id, nieuw, formulier.cleaned_data["versie"], request.user.get_username()
        )
    except Versieconflict as conflict:
        extra = {
            # The text and versie stored now, to go on from; the user's text to copy from.
            "formulier": _formulier(verslag, versies, blok, hoofdstuk),
            "melding": conflict.bericht,
            "fout": True,
            "niet_opgeslagen": nieuw,
        }
        return _blok_antwoord(request, keuze, verslag, blok, extra, 409)
    gelukt = "De tekst is opgeslagen." if blok.bewerkt else "Het concept staat weer in het verslag."
    if request.headers.get("HX-Request"):
        extra = {
            "formulier": _formulier(verslag, versies, blok, hoofdstuk, versie=versie),
            "melding": gelukt,
        }
        return _blok_antwoord(request, keuze, verslag, blok, extra, 200)
    messages.success(request, gelukt)
    return redirect(f"{terug}?{keuze.query()}#tekst-{blok.id}")


# --- the infographic --------------------------------------------------------------------------


@never_cache
@require_safe
@vereist_cijfertoegang
def infographic(request: HttpRequest) -> HttpResponse:
    """The key figures of one gemeente at a glance: a page, or (formaat=pdf) one A4 page."""
    eigen = _eigen(request)
    gemeenten = list(_gemeenten(eigen))
    standaard = gemeenten[0].code if gemeenten else ""
    keuze, meldingen = lees_keuze(
        request.GET, eigen, timezone.localdate(), standaard_gemeente=standaard
    )
    formaat = request.GET.get("formaat", "")
    context: dict = {
        "keuze": keuze,
        "meldingen": meldingen,
        "jaren": [j.naam for j in keuzejaren(timezone.localdate())],
        "gemeenten": gemeenten,
        "actie": reverse("verslagen:infographic"),
    }
    if formaat == "pdf":
        if meldingen or not eigen:
            terug = f"{reverse('verslagen:infographic')}?{keuze.query()}"
            uitleg = meldingen or ["U werkt voor geen enkele gemeente, dus er is geen infographic."]
            return _fout(request, "Dit bestand kan niet worden gemaakt", uitleg, terug)
    elif formaat:
        meldingen.append("Dat bestandsformaat bestaat niet. U ziet de infographic als pagina.")
    if not eigen:
        return render(request, "verslagen/infographic.html", context)
    info = bouw_infographic(bron_voor(keuze.jaar, [keuze.gemeente], jaren=2))
    inhoud = {"info": info, "tegels": tegels(info), "peildatum": datum_tekst(info.peildatum)}
    if formaat == "pdf":
        document = render_to_string(
            "verslagen/infographic_document.html",
            # Our own style sheet from the package, no input in it.
            {**inhoud, "stijl": mark_safe(html.stijl(INFOGRAPHIC_CSS))},  # noqa: S308
        )
        _inzien(request, "infographic", keuze, "pdf")
        return _bijlage(
            html_naar_pdf(document),
            "application/pdf",
            f"infographic-{info.schooljaar}-{info.gemeente}.pdf",
        )
    context |= inhoud | {"pdf": f"{reverse('verslagen:infographic')}?{keuze.query(formaat='pdf')}"}
    _inzien(request, "infographic", keuze, "pagina")
    return render(request, "verslagen/infographic.html", context)


#: The infographic's style sheet (static, the page links it; the PDF carries it inside).
INFOGRAPHIC_CSS = "infographic.css"
