from django.urls import path

from . import views

app_name = "portaal"
urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.Inloggen.as_view(), name="inloggen"),
    path("uitloggen/", views.Uitloggen.as_view(), name="uitloggen"),
]
