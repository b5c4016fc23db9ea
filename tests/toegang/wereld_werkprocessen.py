"""The werkproces page's records in the test world: a notitie and a document in every
person's werkproces, with texts that identify them, so the leak check looks for them."""

from __future__ import annotations

from django.utils import timezone
from toegangswereld import Wereld

from leerplicht.werkprocessen.models import Document, Notitie, Werkproces


def breid_uit(wereld: Wereld) -> None:
    for wp in wereld.personen.values():
        code = wp.persoon.pk
        werkproces = Werkproces.objects.get(pk=wp.records["werkproces"])
        Notitie.objects.create(
            werkproces=werkproces,
            tijdstip=timezone.now(),
            door="leerplichtambtenaar",
            tekst=f"Notitie-{code}-gebeld",
        )
        document = Document.objects.create(
            persoon=wp.persoon,
            werkproces=werkproces,
            soort="verzuimstaat",
            titel=f"Verzuimstaat-{code}",
            bestandsnaam=f"staat-{code}.pdf",
            mediatype="application/pdf",
            inhoud=f"%PDF-1.4 Inhoud-{code}".encode(),
            aangemaakt_op=timezone.now(),
        )
        wp.records |= {
            "notitie": f"Notitie-{code}-gebeld",
            "document": f"Verzuimstaat-{code}",
            "document_inhoud": f"Inhoud-{code}",
            "document_url": f"/werkprocessen/document/{document.pk}/",
        }
