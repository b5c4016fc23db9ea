"""De overdracht van een complete melding aan de leerplichtambtenaar: which kind of
werkproces a melding opens, and which open werkproces it may join (recidive).

Pure Python. The use case is `leerplicht.meldingen.route.overdragen`.
"""

from __future__ import annotations

#: The kind of werkproces a new melding opens (domain.md, "Kinds of werkproces").
WERKPROCESTYPE_VOOR_SOORT: dict[str, str] = {
    "absoluut": "absoluut_verzuim",
    "18plus": "verzuim_18plus",
    "wettelijk": "relatief_verzuim",
    "langdurig": "relatief_verzuim",
    "luxe": "relatief_verzuim",
    "overig": "relatief_verzuim",
}

#: The open werkprocessen a melding of this kind joins instead of opening a new one: the
#: same kind of verzuim, or the lighter preventive case of the same age group.
PASSENDE_WERKPROCESSEN: dict[str, frozenset[str]] = {
    "absoluut_verzuim": frozenset({"absoluut_verzuim", "relatief_verzuim"}),
    "relatief_verzuim": frozenset({"relatief_verzuim", "zorg_preventie", "absoluut_verzuim"}),
    "verzuim_18plus": frozenset({"verzuim_18plus", "zorg_preventie_18plus"}),
}


def werkprocestype_voor(soort: str) -> str:
    return WERKPROCESTYPE_VOOR_SOORT[soort]


def past_bij(soort: str, werkprocestype: str) -> bool:
    """Whether a melding of `soort` joins an open werkproces of `werkprocestype`."""
    return werkprocestype in PASSENDE_WERKPROCESSEN[werkprocestype_voor(soort)]
