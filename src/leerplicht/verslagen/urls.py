from django.urls import path

from . import views, views_benchmark

app_name = "verslagen"
urlpatterns = [
    # The choice (school year, gemeente code, format) is in the query string: no person data.
    path("jaarverslag/", views.jaarverslag, name="jaarverslag"),
    path("jaarverslag/bestand/", views.bestand, name="bestand"),
    path("jaarverslag/tekst/", views.tekst, name="tekst"),
    path("infographic/", views.infographic, name="infographic"),
    path("benchmark/", views_benchmark.benchmark, name="benchmark"),
    path(
        "benchmark/<int:cijfer_id>/verwijderen/",
        views_benchmark.verwijderen,
        name="benchmark_verwijderen",
    ),
]
