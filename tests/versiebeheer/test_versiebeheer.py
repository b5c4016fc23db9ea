"""Optimistic locking (leerplicht.versiebeheer): the second writer with the same versie
gets a conflict and nothing of theirs is saved, also when both write at the same moment."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from leerplicht.versiebeheer import Versieconflict, neem_versie
from leerplicht.werkprocessen.models import Werkproces
from portaal.fabrieken import WerkprocesFactory


@pytest.mark.django_db
def test_tweede_met_dezelfde_versie_krijgt_een_conflict():
    w = WerkprocesFactory()
    assert neem_versie(Werkproces, w.pk, 1, wat="dit werkproces") == 2
    with pytest.raises(Versieconflict) as conflict:
        neem_versie(Werkproces, w.pk, 1, wat="dit werkproces")
    assert str(conflict.value) == (
        "Iemand anders heeft dit werkproces intussen gewijzigd. Laad de pagina opnieuw; "
        "uw wijziging is niet opgeslagen."
    )
    assert Werkproces.objects.get(pk=w.pk).versie == 2
    assert neem_versie(Werkproces, w.pk, None, wat="dit werkproces") is None  # no check
    assert Werkproces.objects.get(pk=w.pk).versie == 3


@pytest.mark.django_db
def test_terugdraaien_geeft_de_versie_terug():
    w = WerkprocesFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        neem_versie(Werkproces, w.pk, 1, wat="dit werkproces")
        raise RuntimeError("een regel van de wet faalt na het nemen van de versie")
    assert Werkproces.objects.get(pk=w.pk).versie == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="echte gelijktijdigheid: PostgreSQL")
def test_twee_tegelijk_precies_een_wint():
    w = WerkprocesFactory()
    start = threading.Barrier(2)
    uitkomsten: list[str] = []

    def schrijver() -> None:
        try:
            start.wait()
            with transaction.atomic():
                neem_versie(Werkproces, w.pk, 1, wat="dit werkproces")
            uitkomsten.append("gelukt")
        except Versieconflict:
            uitkomsten.append("conflict")
        finally:
            connection.close()

    draden = [threading.Thread(target=schrijver) for _ in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert sorted(uitkomsten) == ["conflict", "gelukt"]
    assert Werkproces.objects.get(pk=w.pk).versie == 2
