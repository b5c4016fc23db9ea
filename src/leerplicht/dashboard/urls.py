from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    # Filters and drill-down questions are codes in the query string: no person data.
    path("", views.onderwerp, name="start"),
    # Before "<slug:onderwerp>/": otherwise the word would be taken for a tab.
    path("werkprocessen/", views.werkprocessen, name="werkprocessen"),
    path("<slug:onderwerp>/", views.onderwerp, name="onderwerp"),
]
