from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("inzage/", views.inzage, name="inzage"),
]
