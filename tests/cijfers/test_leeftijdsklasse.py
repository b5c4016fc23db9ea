"""The leeftijdsklasse rule: the YYYYMMDD arithmetic (used in SQL) equals leeftijd_op."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from leerplicht.domein.leeftijd import leeftijd_op
from leerplicht.domein.leeftijdsklasse import (
    MELDING_18PLUS,
    VSV_OPEN,
    datumgetal,
    klasse_op,
    klasse_van,
)

datums = st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))


@given(datums, datums)
def test_datumgetal_geeft_leeftijd(geboren, peildatum):
    if peildatum >= geboren:
        assert (datumgetal(peildatum) - datumgetal(geboren)) // 10000 == leeftijd_op(
            geboren, peildatum
        )


def test_klassen():
    assert klasse_van(17, MELDING_18PLUS) == "onder_18"
    assert klasse_van(18, MELDING_18PLUS) == "18"
    assert klasse_van(22, MELDING_18PLUS) == "22"
    assert klasse_van(23, MELDING_18PLUS) == "23_en_ouder"
    assert klasse_van(26, VSV_OPEN) == "23_tot_27"
    assert klasse_van(27, VSV_OPEN) == "27_en_ouder"
    assert klasse_op(date(2004, 2, 29), date(2022, 2, 28), MELDING_18PLUS) == "onder_18"
    assert klasse_op(date(2004, 2, 29), date(2022, 3, 1), MELDING_18PLUS) == "18"
