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

# Task H (issue 5): the Doorstroompunt's 18+ work (werkprocessen.views_18plus).
from . import views_18plus  # noqa: E402

urlpatterns += [
    path(
        "persoon/<str:persoon_id>/zorg-preventie-18plus/",
        views_18plus.zorg_preventie_18plus_openen,
        name="zorg_preventie_18plus_openen",
    ),
    path(
        "<str:werkproces_id>/uitkomst-18plus/",
        views_18plus.uitkomst_18plus,
        name="uitkomst_18plus",
    ),
]
