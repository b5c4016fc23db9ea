"""The reader never crashes: whatever the bytes, it yields typed rows or located errors."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leerplicht.domein import uitwisselformaat as formaat
from leerplicht.invoer.fouten import Foutenlijst
from leerplicht.invoer.lezer import Bestandslezer
from leerplicht.uitwisseling.importeren import importeer

BESTANDEN = st.sampled_from(formaat.BESTANDEN)

# Cells drawn near the valid values, so rows get past the header and into the checks.
CELLEN = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "2024-02-29",
            "2023-02-29",
            "GM0225",
            "12AB",
            "00",
            "ja",
            "nee",
            "111222333",
            "wettelijk",
            "proces_verbaal",
            "ouders",
            "luxe",
            "5a",
            "toegekend",
            "open",
            '"',
            ";",
            "\n",
        ]
    ),
)


def lees(spec: formaat.Bestand, data: bytes) -> tuple[list, Foutenlijst]:
    fouten = Foutenlijst(maximum=50)
    rijen = list(Bestandslezer(spec, fouten).rijen(io.BytesIO(data)))
    return rijen, fouten


@settings(max_examples=300, deadline=None)
@given(spec=BESTANDEN, data=st.binary(max_size=400))
def test_willekeurige_bytes(spec, data):
    rijen, fouten = lees(spec, data)
    assert rijen == [] or not fouten.vol
    for fout in fouten.fouten:
        assert fout.bestand == spec.naam and fout.regel >= 1


@settings(max_examples=300, deadline=None)
@given(
    spec=BESTANDEN,
    scheiding=st.sampled_from([",", ";"]),
    rijen=st.lists(st.lists(CELLEN, min_size=0, max_size=12), max_size=8),
    bom=st.booleans(),
    afkappen=st.integers(min_value=0, max_value=50),
)
def test_bijna_geldige_csv(spec, scheiding, rijen, bom, afkappen):
    regels = [scheiding.join(spec.kolomnamen)] + [scheiding.join(r) for r in rijen]
    data = ("\ufeff" if bom else "") + "\n".join(regels)
    ruw = data.encode("utf-8")
    ruw = ruw[: max(len(ruw) - afkappen, 0)]
    gelezen, _fouten = lees(spec, ruw)
    for regel, rij in gelezen:
        assert regel >= 2
        assert set(rij) == set(spec.kolomnamen)
        for kolom in spec.kolommen:  # every value that got through is valid
            waarde = rij[kolom.naam]
            assert waarde is not None or not kolom.verplicht
            if kolom.codes is not None and waarde is not None:
                assert waarde in kolom.codes


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=200), naam=st.sampled_from(["personen.csv", "gemeenten.csv"]))
def test_import_van_willekeurige_bytes_crasht_niet_en_slaat_niets_half_op(
    tmp_path_factory, data, naam
):
    map_ = tmp_path_factory.mktemp("fuzz")
    (map_ / naam).write_bytes(data)
    resultaat = importeer(map_)
    assert resultaat.opgeslagen != bool(resultaat.fouten)
