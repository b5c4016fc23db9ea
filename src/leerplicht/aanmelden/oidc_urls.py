"""URLs of single sign-on; included only when OIDC is configured (settings.OIDC_AAN)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from mozilla_django_oidc import views

from .middleware import zonder_tweede_factor

urlpatterns = [
    path(
        "callback/",
        zonder_tweede_factor(login_not_required(views.OIDCAuthenticationCallbackView.as_view())),
        name="oidc_authentication_callback",
    ),
    path(
        "inloggen/",
        login_not_required(views.OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
]
