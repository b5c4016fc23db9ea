"""The test case of the werkproces tests: one open werkproces and signed-in clients."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.test import Client
from django.utils import timezone

from leerplicht.werkprocessen.models import Werkproces


@dataclass
class Zaak:
    werkproces: Werkproces
    lpa: Client
    lpa2: Client
    teammanager: Client
    administratie: Client

    def url(self, naam: str = "") -> str:
        basis = f"/werkprocessen/{self.werkproces.pk}/"
        return basis + (f"{naam}/" if naam else "")

    def vers(self) -> Werkproces:
        return Werkproces.objects.get(pk=self.werkproces.pk)


def jaren_geleden(jaren: int, vandaag: date | None = None) -> date:
    """A birth date: `jaren` old today, a birthday on 1 January (never 29 February)."""
    vandaag = vandaag or timezone.localdate()
    return date(vandaag.year - jaren, 1, 1)
