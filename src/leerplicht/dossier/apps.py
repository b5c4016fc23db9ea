"""The dossier of a person: searching, the dossier page, recording the facts of the law.

The page shows every app's records about one person (meldingen, werkprocessen,
vrijstellingen, thuiszitperiodes, vsv), so it sits above them all, in the layer of the
pages that span the work (architectuur.md, "Lagen"); who sees what is still decided by
`toegang.beleid` alone.
"""

from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "leerplicht.dossier"
    verbose_name = "Dossier"
