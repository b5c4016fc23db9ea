"""The project's URLs with single sign-on switched on (as when LEERPLICHT_OIDC_* are set)."""

from django.urls import include, path

from leerplicht.urls import urlpatterns as basis

urlpatterns = [*basis, path("sso/", include("leerplicht.aanmelden.oidc_urls"))]
