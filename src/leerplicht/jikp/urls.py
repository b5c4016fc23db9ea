from django.urls import path

from . import views

app_name = "jikp"
urlpatterns = [
    path("", views.lijst, name="lijst"),
]
