from django.urls import path

from . import views

app_name = "brieven"
urlpatterns = [
    path("", views.sjablonen, name="sjablonen"),
    path("werkproces/<str:werkproces_id>/", views.versturen, name="versturen"),
    path("<str:soort>/", views.sjabloon, name="sjabloon"),
    path("<str:soort>/voorbeeld/", views.voorbeeld, name="voorbeeld"),
]
