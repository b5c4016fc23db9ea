"""Toewijzing: the behandelaar of a new werkproces, from the teammanager's
`Toewijzingsregel` table. The matching itself is `domein.toewijzing` (pure, tested)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from leerplicht.domein import toewijzing as domein
from leerplicht.domein.rollen import Rol

from .models import Toewijzingsregel

#: Who can be given cases: the rollen that own werkprocessen.
BEHANDELAARSROLLEN: frozenset[Rol] = frozenset(
    {Rol.LEERPLICHTAMBTENAAR, Rol.CONSULENT_DOORSTROOMPUNT}
)


def als_domeinregel(regel: Toewijzingsregel) -> domein.Toewijzingsregel:
    gebruiker = regel.behandelaar
    return domein.Toewijzingsregel(
        volgorde=regel.volgorde,
        behandelaar=gebruiker.get_username(),
        gemeente=regel.gemeente_id,
        onderwijssoort=regel.onderwijssoort,
        school=regel.school_id,
        werkprocestype=regel.werkprocestype,
        actief=regel.actief,
        behandelaar_actief=gebruiker.is_active,
        nummer=regel.pk or 0,
    )


def actieve_regels() -> list[domein.Toewijzingsregel]:
    return [
        als_domeinregel(r)
        for r in Toewijzingsregel.objects.filter(actief=True).select_related("behandelaar")
    ]


def kies_behandelaar(
    *,
    gemeente: str,
    onderwijssoort: str | None,
    school: str | None,
    werkprocestype: str,
    regels: list[domein.Toewijzingsregel] | None = None,
) -> str | None:
    """The user name of the behandelaar, or None (the queue shows "niet toegewezen").

    `regels`: the active rules loaded once (`actieve_regels`), for a list of many cases.
    """
    situatie = domein.Situatie(gemeente, onderwijssoort, school, werkprocestype)
    return domein.kies_behandelaar(actieve_regels() if regels is None else regels, situatie)


def mogelijke_behandelaars(gemeenten: frozenset[str] | set[str]) -> QuerySet:
    """Active users with rol leerplichtambtenaar or consulent DSP working for a gemeente."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            medewerker__rol__in=[r.value for r in BEHANDELAARSROLLEN],
            medewerker__gemeenten__code__in=gemeenten,
        )
        .distinct()
        .order_by("username")
    )
