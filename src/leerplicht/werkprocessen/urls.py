from django.urls import path

from . import views

app_name = "werkprocessen"
urlpatterns = [
    # Internal ids only in URLs; never a name or BSN.
    path("document/<int:pk>/", views.document, name="document"),
    path("<str:werkproces_id>/", views.werkproces, name="werkproces"),
    path(
        "<str:werkproces_id>/interventie/",
        views.interventie_toevoegen,
        name="interventie_toevoegen",
    ),
    path("<str:werkproces_id>/halt-uitkomst/", views.halt_uitkomst, name="halt_uitkomst"),
    path("<str:werkproces_id>/om-gegevens/", views.om_gegevens, name="om_gegevens"),
    path("<str:werkproces_id>/notitie/", views.notitie_toevoegen, name="notitie_toevoegen"),
    path("<str:werkproces_id>/document/", views.document_uploaden, name="document_uploaden"),
    path("<str:werkproces_id>/sluiten/", views.sluiten, name="sluiten"),
    path("<str:werkproces_id>/overdragen-dsp/", views.overdragen_dsp, name="overdragen_dsp"),
    path("<str:werkproces_id>/heropenen/", views.heropenen, name="heropenen"),
    path("<str:werkproces_id>/behandelaar/", views.behandelaar, name="behandelaar"),
]
