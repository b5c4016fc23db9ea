"""The dashboard: one tab per topic with the rapport's figures of the user's gemeenten, and
the list of werkprocessen behind a number. Thin views: `onderwerpen` lays out, `filters`
and `doorklikken` read the question, `toegang.beleid` scopes.

Every number is a number of the rapport (`bewaren.vaststellen.rapport_van`: frozen figures
for a frozen school year, else `maak_rapport`), built once per school year shown, so a
tab costs three rapporten (the trend shows three years). Aggregated figures are no dossier
read: one "inzien" entry with the filter; the list of werkprocessen is, like other lists.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from leerplicht.audit.logboek import registreer
from leerplicht.bewaren.vaststellen import is_vastgesteld, rapport_van
from leerplicht.cijfers.keuze import keuzejaren
from leerplicht.cijfers.tabel import TOTAAL
from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.onderwijssoort import GROEPEN
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import gemeenten_van
from leerplicht.toegang.bescherming import vereist_cijfertoegang, vereist_dossiertoegang
from leerplicht.verslagen.grafieken import svg

from .doorklikken import RESULTATEN, getelde_werkprocessen, lees_vraag, mag_doorklikken
from .filters import Filter, lees_filter
from .onderwerpen import EERSTE, ONDERWERPEN
from .tabellen import Bron


class RapportenPerVerzoek:
    """The rapporten of one request, built once per school year."""

    def __init__(self, gemeenten: list[str]) -> None:
        self.gemeenten = gemeenten
        self._rapporten: dict[Schooljaar, dict] = {}

    def __call__(self, jaar: Schooljaar) -> dict:
        if jaar not in self._rapporten:
            self._rapporten[jaar] = rapport_van(jaar, gemeenten=self.gemeenten)
        return self._rapporten[jaar]


def _koppeling(request: HttpRequest, filter_: Filter):
    """The drill-down link of a number, for users who may see the werkprocessen behind it."""
    lijst = reverse("dashboard:werkprocessen")

    def koppeling(jaar: Schooljaar, code: str, doorklik: tuple[tuple[str, str], ...]) -> str:
        if not mag_doorklikken(request.user, dict(doorklik)):
            return ""
        gemeente = filter_.gemeente if code == TOTAAL else code
        delen = {"schooljaar": jaar.naam, "gemeente": gemeente, **dict(doorklik)}
        return f"{lijst}?{urlencode({k: v for k, v in delen.items() if v})}"

    return koppeling


@never_cache
@require_safe
@vereist_cijfertoegang
def onderwerp(request: HttpRequest, onderwerp: str = EERSTE) -> HttpResponse:
    """One tab: the figures of the chosen school year beside the year before, for the
    user's gemeenten (or one of them), with charts."""
    if onderwerp not in ONDERWERPEN:
        raise Http404
    gekozen_onderwerp = ONDERWERPEN[onderwerp]
    eigen = sorted(gemeenten_van(request.user))
    filter_, meldingen = lees_filter(request.GET, eigen, timezone.localdate())
    context: dict = {
        "onderwerp": gekozen_onderwerp,
        "tabs": [
            (o, f"{reverse('dashboard:onderwerp', args=[o.slug])}?{filter_.query()}")
            for o in ONDERWERPEN.values()
        ],
        "filter": filter_,
        "jaren": [j.naam for j in keuzejaren(timezone.localdate())],
        "gemeenten": Gemeente.objects.filter(code__in=eigen).order_by("naam"),
        "groepen": GROEPEN,
        "meldingen": meldingen,
        "actie": reverse("dashboard:onderwerp", args=[gekozen_onderwerp.slug]),
    }
    if eigen:
        rapporten = RapportenPerVerzoek([filter_.gemeente] if filter_.gemeente else eigen)
        jaar = filter_.jaar
        bron = Bron(
            filter_,
            (rapporten(jaar.vorige(2)), rapporten(jaar.vorige()), rapporten(jaar)),
            _koppeling(request, filter_),
        )
        inhoud = gekozen_onderwerp.bouw(bron)
        context |= {
            "inhoud": inhoud,
            "grafieken": [(g, svg(g)) for g in inhoud.grafieken],
            "bereik": bron.bereik,
            "lopend": jaar == keuzejaren(timezone.localdate())[0],
            "ontbreekt": any(t.ontbreekt for t in inhoud.tabellen),
        }
        registreer(
            "inzien",
            request=request,
            object_type="dashboard",
            velden=inhoud.secties,
            toelichting={
                "onderwerp": gekozen_onderwerp.slug,
                "schooljaar": jaar.naam,
                "gemeente": filter_.gemeente or "alle",
                "onderwijssoort": filter_.groep or "alle",
            },
        )
    return render(request, "dashboard/onderwerp.html", context)


@never_cache
@require_safe
@vereist_dossiertoegang
def werkprocessen(request: HttpRequest) -> HttpResponse:
    """The werkprocessen a number of the dashboard counts, each linking to its page."""
    eigen = sorted(gemeenten_van(request.user))
    vraag = lees_vraag(request.GET, eigen)
    if vraag is None:
        return render(request, "dashboard/werkprocessen.html", {"fout": True}, status=400)
    rijen = list(getelde_werkprocessen(request.user, vraag, eigen))
    terug = Filter(vraag.jaar, vraag.gemeente, vraag.groep)
    registreer(
        "inzien",
        request=request,
        object_type="werkprocessenlijst",
        velden=["werkproces", "type", "gemeente", "geopend", "gesloten", "resultaat"],
        toelichting={
            "schooljaar": vraag.jaar.naam,
            "gemeente": vraag.gemeente or "alle",
            "type": vraag.type,
            "resultaat": vraag.resultaat,
            "onderwijssoort": vraag.groep or "alle",
            "aantal": len(rijen),
        },
    )
    gemeente = Gemeente.objects.filter(code=vraag.gemeente).first() if vraag.gemeente else None
    return render(
        request,
        "dashboard/werkprocessen.html",
        {
            "vraag": vraag,
            "omschrijving": vraag.omschrijving(),
            "bereik": gemeente.naam if gemeente else "al uw gemeenten",
            "rijen": [
                (
                    w,
                    WERKPROCES_TYPEN[w.type],
                    RESULTATEN[w.resultaat or "onbekend"] if w.gesloten else "",
                )
                for w in rijen
            ],
            "vastgesteld": is_vastgesteld(vraag.jaar),
            "terug": reverse(
                "dashboard:onderwerp", args=["leerlingen" if vraag.type else "resultaten"]
            )
            + f"?{terug.query()}",
        },
    )
