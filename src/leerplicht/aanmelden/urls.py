from django.urls import path

from . import views

app_name = "aanmelden"
urlpatterns = [
    path("inloggen/code/", views.code, name="code"),
    path("inloggen/tweede-factor/", views.instellen, name="instellen"),
    path("uitloggen/overal/", views.overal, name="overal_uitloggen"),
]
