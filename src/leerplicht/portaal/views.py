"""Pages of the portaal: inloggen, uitloggen and the start page with the key figures."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.register.models import Gemeente, Persoon
from leerplicht.toegang.beleid import gemeenten_van, rol_van, ziet_cijfers
from leerplicht.toegang.uitleg import uitleg_voor

from .kerncijfers import kerncijfers


class Inlogformulier(AuthenticationForm):
    """Django's sign-in form with the classes of the NL Design System text boxes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            widget: forms.Widget = veld.widget
            widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["spellcheck"] = "false"
        username = self.fields["username"].widget.attrs
        username["autocapitalize"] = "none"
        # No autofocus: keyboard and screen reader users start at the top of the page
        # (skip link, header), as on every other page.
        username.pop("autofocus", None)


class Inloggen(auth_views.LoginView):
    template_name = "portaal/inloggen.html"
    authentication_form = Inlogformulier
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs) -> dict:
        """Single sign-on next to the form, when LEERPLICHT_OIDC_* are set (aanmelden)."""
        context = super().get_context_data(**kwargs)
        context["oidc_aan"] = settings.OIDC_AAN
        context["oidc_knoptekst"] = getattr(settings, "LEERPLICHT_OIDC_KNOPTEKST", "")
        return context


class Uitloggen(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET)."""


@require_safe
@login_required
def start(request: HttpRequest) -> HttpResponse:
    """Key figures over the user's own gemeenten, for rollen that see figures (beleid)."""
    schooljaar = laatste_afgesloten_schooljaar(timezone.localdate())
    gemeenten = sorted(gemeenten_van(request.user))
    context: dict = {
        "schooljaar": schooljaar.naam,
        "ziet_cijfers": ziet_cijfers(request.user),
        "rol": rol_van(request.user),
        "gemeenten": Gemeente.objects.filter(code__in=gemeenten),
        "uitleg": uitleg_voor(request.user),
    }
    if context["ziet_cijfers"] and Persoon.objects.filter(gemeente__in=gemeenten).exists():
        # Frozen figures of closed school years where there are (leerplicht.bewaren).
        context["kerncijfers"] = kerncijfers(
            rapport_van(schooljaar, gemeenten=gemeenten),
            rapport_van(schooljaar.vorige(), gemeenten=gemeenten),
        )
    return render(request, "portaal/start.html", context)
