from django.urls import path

from . import views

app_name = "dossier"
urlpatterns = [
    path("personen/", views.zoeken, name="zoeken"),
    # The internal persoonsnummer only; a BSN never goes in a URL.
    path("personen/<str:persoon_id>/", views.persoon, name="persoon"),
    path(
        "personen/<str:persoon_id>/leerplichtfeiten/",
        views.leerplichtfeiten,
        name="leerplichtfeiten",
    ),
]
