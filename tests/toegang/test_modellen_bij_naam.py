"""The models above toegang and audit, reached by name (leerplicht/modellen.py): every name
resolves to its model, and the lists of person-data models agree with each other."""

from __future__ import annotations

import pytest

from leerplicht.audit.inzage import ONDERDELEN
from leerplicht.audit.signalen import GEVOLGDE_MODELLEN
from leerplicht.meldingen.models import Melding
from leerplicht.modellen import LABELS, M, OpModel
from leerplicht.register.models import Gemeente
from leerplicht.toegang.beleid import ZICHTBAAR


@pytest.mark.parametrize("naam", sorted(LABELS))
def test_elke_naam_is_het_model(naam):
    model = getattr(M, naam)
    assert model.__name__ == naam
    assert model._meta.label == LABELS[naam]


def test_onbekende_naam_is_een_attribuutfout():
    with pytest.raises(AttributeError):
        M.Bestaatniet  # noqa: B018


def test_op_model_leest_met_de_klasse():
    kaart = OpModel({"meldingen.Melding": 1, Gemeente: 2})
    assert kaart[Melding] == 1 and kaart[Gemeente] == 2
    assert Melding in kaart and "iets" not in kaart and len(kaart) == 2
    assert set(kaart) == {Melding, Gemeente}


def test_de_lijsten_van_persoonsgegevens_zijn_gelijk():
    assert set(ONDERDELEN) == set(ZICHTBAAR)
    # The audit follows every model with person data except the log of events itself.
    assert set(GEVOLGDE_MODELLEN) <= set(ZICHTBAAR)
    assert set(ZICHTBAAR) - set(GEVOLGDE_MODELLEN) == {M.Gebeurtenis}
