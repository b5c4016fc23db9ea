"""Art. 15 and art. 3b with the register's facts (issue 13, item 9): twaalf volledige
schooljaren end full leerplicht early (art. 3 lid 1 onder a), so a pupil is
kwalificatieplichtig sooner, and art. 3b's "last school year" comes sooner too."""

from __future__ import annotations

from datetime import date

import pytest

from leerplicht.domein import vrijstellingsregels as r

#: The issue's pupil: born 15-11-2009, twelve full school years done on 31-7-2025.
GEBOREN = date(2009, 11, 15)
TWAALF = date(2025, 7, 31)


def _aanvraag(grond: str, van: date, **feiten) -> r.Aanvraag:
    return r.Aanvraag(
        grond=grond,
        aangevraagd=van,
        geldig_van=van,
        geldig_tot=None,
        geboortedatum=GEBOREN,
        plan_van_aanpak=True,
        **feiten,
    )


@pytest.mark.parametrize(
    ("feiten", "bezwaar"),
    [
        ({}, True),  # by age alone volledig leerplichtig until 31-7-2026
        ({"twaalf_schooljaren_voltooid": TWAALF}, False),  # kwalificatieplichtig
        (
            {"twaalf_schooljaren_voltooid": TWAALF, "kwalificatieplicht_vervallen": TWAALF},
            True,  # no kwalificatieplicht left to replace
        ),
    ],
)
def test_art_15_op_1_oktober_2025(feiten, bezwaar):
    assert bool(r.bezwaren_15(_aanvraag("15", date(2025, 10, 1), **feiten))) is bezwaar


def test_art_3b_laatste_schooljaar_komt_eerder_na_twaalf_schooljaren():
    # By age the last year of full leerplicht is 2025-2026 (16 on 15-11-2025) ...
    assert not r.bezwaren_3b(_aanvraag("3b", date(2025, 9, 1)))
    assert r.bezwaren_3b(_aanvraag("3b", date(2024, 9, 1)))
    # ... after twelve school years on 31-7-2025 it was 2024-2025.
    met = {"twaalf_schooljaren_voltooid": TWAALF}
    assert not r.bezwaren_3b(_aanvraag("3b", date(2024, 9, 1), **met))
    assert r.bezwaren_3b(_aanvraag("3b", date(2025, 9, 1), **met))
