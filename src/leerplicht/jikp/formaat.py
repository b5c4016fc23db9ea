"""The layout of the yearly JIKP list as a CSV file (ASSUMED; documented in
docs/gebruikers/verzuim-18plus-en-jikp.md): `;` or `,` separated, UTF-8, a header row.

    bsn;peiljaar;herkomst;situatie_1_jaar;situatie_3_jaar;situatie_5_jaar[;bron]

Read with the exchange format's reader (`invoer.lezer.Bestandslezer`), so errors
read `bestand:regel: kolom: melding` like every other import.
"""

from __future__ import annotations

from dataclasses import replace

from leerplicht.domein import codes
from leerplicht.domein import uitwisselformaat as f
from leerplicht.domein.schooljaar import Schooljaar


def _peiljaar(rij: f.Rij) -> list[f.Fout]:
    try:
        Schooljaar.van_naam(str(rij["peiljaar"]))
    except ValueError as fout:
        return [("peiljaar", str(fout))]
    return []


JIKP = f.Bestand(
    naam="jikp.csv",
    kolommen=(
        f.Kolom("bsn", f.BSN, max_lengte=9),
        f.Kolom("peiljaar", max_lengte=9),
        f.Kolom("herkomst", f.CODE, codes=codes.JIKP_HERKOMST),
        f.Kolom("situatie_1_jaar", f.CODE, verplicht=False, codes=codes.JIKP_SITUATIES),
        f.Kolom("situatie_3_jaar", f.CODE, verplicht=False, codes=codes.JIKP_SITUATIES),
        f.Kolom("situatie_5_jaar", f.CODE, verplicht=False, codes=codes.JIKP_SITUATIES),
        f.Kolom("bron", verplicht=False),
    ),
    sleutel=("bsn", "peiljaar"),
    extra_kolommen=("situatie_1_jaar", "situatie_3_jaar", "situatie_5_jaar", "bron"),
    regels=(_peiljaar,),
)


def bestandsspec(bestandsnaam: str) -> f.Bestand:
    """The layout, named after the file being read (errors then name that file)."""
    return replace(JIKP, naam=bestandsnaam)
