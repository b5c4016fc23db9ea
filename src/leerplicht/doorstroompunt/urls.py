from django.urls import path

from . import views

app_name = "doorstroompunt"
urlpatterns = [
    # Internal ids only in URLs; never a name or BSN. The gemeente filter is a code.
    path("", views.overzicht, name="overzicht"),
    # Before "<str:vsv_id>/": otherwise the word would be taken for a traject id.
    path("uitschrijvingen/", views.uitschrijvingen, name="uitschrijvingen"),
    path(
        "overdracht/<str:werkproces_id>/aannemen/",
        views.overdracht_aannemen,
        name="overdracht_aannemen",
    ),
    path("<str:vsv_id>/", views.vsv, name="vsv"),
    path("<str:vsv_id>/monitoring/", views.monitoring, name="monitoring"),
    path("<str:vsv_id>/afronden/", views.afronden, name="afronden"),
    path("<str:vsv_id>/voorstel/", views.voorstel_bevestigen, name="voorstel_bevestigen"),
    path("<str:vsv_id>/voorstel/afwijzen/", views.voorstel_afwijzen, name="voorstel_afwijzen"),
]
