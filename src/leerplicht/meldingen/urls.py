from django.urls import path

from . import views

app_name = "meldingen"
urlpatterns = [
    path("", views.wachtrij, name="wachtrij"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("upload/", views.upload, name="upload"),
    path("te-laat-per-school/", views.te_laat_per_school, name="te_laat_per_school"),
    path("toewijzing/", views.toewijzing, name="toewijzing"),
    path("toewijzing/<int:regel_id>/", views.toewijzing_wijzigen, name="toewijzing_wijzigen"),
    path(
        "toewijzing/<int:regel_id>/verwijderen/",
        views.toewijzing_verwijderen,
        name="toewijzing_verwijderen",
    ),
    # Fixed paths first: a meldingsnummer is never one of these words (they hold digits).
    path("<str:meldingsnummer>/", views.melding, name="melding"),
    path("<str:meldingsnummer>/route/", views.melding_route, name="melding_route"),
]
