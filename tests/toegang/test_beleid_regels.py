"""Each rule of toegang/beleid.py, against hand-written expectations (never derived from it)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import models
from hypothesis import given
from hypothesis import strategies as st
from toegangswereld import ANDER, EIGEN, ZONDER_ROL, Wereld, maak_gebruiker

from leerplicht.domein.doorstroompunt_doelgroep import in_doelgroep_doorstroompunt
from leerplicht.domein.leeftijd import leeftijd_op
from leerplicht.domein.rollen import VEREIST_TWEE_FACTOREN, ZIET_CIJFERS, ZIET_DOSSIERS, Rol
from leerplicht.doorstroompunt.models import Vsv
from leerplicht.meldingen.models import Melding
from leerplicht.register.models import Gemeente, Inschrijving, Persoon
from leerplicht.thuiszitters.models import Thuiszitter
from leerplicht.toegang import beleid
from leerplicht.toegang.beleid import BEVOEGDHEDEN, Dossierbereik
from leerplicht.vrijstellingen.models import Vrijstelling
from leerplicht.werkprocessen.models import Interventie, Werkproces

LEERPLICHTTEAM = (Rol.ADMINISTRATIEF_MEDEWERKER, Rol.LEERPLICHTAMBTENAAR, Rol.TEAMMANAGER)
ZONDER_DOSSIERS = (Rol.BELEIDSMEDEWERKER, Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER)


# --- the table -------------------------------------------------------------------------


def test_elke_rol_staat_in_de_tabel():
    assert set(BEVOEGDHEDEN) == set(Rol)


def test_tabel_klopt_met_de_rollen_van_het_domein():
    assert {r for r, b in BEVOEGDHEDEN.items() if b.dossiers != Dossierbereik.GEEN} == set(
        ZIET_DOSSIERS
    )
    assert {r for r, b in BEVOEGDHEDEN.items() if b.cijfers} == set(ZIET_CIJFERS)
    # Everyone who sees person data or controls who does signs in with a second factor.
    assert set(ZIET_DOSSIERS) | {Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER} <= set(
        VEREIST_TWEE_FACTOREN
    )


def test_tabel_per_rol():
    verwacht = {
        Rol.ADMINISTRATIEF_MEDEWERKER: ("gemeente", True, False, False),
        Rol.LEERPLICHTAMBTENAAR: ("gemeente", True, False, False),
        Rol.CONSULENT_DOORSTROOMPUNT: ("doorstroompunt", True, False, False),
        Rol.TEAMMANAGER: ("gemeente", True, False, False),
        Rol.BELEIDSMEDEWERKER: ("geen", True, False, False),
        Rol.APPLICATIEBEHEERDER: ("geen", False, False, True),
        Rol.PRIVACY_OFFICER: ("geen", False, True, False),
    }
    for rol, (dossiers, cijfers, auditlog, beheer) in verwacht.items():
        b = BEVOEGDHEDEN[rol]
        assert (b.dossiers.value, b.cijfers, b.auditlog, b.beheer) == (
            dossiers,
            cijfers,
            auditlog,
            beheer,
        ), rol


@pytest.mark.django_db
def test_vragen_per_rol(wereld: Wereld):
    g = wereld.gebruikers
    assert beleid.leest_auditlog(g[Rol.PRIVACY_OFFICER])
    assert not beleid.leest_auditlog(g[Rol.TEAMMANAGER])
    assert beleid.beheert(g[Rol.APPLICATIEBEHEERDER])
    assert not beleid.beheert(g[Rol.PRIVACY_OFFICER])
    assert beleid.ziet_cijfers(g[Rol.BELEIDSMEDEWERKER])
    assert not beleid.ziet_dossiers(g[Rol.BELEIDSMEDEWERKER])
    assert not beleid.ziet_cijfers(g[ZONDER_ROL])
    assert beleid.gemeenten_van(g[Rol.LEERPLICHTAMBTENAAR]) == {EIGEN}


# --- persons and records per rol ---------------------------------------------------------


def _zichtbaar(gebruiker, model: type[models.Model]) -> set[str]:
    return {str(pk) for pk in beleid.zichtbaar(gebruiker, model).values_list("pk", flat=True)}


@pytest.mark.django_db
@pytest.mark.parametrize("rol", LEERPLICHTTEAM)
def test_leerplichtteam_ziet_alles_van_de_eigen_gemeente(wereld: Wereld, rol):
    gebruiker = wereld.gebruikers[rol]
    assert _zichtbaar(gebruiker, Persoon) == {"EIGENKIND", "EIGENJONGERE"}
    assert _zichtbaar(gebruiker, Werkproces) == {"W-EIGENKIND", "W-EIGENJONGERE"}
    assert _zichtbaar(gebruiker, Interventie) == {"I-EIGENKIND", "I-EIGENJONGERE"}
    assert _zichtbaar(gebruiker, Melding) == {"M-EIGENKIND", "M-EIGENJONGERE"}
    assert _zichtbaar(gebruiker, Vrijstelling) == {"V-EIGENKIND"}
    assert _zichtbaar(gebruiker, Thuiszitter) == {"T-EIGENKIND"}
    assert _zichtbaar(gebruiker, Vsv) == {"S-EIGENJONGERE"}
    assert {i.persoon_id for i in beleid.zichtbaar(gebruiker, Inschrijving)} == {
        "EIGENKIND",
        "EIGENJONGERE",
    }


@pytest.mark.django_db
def test_consulent_doorstroompunt_ziet_alleen_het_18plus_werk(wereld: Wereld):
    dsp = wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT]
    # The 20-year-old of the own gemeente, not the 12-year-old of the same gemeente.
    assert _zichtbaar(dsp, Persoon) == {"EIGENJONGERE"}
    assert _zichtbaar(dsp, Werkproces) == {"W-EIGENJONGERE"}
    assert _zichtbaar(dsp, Interventie) == {"I-EIGENJONGERE"}
    assert _zichtbaar(dsp, Melding) == {"M-EIGENJONGERE"}
    assert _zichtbaar(dsp, Vsv) == {"S-EIGENJONGERE"}
    assert _zichtbaar(dsp, Vrijstelling) == set()
    assert _zichtbaar(dsp, Thuiszitter) == set()
    assert {i.persoon_id for i in beleid.zichtbaar(dsp, Inschrijving)} == {"EIGENJONGERE"}


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [*ZONDER_DOSSIERS, None])
def test_rollen_zonder_dossiers_zien_geen_persoon(wereld: Wereld, rol):
    gebruiker = wereld.gebruikers[rol or ZONDER_ROL]
    for model in beleid.ZICHTBAAR:
        assert not beleid.zichtbaar(gebruiker, model).exists(), (rol, model.__name__)


@pytest.mark.django_db
def test_superuser_zonder_rol_ziet_niets(wereld: Wereld, django_user_model):
    baas = django_user_model.objects.create_superuser("baas", password="een-lang-wachtwoord")
    assert not beleid.personen_voor(baas).exists()


@pytest.mark.django_db
def test_inactief_account_ziet_niets(wereld: Wereld):
    lpa = wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]
    lpa.is_active = False
    lpa.save()
    assert beleid.rol_van(lpa) is None
    assert not beleid.personen_voor(lpa).exists()


@pytest.mark.django_db
def test_zonder_gemeenten_ziet_een_lpa_niets(wereld: Wereld):
    lpa = maak_gebruiker("lpa.zonder.gemeente", Rol.LEERPLICHTAMBTENAAR, [])
    assert beleid.rol_van(lpa) == Rol.LEERPLICHTAMBTENAAR
    assert not beleid.personen_voor(lpa).exists()
    assert not beleid.werkprocessen_voor(lpa).exists()


@pytest.mark.django_db
def test_meer_gemeenten_meer_personen(wereld: Wereld):
    lpa = maak_gebruiker("lpa.twee", Rol.LEERPLICHTAMBTENAAR, [wereld.eigen, wereld.ander])
    assert _zichtbaar(lpa, Persoon) == {"EIGENKIND", "EIGENJONGERE", "ANDERKIND", "ANDERJONGERE"}


@pytest.mark.django_db
def test_verhuisde_persoon_met_dossier_in_eigen_gemeente(wereld: Wereld):
    """Someone living in the other gemeente with a case of the own gemeente: the LPA opens
    the person and the own case, never the other gemeente's case."""
    verhuisd = wereld.personen["ander_kind"].persoon
    Werkproces.objects.create(
        id="W-VERHUISD", persoon=verhuisd, gemeente=wereld.eigen, type="absoluut_verzuim",
        geopend=date(2024, 8, 20),
    )  # fmt: skip
    lpa = wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]
    assert "ANDERKIND" in _zichtbaar(lpa, Persoon)
    assert "ANDERJONGERE" not in _zichtbaar(lpa, Persoon)
    van_hem = set(
        beleid.werkprocessen_voor(lpa).filter(persoon=verhuisd).values_list("pk", flat=True)
    )
    assert van_hem == {"W-VERHUISD"}
    assert not beleid.meldingen_voor(lpa).filter(persoon=verhuisd).exists()
    # The consulent DSP does not: an absoluut verzuim case is leerplicht work.
    assert "ANDERKIND" not in _zichtbaar(wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT], Persoon)


@pytest.mark.django_db
def test_mag_zien_volgt_de_querysets(wereld: Wereld):
    objecten = [
        *Persoon.objects.all(), *Inschrijving.objects.all(), *Melding.objects.all(),
        *Werkproces.objects.all(), *Interventie.objects.all(), *Vrijstelling.objects.all(),
        *Thuiszitter.objects.all(), *Vsv.objects.all(),
    ]  # fmt: skip
    lpa = wereld.gebruikers[Rol.LEERPLICHTAMBTENAAR]
    dsp = wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT]
    beleidsmw = wereld.gebruikers[Rol.BELEIDSMEDEWERKER]
    for obj in objecten:
        eigen = getattr(obj, "gemeente_id", None) or _gemeente_van(obj)
        assert beleid.mag_zien(lpa, obj) == (eigen == EIGEN), obj
        assert not beleid.mag_zien(beleidsmw, obj), obj
    assert beleid.mag_zien(dsp, wereld.personen["eigen_jongere"].persoon)
    assert not beleid.mag_zien(dsp, wereld.personen["eigen_kind"].persoon)
    assert not beleid.mag_zien(dsp, Werkproces.objects.get(pk="W-EIGENKIND"))
    assert not beleid.mag_zien(dsp, Vrijstelling.objects.get(pk="V-EIGENKIND"))


def _gemeente_van(obj) -> str:
    if isinstance(obj, Interventie):
        return obj.werkproces.gemeente_id
    return obj.persoon.gemeente_id


@pytest.mark.django_db
def test_onbekend_model_faalt_dicht(wereld: Wereld):
    with pytest.raises(TypeError, match="geen toegangsregel"):
        beleid.mag_zien(wereld.gebruikers[Rol.TEAMMANAGER], wereld.eigen)


def test_elk_model_met_persoonsgegevens_heeft_een_regel():
    """A new model pointing at a person (or at a record of one) needs its `*_voor`."""
    met_regel = set(beleid.ZICHTBAAR)
    for model in apps.get_models():
        if model in met_regel:
            continue
        naar = {
            f.related_model
            for f in model._meta.get_fields()
            if f.is_relation and not f.auto_created
        }
        assert not (naar & met_regel), (
            f"{model.__name__} verwijst naar persoonsgegevens: voeg een regel toe aan "
            "leerplicht.toegang.beleid.ZICHTBAAR"
        )


# --- the Doorstroompunt doelgroep --------------------------------------------------------


@pytest.fixture
def dsp_eigen(wereld: Wereld):
    return wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT]


def _persoon(wereld: Wereld, pk: str, geboortedatum: date, **velden) -> Persoon:
    return Persoon.objects.create(
        id=pk, geboortedatum=geboortedatum, gemeente=wereld.eigen, **velden
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("geboortedatum", "peildatum", "zichtbaar"),
    [
        (date(2007, 3, 10), date(2025, 3, 10), True),  # 18 today
        (date(2007, 3, 11), date(2025, 3, 10), False),  # 18 tomorrow
        (date(2002, 3, 11), date(2025, 3, 10), True),  # 22, the day before turning 23
        (date(2002, 3, 10), date(2025, 3, 10), False),  # 23 today, under the old rule
        (date(2001, 6, 1), date(2025, 12, 31), False),  # 24 on the last day of the old rule
        (date(2001, 6, 1), date(2026, 1, 1), True),  # 24 under the Wet van school naar werk
        (date(1999, 1, 1), date(2026, 1, 1), False),  # 27
        (date(2008, 2, 29), date(2026, 2, 28), False),  # born 29 Feb: 18 on 1 March 2026
        (date(2008, 2, 29), date(2026, 3, 1), True),
    ],
)
def test_doelgroep_op_leeftijd(wereld, dsp_eigen, geboortedatum, peildatum, zichtbaar):
    _persoon(wereld, "JONG", geboortedatum)
    gezien = beleid.personen_voor(dsp_eigen, peildatum=peildatum).filter(pk="JONG").exists()
    assert gezien is zichtbaar
    assert in_doelgroep_doorstroompunt(geboortedatum, peildatum) is zichtbaar


@pytest.mark.django_db
def test_doelgroep_zonder_startkwalificatie(wereld, dsp_eigen):
    peildatum = date(2025, 3, 10)
    _persoon(wereld, "MET", date(2005, 1, 1), startkwalificatie=date(2024, 7, 1))
    _persoon(wereld, "LATER", date(2005, 1, 1), startkwalificatie=date(2025, 7, 1))
    gezien = set(beleid.personen_voor(dsp_eigen, peildatum=peildatum).values_list("pk", flat=True))
    assert "MET" not in gezien
    assert "LATER" in gezien  # not yet obtained on the peildatum


@pytest.mark.django_db
def test_doorstroompuntwerk_blijft_zichtbaar(wereld, dsp_eigen):
    """Own work stays open: a JIKP pupil of 16, and a vsv'er who is 30 by now."""
    jikp = _persoon(wereld, "JIKP", date(2009, 5, 5))
    Werkproces.objects.create(
        id="W-JIKP", persoon=jikp, gemeente=wereld.eigen, type="jikp", geopend=date(2025, 9, 1)
    )
    oud = _persoon(wereld, "OUD", date(1996, 5, 5), startkwalificatie=date(2020, 1, 1))
    Vsv.objects.create(
        id="S-OUD", persoon=oud, gemeente=wereld.eigen, uitgeschreven=date(2015, 9, 1)
    )
    kind = _persoon(wereld, "KIND", date(2013, 5, 5))
    Werkproces.objects.create(
        id="W-KIND", persoon=kind, gemeente=wereld.eigen, type="zorg_preventie",
        geopend=date(2025, 9, 1),
    )  # fmt: skip
    gezien = set(beleid.personen_voor(dsp_eigen).values_list("pk", flat=True))
    assert {"JIKP", "OUD"} <= gezien
    assert "KIND" not in gezien


@pytest.mark.django_db
def test_doorstroompunt_van_een_andere_gemeente_ziet_niets(wereld):
    dsp_ander = maak_gebruiker("dsp.ander", Rol.CONSULENT_DOORSTROOMPUNT, [wereld.ander])
    assert set(beleid.personen_voor(dsp_ander).values_list("pk", flat=True)) == {"ANDERJONGERE"}
    assert wereld.ander.code == ANDER


@pytest.mark.django_db
def test_melding_18plus_zonder_werkproces(wereld, dsp_eigen):
    """A melding verzuim 18+ alone makes the person visible to the Doorstroompunt."""
    p = _persoon(wereld, "GEMELD", date(1990, 1, 1))
    Melding.objects.create(
        meldingsnummer="M-GEMELD", persoon=p, gemeente=wereld.eigen, datum=date(2025, 1, 6),
        soort="18plus",
    )  # fmt: skip
    assert beleid.personen_voor(dsp_eigen).filter(pk="GEMELD").exists()
    assert beleid.meldingen_voor(dsp_eigen).filter(pk="M-GEMELD").exists()


datums = st.dates(min_value=date(1904, 1, 1), max_value=date(2096, 12, 31))


@given(peildatum=datums, leeftijd=st.integers(min_value=0, max_value=100))
def test_uiterste_geboortedatum(peildatum: date, leeftijd: int):
    uiterst = beleid.uiterste_geboortedatum(leeftijd, peildatum)
    assert leeftijd_op(uiterst, peildatum) >= leeftijd
    assert leeftijd_op(uiterst + timedelta(days=1), peildatum) < leeftijd


def test_uiterste_geboortedatum_29_februari():
    # Born 29 Feb 2008: 18 on 1 March 2026 (domein.leeftijd), not on 28 February.
    assert beleid.uiterste_geboortedatum(18, date(2026, 2, 28)) == date(2008, 2, 28)
    assert beleid.uiterste_geboortedatum(18, date(2026, 3, 1)) == date(2008, 3, 1)
    assert beleid.uiterste_geboortedatum(18, date(2024, 2, 29)) == date(2006, 2, 28)


def test_gemeente_model_is_geen_persoonsgegeven():
    assert Gemeente not in beleid.ZICHTBAAR


@pytest.mark.django_db
def test_privacy_officer_inzage_alleen_eigen_gemeenten(wereld: Wereld):
    """The privacy officer opens no dossier, but may answer inzage of the own gemeenten."""
    privacy = wereld.gebruikers[Rol.PRIVACY_OFFICER]
    assert not beleid.personen_voor(privacy).exists()
    gezien = set(beleid.personen_voor_inzage(privacy).values_list("pk", flat=True))
    assert gezien == {"EIGENKIND", "EIGENJONGERE"}
    for rol in (Rol.LEERPLICHTAMBTENAAR, Rol.APPLICATIEBEHEERDER, Rol.BELEIDSMEDEWERKER):
        assert not beleid.personen_voor_inzage(wereld.gebruikers[rol]).exists(), rol


def test_warme_overdracht_alleen_van_de_eigen_gemeente(wereld: Wereld):
    """The consulent DSP sees the leerplicht werkprocessen transferred at 18 of the own
    gemeente (to take them on), no other leerplicht werkproces; figures-only rollen none."""
    vandaag = date.today()
    for sleutel in ("eigen_kind", "ander_kind"):
        Werkproces.objects.filter(pk=wereld.personen[sleutel].records["werkproces"]).update(
            gesloten=vandaag, resultaat="overdracht_dsp"
        )
    consulent = wereld.gebruikers[Rol.CONSULENT_DOORSTROOMPUNT]
    assert list(beleid.overdrachten_voor(consulent).values_list("pk", flat=True)) == [
        wereld.personen["eigen_kind"].records["werkproces"]
    ]
    assert not beleid.werkprocessen_voor(consulent).filter(type="relatief_verzuim").exists()
    for rol in (Rol.BELEIDSMEDEWERKER, Rol.APPLICATIEBEHEERDER, Rol.PRIVACY_OFFICER):
        assert not beleid.overdrachten_voor(wereld.gebruikers[rol]).exists()
