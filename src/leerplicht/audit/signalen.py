"""Entries from Django's signals: sign-in, sign-out, failed sign-in, and ORM changes to
the models that hold person data (before and after, only the changed fields).

Not covered by signals, so logged by the operation itself with one entry: imports
(`leerplicht import`), bulk updates and raw SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from leerplicht.modellen import M, OpModel
from leerplicht.register.models import Inschrijving, Persoon

from .logboek import huidig_verzoek, registreer, vingerafdruk, wijzigingsregels_aan

if TYPE_CHECKING:
    pass


#: The models with person data, and their object_type in the log.
GEVOLGDE_MODELLEN: OpModel[str] = OpModel(
    {
        Persoon: "persoon",
        Inschrijving: "inschrijving",
        "meldingen.Melding": "melding",
        "werkprocessen.Werkproces": "werkproces",
        "werkprocessen.Interventie": "interventie",
        "vrijstellingen.Vrijstelling": "vrijstelling",
        "vrijstellingen.Verlofaanvraag": "verlofaanvraag",
        "thuiszitters.Thuiszitter": "thuiszitter",
        "doorstroompunt.Vsv": "vsv",
        "doorstroompunt.Voorstel": "vsv_voorstel",
        "jikp.Jikpregistratie": "jikpregistratie",
        "werkprocessen.Notitie": "notitie",
        "werkprocessen.Document": "document",
    }
)

_OUD = "_audit_oud"
_PERSOON = "_audit_persoon_id"


# --- Sign-in -----------------------------------------------------------------------------


@receiver(user_logged_in, dispatch_uid="audit_inloggen")
def _ingelogd(sender, request, user, **kwargs) -> None:
    registreer("inloggen", request=request, gebruiker=user)


@receiver(user_logged_out, dispatch_uid="audit_uitloggen")
def _uitgelogd(sender, request, user, **kwargs) -> None:
    if user is not None:
        registreer("uitloggen", request=request, gebruiker=user)


@receiver(user_login_failed, dispatch_uid="audit_inloggen_mislukt")
def _inloggen_mislukt(sender, credentials: dict, request=None, **kwargs) -> None:
    """The attempted name only as a fingerprint: it may be a password typed in the wrong box.

    When an account with that name exists, its id is the object (an attack on one
    account shows up in the screen); the "who" stays empty: nobody signed in.
    """
    Gebruiker = get_user_model()
    naam = str(credentials.get(Gebruiker.USERNAME_FIELD, credentials.get("username", "")))
    account = Gebruiker._default_manager.filter(**{Gebruiker.USERNAME_FIELD: naam}).first()
    registreer(
        "inloggen_mislukt",
        request=request,
        gebruiker=_Niemand(),
        object_type="gebruiker" if account else "",
        object_id=str(account.pk) if account else "",
        # The officers of the account's gemeenten see an attack on it; no account: all.
        gemeenten=_gemeenten_van_account(account),
        toelichting={"gebruikersnaam": vingerafdruk(naam), "stap": _stap(request)},
    )


def _gemeenten_van_account(account) -> frozenset[str]:
    from leerplicht.toegang.beleid import gemeenten_van

    return gemeenten_van(account) if account is not None else frozenset()


def _stap(request) -> str:
    """Password accepted but the second factor failed: the user is already authenticated."""
    gebruiker = getattr(request, "user", None)
    return "tweede_factor" if gebruiker is not None and gebruiker.is_authenticated else "wachtwoord"


class _Niemand:
    """Nobody is signed in (a failed attempt): no user, but still the request's address."""

    is_authenticated = False


# --- Changes to person data ------------------------------------------------------------


def _velden(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def _persoon_id(instance: models.Model) -> str:
    if isinstance(instance, Persoon):
        return str(instance.pk)
    if isinstance(instance, M.Interventie | M.Notitie):
        persoon = (
            M.Werkproces.objects.filter(pk=instance.werkproces_id)
            .values_list("persoon_id", flat=True)
            .first()
        )
        return str(persoon or "")
    if isinstance(instance, M.Voorstel):
        persoon = M.Vsv.objects.filter(pk=instance.vsv_id).values_list("persoon_id", flat=True)
        return str(persoon.first() or "")
    return str(getattr(instance, "persoon_id", "") or "")


def _lees(veld: models.Field, waarde: Any) -> Any:
    """The value as the field reads it ("2012-03-04" and date(2012, 3, 4) are the same)."""
    try:
        return veld.to_python(waarde)
    except Exception:  # a value the field cannot read: keep it as given
        return waarde


def _gelijk(veld: models.Field, a: Any, b: Any) -> bool:
    return _lees(veld, a) == _lees(veld, b)


@receiver(pre_save, dispatch_uid="audit_voor_opslaan")
def _voor_opslaan(sender, instance, raw: bool = False, **kwargs) -> None:
    if sender not in GEVOLGDE_MODELLEN or raw or not wijzigingsregels_aan():
        return
    oud = None
    if instance.pk is not None:
        oud = (
            sender._base_manager.filter(pk=instance.pk)
            .values(*(f.attname for f in _velden(sender)))
            .first()
        )
    instance.__dict__[_OUD] = oud


@receiver(post_save, dispatch_uid="audit_na_opslaan")
def _na_opslaan(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if sender not in GEVOLGDE_MODELLEN or raw or not wijzigingsregels_aan():
        return
    oud = instance.__dict__.pop(_OUD, None)
    object_type = GEVOLGDE_MODELLEN[sender]
    if oud is None:
        registreer(
            "aanmaken",
            object_type=object_type,
            object_id=str(instance.pk),
            persoon_id=_persoon_id(instance),
            velden=[f.name for f in _velden(sender)],
        )
        return
    gewijzigd = [
        f for f in _velden(sender) if not _gelijk(f, oud[f.attname], getattr(instance, f.attname))
    ]
    if not gewijzigd:
        return
    registreer(
        "wijzigen",
        object_type=object_type,
        object_id=str(instance.pk),
        persoon_id=_persoon_id(instance),
        velden=[f.name for f in gewijzigd],
        voor={f.name: oud[f.attname] for f in gewijzigd},
        na={f.name: _lees(f, getattr(instance, f.attname)) for f in gewijzigd},
    )


@receiver(pre_delete, dispatch_uid="audit_voor_verwijderen")
def _voor_verwijderen(sender, instance, **kwargs) -> None:
    if sender in GEVOLGDE_MODELLEN and wijzigingsregels_aan():
        instance.__dict__[_PERSOON] = _persoon_id(instance)


@receiver(post_delete, dispatch_uid="audit_na_verwijderen")
def _na_verwijderen(sender, instance, **kwargs) -> None:
    """Only that it was removed: copying the values here would keep what was meant to go."""
    if sender not in GEVOLGDE_MODELLEN or not wijzigingsregels_aan():
        return
    registreer(
        "verwijderen",
        object_type=GEVOLGDE_MODELLEN[sender],
        object_id=str(instance.pk),
        persoon_id=instance.__dict__.pop(_PERSOON, "") or _persoon_id(instance),
        velden=[],
    )


__all__ = ["GEVOLGDE_MODELLEN", "huidig_verzoek"]
