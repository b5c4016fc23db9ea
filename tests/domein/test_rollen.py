"""Rollen and handelingen: who does which kind of work (domain.md, "Who uses it")."""

from __future__ import annotations

import pytest

from leerplicht.domein.rollen import HANDELINGEN, ZIET_DOSSIERS, Handeling, Rol


def test_elke_handeling_heeft_rollen():
    assert set(HANDELINGEN) == set(Handeling)
    assert all(HANDELINGEN.values())


@pytest.mark.parametrize("handeling", sorted(set(Handeling) - {Handeling.SJABLONEN_BEHEREN}))
def test_werk_aan_dossiers_alleen_voor_wie_dossiers_ziet(handeling):
    assert HANDELINGEN[handeling] <= ZIET_DOSSIERS


def test_beleid_beheer_en_privacy_doen_geen_dossierwerk():
    for handeling, rollen in HANDELINGEN.items():
        assert Rol.BELEIDSMEDEWERKER not in rollen
        assert Rol.PRIVACY_OFFICER not in rollen
        if handeling is not Handeling.SJABLONEN_BEHEREN:
            assert Rol.APPLICATIEBEHEERDER not in rollen


def test_besluit_op_vrijstelling_niet_door_de_administratie():
    """Art. 5-7 and 14: the leerplichtambtenaar decides; the administratie registers."""
    besluiten = HANDELINGEN[Handeling.VRIJSTELLING_BESLUITEN]
    assert Rol.ADMINISTRATIEF_MEDEWERKER not in besluiten
    assert Rol.LEERPLICHTAMBTENAAR in besluiten
    assert Rol.ADMINISTRATIEF_MEDEWERKER in HANDELINGEN[Handeling.VRIJSTELLING_REGISTREREN]


def test_halt_en_proces_verbaal_alleen_door_een_ambtenaar():
    assert Rol.ADMINISTRATIEF_MEDEWERKER not in HANDELINGEN[Handeling.WERKPROCES_BEHANDELEN]


def test_het_jaarverslag_schrijft_de_teammanager():
    """The team's texts in the jaarverslag go to the gemeenteraad: the manager words them."""
    assert HANDELINGEN[Handeling.VERSLAG_SCHRIJVEN] == frozenset({Rol.TEAMMANAGER})
