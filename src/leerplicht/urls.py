from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("leerplicht.portaal.urls")),
    path("", include("leerplicht.aanmelden.urls")),
    path("", include("leerplicht.register.urls")),
    path("audit/", include("leerplicht.audit.urls")),
]
if settings.OIDC_AAN:
    urlpatterns.append(path("sso/", include("leerplicht.aanmelden.oidc_urls")))
