from django.urls import path

from . import views

app_name = "thuiszitters"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("bevestigen/", views.bevestigen, name="bevestigen"),
    # The internal id of the period only.
    path("<str:thuiszitter_id>/", views.periode, name="periode"),
]
