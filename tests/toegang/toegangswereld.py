"""A small world for the toegang tests: two gemeenten, a child and a young adult in each,
with every kind of record, and one medewerker per rol working for the first gemeente."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from leerplicht.domein.bsn import test_bsn
from leerplicht.domein.rollen import Rol
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Inschrijving, Persoon, School
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.toegang.models import Medewerker
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Interventie, Werkproces

EIGEN, ANDER = "GM9201", "GM9202"
#: Every gebruiker of the matrix: anonymous, each rol, and signed in without a rol.
ANONIEM, ZONDER_ROL = "anoniem", "zonder_rol"
GEBRUIKERS: tuple[str, ...] = (ANONIEM, *(r.value for r in Rol), ZONDER_ROL)


def maak_gebruiker(
    naam: str, rol: Rol | None = None, gemeenten: list[Gemeente] | tuple = ()
) -> object:
    # No password (the tests sign in with force_login): hashing one costs 0.3 s per user.
    gebruiker = get_user_model().objects.create_user(naam)
    if rol is not None:
        medewerker = Medewerker.objects.create(gebruiker=gebruiker, rol=rol)
        medewerker.gemeenten.set(gemeenten)
    return gebruiker


def aangemeld(gebruiker) -> Client:
    """A client signed in as `gebruiker`, with a confirmed second factor when the app has one
    (the tests here are about rol and gemeente, not about signing in)."""
    client = Client()
    if gebruiker is None:
        return client
    client.force_login(gebruiker)
    if apps.is_installed("django_otp.plugins.otp_totp"):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        apparaat, _ = TOTPDevice.objects.get_or_create(
            user=gebruiker, name="test", defaults={"confirmed": True}
        )
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
    return client


@dataclass
class Wereldpersoon:
    persoon: Persoon
    #: Every text that identifies this person: id, BSN and the birth date as pages write it.
    kenmerken: tuple[str, ...] = field(default=())
    #: Ids of every record about the person (meldingen, werkprocessen, ...).
    records: dict[str, str] = field(default_factory=dict)


@dataclass
class Wereld:
    eigen: Gemeente
    ander: Gemeente
    personen: dict[str, Wereldpersoon]
    gebruikers: dict[str, object]

    def pk(self, sleutel: str) -> str:
        return self.personen[sleutel].persoon.pk


def _datumteksten(d: date) -> tuple[str, ...]:
    maanden = (
        "januari februari maart april mei juni juli augustus september oktober november december"
    )
    maanden = maanden.split()
    return (
        d.isoformat(),
        d.strftime("%d-%m-%Y"),
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day} {maanden[d.month - 1]} {d.year}",
    )


def _persoon(
    sleutel: str, gemeente: Gemeente, geboortedatum: date, bsn_volgnummer: int, school: School
) -> Wereldpersoon:
    bsn = test_bsn(bsn_volgnummer)
    assert bsn is not None
    persoon = Persoon.objects.create(
        id=sleutel.upper().replace("_", ""), bsn=bsn, geboortedatum=geboortedatum, gemeente=gemeente
    )
    Inschrijving.objects.create(persoon=persoon, school=school, van=date(2023, 8, 21))
    return Wereldpersoon(persoon, (persoon.pk, bsn, *_datumteksten(geboortedatum)))


def _leerplichtdossier(wp: Wereldpersoon) -> None:
    p, code = wp.persoon, wp.persoon.pk
    w = Werkproces.objects.create(
        id=f"W-{code}",
        persoon=p,
        gemeente=p.gemeente,
        type="relatief_verzuim",
        geopend=date(2024, 9, 2),
    )
    Interventie.objects.create(
        id=f"I-{code}", werkproces=w, datum=date(2024, 9, 9), soort="gesprek"
    )
    Melding.objects.create(
        meldingsnummer=f"M-{code}",
        persoon=p,
        gemeente=p.gemeente,
        datum=date(2024, 9, 3),
        soort="wettelijk",
        werkproces=w,
    )
    Vrijstelling.objects.create(
        id=f"V-{code}",
        persoon=p,
        gemeente=p.gemeente,
        grond="5a",
        aangevraagd=date(2024, 9, 4),
        besluit="toegekend",
        besluitdatum=date(2024, 9, 24),
        geldig_van=date(2024, 9, 24),
    )
    Thuiszitter.objects.create(id=f"T-{code}", persoon=p, gemeente=p.gemeente, van=date(2024, 9, 5))
    wp.records = {
        "werkproces": w.pk,
        "interventie": f"I-{code}",
        "melding": f"M-{code}",
        "vrijstelling": f"V-{code}",
        "thuiszitter": f"T-{code}",
    }


def _doorstroompuntdossier(wp: Wereldpersoon) -> None:
    p, code = wp.persoon, wp.persoon.pk
    w = Werkproces.objects.create(
        id=f"W-{code}",
        persoon=p,
        gemeente=p.gemeente,
        type="verzuim_18plus",
        geopend=date(2024, 10, 2),
    )
    Interventie.objects.create(
        id=f"I-{code}", werkproces=w, datum=date(2024, 10, 9), soort="gesprek"
    )
    Melding.objects.create(
        meldingsnummer=f"M-{code}",
        persoon=p,
        gemeente=p.gemeente,
        datum=date(2024, 10, 3),
        soort="18plus",
        actie_gewenst=True,
        werkproces=w,
    )
    Vsv.objects.create(
        id=f"S-{code}", persoon=p, gemeente=p.gemeente, uitgeschreven=date(2024, 10, 4)
    )
    wp.records = {
        "werkproces": w.pk,
        "interventie": f"I-{code}",
        "melding": f"M-{code}",
        "vsv": f"S-{code}",
    }


def bouw_wereld() -> Wereld:
    vandaag = timezone.localdate()
    eigen = Gemeente.objects.create(code=EIGEN, naam="Eigendorp")
    ander = Gemeente.objects.create(code=ANDER, naam="Anderdorp")
    scholen = {
        g.code: School.objects.create(
            id=f"{g.code[-2:]}XX00",
            brin=f"{g.code[-2:]}XX",
            vestiging="00",
            naam=f"Basisschool {g.naam}",
            onderwijssoort="bao",
            gemeente=g,
        )
        for g in (eigen, ander)
    }
    # Birth dates: a 12-ish year old and a 20-ish year old, on days no record uses.
    personen = {
        "eigen_kind": _persoon(
            "eigen_kind", eigen, date(vandaag.year - 12, 3, 17), 11, scholen[EIGEN]
        ),
        "eigen_jongere": _persoon(
            "eigen_jongere", eigen, date(vandaag.year - 20, 11, 23), 12, scholen[EIGEN]
        ),
        "ander_kind": _persoon(
            "ander_kind", ander, date(vandaag.year - 13, 4, 19), 13, scholen[ANDER]
        ),
        "ander_jongere": _persoon(
            "ander_jongere", ander, date(vandaag.year - 21, 6, 27), 14, scholen[ANDER]
        ),
    }
    for sleutel, wp in personen.items():
        (_leerplichtdossier if sleutel.endswith("kind") else _doorstroompuntdossier)(wp)
    gebruikers: dict[str, object] = {ANONIEM: None, ZONDER_ROL: maak_gebruiker(ZONDER_ROL)}
    for rol in Rol:
        gebruikers[rol.value] = maak_gebruiker(rol.value, rol, [eigen])
    wereld = Wereld(eigen, ander, personen, gebruikers)
    for module in UITBREIDINGEN:
        importlib.import_module(module).breid_uit(wereld)
    return wereld


#: Each area of the work adds its own records to the world in `wereld_<area>.py` next to
#: this file: a function `breid_uit(wereld)` that creates them for every person and adds
#: their ids (and any identifying text) to `wereld.personen[...].records` / `.kenmerken`,
#: so the matrix's leak check looks for them too.
UITBREIDINGEN: tuple[str, ...] = tuple(
    sorted(p.stem for p in Path(__file__).parent.glob("wereld_*.py"))
)
