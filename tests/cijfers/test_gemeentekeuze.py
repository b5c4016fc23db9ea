"""Which gemeenten a rapport is over is always said, never assumed (issue 12, finding 8).

`gemeenten=None` used to mean every gemeente: a screen that forgot to pass its user's
gemeenten showed the whole region. Now every gemeente is the named ALLE_GEMEENTEN, and
anything else than a list of codes or that name is refused.
"""

from __future__ import annotations

import pytest

from leerplicht.bewaren.vaststellen import rapport_van
from leerplicht.cijfers.rapport import ALLE_GEMEENTEN, gekozen_codes, maak_rapport
from leerplicht.domein.schooljaar import Schooljaar
from leerplicht.verslagen.diensten import OnbekendeGemeenten, maak_jaarverslag
from portaal.fabrieken import GemeenteFactory

JAAR = Schooljaar(2024)


@pytest.mark.parametrize("fout", [None, "GM0001", b"GM0001"])
def test_gekozen_codes_weigert_alles_behalve_een_lijst_of_alle(fout):
    with pytest.raises(TypeError):
        gekozen_codes(fout)


def test_gekozen_codes():
    assert gekozen_codes(ALLE_GEMEENTEN) is None
    assert gekozen_codes(("GM0001",)) == ["GM0001"]
    assert gekozen_codes([]) == []


@pytest.mark.django_db
def test_rapport_zonder_keuze_kan_niet():
    GemeenteFactory(code="GM0001")
    with pytest.raises(TypeError):
        maak_rapport(JAAR)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        maak_rapport(JAAR, gemeenten=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        rapport_van(JAAR, gemeenten=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        maak_jaarverslag(JAAR, None)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_lege_keuze_is_geen_gemeente_en_niet_alle():
    GemeenteFactory(code="GM0001")
    GemeenteFactory(code="GM0002")
    leeg = maak_rapport(JAAR, gemeenten=[])["gemeenten"]
    assert set(leeg) == {"totaal"}
    with pytest.raises(OnbekendeGemeenten, match="geen gemeente gekozen"):
        maak_jaarverslag(JAAR, [])
    alle = maak_rapport(JAAR, gemeenten=ALLE_GEMEENTEN)["gemeenten"]
    assert set(alle) == {"GM0001", "GM0002", "totaal"}
