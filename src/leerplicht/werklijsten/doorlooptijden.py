"""Caseload and doorlooptijden (lead times) for the team view, per behandelaar and overall.

Three lead times, in days, over a chosen period (`van` .. `tot`, inclusive):

- **melding tot overdracht**: from the melding (received `ontvangen_op`, else its `datum`)
  to the `geopend` date of the werkproces it opened; meldingen in the period. A melding
  that joined a werkproces opened before it (recidive) is left out: it had no hand-over
  of its own.
- **overdracht tot eerste contact**: from `geopend` to the first gesprek, uitnodiging or
  kennisgevingsbrief on or after it; werkprocessen opened in the period that had one.
- **open tot gesloten**: from `geopend` to `gesloten`; werkprocessen closed in the period.

Only the needed columns are fetched (the database does the joins and the first-contact
minimum), then `domein.doorlooptijd` computes median and 90th percentile.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery

from leerplicht.domein.codes import WERKPROCES_TYPEN
from leerplicht.domein.doorlooptijd import Samenvatting, samenvatting
from leerplicht.meldingen.models import Melding
from leerplicht.werkprocessen.models import Interventie, Werkproces

#: Interventies that count as the first contact with pupil or parents.
EERSTE_CONTACT: frozenset[str] = frozenset({"gesprek", "uitnodiging", "kennisgevingsbrief"})
#: Shown for werkprocessen without a behandelaar (imported, or not yet handed over).
ZONDER_BEHANDELAAR = "(geen behandelaar)"

MAATEN: dict[str, str] = {
    "melding_overdracht": "Melding tot overdracht",
    "overdracht_contact": "Overdracht tot eerste contact",
    "open_gesloten": "Open tot gesloten",
}


@dataclass
class Caseload:
    behandelaar: str
    per_type: dict[str, int] = field(default_factory=dict)

    @property
    def totaal(self) -> int:
        return sum(self.per_type.values())


def caseload(werkprocessen: QuerySet[Werkproces]) -> tuple[list[Caseload], list[str]]:
    """Open werkprocessen per behandelaar and type (one GROUP BY), and the types present."""
    rijen = (
        werkprocessen.filter(gesloten__isnull=True)
        .values_list("behandelaar", "type")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    per: dict[str, Caseload] = {}
    typen: set[str] = set()
    for behandelaar, soort, aantal in rijen:
        naam = behandelaar or ZONDER_BEHANDELAAR
        regel = per.setdefault(naam, Caseload(naam))
        regel.per_type[soort] = regel.per_type.get(soort, 0) + aantal
        typen.add(soort)
    volgorde = [t for t in WERKPROCES_TYPEN if t in typen]
    return sorted(per.values(), key=lambda c: (-c.totaal, c.behandelaar)), volgorde


def _als_datum(waarde: date | datetime | None) -> date | None:
    if isinstance(waarde, datetime):
        from django.utils import timezone

        return timezone.localtime(waarde).date() if timezone.is_aware(waarde) else waarde.date()
    return waarde


def melding_tot_overdracht(
    meldingen: QuerySet[Melding], van: date, tot: date
) -> list[tuple[str, int]]:
    """(behandelaar, days) per melding received in the period that opened its werkproces."""
    rijen = (
        meldingen.filter(werkproces__isnull=False)
        .filter(
            Q(ontvangen_op__isnull=True, datum__range=(van, tot))
            | Q(ontvangen_op__date__range=(van, tot))
        )
        .values_list("datum", "ontvangen_op", "werkproces__geopend", "werkproces__behandelaar")
    )
    uit: list[tuple[str, int]] = []
    for datum, ontvangen, geopend, behandelaar in rijen:
        begin = _als_datum(ontvangen) or datum
        if geopend < begin:
            continue  # joined an older werkproces: no hand-over of its own
        uit.append((behandelaar or ZONDER_BEHANDELAAR, (geopend - begin).days))
    return uit


def overdracht_tot_eerste_contact(
    werkprocessen: QuerySet[Werkproces], van: date, tot: date
) -> list[tuple[str, int]]:
    eerste = (
        Interventie.objects.filter(
            werkproces=OuterRef("pk"), soort__in=EERSTE_CONTACT, datum__gte=OuterRef("geopend")
        )
        .order_by()
        .values("werkproces")
        .annotate(eerste=Min("datum"))
        .values("eerste")
    )
    rijen = (
        werkprocessen.filter(geopend__range=(van, tot))
        .annotate(eerste_contact=Subquery(eerste))
        .filter(eerste_contact__isnull=False)
        .values_list("behandelaar", "geopend", "eerste_contact")
    )
    return [(b or ZONDER_BEHANDELAAR, (e - g).days) for b, g, e in rijen]


def open_tot_gesloten(
    werkprocessen: QuerySet[Werkproces], van: date, tot: date
) -> list[tuple[str, int]]:
    rijen = werkprocessen.filter(gesloten__range=(van, tot)).values_list(
        "behandelaar", "geopend", "gesloten"
    )
    return [(b or ZONDER_BEHANDELAAR, (g2 - g1).days) for b, g1, g2 in rijen]


@dataclass(frozen=True)
class Doorlooptijden:
    """Per maat: overall and per behandelaar."""

    totaal: dict[str, Samenvatting]
    per_behandelaar: dict[str, dict[str, Samenvatting]]

    @property
    def behandelaars(self) -> list[str]:
        return sorted(self.per_behandelaar)


def _vat_samen(metingen: dict[str, Iterable[tuple[str, int]]]) -> Doorlooptijden:
    totaal: dict[str, Samenvatting] = {}
    groepen: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for maat, rijen in metingen.items():
        alle: list[int] = []
        for behandelaar, dagen in rijen:
            alle.append(dagen)
            groepen[behandelaar][maat].append(dagen)
        totaal[maat] = samenvatting(alle)
    per_behandelaar = {
        b: {maat: samenvatting(per_maat.get(maat, ())) for maat in MAATEN}
        for b, per_maat in groepen.items()
    }
    return Doorlooptijden(totaal, per_behandelaar)


def doorlooptijden(
    werkprocessen: QuerySet[Werkproces], meldingen: QuerySet[Melding], van: date, tot: date
) -> Doorlooptijden:
    """The three lead times over the period, from the (already scoped) querysets."""
    return _vat_samen(
        {
            "melding_overdracht": melding_tot_overdracht(meldingen, van, tot),
            "overdracht_contact": overdracht_tot_eerste_contact(werkprocessen, van, tot),
            "open_gesloten": open_tot_gesloten(werkprocessen, van, tot),
        }
    )
