from django.urls import path

from . import views

app_name = "vrijstellingen"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("verlof/nieuw/", views.verlof_nieuw, name="verlof_nieuw"),
    path("verlof/<int:pk>/", views.verlof, name="verlof"),
    # Internal vrijstelling ids only (no personal data).
    path("<str:vrijstelling_id>/", views.vrijstelling, name="vrijstelling"),
]
