from django.urls import path

from leerplicht.aanmelden.middleware import zonder_tweede_factor

from . import views

app_name = "portaal"
urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.Inloggen.as_view(), name="inloggen"),
    path("uitloggen/", zonder_tweede_factor(views.Uitloggen.as_view()), name="uitloggen"),
]
