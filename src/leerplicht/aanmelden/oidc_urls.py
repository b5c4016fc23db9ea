"""URLs of single sign-on (OpenID Connect).

Always in the URL configuration, so the authorisation matrix test sees and checks
them; they answer 404 while SSO is not configured (settings.OIDC_AAN false).
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import path
from mozilla_django_oidc import views

from .middleware import zonder_tweede_factor
from .oidc import GemeenteCallbackView


def alleen_met_sso(view):
    """The library's view only when OIDC is configured; it reads its settings per request."""

    @wraps(view)
    def bewaakt(request, *args, **kwargs):
        if not settings.OIDC_AAN:
            raise Http404("Single sign-on is niet ingesteld.")
        return view(request, *args, **kwargs)

    return bewaakt


urlpatterns = [
    path(
        "callback/",
        zonder_tweede_factor(login_not_required(alleen_met_sso(GemeenteCallbackView.as_view()))),
        name="oidc_authentication_callback",
    ),
    path(
        "inloggen/",
        login_not_required(alleen_met_sso(views.OIDCAuthenticationRequestView.as_view())),
        name="oidc_authentication_init",
    ),
]
