"""How often things happen: the proportions of the generated region, and drawing by weight.

Why a module of its own: these tables are what one tunes (see generator.md, "Iets
veranderen"); kept apart from the code that uses them, one line per idea, so a change of a
proportion is a review of numbers only. They are tuned so that a region looks like the annual
reports in shared/seeds: about 50 werkprocessen per 1,000 leerlingen a year, and about 0.14
meldingen per person a year (the national scale the product owner asked for: 2.4 million
persons, about a million meldingen in three years). Proportions are per person-year unless
said otherwise.
"""

from __future__ import annotations

# fmt: off

#: Chance of a verzuim "cluster" (one or more meldingen of one soort) by age on 1 October.
CLUSTERKANS = (0, 0, 0, 0, 0, 0.08, 0.09, 0.10, 0.11, 0.11, 0.11, 0.12, 0.17, 0.21, 0.25,
               0.27, 0.27, 0.27)
#: Melding soort of a cluster, for primary and for secondary ages: (soort, weight).
_SOORTEN_JONG = (("wettelijk", 27.0), ("overig", 30.0), ("luxe", 36.0), ("langdurig", 7.0))
_SOORTEN_OUD = (("wettelijk", 45.0), ("overig", 31.0), ("luxe", 9.0), ("langdurig", 15.0))
#: Chance that another melding of the same soort follows (recidive within the year).
HERHAAL = {"wettelijk": 0.42, "overig": 0.38, "luxe": 0.12, "langdurig": 0.35, "18plus": 0.25}
#: Chance that the meldingen of a cluster get a werkproces.
WERKPROCES_KANS = {"wettelijk": 0.14, "langdurig": 0.38, "overig": 0.04, "luxe": 0.08,
                   "absoluut": 0.45, "18plus": 0.30}
#: Werkprocessen that do not start from a melding, per leerling-year.
KANS_ZORG = 0.007
KANS_INFO = 0.0065
KANS_VERLOF = 0.0008
KANS_ZORG_18 = 0.004
#: Vrijstellingen per person-year at the ages the grond applies to: (grond, from, to, chance).
VRIJSTELLINGEN = (("5a", 5, 17, 0.0030), ("5c", 5, 17, 0.0016), ("3b", 15, 15, 0.0080),
                  ("3a", 14, 15, 0.0035), ("15", 16, 17, 0.0025), ("5b", 5, 15, 0.0003))
_RESULTATEN_GEWICHTEN = {
    "relatief_verzuim": (("school", 62), ("hulpverlening", 12), ("dagbesteding", 3),
                         ("time_out", 2), ("verhuisd", 5), ("vrijstelling", 3), ("werk", 1),
                         ("overdracht_dsp", 2), ("overig", 10)),
    "absoluut_verzuim": (("school", 68), ("verhuisd", 15), ("vrijstelling", 5),
                         ("dagbesteding", 2), ("overig", 10)),
    "verzuim_18plus": (("school", 45), ("werk", 25), ("hulpverlening", 10), ("verhuisd", 5),
                       ("overig", 15)),
    "zorg_preventie": (("school", 55), ("hulpverlening", 25), ("dagbesteding", 4),
                       ("time_out", 3), ("overig", 13)),
    "zorg_preventie_18plus": (("school", 35), ("werk", 20), ("hulpverlening", 30),
                              ("overig", 15)),
    "informatie_advies": (("overig", 70), ("school", 30)),
    "extra_verlof": (("overig", 80), ("school", 20)),
    "vrijstelling": (("vrijstelling", 80), ("school", 15), ("overig", 5)),
    "vervangende_leerplicht": (("school", 70), ("vrijstelling", 20), ("overig", 10)),
    "jikp": (("werk", 40), ("dagbesteding", 20), ("hulpverlening", 15), ("school", 10),
             ("overdracht_dsp", 10), ("overig", 5)),
    "vsv": (("school", 40), ("werk", 35), ("hulpverlening", 10), ("overig", 15)),
}
_VSV_MONITORING_GEWICHTEN = (
    ("werk_kort", 14), ("werk_6mnd", 12), ("werk_12mnd", 10), ("werk_opleiding", 5),
    ("werk_lks", 2), ("zzp", 2), ("wacht_inkomen", 3), ("wacht_inschrijving", 6), ("school", 12),
    ("andere_partij", 6), ("participatiewet", 5), ("wajong", 2), ("dagbesteding", 3),
    ("hulpverlening", 6), ("niet_bereikbaar", 9), ("overig", 3),
)
_RICHTING_GEWICHTEN = (("vmbo", 52), ("havo", 25), ("vwo", 20), ("pro", 3))
_BESLUIT_GEWICHTEN = (("toegekend", 84), ("afgewezen", 8), ("ingetrokken", 3), ("open", 5))
_THUISZITTER_EINDE_GEWICHTEN = (
    ("opgelost", 68), ("verhuisd", 14), ("vrijstelling", 9), ("overig", 9),
)
#: Interventies per werkproces type: (soort, chance, phase 0..1 within the case).
INTERVENTIES: dict[str, tuple[tuple[str, float, float], ...]] = {
    "relatief_verzuim": (
        ("kennisgevingsbrief", 0.45, 0.03), ("uitnodiging", 0.60, 0.08), ("gesprek", 0.80, 0.2),
        ("waarschuwing", 0.32, 0.35), ("mdo", 0.10, 0.4), ("verwijzing_hulpverlening", 0.15, 0.45),
        ("halt", 0.07, 0.55), ("proces_verbaal", 0.07, 0.75), ("veilig_thuis", 0.015, 0.5),
        ("beschermingstafel", 0.015, 0.7), ("svb", 0.0, 0.8),
    ),
    "absoluut_verzuim": (
        ("kennisgevingsbrief", 0.30, 0.03), ("uitnodiging", 0.50, 0.08), ("gesprek", 0.50, 0.2),
        ("waarschuwing", 0.15, 0.35), ("verwijzing_hulpverlening", 0.05, 0.45),
        ("proces_verbaal", 0.05, 0.75), ("beschermingstafel", 0.01, 0.7),
    ),
    "verzuim_18plus": (
        ("uitnodiging", 0.50, 0.05), ("gesprek", 0.70, 0.2), ("mdo", 0.05, 0.4),
        ("verwijzing_hulpverlening", 0.10, 0.5),
    ),
    "zorg_preventie": (
        ("gesprek", 0.70, 0.15), ("mdo", 0.20, 0.3), ("verwijzing_hulpverlening", 0.25, 0.5),
        ("veilig_thuis", 0.02, 0.5), ("beschermingstafel", 0.02, 0.7),
    ),
    "zorg_preventie_18plus": (
        ("gesprek", 0.70, 0.15), ("mdo", 0.15, 0.3), ("verwijzing_hulpverlening", 0.30, 0.5),
    ),
    "informatie_advies": (("gesprek", 0.40, 0.2),),
    "vrijstelling": (("gesprek", 0.50, 0.3), ("mdo", 0.10, 0.4)),
    "vervangende_leerplicht": (("gesprek", 0.60, 0.3),),
    "extra_verlof": (("gesprek", 0.20, 0.3),),
    "jikp": (
        ("uitnodiging", 0.40, 0.05), ("gesprek", 0.70, 0.2),
        ("verwijzing_hulpverlening", 0.15, 0.5),
    ),
    "vsv": (
        ("uitnodiging", 0.50, 0.05), ("gesprek", 0.70, 0.2),
        ("verwijzing_hulpverlening", 0.12, 0.5),
    ),
}
# fmt: on

Gewogen = tuple[tuple[str, ...], list[float]]


def _gewogen(paren: tuple[tuple[str, float], ...]) -> Gewogen:
    """Codes and cumulative shares, for drawing a code with one random number."""
    totaal = sum(g for _, g in paren)
    cumulatief, som = [], 0.0
    for _, g in paren:
        som += g / totaal
        cumulatief.append(som)
    cumulatief[-1] = 1.0
    return tuple(c for c, _ in paren), cumulatief


SOORT_JONG = _gewogen(_SOORTEN_JONG)
SOORT_OUD = _gewogen(_SOORTEN_OUD)
RESULTATEN = {t: _gewogen(w) for t, w in _RESULTATEN_GEWICHTEN.items()}
VSV_MONITORING = _gewogen(_VSV_MONITORING_GEWICHTEN)
THUISZITTER_EINDE = _gewogen(_THUISZITTER_EINDE_GEWICHTEN)
RICHTING = _gewogen(_RICHTING_GEWICHTEN)
BESLUIT = _gewogen(_BESLUIT_GEWICHTEN)
#: Vrijstellingen of the duty to enrol: while valid, the child has no inschrijving.
ZONDER_INSCHRIJVING = frozenset({"5a", "5b", "5c", "15"})
