from django.urls import include, path

from leerplicht.dashboard.views_doorstroompunt import cijfers as doorstroompunt_cijfers
from leerplicht.doorstroompunt import urls as doorstroompunt_urls

urlpatterns = [
    path("", include("leerplicht.portaal.urls")),
    path("", include("leerplicht.aanmelden.urls")),
    path("", include("leerplicht.dossier.urls")),
    path("werk/", include("leerplicht.werklijsten.urls")),
    path("meldingen/", include("leerplicht.meldingen.urls")),
    path("werkprocessen/", include("leerplicht.werkprocessen.urls")),
    path("vrijstellingen/", include("leerplicht.vrijstellingen.urls")),
    path("thuiszitters/", include("leerplicht.thuiszitters.urls")),
    path("brieven/", include("leerplicht.brieven.urls")),
    # The Doorstroompunt's figures are a report page (dashboard, a layer above the
    # doorstroompunt app); its address and name stay doorstroompunt:cijfers.
    path(
        "doorstroompunt/",
        include(
            (
                [
                    path("cijfers/", doorstroompunt_cijfers, name="cijfers"),
                    *doorstroompunt_urls.urlpatterns,
                ],
                doorstroompunt_urls.app_name,
            )
        ),
    ),
    path("jikp/", include("leerplicht.jikp.urls")),
    path("audit/", include("leerplicht.audit.urls")),
    path("dashboard/", include("leerplicht.dashboard.urls")),
    path("verslagen/", include("leerplicht.verslagen.urls")),
    # Single sign-on: 404 unless LEERPLICHT_OIDC_* are set (docs/beheer/oidc.md).
    path("sso/", include("leerplicht.aanmelden.oidc_urls")),
]
