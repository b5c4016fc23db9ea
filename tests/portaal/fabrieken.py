"""Factories and a small region built through the ORM, for the portaal tests."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from leerplicht.domein.schooljaar import Schooljaar, laatste_afgesloten_schooljaar
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.vrijstellingen.models import Verlofaanvraag, Vrijstelling
from leerplicht.werkprocessen.models import Interventie, Werkproces

WACHTWOORD = "een-lang-testwachtwoord"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    id = factory.Sequence(lambda n: f"P{n:07d}")
    geboortedatum = date(2015, 5, 5)
    gemeente = factory.SubFactory(GemeenteFactory)


class WerkprocesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkproces

    id = factory.Sequence(lambda n: f"W{n:07d}")
    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    type = "relatief_verzuim"
    geopend = date(2024, 9, 1)


class MeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Melding

    meldingsnummer = factory.Sequence(lambda n: f"M{n:07d}")
    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    datum = date(2024, 9, 1)
    soort = "wettelijk"


class InterventieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interventie

    id = factory.Sequence(lambda n: f"I{n:07d}")
    werkproces = factory.SubFactory(WerkprocesFactory)
    datum = date(2024, 9, 1)
    soort = "gesprek"


class ThuiszitterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thuiszitter

    id = factory.Sequence(lambda n: f"T{n:07d}")
    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    van = date(2024, 9, 1)


class VrijstellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vrijstelling

    id = factory.Sequence(lambda n: f"V{n:07d}")
    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    grond = "5a"
    aangevraagd = factory.LazyAttribute(lambda o: o.besluitdatum - timedelta(days=20))
    besluit = "toegekend"
    besluitdatum = date(2024, 9, 1)
    geldig_van = factory.SelfAttribute("besluitdatum")


class VerlofaanvraagFactory(factory.django.DjangoModelFactory):
    """An open request of 12 school days (more than 10: the leerplichtambtenaar's, art. 14)."""

    class Meta:
        model = Verlofaanvraag

    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    soort = "gewichtige_omstandigheden"
    aangevraagd = date(2024, 9, 2)
    van = date(2024, 10, 7)
    tot = date(2024, 10, 22)
    aantal_schooldagen = 12


class VsvFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vsv

    id = factory.Sequence(lambda n: f"S{n:07d}")
    persoon = factory.SubFactory(PersoonFactory)
    gemeente = factory.SelfAttribute("persoon.gemeente")
    uitgeschreven = date(2024, 9, 1)


def startjaar() -> Schooljaar:
    """The school year the start page shows (the last one that has ended, today)."""
    return laatste_afgesloten_schooljaar(timezone.localdate())


def kleine_regio(jaar: Schooljaar | None = None) -> Schooljaar:
    """Two gemeenten with a few of every kind of event in `jaar` and the year before.

    The expected start page figures are worked out by hand in test_startpagina.py.
    Aabeek (GM9102) sorts before Noorddorp (GM9101) by name, not by code.
    """
    jaar = jaar or startjaar()
    vorig = jaar.vorige()
    noord = GemeenteFactory(code="GM9101", naam="Noorddorp")
    aabeek = GemeenteFactory(code="GM9102", naam="Aabeek")

    def in_jaar(j: Schooljaar, dagen: int = 30) -> date:
        return j.begin + timedelta(days=dagen)

    negen = date(jaar.beginjaar - 9, 5, 5)  # leerplichtig on both peildata
    # Noorddorp: 1,209 leerlingen in both years.
    Persoon.objects.bulk_create(
        PersoonFactory.build(gemeente=noord, geboortedatum=negen) for _ in range(1209)
    )
    # Aabeek: 3 in both years, plus one who turns 5 on 15 August of `jaar` (leerplichtig
    # from 1 September, so counted on 1 October of `jaar` but not a year earlier).
    a1, a2, a3 = PersoonFactory.create_batch(3, gemeente=aabeek, geboortedatum=negen)
    PersoonFactory(gemeente=aabeek, geboortedatum=date(jaar.beginjaar - 5, 8, 15))
    n1 = Persoon.objects.filter(gemeente=noord).first()

    # Werkprocessen: Aabeek 2 now and 1 before; Noorddorp 1 now and 0 before.
    w = WerkprocesFactory(persoon=a1, geopend=in_jaar(jaar))
    WerkprocesFactory(persoon=a2, geopend=in_jaar(jaar, 100))
    WerkprocesFactory(persoon=a1, geopend=in_jaar(vorig))
    WerkprocesFactory(persoon=n1, geopend=in_jaar(jaar))

    # Meldingen in Aabeek: now 1 absoluut, 2 wettelijk (one person), 1 luxe, 5 overig;
    # before 1 wettelijk.
    MeldingFactory(persoon=a3, datum=in_jaar(jaar), soort="absoluut")
    MeldingFactory(persoon=a1, datum=in_jaar(jaar), soort="wettelijk")
    MeldingFactory(persoon=a1, datum=in_jaar(jaar, 60), soort="wettelijk")
    MeldingFactory(persoon=a2, datum=in_jaar(jaar), soort="luxe")
    MeldingFactory.create_batch(5, persoon=a2, datum=in_jaar(jaar, 200), soort="overig")
    MeldingFactory(persoon=a1, datum=in_jaar(vorig), soort="wettelijk")

    # Handhaving in Aabeek, now: 1 proces-verbaal, 1 Halt, 1 waarschuwing (not shown).
    InterventieFactory(
        werkproces=w,
        datum=in_jaar(jaar, 90),
        soort="proces_verbaal",
        tegen="ouders",
        verzuim="relatief",
    )
    InterventieFactory(werkproces=w, datum=in_jaar(jaar, 80), soort="halt", uitkomst="positief")
    InterventieFactory(werkproces=w, datum=in_jaar(jaar, 70), soort="waarschuwing")

    # Thuiszitters in Noorddorp: 1 new now, 1 new before.
    ThuiszitterFactory(persoon=n1, van=in_jaar(jaar))
    ThuiszitterFactory(
        persoon=n1, van=in_jaar(vorig), tot=in_jaar(vorig, 60), reden_einde="opgelost"
    )

    # Vrijstellingen in Aabeek: now 1 toegekend and 1 afgewezen; before 2 toegekend.
    VrijstellingFactory(persoon=a3, grond="5a", besluitdatum=in_jaar(jaar))
    VrijstellingFactory(persoon=a2, grond="5c", besluit="afgewezen", besluitdatum=in_jaar(jaar))
    VrijstellingFactory(persoon=a3, grond="3a", besluitdatum=in_jaar(vorig))
    VrijstellingFactory(persoon=a2, grond="15", besluitdatum=in_jaar(vorig))

    # Vsv in Noorddorp: 1 new now.
    VsvFactory(persoon=n1, uitgeschreven=in_jaar(jaar))
    return jaar
