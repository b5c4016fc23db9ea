from django.urls import path

from . import views

app_name = "werklijsten"
urlpatterns = [
    path("", views.mijn, name="mijn"),
    path("team/", views.team, name="team"),
]
