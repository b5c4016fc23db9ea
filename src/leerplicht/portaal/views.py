"""Pages of the portaal: inloggen, uitloggen and the start page with the key figures."""

from __future__ import annotations

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from leerplicht.cijfers.rapport import maak_rapport
from leerplicht.domein.schooljaar import laatste_afgesloten_schooljaar
from leerplicht.register.models import Persoon

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


class Uitloggen(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET)."""


@require_safe
@login_required
def start(request: HttpRequest) -> HttpResponse:
    schooljaar = laatste_afgesloten_schooljaar(timezone.localdate())
    context: dict = {"schooljaar": schooljaar.naam}
    if Persoon.objects.exists():
        context["kerncijfers"] = kerncijfers(
            maak_rapport(schooljaar), maak_rapport(schooljaar.vorige())
        )
    return render(request, "portaal/start.html", context)
