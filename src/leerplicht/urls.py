from django.urls import include, path

urlpatterns = [
    path("", include("leerplicht.portaal.urls")),
]
